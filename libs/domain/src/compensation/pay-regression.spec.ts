import fc from 'fast-check';
import { aggregateCohort, IncumbentPay } from './cohort-statistics';
import { DEFAULT_FAIRNESS_POLICY } from './fairness-policy';
import { predictAt, solveLeastSquares } from './pay-regression';
import { CompensationInputError } from './wage-growth';

/**
 * Hand-solvable data set: a 2³ factorial in level_rank ∈ {2, 4}, experience ∈ {3, 7} y, rating ∈ {2, 4}
 * (centred ±1, ±2, ±1), with
 *   pay = 3,000,000 + 400,000·level + 100,000·exp + 200,000·rating + e,   e = ±50,000 · sign(dl·de·dr).
 * The centred columns are mutually orthogonal and e (the three-way interaction) is orthogonal to all of
 * them and to the intercept, so least squares recovers the coefficients exactly:
 *   b_j = Σ d_j·y / Σ d_j²,  intercept = ȳ − Σ b_j·m_j.
 * RSS = Σe² = 8 · 50,000² = 2·10¹⁰; df = 8 − 4 = 4; s² = 5·10⁹, s = 70,710.678…
 * Centred X'X is diag(8, 32, 8), so the leverage at x0 is h = 1/8 + dl²/8 + de²/32 + dr²/8.
 *   at the means (3, 5, 3): h = 1/8 → SE(pred) = √(5·10⁹ · 9/8) = √(5.625·10⁹) = 75,000.
 *   at (4, 7, 4): h = 1/8 + 1/8 + 4/32 + 1/8 = 1/2 → SE(mean) = √(2.5·10⁹) = 50,000,
 *                 SE(pred) = √(7.5·10⁹) = 86,602.540…; expected = 3.0M + 1.6M + 0.7M + 0.8M = 6.1M.
 */
const LEVEL: Record<number, string> = { 2: 'G2', 4: 'G4' };
const RATING: Record<number, string> = { 2: 'C', 4: 'A' };
const SNAP = { snapshotId: 's', effectiveDate: '2024-04-01', scope: 'family_level_location' as const };

function factorial(): IncumbentPay[] {
  const rows: IncumbentPay[] = [];
  for (const level of [2, 4])
    for (const exp of [3, 7])
      for (const rating of [2, 4]) {
        const sign = Math.sign((level - 3) * (exp - 5) * (rating - 3));
        rows.push({
          jobFamily: 'eng',
          jobLevel: LEVEL[level],
          location: 'tokyo',
          baseSalary: 3_000_000 + 400_000 * level + 100_000 * exp + 200_000 * rating + sign * 50_000,
          hireDate: `${2024 - exp}-04-01`,
          performanceRating: RATING[rating],
        });
      }
  return rows;
}

describe('solveLeastSquares on sufficient statistics', () => {
  const reg = aggregateCohort(factorial(), 0, {}, SNAP, DEFAULT_FAIRNESS_POLICY)!.regression!;
  const fit = solveLeastSquares(reg.xtx, reg.xty, reg.yty, reg.n);

  it('recovers the hand-computed coefficients', () => {
    expect(reg.n).toBe(8);
    expect(fit.rank).toBe(4);
    expect(fit.aliased).toEqual([false, false, false, false]);
    const [b0, b1, b2, b3] = fit.coefficients;
    expect(b0).toBeCloseTo(3_000_000, 3);
    expect(b1).toBeCloseTo(400_000, 4);
    expect(b2).toBeCloseTo(100_000, 4);
    expect(b3).toBeCloseTo(200_000, 4);
  });

  it('computes RSS and the residual standard error', () => {
    expect(fit.residualDf).toBe(4);
    expect(fit.residualSumOfSquares / 2e10).toBeCloseTo(1, 6);
    expect(fit.residualStandardError!).toBeCloseTo(Math.sqrt(5e9), 2);
  });

  it('computes the standard errors of a prediction', () => {
    const atMean = predictAt(fit, [1, 3, 5, 3]);
    expect(atMean.expected).toBeCloseTo(5_300_000, 3);
    expect(atMean.leverage).toBeCloseTo(1 / 8, 10);
    expect(atMean.standardErrorOfPrediction!).toBeCloseTo(75_000, 2);

    const corner = predictAt(fit, [1, 4, 7, 4]);
    expect(corner.expected).toBeCloseTo(6_100_000, 3);
    expect(corner.leverage).toBeCloseTo(0.5, 10);
    expect(corner.standardErrorOfMean!).toBeCloseTo(50_000, 2);
    expect(corner.standardErrorOfPrediction!).toBeCloseTo(86_602.540378, 2);
  });

  it('drops a column that is constant in the cohort (one level) instead of failing', () => {
    const oneLevel = factorial().map((r) => ({ ...r, jobLevel: 'G3' }));
    const r = aggregateCohort(oneLevel, 0, {}, SNAP, DEFAULT_FAIRNESS_POLICY)!.regression!;
    const f = solveLeastSquares(r.xtx, r.xty, r.yty, r.n);
    expect(f.aliased).toEqual([false, true, false, false]);
    expect(f.rank).toBe(3);
    expect(f.coefficients[1]).toBe(0);
    // Same exp/rating slopes (orthogonal design); level's ±400,000 becomes residual.
    expect(f.coefficients[2]).toBeCloseTo(100_000, 4);
    expect(f.coefficients[3]).toBeCloseTo(200_000, 4);
    expect(f.residualDf).toBe(5);
  });

  it('drops a column that is an exact linear combination of others', () => {
    // x2 = 2·x1 + 1: aliased with the intercept and x1.
    const rows = [
      [1, 1, 3, 10],
      [1, 2, 5, 14],
      [1, 3, 7, 15],
      [1, 4, 9, 21],
      [1, 5, 11, 24],
    ];
    const xtx = [0, 1, 2].map((i) => [0, 1, 2].map((j) => rows.reduce((a, r) => a + r[i] * r[j], 0)));
    const xty = [0, 1, 2].map((i) => rows.reduce((a, r) => a + r[i] * r[3], 0));
    const yty = rows.reduce((a, r) => a + r[3] * r[3], 0);
    const f = solveLeastSquares(xtx, xty, yty, 5);
    expect(f.aliased).toEqual([false, false, true]);
    // Simple regression of y on x1: x̄ = 3, ȳ = 16.8, Sxy = 35, Sxx = 10 → slope 3.5, intercept 6.3.
    expect(f.coefficients[1]).toBeCloseTo(3.5, 10);
    expect(f.coefficients[0]).toBeCloseTo(6.3, 10);
  });

  it('rejects statistics whose first column is not the intercept', () => {
    expect(() => solveLeastSquares([[3]], [1], 1, 2)).toThrow(CompensationInputError);
  });

  it('property: matches a direct residual computation on random yen data', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            exp: fc.integer({ min: 0, max: 30 }),
            rating: fc.constantFrom('S', 'A', 'B', 'C', 'D'),
            level: fc.constantFrom('G1', 'G2', 'G3', 'G4', 'G5'),
            pay: fc.integer({ min: 3_000_000, max: 15_000_000 }),
          }),
          { minLength: 12, maxLength: 60 },
        ),
        (rows) => {
          const ms: IncumbentPay[] = rows.map((r) => ({
            jobFamily: 'eng',
            jobLevel: r.level,
            location: 'tokyo',
            baseSalary: r.pay,
            hireDate: `${2024 - r.exp}-04-01`,
            performanceRating: r.rating,
          }));
          const r = aggregateCohort(ms, 0, {}, SNAP, DEFAULT_FAIRNESS_POLICY)!.regression!;
          const f = solveLeastSquares(r.xtx, r.xty, r.yty, r.n);
          const x = rows.map((row) => [
            1,
            DEFAULT_FAIRNESS_POLICY.levelRanks[row.level],
            row.exp,
            DEFAULT_FAIRNESS_POLICY.ratingScores[row.rating],
          ]);
          const residuals = rows.map(
            (row, i) => row.pay - x[i].reduce((a, v, j) => a + v * f.coefficients[j], 0),
          );
          const rss = residuals.reduce((a, e) => a + e * e, 0);
          // The residuals of a least-squares fit are orthogonal to every kept column.
          for (const j of [0, ...f.keptColumns]) {
            const dot = residuals.reduce((a, e, i) => a + e * x[i][j], 0);
            const scale = Math.sqrt(rss * x.reduce((a, xi) => a + xi[j] * xi[j], 0)) + 1;
            expect(Math.abs(dot) / scale).toBeLessThan(1e-6);
          }
          expect(Math.abs(f.residualSumOfSquares - rss) / (rss + 1)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });
});
