// Issue 12 #3 and #4 — what non-HR viewers may learn from a fairness result: nothing that moves with the
// returnee's prior pay, and no statistic (sub-groups included) covering fewer than max(5, policy minimum) people.
import { aggregateCohort, IncumbentPay } from './cohort-statistics';
import { checkFairness } from './fairness-check';
import { DEFAULT_FAIRNESS_POLICY, validateFairnessPolicy } from './fairness-policy';
import { fairnessResultForViewer, ViewerRole } from './fairness-result-view';

const SNAP = { snapshotId: 's1', effectiveDate: '2026-04-01', scope: 'family_level_location' as const };
const NON_HR: ViewerRole[] = ['recruiter', 'hiring_manager'];

// A cohort of 6: five juniors (hired 2022–2024) and ONE senior (hired 2006) paid 9,130,000. A returnee with
// 15 years' experience has exactly one incumbent "with equal or longer experience": the senior.
const SENIOR_PAY = 9_130_000;
function cohortOf6(): IncumbentPay[] {
  const juniors = [5_100_000, 5_300_000, 5_500_000, 5_700_000, 5_900_000].map((p, i) => ({
    jobFamily: 'eng',
    jobLevel: 'G3',
    location: 'tokyo',
    baseSalary: p,
    hireDate: `${2022 + (i % 3)}-04-01`,
    performanceRating: 'B',
    gender: i % 2 === 0 ? 'female' : 'male',
  }));
  return [
    ...juniors,
    {
      jobFamily: 'eng',
      jobLevel: 'G3',
      location: 'tokyo',
      baseSalary: SENIOR_PAY,
      hireDate: '2006-04-01',
      performanceRating: 'A',
      gender: 'male',
    },
  ];
}

function check(offer: number, priorBaseSalary = 6_000_000) {
  const returnee = {
    relevantExperienceYears: 15,
    gender: 'female' as const,
    priorBaseSalary,
    leaveDate: '2024-04-01',
  };
  // The P90 of this cohort is above the senior's pay only by interpolation; relax P90 so the test isolates
  // the sub-group comparison.
  const policy = {
    ...DEFAULT_FAIRNESS_POLICY,
    checks: {
      ...DEFAULT_FAIRNESS_POLICY.checks,
      premiumOverIncumbents: { ...DEFAULT_FAIRNESS_POLICY.checks.premiumOverIncumbents, tolerancePercent: 0 },
    },
  };
  return checkFairness({
    offerAmount: offer,
    returnee,
    band: { min: 4_000_000, mid: 7_000_000, max: 12_000_000 },
    cohort: aggregateCohort(cohortOf6(), offer, returnee, SNAP, policy),
    policy,
    asOf: '2026-06-01',
  });
}

describe('incumbent pay via sub-groups (issue 12 #4)', () => {
  it('incumbent pay via sub-groups: non-HR views do not change across the pay of a sub-group of one', () => {
    const below = check(SENIOR_PAY - 10_000);
    const above = check(SENIOR_PAY + 10_000);
    // HR sees the comparison…
    expect(above.reasons.some((r) => r.basis === 'experienced_max')).toBe(true);
    expect(below.reasons.some((r) => r.basis === 'experienced_max')).toBe(false);
    // …nobody else can tell the two offers apart.
    for (const role of NON_HR) {
      expect(fairnessResultForViewer(above, role)).toEqual(fairnessResultForViewer(below, role));
    }
  });

  it('incumbent pay via sub-groups: recruiters and hiring managers get no cohort pay figures at all', () => {
    const r = check(7_000_000);
    for (const role of NON_HR) {
      const json = JSON.stringify(fairnessResultForViewer(r, role));
      expect(json).not.toMatch(
        /statistics|percentile|regression|genderGap|"n":|p90|p25|[0-9]{3},[0-9]{3}|[0-9]{6,}/,
      );
    }
  });

  it('incumbent pay via sub-groups: a cohort below 5 restricts statistics even if the policy says 3', () => {
    const r = checkFairness({
      offerAmount: 6_000_000,
      returnee: {},
      band: null,
      cohort: aggregateCohort(cohortOf6().slice(0, 4), 6_000_000, {}, SNAP, DEFAULT_FAIRNESS_POLICY),
      policy: { ...DEFAULT_FAIRNESS_POLICY, privacy: { minCohort: 3 } },
      asOf: '2026-06-01',
    });
    expect(r.privacy.cohortStatisticsRestricted).toBe(true);
  });

  it('incumbent pay via sub-groups: the fairness policy cannot set the minimum cohort below 5', () => {
    const doc = JSON.parse(JSON.stringify({ ...DEFAULT_FAIRNESS_POLICY, privacy: { minCohort: 4 } }));
    const v = validateFairnessPolicy(doc);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => p.path)).toContain('/privacy/minCohort');
    expect(validateFairnessPolicy({ ...doc, privacy: { minCohort: 5 } }).ok).toBe(true);
  });
});

describe('prior salary oracle (issue 12 #3)', () => {
  it('prior salary oracle: offers on either side of the prior salary look the same to non-HR', () => {
    const prior = 7_450_000;
    const grown = check(prior, prior).returnee.priorSalaryAdjustedForWageGrowth ?? prior;
    const below = check(grown - 50_000, prior);
    const above = check(grown + 50_000, prior);
    expect(below.reasons.some((r) => r.basis === 'prior_salary')).toBe(true);
    expect(above.reasons.some((r) => r.basis === 'prior_salary')).toBe(false);
    for (const role of NON_HR) {
      const a = fairnessResultForViewer(above, role);
      const b = fairnessResultForViewer(below, role);
      expect(a).toEqual(b);
      expect(JSON.stringify(b)).not.toMatch(/prior|returnee_penalty|7450000|7,450,000/);
    }
  });
});
