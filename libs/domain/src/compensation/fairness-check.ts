// Rule-based fairness check of one offer against incumbent pay. It consumes a CohortAggregate (one SQL
// query's worth of statistics), never the incumbents themselves.
//
// Every reason carries two texts: `message` has no figures and may be shown to anyone (hiring managers
// included); `detail` has the figures and is filtered by fairnessResultForViewer.

import type { CohortAggregate, CohortScope, Gender } from './cohort-statistics';
import { midRankPercentile } from './cohort-statistics';
import { MIN_PRIVACY_COHORT, type CheckSeverity, type FairnessPolicy } from './fairness-policy';
import type { PayBand } from './offer-proposal';
import { validateBand } from './offer-proposal';
import { predictAt, solveLeastSquares } from './pay-regression';
import { adjustForWageGrowth, formatYen, requireYen, roundTo } from './wage-growth';

export type FairnessOutcome = 'pass' | 'warn' | 'fail';
export type ReasonSeverity = 'info' | CheckSeverity;

export type FairnessReasonCode =
  | 'premium_over_incumbents'
  | 'returnee_penalty'
  | 'outside_band'
  | 'unexplained_pay'
  | 'gender_gap_impact'
  | 'small_cohort'
  | 'cohort_fell_back';

export type ReasonBasis =
  | 'cohort_p90'
  | 'experienced_max'
  | 'prior_salary'
  | 'cohort_p25_with_experience'
  | 'below_min'
  | 'above_max'
  | 'no_cohort'
  | 'below_privacy_minimum'
  | 'regression'
  | 'gender_gap'
  | 'family_level';

export interface FairnessReason {
  code: FairnessReasonCode;
  basis: ReasonBasis;
  severity: ReasonSeverity;
  /** Figure-free: safe for every viewer. */
  message: string;
  /** With figures: for HR (and recruiters/integrations unless the cohort is below the privacy minimum). */
  detail: string;
  /** True when `detail` reveals cohort statistics. */
  usesCohortStatistics: boolean;
  /**
   * How many incumbents the statistic behind this reason covers (the whole cohort, or a sub-group such as
   * "equal or longer experience" or the smaller gender group). Non-HR viewers only learn of a comparison whose
   * group reaches the privacy minimum. Absent on results stored before it was recorded.
   */
  groupSize?: number;
}

export type CheckName =
  'premium_over_incumbents' | 'returnee_penalty' | 'outside_band' | 'unexplained_pay' | 'gender_gap_impact';

export type NotRunWhy =
  | 'disabled'
  | 'no_cohort'
  | 'no_band'
  | 'cohort_too_small'
  | 'gender_group_too_small'
  | 'missing_input'
  | 'degenerate_fit';

export interface CohortStatisticsView {
  min: number;
  max: number;
  mean: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
}

export interface FairnessCheckResult {
  result: FairnessOutcome;
  reasons: FairnessReason[];
  position: { percentile: number | null; compaRatio: number | null; rangePenetration: number | null };
  cohort: {
    scope: CohortScope;
    n: number;
    snapshotId: string;
    snapshotEffectiveDate: string;
    fellBack: boolean;
    statistics?: CohortStatisticsView;
  } | null;
  regression?: {
    n: number;
    expected: number;
    standardError: number;
    zScore: number;
    residualStandardError: number;
  };
  genderGap?: { before: number; after: number; triggered: boolean; thresholdPercent: number };
  returnee: {
    priorSalary: number | null;
    priorSalaryAdjustedForWageGrowth: number | null;
    wageGrowthSinceLeaving: number | null;
  };
  /** Checks that could not run and why (no figures). */
  notRun: { check: CheckName; why: NotRunWhy }[];
  /** When true, non-HR viewers get no cohort statistic (cohort missing or below the privacy minimum). */
  privacy: { cohortStatisticsRestricted: boolean; minCohort: number };
}

export interface ReturneeForCheck {
  priorBaseSalary?: number | null;
  leaveDate?: string | null;
  /** Same measure as the aggregate's incumbent experience (years). */
  relevantExperienceYears?: number | null;
  lastRating?: string | null;
  gender?: Gender | null;
}

export interface FairnessCheckInput {
  offerAmount: number;
  returnee: ReturneeForCheck;
  /** The job level the offer is for; only needed for the regression's level_rank. */
  target?: { jobLevel: string } | null;
  band?: PayBand | null;
  cohort: CohortAggregate | null;
  policy: FairnessPolicy;
  asOf: string;
}

/** compa-ratio = offer ÷ band midpoint. */
export function compaRatio(offer: number, band: PayBand): number | null {
  return band.mid > 0 ? offer / band.mid : null;
}

/** range penetration = (offer − min) ÷ (max − min); below 0 or above 1 outside the band. */
export function rangePenetration(offer: number, band: PayBand): number | null {
  return band.max > band.min ? (offer - band.min) / (band.max - band.min) : null;
}

/** Mean gender pay gap in percent of men's mean: (mean_m − mean_f) ÷ mean_m × 100 (negative: women paid more). */
export function meanGenderGapPercent(
  female: { n: number; sum: number },
  male: { n: number; sum: number },
): number | null {
  if (female.n <= 0 || male.n <= 0) return null;
  const mf = female.sum / female.n;
  const mm = male.sum / male.n;
  return mm > 0 ? ((mm - mf) / mm) * 100 : null;
}

const pct = (v: number, d = 1): string => `${roundTo(v, d)}%`;

export function checkFairness(input: FairnessCheckInput): FairnessCheckResult {
  const { offerAmount: offer, returnee, band, cohort, policy, asOf } = input;
  const checks = policy.checks;
  requireYen(offer, 'offerAmount');
  if (band) validateBand(band);
  if (returnee.priorBaseSalary !== undefined && returnee.priorBaseSalary !== null) {
    requireYen(returnee.priorBaseSalary, 'returnee.priorBaseSalary');
  }

  const reasons: FairnessReason[] = [];
  const notRun: FairnessCheckResult['notRun'] = [];
  const add = (
    r: Omit<FairnessReason, 'usesCohortStatistics'> & { usesCohortStatistics?: boolean },
  ): void => {
    reasons.push({ ...r, usesCohortStatistics: r.usesCohortStatistics ?? true });
  };
  const hasCohort = cohort !== null && cohort.n > 0;
  const minGroup = Math.max(MIN_PRIVACY_COHORT, policy.privacy.minCohort);
  const restricted = !hasCohort || cohort.n < minGroup;

  // --- Position -------------------------------------------------------------
  const position: FairnessCheckResult['position'] = {
    percentile: hasCohort
      ? roundTo(midRankPercentile(cohort.countBelowOffer, cohort.countEqualOffer, cohort.n), 1)
      : null,
    compaRatio: null,
    rangePenetration: null,
  };
  if (band) {
    const cr = compaRatio(offer, band);
    const rp = rangePenetration(offer, band);
    position.compaRatio = cr === null ? null : roundTo(cr, 3);
    position.rangePenetration = rp === null ? null : roundTo(rp, 3);
  }

  // --- Cohort size and fall-back ----------------------------------------------
  if (checks.smallCohort.enabled && restricted) {
    add(
      hasCohort
        ? {
            code: 'small_cohort',
            basis: 'below_privacy_minimum',
            severity: checks.smallCohort.severity,
            message:
              'Too few comparable incumbents for a reliable comparison; statistics are restricted to HR.',
            detail: `The cohort has ${cohort.n} incumbent(s), fewer than the privacy minimum of ${minGroup}.`,
          }
        : {
            code: 'small_cohort',
            basis: 'no_cohort',
            severity: checks.smallCohort.severity,
            message: 'No comparable incumbents: the offer could not be compared with incumbent pay.',
            detail: 'No incumbents in the same job family and level.',
            usesCohortStatistics: false,
          },
    );
  }
  if (hasCohort && cohort.scope === 'family_level') {
    add({
      code: 'cohort_fell_back',
      basis: 'family_level',
      severity: 'info',
      message:
        'Compared with the job family and level across all locations (too few incumbents in this location).',
      detail: `Cohort widened to family + level (all locations): n = ${cohort.n}.`,
    });
  }

  // --- premium_over_incumbents ------------------------------------------------
  const premium = checks.premiumOverIncumbents;
  if (!premium.enabled) notRun.push({ check: 'premium_over_incumbents', why: 'disabled' });
  else if (!hasCohort) notRun.push({ check: 'premium_over_incumbents', why: 'no_cohort' });
  else {
    const tol = 1 + premium.tolerancePercent / 100;
    if (offer > cohort.p90 * tol) {
      add({
        code: 'premium_over_incumbents',
        basis: 'cohort_p90',
        severity: premium.severity,
        message: 'The offer is above the top-decile pay of comparable incumbents.',
        detail: `Offer ${formatYen(offer)} is above the cohort P90 ${formatYen(cohort.p90)}${premium.tolerancePercent > 0 ? ` (+${premium.tolerancePercent}% tolerance)` : ''}.`,
        groupSize: cohort.n,
      });
    }
    const top = cohort.maxPayWithExperienceAtLeast;
    if (premium.compareWithExperiencedMax && top !== null && offer > top * tol) {
      add({
        code: 'premium_over_incumbents',
        basis: 'experienced_max',
        severity: premium.severity,
        message: 'The offer is above every incumbent with equal or longer relevant experience.',
        detail: `Offer ${formatYen(offer)} is above the highest pay ${formatYen(top)} among incumbents with equal or longer experience.`,
        groupSize: cohort.nWithExperienceAtLeast ?? 0,
      });
    }
  }

  // --- returnee_penalty -------------------------------------------------------
  const penalty = checks.returneePenalty;
  let priorSalary: number | null = null;
  let priorAdjusted: number | null = null;
  let growth: number | null = null;
  if (returnee.priorBaseSalary !== undefined && returnee.priorBaseSalary !== null) {
    priorSalary = returnee.priorBaseSalary;
    if (returnee.leaveDate) {
      const g = adjustForWageGrowth(priorSalary, returnee.leaveDate, asOf, policy.wageGrowth.annualRate);
      priorAdjusted = g.adjusted;
      growth = g.growth;
    } else {
      // Without a leave date we cannot grow the prior salary; compare with it as it was.
      priorAdjusted = priorSalary;
    }
  }
  if (!penalty.enabled) notRun.push({ check: 'returnee_penalty', why: 'disabled' });
  else {
    const floorTol = 1 - penalty.tolerancePercent / 100;
    let compared = false;
    if (priorAdjusted !== null) {
      compared = true;
      if (offer < priorAdjusted * floorTol) {
        add({
          code: 'returnee_penalty',
          basis: 'prior_salary',
          severity: penalty.severity,
          message:
            'The offer is below the returnee’s prior internal salary adjusted for wage growth since leaving.',
          detail: `Offer ${formatYen(offer)} is below the prior salary ${formatYen(priorSalary ?? 0)} grown to ${formatYen(priorAdjusted)} (${growth === null ? 'no leave date: not grown' : `+${pct(growth * 100, 2)} at ${pct(policy.wageGrowth.annualRate * 100, 2)}/yr`}).`,
          usesCohortStatistics: false,
        });
      }
    }
    const lowGroup = cohort?.p25WithExperienceAtMost ?? null;
    if (penalty.compareWithCohortP25 && hasCohort && lowGroup && lowGroup.n > 0) {
      compared = true;
      if (offer < lowGroup.p25 * floorTol) {
        add({
          code: 'returnee_penalty',
          basis: 'cohort_p25_with_experience',
          severity: penalty.severity,
          message: 'The offer is below the lower quartile of incumbents with equal or less experience.',
          detail: `Offer ${formatYen(offer)} is below ${formatYen(lowGroup.p25)}, the P25 of the ${lowGroup.n} incumbent(s) whose experience is at most the returnee’s.`,
          groupSize: lowGroup.n,
        });
      }
    }
    if (!compared) notRun.push({ check: 'returnee_penalty', why: 'missing_input' });
  }

  // --- outside_band ----------------------------------------------------------
  const ob = checks.outsideBand;
  if (!ob.enabled) notRun.push({ check: 'outside_band', why: 'disabled' });
  else if (!band) notRun.push({ check: 'outside_band', why: 'no_band' });
  else if (offer < band.min || offer > band.max) {
    const below = offer < band.min;
    add({
      code: 'outside_band',
      basis: below ? 'below_min' : 'above_max',
      severity: ob.severity,
      message: below
        ? 'The offer is below the pay band minimum.'
        : 'The offer is above the pay band maximum.',
      detail: `Offer ${formatYen(offer)} is outside the band ${formatYen(band.min)}–${formatYen(band.max)}.`,
      usesCohortStatistics: false,
    });
  }

  // --- unexplained_pay (regression) -------------------------------------------
  let regression: FairnessCheckResult['regression'];
  const up = checks.unexplainedPay;
  const reg = cohort?.regression;
  const f = cohort?.genders?.female?.n ?? 0;
  const m = cohort?.genders?.male?.n ?? 0;
  if (!up.enabled) notRun.push({ check: 'unexplained_pay', why: 'disabled' });
  else if (!hasCohort) notRun.push({ check: 'unexplained_pay', why: 'no_cohort' });
  else if (!reg || reg.n < up.minCohort) notRun.push({ check: 'unexplained_pay', why: 'cohort_too_small' });
  else if (Math.min(f, m) < up.minSmallerGenderGroup)
    notRun.push({ check: 'unexplained_pay', why: 'gender_group_too_small' });
  else {
    const fit = solveLeastSquares(reg.xtx, reg.xty, reg.yty, reg.n);
    const levelRank = input.target ? policy.levelRanks[input.target.jobLevel] : undefined;
    const ratingScore = returnee.lastRating ? policy.ratingScores[returnee.lastRating] : undefined;
    const years = returnee.relevantExperienceYears;
    // A level constant within the cohort is aliased and its value does not matter; use the mean then.
    const levelValue = levelRank ?? (fit.aliased[1] ? fit.means[1] : undefined);
    if (levelValue === undefined || ratingScore === undefined || years === undefined || years === null) {
      notRun.push({ check: 'unexplained_pay', why: 'missing_input' });
    } else {
      const pred = predictAt(fit, [1, levelValue, years, ratingScore]);
      const se = pred.standardErrorOfPrediction;
      if (se === null || !(se > 0) || fit.residualStandardError === null) {
        notRun.push({ check: 'unexplained_pay', why: 'degenerate_fit' });
      } else {
        const z = (offer - pred.expected) / se;
        regression = {
          n: reg.n,
          expected: Math.round(pred.expected),
          standardError: Math.round(se),
          zScore: roundTo(z, 2),
          residualStandardError: Math.round(fit.residualStandardError),
        };
        if (Math.abs(z) > up.maxStandardErrors) {
          const above = z > 0;
          add({
            code: 'unexplained_pay',
            basis: 'regression',
            severity: up.severity,
            message: above
              ? 'The offer is well above what level, experience and rating explain for this cohort.'
              : 'The offer is well below what level, experience and rating explain for this cohort.',
            detail: `Offer ${formatYen(offer)} vs expected ${formatYen(pred.expected)}: ${roundTo(z, 2)} standard errors (limit ${up.maxStandardErrors}; n = ${reg.n}).`,
            groupSize: Math.min(reg.n, f, m),
          });
        }
      }
    }
  }

  // --- gender_gap_impact ------------------------------------------------------
  let genderGap: FairnessCheckResult['genderGap'];
  const gg = checks.genderGapImpact;
  const female = cohort?.genders?.female;
  const male = cohort?.genders?.male;
  if (!gg.enabled) notRun.push({ check: 'gender_gap_impact', why: 'disabled' });
  else if (!hasCohort) notRun.push({ check: 'gender_gap_impact', why: 'no_cohort' });
  else if (!female || !male || female.n === 0 || male.n === 0) {
    notRun.push({ check: 'gender_gap_impact', why: 'gender_group_too_small' });
  } else if (!returnee.gender) notRun.push({ check: 'gender_gap_impact', why: 'missing_input' });
  else {
    const before = meanGenderGapPercent(female, male);
    const plus = (g: { n: number; sum: number }): { n: number; sum: number } => ({
      n: g.n + 1,
      sum: g.sum + offer,
    });
    const after =
      returnee.gender === 'female'
        ? meanGenderGapPercent(plus(female), male)
        : meanGenderGapPercent(female, plus(male));
    if (before === null || after === null) notRun.push({ check: 'gender_gap_impact', why: 'degenerate_fit' });
    else {
      // Flag when the gap (either direction) ends beyond the trigger and this offer widened it: an offer
      // that narrows an existing gap is not the cause.
      const triggered = Math.abs(after) > gg.thresholdPercent && Math.abs(after) > Math.abs(before);
      genderGap = {
        before: roundTo(before, 2),
        after: roundTo(after, 2),
        triggered,
        thresholdPercent: gg.thresholdPercent,
      };
      if (triggered) {
        add({
          code: 'gender_gap_impact',
          basis: 'gender_gap',
          severity: gg.severity,
          message: 'The offer widens the cohort’s mean gender pay gap beyond the policy trigger.',
          detail: `Mean gender gap ${pct(before, 2)} before, ${pct(after, 2)} after the offer (trigger ${gg.thresholdPercent}%).`,
          groupSize: Math.min(female.n, male.n),
        });
      }
    }
  }

  const result: FairnessOutcome = reasons.some((r) => r.severity === 'fail')
    ? 'fail'
    : reasons.some((r) => r.severity === 'warn')
      ? 'warn'
      : 'pass';

  return {
    result,
    reasons,
    position,
    cohort: hasCohort
      ? {
          scope: cohort.scope,
          n: cohort.n,
          snapshotId: cohort.snapshotId,
          snapshotEffectiveDate: cohort.snapshotEffectiveDate,
          fellBack: cohort.scope === 'family_level',
          statistics: {
            min: cohort.min,
            max: cohort.max,
            mean: Math.round(cohort.mean),
            p10: Math.round(cohort.p10),
            p25: Math.round(cohort.p25),
            p50: Math.round(cohort.p50),
            p75: Math.round(cohort.p75),
            p90: Math.round(cohort.p90),
          },
        }
      : null,
    ...(regression ? { regression } : {}),
    ...(genderGap ? { genderGap } : {}),
    returnee: {
      priorSalary,
      priorSalaryAdjustedForWageGrowth: priorAdjusted,
      wageGrowthSinceLeaving: growth === null ? null : roundTo(growth, 6),
    },
    notRun,
    privacy: { cohortStatisticsRestricted: restricted, minCohort: minGroup },
  };
}
