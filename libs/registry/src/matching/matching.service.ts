import { Injectable } from '@nestjs/common';
import {
  AlumnusIdentity,
  ApplicantIdentity,
  AUTO_MATCH_MIN_SCORE,
  applicantProbeKeys,
  companyAliases,
  DEFAULT_MATCH_THRESHOLDS,
  DEFAULT_MAX_REVIEW_SHARE,
  frequencyKeysForApplicant,
  isBirthDateKey,
  MatchContext,
  MatchDecision,
  matchApplicant,
  MatchThresholds,
  entriesNamingCompany,
  normaliseBirthDate,
  selectKeyCandidates,
  sharesBirthDateKey,
} from '@comeback/domain';
import { AuditActor, AuditService, LruCache, Metrics, NotFoundException } from '@comeback/platform';
import { AlumniRepository } from '../alumni/alumni.repository';
import { MatchParametersService } from './match-parameters.service';
import { NameReadingService } from './name-readings';
import { ReviewScoreWindows } from './review-score-windows';

/**
 * Candidate limits. Most applicants share keys with a handful of alumni; a key shared by more than
 * MAX_PER_KEY people (a very common full name) identifies nobody and is ignored; a birth date is shared by a
 * few dozen people in a million; MAX_CANDIDATES bounds the scoring work whatever happens. Someone found only
 * under a full name more than maxNamesakes people share scores below −log2(9): never reviewed, so never read.
 */
const CANDIDATE_LIMITS = { maxPerKey: 100, maxSameDay: 400, maxCandidates: 200, maxNamesakes: 8 } as const;

export interface MatchOutcome extends MatchDecision {
  /** Internal ids of the candidates, in the same order, for review items and briefings. */
  alumnusIds: Map<string, string>;
}

/** Finds candidates through the key and birth-date indexes, scores them with the domain matcher, and decides. */
@Injectable()
export class MatchingService {
  /** The tenant's company names, normalised (~10 µs to derive, a quarter of a match's CPU): per tenant's inputs. */
  private readonly companyNames = new LruCache<string, string[]>(1000, Number.POSITIVE_INFINITY);

  constructor(
    private readonly alumni: AlumniRepository,
    private readonly audit: AuditService,
    private readonly nameReadings: NameReadingService,
    private readonly metrics: Metrics,
    private readonly parameters: MatchParametersService,
    private readonly scoreWindows: ReviewScoreWindows,
  ) {}

  /**
   * A person's what-if match (the console's and API's preview): it reads the registry, so it is audited with
   * the fields given and the outcome's shape, never the values or who was found.
   */
  async preview(actor: AuditActor, applicant: ApplicantIdentity): Promise<MatchOutcome> {
    const outcome = await this.match(actor.tenantId, applicant, { record: false });
    const given = Object.entries(applicant)
      .filter(([, v]) => (Array.isArray(v) ? v.length > 0 : !!v))
      .map(([k]) => k)
      .sort();
    await this.audit.record(actor, {
      action: 'matching.preview',
      targetType: 'alumni',
      details: { fieldsGiven: given, decision: outcome.decision, candidates: outcome.candidates.length },
    });
    return outcome;
  }

  /**
   * `excludeEmployeeNumbers` (people a reviewer said this applicant is not) is asked for only once
   * someone was found, so an applicant nobody resembles costs no look-up of rejections.
   */
  /** One match, counted and timed for `/metrics` (decision and latency; tenant only where opted in). */
  async match(
    tenantId: string,
    applicant: ApplicantIdentity,
    opts: {
      excludeEmployeeNumbers?: (found: string[]) => Promise<ReadonlySet<string>>;
      /** Whether the decision counts towards the review budget's score window (previews do not). */
      record?: boolean;
    } = {},
  ): Promise<MatchOutcome> {
    const end = this.metrics.matchDuration.startTimer();
    const outcome = await this.decide(tenantId, applicant, opts);
    end({ decision: outcome.decision });
    this.metrics.matchDecisions.inc({ decision: outcome.decision, tenant: this.metrics.tenant(tenantId) });
    return outcome;
  }

  private companyNamesOf(tenantName: string, names: readonly string[], domains: readonly string[]): string[] {
    const key = JSON.stringify([tenantName, names, domains]);
    const known = this.companyNames.get(key);
    if (known) return known;
    const aliases = companyAliases([tenantName, ...names], domains);
    this.companyNames.set(key, aliases);
    return aliases;
  }

  private async decide(
    tenantId: string,
    applicant: ApplicantIdentity,
    opts: {
      excludeEmployeeNumbers?: (found: string[]) => Promise<ReadonlySet<string>>;
      record?: boolean;
    },
  ): Promise<MatchOutcome> {
    // Probe keys do not depend on the tenant context, so one query reads the context and the candidates,
    // then one more fetches the chosen people's identity columns.
    await this.nameReadings.ready();
    const probeKeys = applicantProbeKeys(applicant, {
      corporateEmailDomains: new Set(),
      familySurfaces: this.nameReadings.familySurfaces,
    });
    const applicantBirthDate = normaliseBirthDate(applicant.birthDate);
    const lookup = await this.alumni.matchLookup(
      tenantId,
      {
        frequencyKeys: frequencyKeysForApplicant(applicant),
        keys: probeKeys.filter((k) => !isBirthDateKey(k)),
        birthDate: applicantBirthDate,
      },
      { perKey: CANDIDATE_LIMITS.maxPerKey + 1, sameDay: CANDIDATE_LIMITS.maxSameDay },
    );
    if (!lookup) throw new NotFoundException('Tenant');
    const weights = await this.parameters.weightsFor(tenantId);
    const corporateEmailDomains = new Set(
      lookup.settings.corporateEmailDomains ?? lookup.corporateEmailDomains,
    );
    const ctx: MatchContext = {
      corporateEmailDomains,
      readings: this.nameReadings.readings,
      companyNames: this.companyNamesOf(lookup.tenantName, lookup.settings.companyNames ?? [], [
        ...corporateEmailDomains,
      ]),
      ...(weights ? { weights } : {}),
    };
    // An applicant whose work history names the company says when they were here: that tells namesakes apart,
    // so a common name is read in full (up to the per-key limit) instead of being passed over.
    const listsCompany = entriesNamingCompany(applicant.workHistory, ctx.companyNames).length > 0;
    const configured = lookup.settings.matchThresholds ?? {};
    const window = await this.scoreWindows.windowFor(tenantId);
    const thresholds: MatchThresholds = {
      ...DEFAULT_MATCH_THRESHOLDS,
      // A fixed review threshold set by HR wins; otherwise it follows the review budget.
      review: window.reviewThreshold(
        configured.maxReviewShare ?? DEFAULT_MAX_REVIEW_SHARE,
        DEFAULT_MATCH_THRESHOLDS.review,
      ),
      ...stripUndefined({ match: configured.match, review: configured.review }),
    };
    // Estimated weights make the score a calibrated claim: an automatic flag then needs posterior odds of
    // at least 99.8% on its own (the shipped weights are deliberately conservative and were measured instead).
    if (weights) thresholds.match = Math.max(thresholds.match, AUTO_MATCH_MIN_SCORE);
    const sameDayCount = lookup.sameDay.length;
    // Alumni per probe key (up to the per-key limit): a full-name key's count says how common the name is.
    const keyCounts = new Map<string, number>();
    for (const h of lookup.hits) keyCounts.set(h.key, (keyCounts.get(h.key) ?? 0) + 1);
    const keyed = selectKeyCandidates(
      lookup.hits,
      listsCompany ? { ...CANDIDATE_LIMITS, maxNamesakes: undefined } : CANDIDATE_LIMITS,
    );
    const keyedIds = new Set(keyed);
    const birthDateKeys = new Set(probeKeys.filter(isBirthDateKey));
    // People born that day are read from the birth-date index with their names; only those sharing a
    // birth-date key, or whose names can be compared only through the dictionary (no kana, former surnames),
    // are worth reading in full.
    const sameDay = lookup.sameDay
      .filter(
        (r) =>
          !keyedIds.has(r.id) &&
          (sharesBirthDateKey(birthDateKeys, r, applicantBirthDate) ||
            (!r.familyNameKana && !r.givenNameKana) ||
            r.previousFamilyNames.length > 0),
      )
      .map((r) => r.id);
    const rows = (await this.alumni.identitiesByIds(tenantId, [...keyed, ...sameDay])).slice(
      0,
      CANDIDATE_LIMITS.maxCandidates,
    );
    const excluded =
      rows.length > 0 && opts.excludeEmployeeNumbers
        ? await opts.excludeEmployeeNumbers(rows.map((r) => r.employeeNumber))
        : null;
    const candidates: AlumnusIdentity[] = excluded
      ? rows.filter((r) => !excluded.has(r.employeeNumber))
      : rows;
    const decision = matchApplicant(
      applicant,
      candidates,
      {
        alumniCount: Math.max(lookup.alumniCount, 1),
        frequency: (k) => lookup.frequencies.get(k) ?? 0,
        // Everyone born that day came back from the birth-date index (up to the same-day limit).
        ...(applicantBirthDate ? { birthDateFrequency: sameDayCount } : {}),
        keyFrequency: (k) => keyCounts.get(k) ?? 0,
      },
      ctx,
      thresholds,
    );
    if (opts.record !== false) {
      this.scoreWindows.add(
        tenantId,
        window,
        decision.candidates[0]?.score ?? Number.NEGATIVE_INFINITY,
        decision.decision === 'match',
        decision.decision === 'review',
      );
      this.parameters.observe(tenantId, decision.candidates);
    }
    return { ...decision, alumnusIds: new Map(rows.map((r) => [r.employeeNumber, r.id])) };
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
