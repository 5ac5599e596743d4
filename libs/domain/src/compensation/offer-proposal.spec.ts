import fc from 'fast-check';
import { DEFAULT_FAIRNESS_POLICY } from './fairness-policy';
import { MarketBenchmark, OfferProposalInput, proposeOffer } from './offer-proposal';
import { CompensationInputError } from './wage-growth';

const MARKET: MarketBenchmark = {
  p10: 4_500_000,
  p25: 5_200_000,
  p50: 6_000_000,
  p75: 6_900_000,
  p90: 7_800_000,
  source: 'Survey 2024',
  effectiveDate: '2024-01-01',
};

function input(over: Partial<OfferProposalInput> = {}): OfferProposalInput {
  return {
    returnee: {
      leaveDate: '2022-04-01',
      priorBaseSalary: 6_000_000,
      priorLevel: 'G3',
      lastRating: 'A',
      yearsOfExperienceAway: 3,
    },
    target: { jobFamily: 'eng', jobLevel: 'G4', location: 'tokyo' },
    market: MARKET,
    band: { min: 5_000_000, mid: 6_000_000, max: 7_000_000 },
    policy: DEFAULT_FAIRNESS_POLICY,
    asOf: '2024-04-01',
    ...over,
  };
}

const sum = (p: { factors: { effect: number }[] }): number => p.factors.reduce((a, f) => a + f.effect, 0);

describe('proposeOffer', () => {
  it('starts from the market median and lists each documented factor', () => {
    // 6,000,000 median; 3 y away × 2% = +6% = +360,000; rating A +2% = +120,000;
    // G3 → G4 is one step up: −3% = −180,000. Total 6,300,000 (already a multiple of 1,000, inside the band).
    const p = proposeOffer(input());
    expect(p.factors.map((f) => [f.factor, f.effect])).toEqual([
      ['market_median', 6_000_000],
      ['experience_away', 360_000],
      ['last_rating', 120_000],
      ['prior_level', -180_000],
    ]);
    expect(p.amount).toBe(6_300_000);
    expect(p.clampedTo).toBeUndefined();
    for (const f of p.factors) expect(f.detail.length).toBeGreaterThan(0);
  });

  it('shows the prior salary beside the offer, grown at 2.5%/yr (6,000,000 × 1.025² = 6,303,750)', () => {
    const p = proposeOffer(input());
    expect(p.priorSalary).toBe(6_000_000);
    expect(p.priorSalaryAdjustedForWageGrowth).toBe(6_303_750);
    expect(p.wageGrowthSinceLeaving).toBeCloseTo(0.050625, 12);
  });

  it('caps experience away and levels, rounds, and clamps, with every step as a factor', () => {
    // Median 6,123,456. 9 y away capped at 5 → +10% = +612,346 (612,345.6 rounded). Rating B: 0.
    // G6 → G3 is 3 steps down, capped at 2 → +6% = +367,407 (367,407.36). Raw 7,103,209 → 7,103,000
    // (rounding −209) → clamped to the band max 7,000,000 (−103,000).
    const p = proposeOffer(
      input({
        market: { ...MARKET, p50: 6_123_456 },
        returnee: { leaveDate: '2022-04-01', priorLevel: 'G6', lastRating: 'B', yearsOfExperienceAway: 9 },
        target: { jobFamily: 'eng', jobLevel: 'G3', location: 'tokyo' },
      }),
    );
    expect(p.factors.map((f) => [f.factor, f.effect])).toEqual([
      ['market_median', 6_123_456],
      ['experience_away', 612_346],
      ['last_rating', 0],
      ['prior_level', 367_407],
      ['rounding', -209],
      ['band_clamp', -103_000],
    ]);
    expect(p.amount).toBe(7_000_000);
    expect(p.clampedTo).toBe('max');
    expect(p.priorSalary).toBeNull();
    expect(p.priorSalaryAdjustedForWageGrowth).toBeNull();
  });

  it('keeps unknown inputs as zero-effect factors that say why', () => {
    const p = proposeOffer(input({ returnee: { leaveDate: '2022-04-01', lastRating: 'X' }, band: null }));
    expect(p.amount).toBe(6_000_000);
    expect(p.factors.find((f) => f.factor === 'last_rating')).toMatchObject({ effect: 0 });
    expect(p.factors.find((f) => f.factor === 'prior_level')?.detail).toMatch(/No prior internal level/);
  });

  it('rejects inconsistent market data and bands', () => {
    expect(() => proposeOffer(input({ market: { ...MARKET, p25: 7_000_000 } }))).toThrow(
      CompensationInputError,
    );
    expect(() => proposeOffer(input({ band: { min: 6_000_000, mid: 5_000_000, max: 7_000_000 } }))).toThrow(
      CompensationInputError,
    );
    expect(() => proposeOffer(input({ market: { ...MARKET, p50: 6_000_000.5 } }))).toThrow(
      CompensationInputError,
    );
  });

  it('property: the amount always lands inside the band, and the factor effects sum to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 30_000_000 }),
        fc.integer({ min: 1_000_000, max: 30_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: undefined }),
        fc.constantFrom('S', 'A', 'B', 'C', 'D', undefined),
        fc.constantFrom('G1', 'G3', 'G6', 'M4', undefined),
        (median, bandMin, width, away, rating, priorLevel) => {
          const band = { min: bandMin, mid: bandMin + Math.floor(width / 2), max: bandMin + width };
          const p = proposeOffer(
            input({
              market: { ...MARKET, p10: median, p25: median, p50: median, p75: median, p90: median },
              returnee: {
                leaveDate: '2020-01-01',
                yearsOfExperienceAway: away,
                lastRating: rating,
                priorLevel,
              },
              band,
            }),
          );
          expect(Number.isSafeInteger(p.amount)).toBe(true);
          expect(p.amount).toBeGreaterThanOrEqual(band.min);
          expect(p.amount).toBeLessThanOrEqual(band.max);
          expect(sum(p)).toBe(p.amount);
          if (p.clampedTo === 'min') expect(p.amount).toBe(band.min);
          if (p.clampedTo === 'max') expect(p.amount).toBe(band.max);
        },
      ),
    );
  });
});
