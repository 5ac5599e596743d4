// Eligibility: the HR policy (validated JSON), evaluation of one former employee, and the policy dry run.
export { addMonths, completedMonths, parseCalendarDate, type CalendarDate } from './calendar-date';
export {
  DEPARTURE_REASON_CODES,
  DEPARTURE_REASON_LABELS_JA,
  isDepartureReasonCode,
  toDepartureReasonCode,
  type DepartureReasonCode,
} from './departure-reasons';
export {
  BEYOND_MAX_TREATMENTS,
  MISSING_DATA_TREATMENTS,
  REHIRE_RECOMMENDATION_VALUES,
  RULE_KINDS,
  applyRulesPatch,
  type BeyondMaxTreatment,
  type CoolingOffRule,
  type EligibilityPolicy,
  type EligibilityRules,
  type EligibilityRulesPatch,
  type ExcludedDepartureReasonsRule,
  type FastTrackTier,
  type MaxMonthsSinceDepartureRule,
  type MinRecentRatingRule,
  type MinTenureRule,
  type MissingDataTreatment,
  type PolicyScope,
  type RehireRecommendation,
  type RehireRecommendationRule,
  type RuleKind,
  type ScopeOverride,
  type StageRef,
} from './eligibility-policy';
export {
  validateEligibilityPolicy,
  type PolicyProblem,
  type PolicyProblemCode,
  type PolicyValidationResult,
} from './eligibility-policy-validation';
export {
  decisiveRule,
  evaluateEligibility,
  recruiterSummary,
  resolvePolicyForJob,
  type AlumnusEligibilityInput,
  type EligibilityEvaluation,
  type EligibilityOutcome,
  type EvaluationOptions,
  type JobScope,
  type PerformanceRating,
  type ResolvedPolicy,
  type RuleEffect,
  type RuleResult,
} from './eligibility-evaluation';
export {
  dryRunPolicyChange,
  type DecisionLabel,
  type DryRunExample,
  type DryRunOptions,
  type DryRunResult,
  type DryRunTransition,
  type OutcomeCounts,
} from './policy-dry-run';
