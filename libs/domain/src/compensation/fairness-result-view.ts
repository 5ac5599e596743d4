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

export type ViewerRole = 'hr_admin' | 'recruiter' | 'hiring_manager' | 'integration';

/** Stands in for comparisons with a cohort below the privacy minimum, for non-HR viewers. */
export const WITHHELD_COMPARISON_CODE = 'cohort_comparison_withheld';

export interface ReasonSummary {
  code: FairnessReasonCode | typeof WITHHELD_COMPARISON_CODE;
  basis: ReasonBasis;
  severity: ReasonSeverity;
  message: string;
}

/** Hiring managers: outcome and figure-free reasons only. */
export interface FairnessSummaryView {
  view: 'summary';
  result: FairnessOutcome;
  reasons: ReasonSummary[];
}

/** Recruiters and integrations: everything, except cohort statistics when the cohort is below the privacy minimum. */
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

export function fairnessResultForViewer(
  result: FairnessCheckResult,
  role: 'hr_admin',
): { view: 'full' } & FairnessCheckResult;
export function fairnessResultForViewer(
  result: FairnessCheckResult,
  role: 'hiring_manager',
): FairnessSummaryView;
export function fairnessResultForViewer(
  result: FairnessCheckResult,
  role: 'recruiter' | 'integration',
): FairnessDetailView;
export function fairnessResultForViewer(result: FairnessCheckResult, role: ViewerRole): FairnessResultView;
export function fairnessResultForViewer(result: FairnessCheckResult, role: ViewerRole): FairnessResultView {
  switch (role) {
    case 'hr_admin':
      return { view: 'full', ...structuredClone(result) };
    case 'hiring_manager': {
      const { reasons, withheld } = reasonsFor(result);
      return {
        view: 'summary',
        result: result.result,
        reasons: [...reasons.map(summary), ...withheldSummary(withheld)],
      };
    }
    case 'recruiter':
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
