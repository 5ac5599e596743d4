import { adjustForWageGrowth, CompensationInputError, elapsedYears, parseIsoDate } from './wage-growth';

describe('elapsedYears', () => {
  it('counts whole anniversaries exactly', () => {
    expect(elapsedYears('2022-04-01', '2024-04-01')).toBe(2);
  });

  it('adds the fraction of the following year by days', () => {
    // 2023-04-01 → 2023-10-01 is 183 days of the 366-day year to 2024-04-01 (it contains 29 Feb 2024): 0.5.
    expect(elapsedYears('2023-04-01', '2023-10-01')).toBeCloseTo(0.5, 12);
  });

  it('treats 29 Feb anniversaries as 28 Feb and returns 0 for reversed spans', () => {
    expect(elapsedYears('2020-02-29', '2021-02-28')).toBe(1);
    expect(elapsedYears('2024-01-01', '2023-01-01')).toBe(0);
  });

  it('rejects impossible dates', () => {
    expect(() => parseIsoDate('2023-02-30', 'd')).toThrow(CompensationInputError);
    expect(() => parseIsoDate('2023/02/01', 'd')).toThrow(CompensationInputError);
  });
});

describe('adjustForWageGrowth', () => {
  it('compounds the annual rate: ¥6,000,000 × 1.025² = ¥6,303,750', () => {
    const g = adjustForWageGrowth(6_000_000, '2022-04-01', '2024-04-01', 0.025);
    expect(g.adjusted).toBe(6_303_750);
    expect(g.growth).toBeCloseTo(0.050625, 12);
    expect(g.years).toBe(2);
  });

  it('uses fractional years: ¥6,000,000 × 1.025^0.5 = 6,074,537.02 → ¥6,074,537', () => {
    expect(adjustForWageGrowth(6_000_000, '2023-04-01', '2023-10-01', 0.025).adjusted).toBe(6_074_537);
  });

  it('rejects non-integer yen', () => {
    expect(() => adjustForWageGrowth(100.5, '2023-04-01', '2023-10-01', 0.025)).toThrow(
      CompensationInputError,
    );
  });
});
