import { Injectable } from '@nestjs/common';
import {
  AlumnusIdentity,
  ApplicantIdentity,
  applicantProbeKeys,
  DEFAULT_MATCH_THRESHOLDS,
  frequencyKeysForApplicant,
  isBirthDateKey,
  MatchContext,
  MatchDecision,
  matchApplicant,
  MatchThresholds,
  normaliseBirthDate,
  selectKeyCandidates,
  sharesBirthDateKey,
} from '@comeback/domain';
import { TenantService } from '@comeback/platform';
import { AlumniRepository } from '../alumni/alumni.repository';

/**
 * Candidate limits. Most applicants share keys with a handful of alumni; a key shared by more than
 * MAX_PER_KEY people (a very common full name) identifies nobody and is ignored; a birth date is shared by a
 * few dozen people in a million; MAX_CANDIDATES bounds the scoring work whatever happens.
 */
const CANDIDATE_LIMITS = { maxPerKey: 100, maxSameDay: 400, maxCandidates: 200 } as const;

export interface MatchOutcome extends MatchDecision {
  /** Internal ids of the candidates, in the same order, for review items and briefings. */
  alumnusIds: Map<string, string>;
}

/** Finds candidates through the key and birth-date indexes, scores them with the domain matcher, and decides. */
@Injectable()
export class MatchingService {
  constructor(
    private readonly alumni: AlumniRepository,
    private readonly tenants: TenantService,
  ) {}

  async match(tenantId: string, applicant: ApplicantIdentity, opts: { excludeEmployeeNumbers?: ReadonlySet<string> } = {}): Promise<MatchOutcome> {
    // Probe keys do not depend on the tenant context, so all lookups go out at once (three small queries),
    // then one fetch of the chosen people's identity columns.
    const probeKeys = applicantProbeKeys(applicant, { corporateEmailDomains: new Set() });
    const [tenant, facts, hits] = await Promise.all([
      this.tenants.get(tenantId),
      this.alumni.registryFacts(tenantId, frequencyKeysForApplicant(applicant)),
      this.alumni.candidateHits(
        tenantId,
        { keys: probeKeys.filter((k) => !isBirthDateKey(k)), birthDate: normaliseBirthDate(applicant.birthDate) },
        { perKey: CANDIDATE_LIMITS.maxPerKey + 1, sameDay: CANDIDATE_LIMITS.maxSameDay },
      ),
    ]);
    const ctx: MatchContext = { corporateEmailDomains: new Set(tenant.settings.corporateEmailDomains ?? facts.corporateEmailDomains) };
    const thresholds: MatchThresholds = { ...DEFAULT_MATCH_THRESHOLDS, ...stripUndefined(tenant.settings.matchThresholds ?? {}) };
    const keyed = selectKeyCandidates(
      hits.filter((h): h is { key: string; alumnusId: string } => h.key !== null),
      CANDIDATE_LIMITS,
    );
    const sameDay = hits.filter((h) => h.key === null && !keyed.includes(h.alumnusId)).map((h) => h.alumnusId);
    const identities = await this.alumni.identitiesByIds(tenantId, [...keyed, ...sameDay]);
    const birthDateKeys = new Set(probeKeys.filter(isBirthDateKey));
    const keyedIds = new Set(keyed);
    const rows = identities
      .filter((r) => keyedIds.has(r.id) || sharesBirthDateKey(birthDateKeys, r, ctx))
      .slice(0, CANDIDATE_LIMITS.maxCandidates);
    const candidates: AlumnusIdentity[] = rows.filter((r) => !opts.excludeEmployeeNumbers?.has(r.employeeNumber));
    const decision = matchApplicant(
      applicant,
      candidates,
      { alumniCount: Math.max(facts.alumniCount, 1), frequency: (k) => facts.frequencies.get(k) ?? 0 },
      ctx,
      thresholds,
    );
    return { ...decision, alumnusIds: new Map(rows.map((r) => [r.employeeNumber, r.id])) };
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
