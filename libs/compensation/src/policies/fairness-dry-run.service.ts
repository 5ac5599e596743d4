import { Injectable } from '@nestjs/common';
import { AuditActor, AuditService } from '@comeback/platform';
import type { FairnessCheckResult, FairnessOutcome, FairnessPolicy } from '@comeback/domain/compensation';
import type { OfferCheckEntity } from '../entities/offer-check.entity';
import { MarketDataRepository } from '../market/market-data.repository';
import { FairnessEvaluator } from '../offers/fairness-evaluator';
import { OfferChecksRepository } from '../offers/offer-checks.repository';
import { type ActiveFairnessPolicy, FairnessPolicyService } from './fairness-policy.service';

type Counts = Record<FairnessOutcome, number>;

export interface FairnessDryRunExample {
  checkId: string;
  ats: string;
  applicationId: string;
  amount: number;
  before: FairnessOutcome;
  after: FairnessOutcome;
  reasonsAdded: string[];
  reasonsRemoved: string[];
}

export interface FairnessDryRunReport {
  version: number;
  againstVersion: number;
  openOffers: number;
  before: Counts;
  after: Counts;
  changed: number;
  /** "pass→warn": how many offers moved that way. */
  transitions: Record<string, number>;
  examples: FairnessDryRunExample[];
  elapsedMs: number;
}

const EXAMPLE_LIMIT = 20;
const CONCURRENCY = 8;

/**
 * Replays every open offer (the latest proposal or ATS offer of each application) under the active policy and under
 * a draft, on the inputs and snapshot each was checked with, and reports what would change. Nothing is written.
 */
@Injectable()
export class FairnessDryRunService {
  constructor(
    private readonly policies: FairnessPolicyService,
    private readonly checks: OfferChecksRepository,
    private readonly market: MarketDataRepository,
    private readonly evaluator: FairnessEvaluator,
    private readonly audit: AuditService,
  ) {}

  /**
   * Replays every open offer (prior pay, ratings): audited (who, which version, how many; never the figures), and
   * recorded on the version (activation requires it).
   */
  async dryRun(actor: AuditActor, version: number): Promise<FairnessDryRunReport> {
    const started = performance.now();
    const current = await this.policies.active(actor.tenantId);
    return this.policies.dryRun(actor, version, (draft) =>
      this.replay(actor, version, current, draft, started),
    );
  }

  private async replay(
    actor: AuditActor,
    version: number,
    current: ActiveFairnessPolicy,
    draft: FairnessPolicy,
    started: number,
  ): Promise<FairnessDryRunReport> {
    const tenantId = actor.tenantId;
    const open = await this.checks.openChecks(tenantId);
    const snapshots = new Map<string, { id: string; effectiveDate: string } | null>();
    for (const id of new Set(open.map((c) => c.snapshotId).filter((s): s is string => s !== null))) {
      const s = await this.market.getSnapshot(tenantId, id);
      snapshots.set(id, s ? { id: s.id, effectiveDate: s.effectiveDate } : null);
    }
    const sameCohortRules = sameScales(current.policy, draft);
    const results: { check: OfferCheckEntity; before: FairnessCheckResult; after: FairnessCheckResult }[] =
      [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < open.length) {
        const check = open[next++];
        const snapshot = check.snapshotId ? (snapshots.get(check.snapshotId) ?? null) : null;
        const input = (policy: FairnessPolicy) => ({
          tenantId,
          amount: check.amount,
          target: check.target,
          returnee: check.inputs.returnee,
          band: check.inputs.band,
          snapshot,
          policy,
          asOf: check.inputs.asOf,
        });
        const cohortBefore = await this.evaluator.cohortFor(input(current.policy));
        // The cohort query depends on the policy only through its scales and privacy minimum: reuse it when unchanged.
        const cohortAfter = sameCohortRules ? cohortBefore : await this.evaluator.cohortFor(input(draft));
        results.push({
          check,
          before: this.evaluator.checkWith(input(current.policy), cohortBefore),
          after: this.evaluator.checkWith(input(draft), cohortAfter),
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, open.length) }, worker));

    const zero = (): Counts => ({ pass: 0, warn: 0, fail: 0 });
    const report: FairnessDryRunReport = {
      version,
      againstVersion: current.version,
      openOffers: open.length,
      before: zero(),
      after: zero(),
      changed: 0,
      transitions: {},
      examples: [],
      elapsedMs: 0,
    };
    results.sort((a, b) => a.check.createdAt.getTime() - b.check.createdAt.getTime());
    for (const { check, before, after } of results) {
      report.before[before.result]++;
      report.after[after.result]++;
      const b = new Set(before.reasons.map((r) => `${r.code}:${r.basis}:${r.severity}`));
      const a = new Set(after.reasons.map((r) => `${r.code}:${r.basis}:${r.severity}`));
      const added = [...a].filter((x) => !b.has(x));
      const removed = [...b].filter((x) => !a.has(x));
      if (before.result === after.result && added.length === 0 && removed.length === 0) continue;
      report.changed++;
      const key = `${before.result}→${after.result}`;
      report.transitions[key] = (report.transitions[key] ?? 0) + 1;
      if (report.examples.length < EXAMPLE_LIMIT) {
        report.examples.push({
          checkId: check.id,
          ats: check.ats,
          applicationId: check.applicationId,
          amount: check.amount,
          before: before.result,
          after: after.result,
          reasonsAdded: added,
          reasonsRemoved: removed,
        });
      }
    }
    report.elapsedMs = Math.round(performance.now() - started);
    await this.audit.record(actor, {
      action: 'fairness_policy.dry_run',
      targetType: 'fairness_policy',
      targetId: String(version),
      details: { againstVersion: current.version, openChecks: open.length, examples: report.examples.length },
    });
    return report;
  }
}

function sameScales(a: FairnessPolicy, b: FairnessPolicy): boolean {
  return (
    JSON.stringify([a.levelRanks, a.ratingScores, a.privacy.minCohort]) ===
    JSON.stringify([b.levelRanks, b.ratingScores, b.privacy.minCohort])
  );
}
