import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  comparisonLevels,
  EM_SETTINGS,
  estimateParameters,
  patternFromKey,
  patternKey,
  tenantWeights,
  type ComparisonPattern,
  type EstimatedParameters,
  type MatchEvidence,
  type ScoredCandidate,
  type TenantWeights,
} from '@comeback/domain';
import { logSafeError } from '@comeback/platform';
import { MatchParametersRepository, type StoredMatchParameters } from './match-parameters.repository';

export const MATCH_PARAMETER_SETTINGS = {
  /** Candidates per applicant whose comparison vectors feed the estimate (the best is most often the match). */
  candidatesPerApplicant: 3,
  /** Vectors buffered in a process before one upsert writes them. */
  flushAt: 600,
  /** Weights are re-read at most this often per process (a re-estimate elsewhere shows up within it). */
  cacheMs: 60_000,
  /** HR decisions between re-estimates triggered by reviews. */
  reestimateEveryDecisions: 25,
  /** Decided reviews that enter an estimate as labelled pairs (the latest). */
  labelledLimit: 5000,
  reestimateEveryMs: 3_600_000,
} as const;

export interface ReestimateSummary {
  source: 'estimated' | 'defaults';
  pairs: number;
  labelled: number;
  weights: TenantWeights | null;
  estimate: EstimatedParameters;
}

/**
 * Per-tenant m/u estimates (issue 14). The matcher reports the comparison vectors it sees; an EM estimate
 * over them, with HR's review decisions as labelled pairs, yields bounded field weights that replace the
 * shipped ones once the tenant has enough pairs (EM_SETTINGS.minPairs; below it the defaults stand).
 * Re-estimated hourly, after each import, every few review decisions, and by the CLI command.
 */
@Injectable()
export class MatchParametersService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MatchParametersService.name);
  private readonly buffer = new Map<string, Map<string, number>>();
  private buffered = 0;
  private readonly cache = new Map<string, { weights: TenantWeights | null; at: number }>();
  private readonly decisions = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly repo: MatchParametersRepository) {}

  onModuleInit(): void {
    this.timer = setInterval(
      () => void this.reestimateAll().catch((err: unknown) => this.warn(err)),
      MATCH_PARAMETER_SETTINGS.reestimateEveryMs,
    );
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush().catch((err: unknown) => this.warn(err));
  }

  /** Counts the comparison vectors of one decision's best candidates (flushes when the buffer is full). */
  observe(tenantId: string, candidates: readonly ScoredCandidate[]): void {
    let t = this.buffer.get(tenantId);
    if (!t) {
      t = new Map();
      this.buffer.set(tenantId, t);
    }
    for (const c of candidates.slice(0, MATCH_PARAMETER_SETTINGS.candidatesPerApplicant)) {
      const key = patternKey(comparisonLevels(c.evidence));
      t.set(key, (t.get(key) ?? 0) + 1);
      this.buffered++;
    }
    // Written in the background: the match that fills the buffer should not wait for the upsert.
    if (this.buffered >= MATCH_PARAMETER_SETTINGS.flushAt)
      void this.flush().catch((err: unknown) => this.warn(err));
  }

  /** Writes the counted patterns; resolves once they and every earlier flush are stored (for re-estimates). */
  async flush(): Promise<void> {
    const pending = [...this.buffer];
    this.buffer.clear();
    this.buffered = 0;
    const write = this.writing.then(async () => {
      for (const [tenantId, counts] of pending) await this.repo.addPatterns(tenantId, counts);
    });
    this.writing = write.catch(() => undefined);
    await write;
  }

  private writing: Promise<void> = Promise.resolve();

  /** The tenant's estimated weights, or null (shipped defaults). */
  async weightsFor(tenantId: string): Promise<TenantWeights | null> {
    const hit = this.cache.get(tenantId);
    if (hit && Date.now() - hit.at < MATCH_PARAMETER_SETTINGS.cacheMs) return hit.weights;
    const stored = await this.repo.load(tenantId);
    const weights = stored?.weights ?? null;
    this.cache.set(tenantId, { weights, at: Date.now() });
    return weights;
  }

  async current(tenantId: string): Promise<StoredMatchParameters | null> {
    return this.repo.load(tenantId);
  }

  /** A review was confirmed or rejected: every few decisions the estimate learns from them. */
  async noteReviewDecision(tenantId: string): Promise<void> {
    const n = (this.decisions.get(tenantId) ?? 0) + 1;
    this.decisions.set(tenantId, n % MATCH_PARAMETER_SETTINGS.reestimateEveryDecisions);
    if (n >= MATCH_PARAMETER_SETTINGS.reestimateEveryDecisions) {
      await this.reestimate(tenantId).catch((err: unknown) => this.warn(err));
    }
  }

  async reestimate(tenantId: string): Promise<ReestimateSummary> {
    await this.flush();
    const counts = new Map((await this.repo.patterns(tenantId)).map((p) => [p.pattern, p.count]));
    const labelled = labelledPatterns(
      await this.repo.decidedReviews(tenantId, MATCH_PARAMETER_SETTINGS.labelledLimit),
    );
    // Decided pairs were also counted when they were matched: count them once, with their label.
    for (const l of labelled) {
      const key = patternKey(l.levels);
      counts.set(key, Math.max((counts.get(key) ?? 0) - l.count, 0));
    }
    const patterns: ComparisonPattern[] = [
      ...[...counts].map(([key, count]) => ({ levels: patternFromKey(key), count })),
      ...labelled,
    ];
    const estimate = estimateParameters(patterns);
    const weights = tenantWeights(estimate, EM_SETTINGS.minPairs);
    const summary: ReestimateSummary = {
      source: weights ? 'estimated' : 'defaults',
      pairs: estimate.pairs,
      labelled: estimate.labelled,
      weights,
      estimate,
    };
    await this.repo.save(tenantId, summary);
    this.cache.set(tenantId, { weights, at: Date.now() });
    return summary;
  }

  async reestimateAll(): Promise<number> {
    await this.flush();
    const tenants = await this.repo.tenantsWithPatterns();
    for (const t of tenants) await this.reestimate(t);
    return tenants.length;
  }

  private warn(err: unknown): void {
    this.logger.warn({ err: logSafeError(err) }, 'Matcher parameters not re-estimated');
  }
}

/** Review decisions as labelled pairs: the confirmed candidate is a match, every other one shown is not. */
export function labelledPatterns(
  rows: {
    status: 'confirmed' | 'rejected';
    decidedEmployeeNumber: string | null;
    candidates: { employeeNumber: string; evidence: { field: string; outcome: string }[] }[];
  }[],
): ComparisonPattern[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    for (const c of r.candidates.slice(0, MATCH_PARAMETER_SETTINGS.candidatesPerApplicant)) {
      const match = r.status === 'confirmed' && c.employeeNumber === r.decidedEmployeeNumber;
      const key = `${match ? 'M' : 'N'}${patternKey(comparisonLevels(c.evidence as MatchEvidence[]))}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, count]) => ({
    levels: patternFromKey(key.slice(1)),
    count,
    label: key.startsWith('M') ? ('match' as const) : ('non-match' as const),
  }));
}
