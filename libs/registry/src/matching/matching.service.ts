import { Injectable } from '@nestjs/common';
import {
  AlumnusIdentity,
  ApplicantIdentity,
  applicantProbeKeys,
  DEFAULT_MATCH_THRESHOLDS,
  frequencyKeysForApplicant,
  MatchContext,
  MatchDecision,
  matchApplicant,
  MatchThresholds,
} from '@comeback/domain';
import { TenantService } from '@comeback/platform';
import { AlumniRepository } from '../alumni/alumni.repository';

/** Most applicants share keys with a handful of alumni; the cap bounds the worst case (very common names). */
const MAX_CANDIDATES = 200;

export interface MatchOutcome extends MatchDecision {
  /** Internal ids of the candidates, in the same order, for review items and briefings. */
  alumnusIds: Map<string, string>;
}

/** Finds candidates through the key index, scores them with the domain matcher, and decides. */
@Injectable()
export class MatchingService {
  constructor(
    private readonly alumni: AlumniRepository,
    private readonly tenants: TenantService,
  ) {}

  async context(tenantId: string): Promise<{ ctx: MatchContext; alumniCount: number; thresholds: MatchThresholds }> {
    const [stats, tenant] = await Promise.all([this.alumni.getStats(tenantId), this.tenants.get(tenantId)]);
    const domains = tenant.settings.corporateEmailDomains ?? stats.corporateEmailDomains;
    const t = tenant.settings.matchThresholds ?? {};
    return {
      ctx: { corporateEmailDomains: new Set(domains) },
      alumniCount: stats.alumniCount,
      thresholds: { ...DEFAULT_MATCH_THRESHOLDS, ...stripUndefined(t) },
    };
  }

  async match(tenantId: string, applicant: ApplicantIdentity, opts: { excludeEmployeeNumbers?: ReadonlySet<string> } = {}): Promise<MatchOutcome> {
    const { ctx, alumniCount, thresholds } = await this.context(tenantId);
    const [rows, freq] = await Promise.all([
      this.alumni.findCandidates(tenantId, applicantProbeKeys(applicant, ctx), MAX_CANDIDATES),
      this.alumni.frequencies(tenantId, frequencyKeysForApplicant(applicant)),
    ]);
    const candidates: AlumnusIdentity[] = rows.filter((r) => !opts.excludeEmployeeNumbers?.has(r.employeeNumber));
    const decision = matchApplicant(applicant, candidates, { alumniCount: Math.max(alumniCount, 1), frequency: (k) => freq.get(k) ?? 0 }, ctx, thresholds);
    return { ...decision, alumnusIds: new Map(rows.map((r) => [r.employeeNumber, r.id])) };
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
