// What each role may see of a fairness result. Built by copying allowed fields into a new object
// (allow-list), never by deleting from the HR result, so a field added later stays hidden by default.

import type {
  CohortStatisticsView,
  FairnessCheckResult,
  FairnessOutcome,
  FairnessReasonCode,
  ReasonBasis,
  ReasonSeverity,
  NotRunWhy,
  CheckName,
} from './fairness-check';
import type { CohortScope } from './cohort-statistics';
import { MIN_PRIVACY_COHORT } from './fairness-policy';

export type ViewerRole = 'hr_admin' | 'recruiter' | 'hiring_manager' | 'integration';

/** Stands in for comparisons with a cohort below the privacy minimum, for non-HR viewers. */
export const WITHHELD_COMPARISON_CODE = 'cohort_comparison_withheld';

export interface ReasonSummary {
  code: FairnessReasonCode | typeof WITHHELD_COMPARISON_CODE;
  basis: ReasonBasis;
  severity: ReasonSeverity;
  message: string;
}

/**
 * Recruiters and hiring managers: an outcome and figure-free reasons, computed only from comparisons they may
 * learn of (security.md): none based on the returnee's prior pay, none over a group (cohort or sub-group) below
 * max(5, the policy minimum). The outcome may therefore be milder than HR's; HR's own check still decides.
 */
export interface FairnessSummaryView {
  view: 'summary';
  result: FairnessOutcome;
  reasons: ReasonSummary[];
}

/**
 * Integrations (the HR-audience note posted to the ATS): everything, except cohort statistics when the cohort is
 * below the privacy minimum.
 */
export interface FairnessDetailView {
  view: 'detail';
  result: FairnessOutcome;
  reasons: (ReasonSummary & { detail?: string })[];
  position: { percentile?: number | null; compaRatio: number | null; rangePenetration: number | null };
  cohort: {
    scope: CohortScope;
    snapshotId: string;
    snapshotEffectiveDate: string;
    fellBack: boolean;
    n?: number;
    statistics?: CohortStatisticsView;
  } | null;
  regression?: FairnessCheckResult['regression'];
  genderGap?: FairnessCheckResult['genderGap'];
  returnee: FairnessCheckResult['returnee'];
  notRun: { check: CheckName; why: NotRunWhy }[];
  cohortStatisticsWithheld: boolean;
}

export type FairnessResultView =
  ({ view: 'full' } & FairnessCheckResult) | FairnessDetailView | FairnessSummaryView;

type Reason = FairnessCheckResult['reasons'][number];

function summary(r: Reason): ReasonSummary {
  return { code: r.code, basis: r.basis, severity: r.severity, message: r.message };
}

const SEVERITY_ORDER: Record<ReasonSeverity, number> = { info: 0, warn: 1, fail: 2 };

/**
 * With a cohort below the privacy minimum even a figure-free reason leaks pay: a viewer who knows the offer
 * and reads "above every incumbent with equal or longer experience" learns a bound on a handful of
 * identifiable salaries. So non-HR viewers get such comparisons merged into one neutral reason that keeps
 * the worst severity (the outcome stays explainable: "HR must review this").
 */
function reasonsFor(result: FairnessCheckResult): { reasons: Reason[]; withheld: Reason[] } {
  if (!result.privacy.cohortStatisticsRestricted) return { reasons: result.reasons, withheld: [] };
  const isComparison = (r: Reason): boolean =>
    r.usesCohortStatistics && r.code !== 'small_cohort' && r.code !== 'cohort_fell_back';
  return {
    reasons: result.reasons.filter((r) => !isComparison(r)),
    withheld: result.reasons.filter(isComparison),
  };
}

function withheldSummary(withheld: Reason[]): ReasonSummary[] {
  if (withheld.length === 0) return [];
  const severity = withheld.reduce<ReasonSeverity>(
    (worst, r) => (SEVERITY_ORDER[r.severity] > SEVERITY_ORDER[worst] ? r.severity : worst),
    'info',
  );
  return [
    {
      code: WITHHELD_COMPARISON_CODE,
      basis: 'below_privacy_minimum',
      severity,
      message:
        'The comparison with incumbent pay needs HR review; it is visible to HR only because the cohort is small.',
    },
  ];
}

/**
 * May a recruiter or hiring manager learn of this reason? Not when it rests on the returnee's prior pay, and not
 * when its statistic covers fewer than the privacy minimum: either way the reason appearing or not, as an offer
 * amount is varied, would bound a hidden salary. Results stored before `groupSize` existed: only whole-cohort
 * comparisons on a cohort above the minimum are shown.
 */
function disclosableToNonHr(r: Reason, result: FairnessCheckResult): boolean {
  if (r.basis === 'prior_salary') return false;
  if (r.code === 'small_cohort' || r.code === 'cohort_fell_back') return true;
  if (!r.usesCohortStatistics) return true;
  const k = Math.max(MIN_PRIVACY_COHORT, result.privacy.minCohort);
  const size = r.groupSize ?? (r.basis === 'cohort_p90' ? (result.cohort?.n ?? 0) : 0);
  return size >= k && (result.cohort?.n ?? 0) >= k;
}

function summaryView(result: FairnessCheckResult): FairnessSummaryView {
  const reasons = result.reasons.filter((r) => disclosableToNonHr(r, result));
  return { view: 'summary', result: outcomeOf(reasons), reasons: reasons.map(summary) };
}

/** The outcome the given reasons alone would give (the same rule as checkFairness). */
export function outcomeOf(reasons: readonly { severity: ReasonSeverity }[]): FairnessOutcome {
  return reasons.some((r) => r.severity === 'fail')
    ? 'fail'
    : reasons.some((r) => r.severity === 'warn')
      ? 'warn'
      : 'pass';
}

export function fairnessResultForViewer(
  result: FairnessCheckResult,
  role: 'hr_admin',
): { view: 'full' } & FairnessCheckResult;
export function fairnessResultForViewer(
  result: FairnessCheckResult,
  role: 'hiring_manager' | 'recruiter',
): FairnessSummaryView;
export function fairnessResultForViewer(result: FairnessCheckResult, role: 'integration'): FairnessDetailView;
export function fairnessResultForViewer(result: FairnessCheckResult, role: ViewerRole): FairnessResultView;
export function fairnessResultForViewer(result: FairnessCheckResult, role: ViewerRole): FairnessResultView {
  switch (role) {
    case 'hr_admin':
      return { view: 'full', ...structuredClone(result) };
    case 'hiring_manager':
    case 'recruiter':
      return summaryView(result);
    case 'integration': {
      const withhold = result.privacy.cohortStatisticsRestricted;
      const c = result.cohort;
      const { reasons, withheld } = reasonsFor(result);
      return {
        view: 'detail',
        result: result.result,
        reasons: [
          ...reasons.map((r) =>
            withhold && r.usesCohortStatistics ? summary(r) : { ...summary(r), detail: r.detail },
          ),
          ...withheldSummary(withheld),
        ],
        position: withhold
          ? { compaRatio: result.position.compaRatio, rangePenetration: result.position.rangePenetration }
          : { ...result.position },
        cohort: c
          ? {
              scope: c.scope,
              snapshotId: c.snapshotId,
              snapshotEffectiveDate: c.snapshotEffectiveDate,
              fellBack: c.fellBack,
              ...(withhold ? {} : { n: c.n, ...(c.statistics ? { statistics: { ...c.statistics } } : {}) }),
            }
          : null,
        ...(!withhold && result.regression ? { regression: { ...result.regression } } : {}),
        ...(!withhold && result.genderGap ? { genderGap: { ...result.genderGap } } : {}),
        returnee: { ...result.returnee },
        notRun: result.notRun.map((x) => ({ ...x })),
        cohortStatisticsWithheld: withhold,
      };
    }
  }
}
