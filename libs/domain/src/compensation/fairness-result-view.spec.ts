import fc from 'fast-check';
import { aggregateCohort, IncumbentPay } from './cohort-statistics';
import { checkFairness, FairnessCheckInput } from './fairness-check';
import { DEFAULT_FAIRNESS_POLICY } from './fairness-policy';
import { fairnessResultForViewer, ViewerRole } from './fairness-result-view';

const SNAP = {
  snapshotId: 'snapshot-alpha',
  effectiveDate: '2024-04-01',
  scope: 'family_level_location' as const,
};
const NON_HR: ViewerRole[] = ['recruiter', 'hiring_manager', 'integration'];

function members(pays: number[], genders: ('female' | 'male')[]): IncumbentPay[] {
  return pays.map((p, i) => ({
    jobFamily: 'eng',
    jobLevel: 'G3',
    location: 'tokyo',
    baseSalary: p,
    hireDate: `${2014 + i}-04-01`,
    performanceRating: 'B',
    gender: genders[i % genders.length],
  }));
}

function run(pays: number[] | null, offer: number, over: Partial<FairnessCheckInput> = {}) {
  const returnee = {
    relevantExperienceYears: 6,
    gender: 'female' as const,
    priorBaseSalary: 6_000_000,
    leaveDate: '2022-04-01',
  };
  return checkFairness({
    offerAmount: offer,
    returnee,
    band: { min: 5_000_000, mid: 6_000_000, max: 7_000_000 },
    cohort: pays
      ? aggregateCohort(members(pays, ['female', 'male']), offer, returnee, SNAP, DEFAULT_FAIRNESS_POLICY)
      : null,
    policy: DEFAULT_FAIRNESS_POLICY,
    asOf: '2024-04-01',
    ...over,
  });
}

/**
 * Every run of digits in the serialised view (numbers, and figures inside texts and dates), except digits
 * inside identifiers such as the basis label `cohort_p90`, which name a rule rather than a figure.
 */
function numberTokens(value: unknown): Set<string> {
  return new Set(JSON.stringify(value).match(/(?<![A-Za-z_\d])\d+/g) ?? []);
}

describe('fairnessResultForViewer', () => {
  const big = [5_100_000, 5_500_000, 5_900_000, 6_400_000, 6_800_000, 7_200_000];

  it('hr_admin sees everything, including a small cohort’s statistics', () => {
    const r = run(big.slice(0, 4), 9_000_000);
    const v = fairnessResultForViewer(r, 'hr_admin');
    expect(v.view).toBe('full');
    expect(v.cohort?.n).toBe(4);
    expect(v.cohort?.statistics?.p90).toBeDefined();
    expect(v.position.percentile).toBe(100);
  });

  it('hiring managers get only the outcome and figure-free reasons, whatever the cohort size', () => {
    const r = run(big, 9_000_000);
    const v = fairnessResultForViewer(r, 'hiring_manager');
    expect(Object.keys(v).sort()).toEqual(['reasons', 'result', 'view']);
    expect(v.reasons.length).toBeGreaterThan(0);
    for (const reason of v.reasons) {
      expect(Object.keys(reason).sort()).toEqual(['basis', 'code', 'message', 'severity']);
      expect(reason.message).not.toMatch(/\d/);
    }
  });

  it('integrations (the HR note) see cohort statistics when the cohort reaches the privacy minimum; recruiters never', () => {
    expect(fairnessResultForViewer(run(big, 6_000_000), 'recruiter').view).toBe('summary');
    const v = fairnessResultForViewer(run(big, 6_000_000), 'integration');
    expect(v.cohortStatisticsWithheld).toBe(false);
    expect(v.cohort?.n).toBe(6);
    expect(v.position.percentile).toBe(50);
    expect(v.cohort?.statistics).toBeDefined();
  });

  it('integrations keep band and prior-salary figures but lose cohort ones for a cohort of 4', () => {
    const v = fairnessResultForViewer(run(big.slice(0, 4), 4_000_000), 'integration');
    expect(v.cohortStatisticsWithheld).toBe(true);
    expect(v.cohort).toEqual({
      scope: 'family_level_location',
      snapshotId: 'snapshot-alpha',
      snapshotEffectiveDate: '2024-04-01',
      fellBack: false,
    });
    expect(v.position).toEqual({ compaRatio: 0.667, rangePenetration: -0.5 });
    expect(v.regression).toBeUndefined();
    expect(v.genderGap).toBeUndefined();
    const prior = v.reasons.find((x) => x.basis === 'prior_salary');
    expect(prior?.detail).toContain('6,303,750');
    expect(v.reasons.find((x) => x.code === 'small_cohort')?.detail).toBeUndefined();
  });

  it('drops comparisons against a cohort of 4 for recruiters and hiring managers (even a neutral reason would be an oracle)', () => {
    // Knowing the offer, "above every experienced incumbent" would bound four identifiable salaries.
    const r = run([5_100_000, 5_200_000, 5_300_000, 5_400_000], 6_900_000);
    // A woman at 6.9M also pushes women's mean past men's by more than 5% (the gap counts either way).
    expect(r.reasons.map((x) => x.code)).toEqual([
      'small_cohort',
      'premium_over_incumbents',
      'premium_over_incumbents',
      'gender_gap_impact',
    ]);
    for (const role of ['hiring_manager', 'recruiter'] as const) {
      const v = fairnessResultForViewer(r, role);
      expect(v.result).toBe('warn');
      expect(v.reasons.map((x) => [x.code, x.severity])).toEqual([['small_cohort', 'warn']]);
    }
    expect(fairnessResultForViewer(r, 'integration').reasons.map((x) => [x.code, x.severity])).toEqual([
      ['small_cohort', 'warn'],
      ['cohort_comparison_withheld', 'warn'],
    ]);
    expect(
      fairnessResultForViewer(run(big, 9_000_000), 'hiring_manager').reasons.map((x) => x.code),
    ).toContain('premium_over_incumbents');
  });

  it('property: a cohort of 4 never leaks a statistic to a non-HR role', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 3_000_000, max: 12_000_000 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 3_000_000, max: 12_000_000 }),
        fc.constantFrom<ViewerRole>(...NON_HR),
        (pays, offer, role) => {
          const result = run(pays, offer);
          const hr = fairnessResultForViewer(result, 'hr_admin');
          expect(hr.cohort?.n).toBe(4); // the statistics exist…
          // …but a non-HR view may only contain figures it would contain with no cohort at all
          // (offer vs band, prior salary), plus the snapshot's id and date.
          const allowed = numberTokens([fairnessResultForViewer(run(null, offer), role), SNAP]);
          const shown = numberTokens(fairnessResultForViewer(result, role));
          for (const token of shown) expect(allowed).toContain(token);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the property would catch a leak (HR view of a cohort of 4 contains cohort figures)', () => {
    const result = run([3_111_111, 4_222_222, 5_333_333, 9_444_444], 9_500_000);
    const allowed = numberTokens([fairnessResultForViewer(run(null, 9_500_000), 'recruiter'), SNAP]);
    const hrTokens = [...numberTokens(fairnessResultForViewer(result, 'hr_admin'))];
    expect(hrTokens.some((t) => !allowed.has(t))).toBe(true);
  });
});
