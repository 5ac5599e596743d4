// Evaluates one former employee against a policy for one job, as of an explicit date. Pure and total:
// bad registry data never throws, it sends the case to HR review.
import {
  addDays,
  addMonths,
  completedMonths,
  dateKey,
  formatCalendarDate,
  parseCalendarDate,
  requireCalendarDate,
  type CalendarDate,
} from './calendar-date';
import { parseRehireRecommendation } from '../registry/departure-reasons';
import { toDepartureReasonCode } from './departure-reasons';
import {
  applyRulesPatch,
  type EligibilityPolicy,
  type EligibilityRules,
  type MinRecentRatingRule,
  type MissingDataTreatment,
  type PolicyScope,
  type RehireRecommendation,
  REHIRE_RECOMMENDATION_VALUES,
  type RuleKind,
} from './eligibility-policy';
import { normalizeRating } from './eligibility-policy-validation';

export interface PerformanceRating {
  readonly year: number;
  readonly rating: string;
}

export interface AlumnusEligibilityInput {
  readonly employeeNumber: string;
  readonly hireDate: string;
  /** Last day of employment (退職日), as HR systems record it. */
  readonly leaveDate: string;
  readonly departureReason: string;
  readonly rehireRecommendation?: string | null;
  readonly department?: string | null;
  readonly jobLevel?: string | null;
  readonly performanceRatings?: readonly PerformanceRating[];
}

/** The job applied for; scope overrides match on it. */
export interface JobScope {
  readonly jobId?: string;
  readonly department?: string;
  readonly jobLevel?: string;
}

export interface EvaluationOptions extends JobScope {
  readonly asOf: string;
}

export type EligibilityOutcome = 'eligible' | 'needs_hr_review' | 'ineligible';

/** What a rule result does to the outcome; `tier` = still eligible, on the rule's lighter tier. */
export type RuleEffect = 'none' | 'tier' | 'needs_hr_review' | 'ineligible';

export interface RuleResult {
  readonly rule: RuleKind;
  /** `null` when the rule could not be decided from the data (→ HR review). */
  readonly passed: boolean | null;
  readonly effect: RuleEffect;
  /** HR-only: may name the departure reason or ratings. Never show to recruiters. */
  readonly detail: string;
}

export interface EligibilityEvaluation {
  readonly outcome: EligibilityOutcome;
  readonly tier: string | null;
  readonly rules: readonly RuleResult[];
  readonly policyVersion: string;
  /** Ids of the scope overrides that applied, in order. */
  readonly appliedOverrides: readonly string[];
  readonly recruiterSummary: string;
  readonly recruiterSummaryJa: string;
  readonly hrSummary: string;
}

/** The rules and default tier in force for one job after scope overrides. */
export interface ResolvedPolicy {
  readonly rules: EligibilityRules;
  readonly defaultTier: string;
  readonly appliedOverrides: readonly string[];
}

const REHIRE_CODES: ReadonlyMap<string, RehireRecommendation> = new Map(
  REHIRE_RECOMMENDATION_VALUES.map((v) => [v, v] as const),
);

function normalizeScopeValue(v: string): string {
  return v.normalize('NFKC').trim().toLowerCase();
}

function scopeMatches(scope: PolicyScope, job: JobScope): boolean {
  if (scope.jobIds && (job.jobId === undefined || !scope.jobIds.includes(job.jobId))) return false;
  const dept = job.department === undefined ? undefined : normalizeScopeValue(job.department);
  if (
    scope.departments &&
    (dept === undefined || !scope.departments.some((d) => normalizeScopeValue(d) === dept))
  )
    return false;
  const level = job.jobLevel === undefined ? undefined : normalizeScopeValue(job.jobLevel);
  if (
    scope.jobLevels &&
    (level === undefined || !scope.jobLevels.some((l) => normalizeScopeValue(l) === level))
  )
    return false;
  if (
    scope.jobLevelPrefixes &&
    (level === undefined ||
      !scope.jobLevelPrefixes.some((prefix) => level.startsWith(normalizeScopeValue(prefix))))
  ) {
    return false;
  }
  return true;
}

export function resolvePolicyForJob(policy: EligibilityPolicy, job: JobScope): ResolvedPolicy {
  let rules = policy.rules;
  let defaultTier = policy.defaultTier;
  const applied: string[] = [];
  for (const override of policy.overrides) {
    if (!scopeMatches(override.scope, job)) continue;
    applied.push(override.id);
    if (override.rules) rules = applyRulesPatch(rules, override.rules);
    if (override.defaultTier !== undefined) defaultTier = override.defaultTier;
  }
  return { rules, defaultTier, appliedOverrides: applied };
}

// ---- compiled rules (sets and indexes built once, reused across a dry run) ---------------------------

export interface CompiledPolicy {
  readonly version: string;
  readonly resolved: ResolvedPolicy;
  readonly excludedReasons: ReadonlySet<string> | null;
  readonly acceptedRecommendations: ReadonlySet<string> | null;
  readonly ratingRank: ReadonlyMap<string, number> | null;
  readonly floorRank: number;
}

export function compilePolicy(policy: EligibilityPolicy, job: JobScope): CompiledPolicy {
  const resolved = resolvePolicyForJob(policy, job);
  const { excludedDepartureReasons, rehireRecommendation, minRecentRating } = resolved.rules;
  const ratingRank = minRecentRating
    ? new Map(minRecentRating.scale.map((r, i) => [normalizeRating(r), i] as const))
    : null;
  return {
    version: policy.version,
    resolved,
    excludedReasons: excludedDepartureReasons ? new Set(excludedDepartureReasons.reasons) : null,
    acceptedRecommendations: rehireRecommendation ? new Set(rehireRecommendation.accepted) : null,
    ratingRank,
    floorRank:
      minRecentRating && ratingRank ? (ratingRank.get(normalizeRating(minRecentRating.floor)) ?? -1) : -1,
  };
}

function byTreatment(rule: RuleKind, treatment: MissingDataTreatment, detail: string): RuleResult {
  switch (treatment) {
    case 'pass':
      return {
        rule,
        passed: true,
        effect: 'none',
        detail: detail && `${detail}; policy treats this as a pass.`,
      };
    case 'needs_hr_review':
      return {
        rule,
        passed: null,
        effect: 'needs_hr_review',
        detail: detail && `${detail}; policy asks for HR review.`,
      };
    case 'fail':
      return {
        rule,
        passed: false,
        effect: 'ineligible',
        detail: detail && `${detail}; policy treats this as a fail.`,
      };
  }
}

const undecided = (rule: RuleKind, detail: string): RuleResult => ({
  rule,
  passed: null,
  effect: 'needs_hr_review',
  detail,
});

const outcomeOf = (rule: RuleKind, passed: boolean, detail: string): RuleResult => ({
  rule,
  passed,
  effect: passed ? 'none' : 'ineligible',
  detail,
});

/**
 * `explain` = false skips building the HR detail strings (left empty): they dominate the cost of a
 * registry-wide dry run, which only needs details for its handful of examples.
 */
function evaluateRules(
  a: AlumnusEligibilityInput,
  c: CompiledPolicy,
  asOf: CalendarDate,
  explain: boolean,
): RuleResult[] {
  const rules = c.resolved.rules;
  const results: RuleResult[] = [];
  const hire = parseCalendarDate(a.hireDate);
  const leave = parseCalendarDate(a.leaveDate);
  const datesOk = hire !== null && leave !== null && dateKey(leave) >= dateKey(hire);
  const badDates = explain
    ? `Hire/leave dates unusable (hire ${JSON.stringify(a.hireDate)}, leave ${JSON.stringify(a.leaveDate)})`
    : '';
  const asOfText = explain ? formatCalendarDate(asOf) : '';

  if (rules.minTenureMonths) {
    const min = rules.minTenureMonths.months;
    if (!datesOk) {
      results.push(undecided('min_tenure_months', badDates));
    } else {
      // The leave date is the last day worked (退職日): 2020-04-01 → 2023-03-31 is 36 full months, so count to the day after.
      const tenure = completedMonths(hire, addDays(leave, 1));
      results.push(
        outcomeOf(
          'min_tenure_months',
          tenure >= min,
          explain ? `Tenure ${tenure} months (${a.hireDate} to ${a.leaveDate}); minimum ${min}.` : '',
        ),
      );
    }
  }

  if (rules.excludedDepartureReasons && c.excludedReasons) {
    const code = toDepartureReasonCode(a.departureReason);
    if (code === null) {
      const detail = explain
        ? `Departure reason ${JSON.stringify(a.departureReason)} is not a known code.`
        : '';
      results.push(undecided('excluded_departure_reasons', detail));
    } else {
      const excluded = c.excludedReasons.has(code);
      const detail = explain ? `Departure reason ${code} is ${excluded ? '' : 'not '}excluded.` : '';
      results.push(outcomeOf('excluded_departure_reasons', !excluded, detail));
    }
  }

  if (rules.coolingOffMonths) {
    const min = rules.coolingOffMonths.months;
    if (!leave) {
      results.push(undecided('cooling_off_months', badDates));
    } else {
      const from = addMonths(leave, min);
      const detail = explain
        ? `Left ${a.leaveDate}, ${completedMonths(leave, asOf)} months before ${asOfText}; cooling-off ${min} months (from ${formatCalendarDate(from)}).`
        : '';
      results.push(outcomeOf('cooling_off_months', dateKey(asOf) >= dateKey(from), detail));
    }
  }

  if (rules.maxMonthsSinceDeparture) {
    const max = rules.maxMonthsSinceDeparture;
    if (!leave) {
      results.push(undecided('max_months_since_departure', badDates));
    } else {
      // "Within 10 years" holds through the 10th anniversary of the leave date, inclusive.
      const until = addMonths(leave, max.months);
      const within = dateKey(asOf) <= dateKey(until);
      const base = explain
        ? `Left ${a.leaveDate}, ${completedMonths(leave, asOf)} months before ${asOfText}; maximum ${max.months} (until ${formatCalendarDate(until)})`
        : '';
      const rule = 'max_months_since_departure';
      if (within) {
        results.push({ rule, passed: true, effect: 'none', detail: base && `${base}.` });
      } else if (max.beyond === 'tier') {
        results.push({
          rule,
          passed: false,
          effect: 'tier',
          detail: base && `${base}; beyond it only tier ${max.tier} applies.`,
        });
      } else {
        results.push({
          rule,
          passed: false,
          effect: max.beyond,
          detail: base && `${base}; beyond it: ${max.beyond}.`,
        });
      }
    }
  }

  if (rules.rehireRecommendation && c.acceptedRecommendations) {
    const rule = rules.rehireRecommendation;
    const raw = (a.rehireRecommendation ?? '').trim();
    // Registry values are codes already; Japanese labels (推奨, 不可…) are read the way the CSV import reads them.
    const code = raw === '' ? null : (REHIRE_CODES.get(raw) ?? parseRehireRecommendation(raw));
    if (code !== null && c.acceptedRecommendations.has(code)) {
      const detail = explain
        ? `Rehire recommendation ${code} is accepted (${rule.accepted.join(', ')}).`
        : '';
      results.push(outcomeOf('rehire_recommendation', true, detail));
    } else if (code !== null && code !== 'unknown') {
      const detail = explain
        ? `Rehire recommendation ${code} is not accepted (${rule.accepted.join(', ')}).`
        : '';
      results.push(outcomeOf('rehire_recommendation', false, detail));
    } else {
      const what = !explain
        ? ''
        : raw === ''
          ? 'No rehire recommendation recorded'
          : code === 'unknown'
            ? 'Rehire recommendation unknown'
            : `Rehire recommendation ${JSON.stringify(a.rehireRecommendation)} (treated as unknown)`;
      results.push(byTreatment('rehire_recommendation', rule.unknown, what));
    }
  }

  if (rules.minRecentRating && c.ratingRank) {
    results.push(evaluateRating(a, rules.minRecentRating, c.ratingRank, c.floorRank, explain));
  }
  return results;
}

function rankOf(rank: ReadonlyMap<string, number>, rating: string): number | undefined {
  // Most ratings are already canonical ("A"): try them as-is before paying for NFKC.
  return rank.get(rating) ?? rank.get(normalizeRating(rating));
}

function evaluateRating(
  a: AlumnusEligibilityInput,
  rule: MinRecentRatingRule,
  rank: ReadonlyMap<string, number>,
  floorRank: number,
  explain: boolean,
): RuleResult {
  const rated = (a.performanceRatings ?? []).filter(
    (r) => typeof r.rating === 'string' && r.rating.trim() !== '',
  );
  if (rated.length === 0) {
    return byTreatment('min_recent_rating', rule.missing, explain ? 'No performance rating recorded' : '');
  }
  const recent = rated.sort((x, y) => y.year - x.year).slice(0, rule.lastN);
  const listed = explain ? recent.map((r) => `${r.rating} (${r.year})`).join(', ') : '';
  const ranks = recent.map((r) => rankOf(rank, r.rating));
  if (ranks.includes(undefined)) {
    const off = recent.filter((_, i) => ranks[i] === undefined).map((r) => JSON.stringify(r.rating));
    return undecided(
      'min_recent_rating',
      explain ? `Rating ${off.join(', ')} is not on the scale; last ratings ${listed}.` : '',
    );
  }
  const passed = ranks.every((r) => r !== undefined && r <= floorRank);
  return outcomeOf(
    'min_recent_rating',
    passed,
    explain ? `Last ${recent.length} rating(s) ${listed}; floor ${rule.floor}.` : '',
  );
}

export interface Decision {
  readonly outcome: EligibilityOutcome;
  readonly tier: string | null;
  readonly rules: readonly RuleResult[];
}

export function decide(results: readonly RuleResult[], c: CompiledPolicy): Decision {
  let outcome: EligibilityOutcome = 'eligible';
  let tier = c.resolved.defaultTier;
  for (const r of results) {
    if (r.effect === 'ineligible') outcome = 'ineligible';
    else if (r.effect === 'needs_hr_review' && outcome === 'eligible') outcome = 'needs_hr_review';
    else if (r.effect === 'tier' && c.resolved.rules.maxMonthsSinceDeparture?.beyond === 'tier')
      tier = c.resolved.rules.maxMonthsSinceDeparture.tier;
  }
  return { outcome, tier: outcome === 'eligible' ? tier : null, rules: results };
}

/** Evaluation without summaries: what the dry run needs, per alumnus, at registry scale. */
export function evaluateCompiled(
  a: AlumnusEligibilityInput,
  c: CompiledPolicy,
  asOf: CalendarDate,
  explain = true,
): Decision {
  return decide(evaluateRules(a, c, asOf, explain), c);
}

/** The rule that explains an outcome: the first with the outcome's effect (or the tier-lowering one). */
export function decisiveRule(d: Pick<Decision, 'outcome' | 'rules'>): RuleResult | null {
  const effect: RuleEffect = d.outcome === 'eligible' ? 'tier' : d.outcome;
  return d.rules.find((r) => r.effect === effect) ?? null;
}

// ---- summaries --------------------------------------------------------------------------------------

/** Recruiter-facing text: fixed phrases plus the tier name only, so no sensitive cause can leak in. */
export function recruiterSummary(
  outcome: EligibilityOutcome,
  tier: string | null,
): { en: string; ja: string } {
  switch (outcome) {
    case 'eligible':
      return {
        en: `Former employee — eligible for the returnee fast track (${tier ?? 'standard'}).`,
        ja: `元社員 — カムバック採用のファストトラック対象です（${tier ?? 'standard'}）。`,
      };
    case 'needs_hr_review':
      return {
        en: 'Former employee — HR review needed before fast track.',
        ja: '元社員 — ファストトラック適用の前に人事の確認が必要です。',
      };
    case 'ineligible':
      return {
        en: 'Former employee — not eligible for the returnee fast track; contact HR.',
        ja: '元社員 — カムバック採用のファストトラック対象外です。詳細は人事にお問い合わせください。',
      };
  }
}

function hrSummary(d: Decision, version: string, applied: readonly string[]): string {
  const scope = applied.length > 0 ? `, overrides ${applied.join(', ')}` : '';
  const head = `policy ${version}${scope}`;
  if (d.outcome === 'eligible') {
    const lowered = d.rules.find((r) => r.effect === 'tier');
    return lowered
      ? `Eligible, tier ${d.tier ?? '?'} (${head}): ${lowered.rule} — ${lowered.detail}`
      : `Eligible, tier ${d.tier ?? '?'} (${head}): ${d.rules.length} rule(s) checked, none blocking.`;
  }
  const blocking = d.rules.filter((r) => r.effect === d.outcome);
  const label = d.outcome === 'ineligible' ? 'Ineligible' : 'HR review needed';
  return `${label} (${head}): ${blocking.map((r) => `${r.rule} — ${r.detail}`).join(' ')}`;
}

export function evaluateEligibility(
  alumnus: AlumnusEligibilityInput,
  policy: EligibilityPolicy,
  options: EvaluationOptions,
): EligibilityEvaluation {
  const asOf = requireCalendarDate(options.asOf, 'asOf');
  const compiled = compilePolicy(policy, options);
  const d = evaluateCompiled(alumnus, compiled, asOf);
  const summary = recruiterSummary(d.outcome, d.tier);
  return {
    outcome: d.outcome,
    tier: d.tier,
    rules: d.rules,
    policyVersion: policy.version,
    appliedOverrides: compiled.resolved.appliedOverrides,
    recruiterSummary: summary.en,
    recruiterSummaryJa: summary.ja,
    hrSummary: hrSummary(d, policy.version, compiled.resolved.appliedOverrides),
  };
}
