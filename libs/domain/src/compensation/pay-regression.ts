// Least squares from sufficient statistics (X'X, X'y, y'y, n), because production computes those sums in SQL
// and never ships incumbent rows here. Column 0 of X must be the intercept (all ones).
//
// Numerics: raw yen moments are large (y'y ~ 1e16 for a few hundred people), so we centre them first,
// solve on the correlation-scaled centred matrix with a Cholesky that drops aliased columns (as R's lm
// reports NA), and recover the intercept from the means. A column that is constant in the sample (level_rank
// inside a single-level cohort) is aliased with the intercept and dropped rather than making X'X singular.

import { CompensationInputError } from './wage-growth';

export interface LeastSquaresFit {
  /** Coefficients in the order of X's columns; aliased columns get 0. */
  coefficients: number[];
  aliased: boolean[];
  /** Number of estimated coefficients, intercept included. */
  rank: number;
  n: number;
  residualDf: number;
  residualSumOfSquares: number;
  /** s = sqrt(RSS / (n − rank)); null when there are no residual degrees of freedom. */
  residualStandardError: number | null;
  /** Column means (index 0 is 1). */
  means: number[];
  /** Inverse of the centred cross-product matrix over the kept slope columns, in `keptColumns` order. */
  centredInverse: number[][];
  keptColumns: number[];
}

export interface Prediction {
  expected: number;
  /** Leverage h = x0'(X'X)⁻¹x0. */
  leverage: number;
  /** Standard error of the fitted mean at x0: s·√h. */
  standardErrorOfMean: number | null;
  /** Standard error for one new observation at x0: s·√(1 + h); what "n standard errors from expected pay" uses. */
  standardErrorOfPrediction: number | null;
}

/** Relative pivot tolerance: a column whose remaining variance is below this share of its own is collinear. */
const ALIAS_TOLERANCE = 1e-9;

export function solveLeastSquares(xtx: number[][], xty: number[], yty: number, n: number): LeastSquaresFit {
  const p = xty.length;
  if (p < 1 || xtx.length !== p || xtx.some((row) => row.length !== p)) {
    throw new CompensationInputError(`X'X must be ${p}×${p} to match X'y`);
  }
  if (!Number.isInteger(n) || n < 1) throw new CompensationInputError('n must be a positive integer');
  if (Math.abs(xtx[0][0] - n) > 1e-9 * n) {
    throw new CompensationInputError("column 0 must be the intercept: X'X[0][0] must equal n");
  }
  const all = [...xtx.flat(), ...xty, yty];
  if (all.some((v) => !Number.isFinite(v)))
    throw new CompensationInputError('sufficient statistics must be finite');

  const means = xtx[0].map((s) => s / n);
  const yMean = xty[0] / n;
  const slopes = Array.from({ length: p - 1 }, (_, i) => i + 1);

  // Centred moments: S_ij = Σx_i x_j − n·m_i·m_j, s_jy = Σx_j y − n·m_j·ȳ.
  const sxx = (i: number, j: number): number => xtx[i][j] - n * means[i] * means[j];
  const sxy = (j: number): number => xty[j] - n * means[j] * yMean;
  const syy = Math.max(0, yty - n * yMean * yMean);

  // Constant columns have no centred variance: aliased with the intercept. Compare with the raw sum of
  // squares because that is the scale of the cancellation error.
  const candidates = slopes.filter((j) => {
    const v = sxx(j, j);
    return v > ALIAS_TOLERANCE * Math.max(1, xtx[j][j]);
  });
  const scale = new Map(candidates.map((j) => [j, Math.sqrt(sxx(j, j))]));
  const corr = (i: number, j: number): number => sxx(i, j) / (scale.get(i)! * scale.get(j)!);

  // Incremental Cholesky of the correlation matrix; a pivot that collapses means the column is a
  // linear combination of the ones already kept.
  const kept: number[] = [];
  const L: number[][] = [];
  for (const j of candidates) {
    const row: number[] = [];
    for (let a = 0; a < kept.length; a++) {
      let s = corr(j, kept[a]);
      for (let b = 0; b < a; b++) s -= row[b] * L[a][b];
      row.push(s / L[a][a]);
    }
    const d = 1 - row.reduce((acc, v) => acc + v * v, 0);
    if (d <= ALIAS_TOLERANCE) continue;
    row.push(Math.sqrt(d));
    kept.push(j);
    L.push(row);
  }

  const k = kept.length;
  const solveL = (rhs: number[]): number[] => {
    const z: number[] = [];
    for (let i = 0; i < k; i++) {
      let s = rhs[i];
      for (let b = 0; b < i; b++) s -= L[i][b] * z[b];
      z.push(s / L[i][i]);
    }
    return z;
  };
  const solveLt = (z: number[]): number[] => {
    const x = new Array<number>(k).fill(0);
    for (let i = k - 1; i >= 0; i--) {
      let s = z[i];
      for (let b = i + 1; b < k; b++) s -= L[b][i] * x[b];
      x[i] = s / L[i][i];
    }
    return x;
  };

  const scaledBeta = solveLt(solveL(kept.map((j) => sxy(j) / scale.get(j)!)));
  const coefficients = new Array<number>(p).fill(0);
  kept.forEach((j, a) => (coefficients[j] = scaledBeta[a] / scale.get(j)!));
  coefficients[0] = yMean - kept.reduce((acc, j) => acc + coefficients[j] * means[j], 0);

  // Centred inverse S⁻¹ = D⁻¹ R⁻¹ D⁻¹, built column by column from the Cholesky factor.
  const centredInverse: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let c = 0; c < k; c++) {
    const e = new Array<number>(k).fill(0);
    e[c] = 1;
    const col = solveLt(solveL(e));
    for (let r = 0; r < k; r++) centredInverse[r][c] = col[r] / (scale.get(kept[r])! * scale.get(kept[c])!);
  }

  const explained = kept.reduce((acc, j) => acc + coefficients[j] * sxy(j), 0);
  // Rounding can take RSS a hair below zero on a perfect fit.
  const rss = Math.max(0, syy - explained);
  const rank = k + 1;
  const residualDf = n - rank;
  return {
    coefficients,
    aliased: coefficients.map((_, j) => j !== 0 && !kept.includes(j)),
    rank,
    n,
    residualDf,
    residualSumOfSquares: rss,
    residualStandardError: residualDf > 0 ? Math.sqrt(rss / residualDf) : null,
    means,
    centredInverse,
    keptColumns: kept,
  };
}

/** Expected value and standard errors at x0 (x0[0] must be 1, the intercept). */
export function predictAt(fit: LeastSquaresFit, x0: readonly number[]): Prediction {
  if (x0.length !== fit.coefficients.length || x0[0] !== 1) {
    throw new CompensationInputError('x0 must have one value per column, starting with 1 for the intercept');
  }
  const expected = fit.coefficients.reduce((acc, b, j) => acc + b * x0[j], 0);
  const d = fit.keptColumns.map((j) => x0[j] - fit.means[j]);
  let q = 0;
  for (let r = 0; r < d.length; r++)
    for (let c = 0; c < d.length; c++) q += d[r] * fit.centredInverse[r][c] * d[c];
  const leverage = 1 / fit.n + q;
  const s = fit.residualStandardError;
  return {
    expected,
    leverage,
    standardErrorOfMean: s === null ? null : s * Math.sqrt(leverage),
    standardErrorOfPrediction: s === null ? null : s * Math.sqrt(1 + leverage),
  };
}
