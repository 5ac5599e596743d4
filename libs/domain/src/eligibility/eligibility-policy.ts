// The eligibility policy is tenant data (JSON edited by HR, versioned), not code. These types are what
// `validateEligibilityPolicy` guarantees; everything downstream trusts them.
import type { DepartureReasonCode } from './departure-reasons';

export const REHIRE_RECOMMENDATION_VALUES = ['yes', 'conditional', 'no', 'unknown'] as const;
export type RehireRecommendation = (typeof REHIRE_RECOMMENDATION_VALUES)[number];

/** How a rule that cannot be decided (missing data) counts. */
export const MISSING_DATA_TREATMENTS = ['pass', 'needs_hr_review', 'fail'] as const;
export type MissingDataTreatment = (typeof MISSING_DATA_TREATMENTS)[number];

/** What happens to someone away longer than `maxMonthsSinceDeparture.months`. */
export const BEYOND_MAX_TREATMENTS = ['tier', 'ineligible', 'needs_hr_review'] as const;
export type BeyondMaxTreatment = (typeof BEYOND_MAX_TREATMENTS)[number];

/** Rule kinds as named in the spec; also the `rule` of each evaluation result. */
export const RULE_KINDS = [
  'min_tenure_months',
  'excluded_departure_reasons',
  'cooling_off_months',
  'max_months_since_departure',
  'rehire_recommendation',
  'min_recent_rating',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

interface RuleBase {
  /** Free text for HR (why the rule is set this way); ignored by evaluation. */
  readonly comment?: string;
}

export interface MinTenureRule extends RuleBase {
  readonly months: number;
}

export interface ExcludedDepartureReasonsRule extends RuleBase {
  readonly reasons: readonly DepartureReasonCode[];
}

export interface CoolingOffRule extends RuleBase {
  readonly months: number;
}

export type MaxMonthsSinceDepartureRule =
  | (RuleBase & { readonly months: number; readonly beyond: 'tier'; readonly tier: string })
  | (RuleBase & { readonly months: number; readonly beyond: 'ineligible' | 'needs_hr_review' });

export interface RehireRecommendationRule extends RuleBase {
  /** Recorded values that pass; any other recorded value (typically `no`) fails. */
  readonly accepted: readonly Exclude<RehireRecommendation, 'unknown'>[];
  /** What `unknown`, an empty field or an unrecognised value means. */
  readonly unknown: MissingDataTreatment;
}

export interface MinRecentRatingRule extends RuleBase {
  /** Rating scale, best first (e.g. ["S","A","B","C","D"]); ratings compare by position. */
  readonly scale: readonly string[];
  /** Each of the last `lastN` ratings must be this or better. */
  readonly floor: string;
  readonly lastN: number;
  /** What having no rating at all means (new joiners, exported without ratings). */
  readonly missing: MissingDataTreatment;
}

export interface EligibilityRules {
  readonly minTenureMonths?: MinTenureRule;
  readonly excludedDepartureReasons?: ExcludedDepartureReasonsRule;
  readonly coolingOffMonths?: CoolingOffRule;
  readonly maxMonthsSinceDeparture?: MaxMonthsSinceDepartureRule;
  readonly rehireRecommendation?: RehireRecommendationRule;
  readonly minRecentRating?: MinRecentRatingRule;
}

export type RuleKey = keyof EligibilityRules;

/** An override replaces whole rules; `null` switches a rule off for that scope. */
export type EligibilityRulesPatch = { readonly [K in RuleKey]?: EligibilityRules[K] | null };

/**
 * Where an override applies: the job being applied to. Dimensions AND together, values within one
 * dimension OR. `jobLevelPrefixes` covers "M1+"-style grades (["M"] matches M1, M2, …).
 */
export interface PolicyScope {
  readonly jobIds?: readonly string[];
  readonly departments?: readonly string[];
  readonly jobLevels?: readonly string[];
  readonly jobLevelPrefixes?: readonly string[];
}

export interface ScopeOverride {
  readonly id: string;
  readonly comment?: string;
  readonly scope: PolicyScope;
  readonly rules?: EligibilityRulesPatch;
  readonly defaultTier?: string;
}

/** A stage by ATS id and/or by any of its names (aliases across languages and jobs). */
export interface StageRef {
  readonly id?: string;
  readonly names?: readonly string[];
}

export interface FastTrackTier {
  readonly comment?: string;
  readonly skipStages: readonly StageRef[];
  /** Per-job replacement of `skipStages` (ATS stage names differ per job). */
  readonly jobOverrides?: Readonly<Record<string, readonly StageRef[]>>;
}

export interface EligibilityPolicy {
  readonly version: string;
  readonly name?: string;
  readonly comment?: string;
  readonly rules: EligibilityRules;
  /** Applied in order; a later matching override wins for the rules it names. */
  readonly overrides: readonly ScopeOverride[];
  readonly defaultTier: string;
  readonly tiers: Readonly<Record<string, FastTrackTier>>;
  /** Never skipped or moved past by the planner. */
  readonly protectedStages: readonly StageRef[];
  /** Extra protected stages per job; added to, never replacing, `protectedStages`. */
  readonly jobProtectedStages?: Readonly<Record<string, readonly StageRef[]>>;
}

export const RULE_KIND_BY_KEY: Readonly<Record<RuleKey, RuleKind>> = {
  minTenureMonths: 'min_tenure_months',
  excludedDepartureReasons: 'excluded_departure_reasons',
  coolingOffMonths: 'cooling_off_months',
  maxMonthsSinceDeparture: 'max_months_since_departure',
  rehireRecommendation: 'rehire_recommendation',
  minRecentRating: 'min_recent_rating',
};

export const RULE_KEYS: readonly RuleKey[] = Object.keys(RULE_KIND_BY_KEY) as RuleKey[];

/** Whole-rule replacement; `null` removes the rule. Shared with evaluation so both read overrides the same way. */
export function applyRulesPatch(base: EligibilityRules, patch: EligibilityRulesPatch): EligibilityRules {
  const out: { [K in RuleKey]?: EligibilityRules[K] } = { ...base };
  for (const key of RULE_KEYS) {
    const value = patch[key];
    if (value === undefined) continue;
    if (value === null) delete out[key];
    else setRule(out, key, value);
  }
  return out;
}

function setRule<K extends RuleKey>(
  target: { [P in RuleKey]?: EligibilityRules[P] },
  key: K,
  value: EligibilityRules[K],
): void {
  target[key] = value;
}
