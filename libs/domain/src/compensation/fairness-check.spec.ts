import { aggregateCohort, CohortAggregate, IncumbentPay } from './cohort-statistics';
import {
  checkFairness,
  compaRatio,
  FairnessCheckInput,
  meanGenderGapPercent,
  rangePenetration,
} from './fairness-check';
import { DEFAULT_FAIRNESS_POLICY, FairnessPolicy } from './fairness-policy';

const BAND = { min: 5_000_000, mid: 6_000_000, max: 7_000_000 };

/** A plain cohort of 10 without regression data; figures chosen to be easy to reason about. */
function cohort(over: Partial<CohortAggregate> = {}): CohortAggregate {
  return {
    scope: 'family_level_location',
    snapshotId: 'snap-7',
    snapshotEffectiveDate: '2024-04-01',
    n: 10,
    min: 4_000_000,
    max: 9_500_000,
    mean: 6_200_000,
    p10: 4_500_000,
    p25: 5_200_000,
    p50: 6_000_000,
    p75: 6_800_000,
    p90: 8_800_000,
    countBelowOffer: 6,
    countEqualOffer: 1,
    maxPayWithExperienceAtLeast: 9_500_000,
    p25WithExperienceAtMost: { n: 4, p25: 4_600_000 },
    ...over,
  };
}

function input(over: Partial<FairnessCheckInput> = {}): FairnessCheckInput {
  return {
    offerAmount: 6_310_000,
    returnee: {
      priorBaseSalary: 6_000_000,
      leaveDate: '2022-04-01',
      relevantExperienceYears: 6,
      lastRating: 'B',
    },
    target: { jobLevel: 'G4' },
    band: BAND,
    cohort: cohort(),
    policy: DEFAULT_FAIRNESS_POLICY,
    asOf: '2024-04-01',
    ...over,
  };
}

const codes = (r: { reasons: { code: string; basis: string }[] }): string[] =>
  r.reasons.map((x) => `${x.code}/${x.basis}`);

describe('position formulas', () => {
  it('compa-ratio = offer ÷ mid: 6,300,000 / 6,000,000 = 1.05', () =>
    expect(compaRatio(6_300_000, BAND)).toBeCloseTo(1.05, 12));
  it('range penetration = (offer − min) ÷ (max − min): 1,300,000 / 2,000,000 = 0.65', () =>
    expect(rangePenetration(6_300_000, BAND)).toBeCloseTo(0.65, 12));
  it('range penetration is undefined for a zero-width band', () =>
    expect(rangePenetration(5, { min: 5, mid: 5, max: 5 })).toBeNull());

  it('reports mid-rank percentile, compa-ratio and range penetration (rounded for display)', () => {
    // (6 below + 1 equal / 2) / 10 × 100 = 65; 6,310,000 / 6,000,000 = 1.05166… → 1.052; 1.31/2 = 0.655.
    const r = checkFairness(input());
    expect(r.position).toEqual({ percentile: 65, compaRatio: 1.052, rangePenetration: 0.655 });
    expect(r.result).toBe('pass');
    expect(r.reasons).toEqual([]);
    expect(r.cohort).toMatchObject({
      scope: 'family_level_location',
      n: 10,
      snapshotId: 'snap-7',
      fellBack: false,
    });
  });
});

describe('premium_over_incumbents', () => {
  it('flags an offer above P90', () => {
    const r = checkFairness(input({ offerAmount: 8_900_000, band: null }));
    expect(codes(r)).toEqual(['premium_over_incumbents/cohort_p90']);
    expect(r.result).toBe('warn');
  });

  it('flags an offer above the best-paid incumbent with at least the returnee’s experience', () => {
    const r = checkFairness(
      input({
        offerAmount: 7_100_000,
        band: null,
        cohort: cohort({ maxPayWithExperienceAtLeast: 7_000_000 }),
      }),
    );
    expect(codes(r)).toEqual(['premium_over_incumbents/experienced_max']);
  });

  it('honours the tolerance and the switch', () => {
    const p: FairnessPolicy = structuredClone(DEFAULT_FAIRNESS_POLICY);
    p.checks.premiumOverIncumbents.tolerancePercent = 5; // P90 × 1.05 = 9,240,000
    p.checks.premiumOverIncumbents.compareWithExperiencedMax = false;
    expect(checkFairness(input({ offerAmount: 9_200_000, band: null, policy: p })).reasons).toEqual([]);
    expect(codes(checkFairness(input({ offerAmount: 9_300_000, band: null, policy: p })))).toEqual([
      'premium_over_incumbents/cohort_p90',
    ]);
  });
});

describe('returnee_penalty', () => {
  it('compares with the prior salary grown at 2.5%/yr: 6,000,000 → 6,303,750', () => {
    const below = checkFairness(input({ offerAmount: 6_303_000 }));
    expect(codes(below)).toEqual(['returnee_penalty/prior_salary']);
    expect(below.result).toBe('fail');
    expect(below.returnee).toEqual({
      priorSalary: 6_000_000,
      priorSalaryAdjustedForWageGrowth: 6_303_750,
      wageGrowthSinceLeaving: 0.050625,
    });
    expect(checkFairness(input({ offerAmount: 6_303_750 })).reasons).toEqual([]);
  });

  it('flags an offer below the P25 of incumbents with no more experience', () => {
    const r = checkFairness(
      input({ offerAmount: 4_500_000, band: null, returnee: { relevantExperienceYears: 6 } }),
    );
    expect(codes(r)).toEqual(['returnee_penalty/cohort_p25_with_experience']);
  });

  it('says when it had nothing to compare with', () => {
    const r = checkFairness(input({ returnee: {}, cohort: null }));
    expect(r.notRun).toContainEqual({ check: 'returnee_penalty', why: 'missing_input' });
  });
});

describe('outside_band', () => {
  it('flags both edges; inside is fine; no band means not run', () => {
    expect(codes(checkFairness(input({ offerAmount: 7_000_001, cohort: null })))).toContain(
      'outside_band/above_max',
    );
    expect(codes(checkFairness(input({ offerAmount: 4_999_999, returnee: {} })))).toContain(
      'outside_band/below_min',
    );
    expect(checkFairness(input({ band: null })).notRun).toContainEqual({
      check: 'outside_band',
      why: 'no_band',
    });
  });
});

describe('gender gap', () => {
  // Men: 4 with ¥24,000,000 → mean 6,000,000. Women: 3 with ¥17,400,000 → mean 5,800,000.
  // Before: (6.0 − 5.8) / 6.0 = 3.33%.
  const genders = { male: { n: 4, sum: 24_000_000 }, female: { n: 3, sum: 17_400_000 } };

  it('mean gap = (mean_m − mean_f) / mean_m × 100', () => {
    expect(meanGenderGapPercent(genders.female, genders.male)).toBeCloseTo(3.3333333, 6);
    expect(meanGenderGapPercent({ n: 0, sum: 0 }, genders.male)).toBeNull();
  });

  it('flags an offer that pushes the gap past 5%', () => {
    // A woman at 5,000,000: women 4 with 22,400,000 → 5,600,000; gap (6.0 − 5.6)/6.0 = 6.67% > 5%.
    const r = checkFairness(
      input({
        offerAmount: 5_000_000,
        band: null,
        returnee: { gender: 'female' },
        cohort: cohort({ genders }),
      }),
    );
    expect(r.genderGap).toEqual({ before: 3.33, after: 6.67, triggered: true, thresholdPercent: 5 });
    expect(codes(r)).toContain('gender_gap_impact/gender_gap');
  });

  it('does not flag an offer that keeps the gap under 5%, or one that narrows it', () => {
    // A woman at 6,200,000: women → 23,600,000 / 4 = 5,900,000; gap 1.67%.
    const ok = checkFairness(
      input({ offerAmount: 6_200_000, returnee: { gender: 'female' }, cohort: cohort({ genders }) }),
    );
    expect(ok.genderGap).toEqual({ before: 3.33, after: 1.67, triggered: false, thresholdPercent: 5 });
    // Gap already 10% (men 6.0M, women 5.4M); a woman at 6,000,000 narrows it to 7.5%: not this offer's doing.
    const wide = { male: { n: 4, sum: 24_000_000 }, female: { n: 3, sum: 16_200_000 } };
    const narrowing = checkFairness(
      input({ offerAmount: 6_000_000, returnee: { gender: 'female' }, cohort: cohort({ genders: wide }) }),
    );
    expect(narrowing.genderGap).toEqual({ before: 10, after: 7.5, triggered: false, thresholdPercent: 5 });
  });

  it('cannot assess impact without the returnee’s gender', () => {
    expect(checkFairness(input({ cohort: cohort({ genders }) })).notRun).toContainEqual({
      check: 'gender_gap_impact',
      why: 'missing_input',
    });
  });
});

describe('unexplained_pay (regression from sufficient statistics)', () => {
  /**
   * 32 incumbents, all G4 (so level_rank is aliased with the intercept): a 2² design in experience {3, 7}
   * and rating {C=2, A=4}, replicated 8 times, pay = 3,000,000 + 100,000·exp + 200,000·rating ± 50,000 with
   * the sign of (exp − 5)(rating − 3), which is orthogonal to the columns. So b = (3.0M, –, 100k, 200k),
   * RSS = 32 · 50,000² = 8·10¹⁰, df = 32 − 3 = 29, and at the means (5 y, rating 3): expected 4,100,000,
   * h = 1/32, SE(pred) = √(8·10¹⁰/29 · 33/32) ≈ 53,337.
   */
  const rows: IncumbentPay[] = [];
  for (let rep = 0; rep < 8; rep++)
    for (const exp of [3, 7])
      for (const rating of [2, 4])
        rows.push({
          jobFamily: 'eng',
          jobLevel: 'G4',
          location: 'tokyo',
          hireDate: `${2024 - exp}-04-01`,
          performanceRating: rating === 2 ? 'C' : 'A',
          gender: rows.length % 2 === 0 ? 'female' : 'male',
          baseSalary:
            3_000_000 + 100_000 * exp + 200_000 * rating + Math.sign((exp - 5) * (rating - 3)) * 50_000,
        });
  const se = Math.sqrt((8e10 / 29) * (33 / 32));
  const snap = { snapshotId: 's', effectiveDate: '2024-04-01', scope: 'family_level_location' as const };
  const run = (offer: number, returnee = { relevantExperienceYears: 5, lastRating: 'B' }) =>
    checkFairness(
      input({
        offerAmount: offer,
        band: null,
        returnee,
        cohort: aggregateCohort(rows, offer, returnee, snap, DEFAULT_FAIRNESS_POLICY),
      }),
    );

  it('flags an offer more than 2 standard errors from its expected pay', () => {
    const r = run(Math.round(4_100_000 - 2.5 * se));
    expect(r.regression).toEqual({
      n: 32,
      expected: 4_100_000,
      standardError: Math.round(se),
      zScore: -2.5,
      residualStandardError: Math.round(Math.sqrt(8e10 / 29)),
    });
    expect(codes(r)).toContain('unexplained_pay/regression');
  });

  it('passes an offer within 2 standard errors', () => {
    const r = run(Math.round(4_100_000 + 1.9 * se));
    expect(r.regression?.zScore).toBeCloseTo(1.9, 2);
    expect(codes(r)).not.toContain('unexplained_pay/regression');
  });

  it('does not run below 30 incumbents or 5 in the smaller gender group', () => {
    const small = checkFairness(
      input({ cohort: aggregateCohort(rows.slice(0, 29), 1, {}, snap, DEFAULT_FAIRNESS_POLICY) }),
    );
    expect(small.notRun).toContainEqual({ check: 'unexplained_pay', why: 'cohort_too_small' });
    const oneSided = rows.map((r, i) => ({ ...r, gender: i < 4 ? 'female' : 'male' }));
    const skewed = checkFairness(
      input({ cohort: aggregateCohort(oneSided, 1, {}, snap, DEFAULT_FAIRNESS_POLICY) }),
    );
    expect(skewed.notRun).toContainEqual({ check: 'unexplained_pay', why: 'gender_group_too_small' });
  });
});

describe('cohort size and overall result', () => {
  it('warns on a cohort below the privacy minimum and restricts statistics', () => {
    const r = checkFairness(input({ cohort: cohort({ n: 4, countBelowOffer: 2, countEqualOffer: 0 }) }));
    expect(codes(r)).toEqual(['small_cohort/below_privacy_minimum']);
    expect(r.result).toBe('warn');
    expect(r.privacy.cohortStatisticsRestricted).toBe(true);
  });

  it('with no cohort at all: small_cohort, no percentile, cohort-based checks not run', () => {
    const r = checkFairness(input({ cohort: null }));
    expect(codes(r)).toEqual(['small_cohort/no_cohort']);
    expect(r.position.percentile).toBeNull();
    expect(r.cohort).toBeNull();
    expect(r.notRun).toContainEqual({ check: 'premium_over_incumbents', why: 'no_cohort' });
  });

  it('says when the cohort fell back to family + level; info reasons do not change the result', () => {
    const r = checkFairness(input({ cohort: cohort({ scope: 'family_level' }) }));
    expect(r.cohort?.fellBack).toBe(true);
    expect(r.reasons).toEqual([expect.objectContaining({ code: 'cohort_fell_back', severity: 'info' })]);
    expect(r.result).toBe('pass');
  });

  it('fail outranks warn', () => {
    const r = checkFairness(input({ offerAmount: 9_000_000 }));
    expect(codes(r)).toEqual(['premium_over_incumbents/cohort_p90', 'outside_band/above_max']);
    expect(r.result).toBe('fail');
  });

  it('disabled checks are reported as not run', () => {
    const p: FairnessPolicy = structuredClone(DEFAULT_FAIRNESS_POLICY);
    p.checks.outsideBand.enabled = false;
    const r = checkFairness(input({ offerAmount: 7_500_000, policy: p }));
    expect(codes(r)).not.toContain('outside_band/above_max');
    expect(r.notRun).toContainEqual({ check: 'outside_band', why: 'disabled' });
  });

  it('messages carry no figures; details do', () => {
    const r = checkFairness(
      input({
        offerAmount: 9_000_000,
        returnee: { gender: 'female' },
        cohort: cohort({ n: 4, genders: { male: { n: 2, sum: 1e7 }, female: { n: 2, sum: 1e7 } } }),
      }),
    );
    expect(r.reasons.length).toBeGreaterThan(2);
    for (const reason of r.reasons) {
      expect(reason.message).not.toMatch(/\d/);
      expect(reason.detail).toMatch(/\d/);
    }
  });
});
