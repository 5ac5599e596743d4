import { Injectable } from '@nestjs/common';
import {
  ACCURACY_REPORT,
  accuracyReport,
  AUTO_MATCH_MIN_SCORE,
  BUDGET_SHARES,
  DEFAULT_MATCH_THRESHOLDS,
  DEFAULT_MAX_REVIEW_SHARE,
  REVIEW_BUDGET,
  type AccuracyReport,
  type DecisionRecord,
} from '@comeback/domain';
import { TenantService } from '@comeback/platform';
import { MatchParametersService, ReviewScoreWindows } from '@comeback/registry';
import { ReviewQueueRepository } from './review-queue.repository';

export interface MatchingAccuracy extends AccuracyReport {
  thresholds: {
    match: number;
    /** A fixed review threshold HR set, or null: it follows the review budget. */
    review: number | null;
    maxReviewShare: number;
    /**
     * Where the review budget puts the threshold now (from the stored window of recent decisions), how many
     * decisions that window holds, and how many it needs before it moves away from the shipped value.
     */
    budget: {
      reviewFrom: number;
      decisions: number;
      minDecisions: number;
      /** Share of those decisions that went to review (null while the window holds decisions stored without it). */
      spent: number | null;
    };
  };
  parameters: {
    source: 'estimated' | 'defaults';
    pairs: number;
    labelled: number;
    estimatedAt: string | null;
  };
  tolerances: { review: number; auto: number; minMeasured: number; window: number };
}

/** Outcomes after an automatic (or confirmed) match; `match_undone` is HR's "not a returnee". */
const NONE_OUTCOMES = new Set(['not_alumni']);

/** The tenant's matcher accuracy: estimates from the model's probabilities beside HR's measured figures. */
@Injectable()
export class MatchingAccuracyService {
  constructor(
    private readonly reviews: ReviewQueueRepository,
    private readonly tenants: TenantService,
    private readonly parameters: MatchParametersService,
    private readonly scoreWindows: ReviewScoreWindows,
  ) {}

  async report(tenantId: string): Promise<MatchingAccuracy> {
    const [rows, tenant, params, window] = await Promise.all([
      this.reviews.recentDecisions(tenantId, ACCURACY_REPORT.window),
      this.tenants.get(tenantId),
      this.parameters.current(tenantId),
      this.scoreWindows.latest(tenantId),
    ]);
    const records: DecisionRecord[] = rows.flatMap((r): DecisionRecord[] => {
      if (r.reviewStatus) {
        // A confirmed review that HR later undid was a wrong proposal after all.
        const verdict =
          r.reviewStatus === 'open'
            ? null
            : r.reviewStatus === 'confirmed' && r.outcome !== 'match_undone'
              ? 'confirmed'
              : 'rejected';
        return [{ decision: 'review', score: r.score, verdict, candidates: r.candidates }];
      }
      if (NONE_OUTCOMES.has(r.outcome))
        return [{ decision: 'none', score: r.score, verdict: null, candidates: r.candidates }];
      // A match without a score was not the matcher's (an invitation's marker) or was erased: nothing to estimate.
      if (r.score === null) return [];
      return [
        {
          decision: 'match',
          score: r.score,
          verdict: r.outcome === 'match_undone' ? 'undone' : null,
          candidates: r.candidates,
        },
      ];
    });
    const configured = tenant.settings.matchThresholds ?? {};
    const maxReviewShare = configured.maxReviewShare ?? DEFAULT_MAX_REVIEW_SHARE;
    const estimated = params?.source === 'estimated';
    return {
      // HR's own share is priced beside the usual ones.
      ...accuracyReport(records, [...BUDGET_SHARES, maxReviewShare]),
      thresholds: {
        match: Math.max(
          configured.match ?? DEFAULT_MATCH_THRESHOLDS.match,
          estimated ? AUTO_MATCH_MIN_SCORE : Number.NEGATIVE_INFINITY,
        ),
        review: configured.review ?? null,
        maxReviewShare,
        budget: {
          reviewFrom: window.reviewThreshold(maxReviewShare, DEFAULT_MATCH_THRESHOLDS.review),
          decisions: window.count,
          minDecisions: REVIEW_BUDGET.minSamples,
          spent: window.reviewedShare,
        },
      },
      parameters: {
        source: estimated ? 'estimated' : 'defaults',
        pairs: params?.pairs ?? 0,
        labelled: params?.labelled ?? 0,
        estimatedAt: params ? new Date(params.estimatedAt).toISOString() : null,
      },
      tolerances: {
        review: ACCURACY_REPORT.reviewTolerance,
        auto: ACCURACY_REPORT.autoTolerance,
        minMeasured: ACCURACY_REPORT.minMeasured,
        window: ACCURACY_REPORT.window,
      },
    };
  }
}
