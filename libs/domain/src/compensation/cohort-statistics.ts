// The cohort aggregate is the contract with the persistence layer: everything the fairness check needs
// about incumbents, in a shape one SQL query (percentile_cont, FILTER, SUM) can return. `aggregateCohort`
// is the in-memory reference used by tests and to cross-check that query.

import { CompensationInputError, elapsedYears, requireYen } from './wage-growth';
import type { FairnessPolicy } from './fairness-policy';

export type CohortScope = 'family_level_location' | 'family_level';
export type Gender = 'female' | 'male';

export interface RegressionSufficientStatistics {
  /** Rows with a known level rank and rating score (the others cannot enter the regression). */
  n: number;
  /** X'X for X = [1, level_rank, experience_years, rating_score]. */
  xtx: number[][];
  xty: number[];
  yty: number;
}

export interface CohortAggregate {
  scope: CohortScope;
  snapshotId: string;
  snapshotEffectiveDate: string;
  n: number;
  min: number;
  max: number;
  mean: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  countBelowOffer: number;
  countEqualOffer: number;
  /** Highest pay among incumbents with experience ≥ the returnee's; null if none or experience unknown. */
  maxPayWithExperienceAtLeast: number | null;
  /** How many incumbents that maximum is taken over (a sub-group: the privacy minimum applies to it too). */
  nWithExperienceAtLeast?: number;
  /** P25 of incumbents with experience ≤ the returnee's (those the returnee has at least as much as). */
  p25WithExperienceAtMost?: { n: number; p25: number } | null;
  genders?: { [g in Gender]?: { n: number; sum: number } };
  regression?: RegressionSufficientStatistics;
}

export interface IncumbentPay {
  employeeKey?: string;
  jobFamily: string;
  jobLevel: string;
  location: string;
  baseSalary: number;
  hireDate: string;
  performanceRating?: string | null;
  gender?: string | null;
}

export interface CohortTarget {
  jobFamily: string;
  jobLevel: string;
  location: string;
}

export interface CohortSnapshot {
  snapshotId: string;
  effectiveDate: string;
}

export interface ReturneeForCohort {
  /** Relevant experience in years, comparable to an incumbent's years since hire at the snapshot date. */
  relevantExperienceYears?: number | null;
}

/** percentile_cont(p): linear interpolation between the closest ranks of the sorted values, 0 ≤ p ≤ 1. */
export function percentileCont(sortedAscending: readonly number[], p: number): number {
  const n = sortedAscending.length;
  if (n === 0) throw new CompensationInputError('percentile of an empty set');
  if (!(p >= 0 && p <= 1)) throw new CompensationInputError('p must be within [0, 1]');
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sortedAscending[lo] + (h - lo) * (sortedAscending[hi] - sortedAscending[lo]);
}

/** Mid-rank percentile: (below + equal/2) / n × 100, so an offer equal to everyone sits at 50. */
export function midRankPercentile(countBelow: number, countEqual: number, n: number): number {
  if (n <= 0) throw new CompensationInputError('percentile needs a non-empty cohort');
  return ((countBelow + countEqual / 2) / n) * 100;
}

/** Incumbent experience = years since hire at the snapshot date (the only experience the snapshot carries). */
export function incumbentExperienceYears(hireDate: string, snapshotEffectiveDate: string): number {
  return elapsedYears(hireDate, snapshotEffectiveDate);
}

/**
 * Chooses the cohort: same family, level and location; falls back to family + level when that is smaller
 * than `minCohort` and the wider group is actually bigger. The SQL side must apply the same rule.
 */
export function selectCohort(
  incumbents: readonly IncumbentPay[],
  target: CohortTarget,
  minCohort: number,
): { scope: CohortScope; members: IncumbentPay[] } {
  const familyLevel = incumbents.filter(
    (i) => i.jobFamily === target.jobFamily && i.jobLevel === target.jobLevel,
  );
  const exact = familyLevel.filter((i) => i.location === target.location);
  if (exact.length >= minCohort || familyLevel.length === exact.length) {
    return { scope: 'family_level_location', members: exact };
  }
  return { scope: 'family_level', members: familyLevel };
}

/**
 * Reference aggregate over already-selected cohort members. Returns null for an empty cohort, as the SQL
 * query returns no statistics for zero rows.
 */
export function aggregateCohort(
  incumbents: readonly IncumbentPay[],
  offerAmount: number,
  returnee: ReturneeForCohort,
  snapshot: CohortSnapshot & { scope: CohortScope },
  scales: Pick<FairnessPolicy, 'ratingScores' | 'levelRanks'>,
): CohortAggregate | null {
  requireYen(offerAmount, 'offerAmount');
  if (incumbents.length === 0) return null;
  for (const i of incumbents) requireYen(i.baseSalary, 'baseSalary');

  const pays = incumbents.map((i) => i.baseSalary).sort((a, b) => a - b);
  const n = pays.length;
  const q = (p: number): number => percentileCont(pays, p);
  const withExperience = incumbents.map((i) => ({
    i,
    years: incumbentExperienceYears(i.hireDate, snapshot.effectiveDate),
  }));

  const returneeYears = returnee.relevantExperienceYears;
  let maxPayWithExperienceAtLeast: number | null = null;
  let nWithExperienceAtLeast = 0;
  let p25WithExperienceAtMost: { n: number; p25: number } | null = null;
  if (returneeYears !== undefined && returneeYears !== null) {
    const atLeast = withExperience.filter((e) => e.years >= returneeYears).map((e) => e.i.baseSalary);
    maxPayWithExperienceAtLeast = atLeast.length > 0 ? Math.max(...atLeast) : null;
    nWithExperienceAtLeast = atLeast.length;
    const atMost = withExperience
      .filter((e) => e.years <= returneeYears)
      .map((e) => e.i.baseSalary)
      .sort((a, b) => a - b);
    p25WithExperienceAtMost =
      atMost.length > 0 ? { n: atMost.length, p25: percentileCont(atMost, 0.25) } : null;
  }

  const genders: { [g in Gender]?: { n: number; sum: number } } = {};
  for (const { i } of withExperience) {
    if (i.gender !== 'female' && i.gender !== 'male') continue;
    const g = (genders[i.gender] ??= { n: 0, sum: 0 });
    g.n += 1;
    g.sum += i.baseSalary;
  }

  const xtx = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
  const xty = [0, 0, 0, 0];
  let yty = 0;
  let rn = 0;
  for (const { i, years } of withExperience) {
    const level = scales.levelRanks[i.jobLevel];
    const rating = i.performanceRating ? scales.ratingScores[i.performanceRating] : undefined;
    if (level === undefined || rating === undefined) continue;
    const x = [1, level, years, rating];
    const y = i.baseSalary;
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 4; c++) xtx[r][c] += x[r] * x[c];
      xty[r] += x[r] * y;
    }
    yty += y * y;
    rn += 1;
  }

  return {
    scope: snapshot.scope,
    snapshotId: snapshot.snapshotId,
    snapshotEffectiveDate: snapshot.effectiveDate,
    n,
    min: pays[0],
    max: pays[n - 1],
    mean: pays.reduce((a, b) => a + b, 0) / n,
    p10: q(0.1),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p90: q(0.9),
    countBelowOffer: pays.filter((p) => p < offerAmount).length,
    countEqualOffer: pays.filter((p) => p === offerAmount).length,
    maxPayWithExperienceAtLeast,
    nWithExperienceAtLeast,
    p25WithExperienceAtMost,
    genders,
    regression: rn > 0 ? { n: rn, xtx, xty, yty } : undefined,
  };
}
