// Public API of the compensation domain: offer proposal, fairness check, policy and the cohort contract.
export type {
  CheckSeverity,
  CheckToggle,
  FairnessPolicy,
  FairnessPolicyValidation,
  FairnessPolicyProblem,
  FairnessPolicyProblemCode,
} from './fairness-policy';
export { DEFAULT_FAIRNESS_POLICY, validateFairnessPolicy } from './fairness-policy';
export type {
  CohortAggregate,
  CohortScope,
  CohortSnapshot,
  CohortTarget,
  Gender,
  IncumbentPay,
  RegressionSufficientStatistics,
  ReturneeForCohort,
} from './cohort-statistics';
export {
  aggregateCohort,
  incumbentExperienceYears,
  midRankPercentile,
  percentileCont,
  selectCohort,
} from './cohort-statistics';
export type { LeastSquaresFit, Prediction } from './pay-regression';
export { predictAt, solveLeastSquares } from './pay-regression';
export type {
  MarketBenchmark,
  OfferFactor,
  OfferFactorName,
  OfferProposal,
  OfferProposalInput,
  OfferTarget,
  PayBand,
  ReturneeProfile,
} from './offer-proposal';
export { clampToBand, proposeOffer, validateBand } from './offer-proposal';
export type {
  CheckName,
  CohortStatisticsView,
  FairnessCheckInput,
  FairnessCheckResult,
  FairnessOutcome,
  FairnessReason,
  FairnessReasonCode,
  NotRunWhy,
  ReasonBasis,
  ReasonSeverity,
  ReturneeForCheck,
} from './fairness-check';
export { checkFairness, compaRatio, meanGenderGapPercent, rangePenetration } from './fairness-check';
export type {
  FairnessDetailView,
  FairnessResultView,
  FairnessSummaryView,
  ReasonSummary,
  ViewerRole,
} from './fairness-result-view';
export { fairnessResultForViewer, WITHHELD_COMPARISON_CODE } from './fairness-result-view';
export type { WageGrowthAdjustment } from './wage-growth';
export { adjustForWageGrowth, CompensationInputError, elapsedYears } from './wage-growth';
