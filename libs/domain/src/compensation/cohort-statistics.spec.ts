import fc from 'fast-check';
import {
  aggregateCohort,
  IncumbentPay,
  midRankPercentile,
  percentileCont,
  selectCohort,
} from './cohort-statistics';
import { DEFAULT_FAIRNESS_POLICY } from './fairness-policy';

const SNAPSHOT = {
  snapshotId: 'snap-1',
  effectiveDate: '2024-04-01',
  scope: 'family_level_location' as const,
};

function incumbent(pay: number, hireDate: string, extra: Partial<IncumbentPay> = {}): IncumbentPay {
  return { jobFamily: 'eng', jobLevel: 'G3', location: 'tokyo', baseSalary: pay, hireDate, ...extra };
}

describe('percentileCont (PostgreSQL percentile_cont semantics)', () => {
  // Sorted [4, 5, 6, 7, 10] million; position h = (n − 1)·p = 4p, interpolate between neighbours.
  const five = [4_000_000, 5_000_000, 6_000_000, 7_000_000, 10_000_000];
  it.each([
    [0.1, 4_400_000], // h = 0.4: 4.0M + 0.4 × 1M
    [0.25, 5_000_000], // h = 1 exactly
    [0.5, 6_000_000], // h = 2
    [0.75, 7_000_000], // h = 3
    [0.9, 8_800_000], // h = 3.6: 7M + 0.6 × 3M
  ])('odd n: p=%s → %s', (p, expected) => expect(percentileCont(five, p)).toBeCloseTo(expected, 6));

  // Sorted [1, 2, 3, 4] million; h = 3p.
  const four = [1_000_000, 2_000_000, 3_000_000, 4_000_000];
  it.each([
    [0.1, 1_300_000], // h = 0.3
    [0.25, 1_750_000], // h = 0.75
    [0.5, 2_500_000], // h = 1.5
    [0.75, 3_250_000], // h = 2.25
    [0.9, 3_700_000], // h = 2.7
  ])('even n: p=%s → %s', (p, expected) => expect(percentileCont(four, p)).toBeCloseTo(expected, 6));

  it('a single value is every percentile', () => expect(percentileCont([5], 0.9)).toBe(5));
});

describe('midRankPercentile', () => {
  it('counts ties as half: (2 + 1/2) / 5 × 100 = 50', () => expect(midRankPercentile(2, 1, 5)).toBe(50));
  it('(3 + 0) / 5 × 100 = 60', () => expect(midRankPercentile(3, 0, 5)).toBe(60));
  it('above everyone: 100; below everyone: 0', () => {
    expect(midRankPercentile(4, 0, 4)).toBe(100);
    expect(midRankPercentile(0, 0, 4)).toBe(0);
  });
});

describe('aggregateCohort', () => {
  // Snapshot 2024-04-01; experience = whole years since hire.
  const members = [
    incumbent(4_000_000, '2022-04-01', { gender: 'male', performanceRating: 'C' }), // 2 y
    incumbent(5_000_000, '2020-04-01', { gender: 'female', performanceRating: 'B' }), // 4 y
    incumbent(6_000_000, '2018-04-01', { gender: 'male', performanceRating: 'B' }), // 6 y
    incumbent(7_000_000, '2016-04-01', { gender: 'female', performanceRating: 'A' }), // 8 y
    incumbent(10_000_000, '2014-04-01', { gender: 'male' }), // 10 y, no rating: left out of the regression
  ];
  const agg = aggregateCohort(
    members,
    6_000_000,
    { relevantExperienceYears: 6 },
    SNAPSHOT,
    DEFAULT_FAIRNESS_POLICY,
  )!;

  it('computes the distribution like the SQL query', () => {
    expect(agg).toMatchObject({
      scope: 'family_level_location',
      snapshotId: 'snap-1',
      n: 5,
      min: 4_000_000,
      max: 10_000_000,
    });
    expect(agg.mean).toBe(6_400_000); // 32M / 5
    expect(agg.p10).toBeCloseTo(4_400_000, 6);
    expect(agg.p90).toBeCloseTo(8_800_000, 6);
    expect([agg.countBelowOffer, agg.countEqualOffer]).toEqual([2, 1]);
  });

  it('uses the returnee experience (6 y) for the experience-aware figures', () => {
    // ≥ 6 y: 6M, 7M, 10M → max 10M. ≤ 6 y: [4M, 5M, 6M] → P25 at h = 0.5 → 4.5M.
    expect(agg.maxPayWithExperienceAtLeast).toBe(10_000_000);
    expect(agg.p25WithExperienceAtMost).toEqual({ n: 3, p25: 4_500_000 });
  });

  it('sums pay by gender', () => {
    expect(agg.genders).toEqual({ female: { n: 2, sum: 12_000_000 }, male: { n: 3, sum: 20_000_000 } });
  });

  it('accumulates regression sums over rated rows only', () => {
    // Rated rows (level G3 = 3): (exp, rating, pay) = (2,2,4M), (4,3,5M), (6,3,6M), (8,4,7M).
    const r = agg.regression!;
    expect(r.n).toBe(4);
    expect(r.xtx[0]).toEqual([4, 12, 20, 12]);
    expect(r.xtx[2][2]).toBe(4 + 16 + 36 + 64);
    expect(r.xtx[2][3]).toBe(4 + 12 + 18 + 32);
    expect(r.xty).toEqual([22_000_000, 66_000_000, 120_000_000, 69_000_000]);
    expect(r.yty).toBe(16e12 + 25e12 + 36e12 + 49e12);
  });

  it('has no experience-aware figures without the returnee experience, and no aggregate without incumbents', () => {
    const a = aggregateCohort(members, 1, {}, SNAPSHOT, DEFAULT_FAIRNESS_POLICY)!;
    expect(a.maxPayWithExperienceAtLeast).toBeNull();
    expect(a.p25WithExperienceAtMost).toBeNull();
    expect(aggregateCohort([], 1, {}, SNAPSHOT, DEFAULT_FAIRNESS_POLICY)).toBeNull();
  });

  it('property: raising an offer never lowers its percentile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2_000_000, max: 20_000_000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1_000_000, max: 21_000_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        (pays, offer, raise) => {
          const ms = pays.map((p) => incumbent(p, '2020-01-01'));
          const pct = (o: number): number => {
            const a = aggregateCohort(ms, o, {}, SNAPSHOT, DEFAULT_FAIRNESS_POLICY)!;
            return midRankPercentile(a.countBelowOffer, a.countEqualOffer, a.n);
          };
          expect(pct(offer + raise)).toBeGreaterThanOrEqual(pct(offer));
        },
      ),
    );
  });
});

describe('selectCohort', () => {
  const tokyo = [1, 2, 3].map(() => incumbent(5_000_000, '2020-01-01'));
  const osaka = [1, 2, 3].map(() => incumbent(5_000_000, '2020-01-01', { location: 'osaka' }));
  const other = incumbent(5_000_000, '2020-01-01', { jobLevel: 'G4' });
  const target = { jobFamily: 'eng', jobLevel: 'G3', location: 'tokyo' };

  it('falls back to family + level when the location cohort is below the minimum', () => {
    const s = selectCohort([...tokyo, ...osaka, other], target, 5);
    expect(s.scope).toBe('family_level');
    expect(s.members).toHaveLength(6);
  });

  it('keeps the location cohort when it is large enough or the wider group is no bigger', () => {
    expect(selectCohort([...tokyo, ...osaka], target, 3).scope).toBe('family_level_location');
    expect(selectCohort([...tokyo, other], target, 5).scope).toBe('family_level_location');
  });
});
