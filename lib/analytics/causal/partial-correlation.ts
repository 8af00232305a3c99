/**
 * Partial correlation test of X ⟂ Y | Z as tigramite's ParCorr defines it: regress X and Y on Z by
 * ordinary least squares (with an intercept: tigramite standardizes first, which is the same
 * projection), correlate the residuals, and test with Student's t on n − 2 − |Z| degrees of freedom.
 *
 * Two implementations with one set of rules:
 *   - `testPartialCorrelation` forms the residuals explicitly (modified Gram–Schmidt, applied
 *     twice): the reference, for one-off tests;
 *   - `partialCorrelationFromCovariance` gets the same residual sums of squares and products from
 *     a covariance matrix (Cholesky of the conditions' block). PCMCI runs hundreds of tests on the
 *     same few lagged columns, so it computes each covariance once and reuses it.
 *
 * Degenerate cases (tigramite `run_test` with remove_constant_data, plus what it leaves as NaN):
 *   - X or Y constant over the sample → value 0, p-value 1 (no evidence of dependence);
 *   - constant Z columns are dropped and do not count in the degrees of freedom (as in tigramite);
 *   - a Z column that is a linear combination of earlier ones adds nothing to the fit and is
 *     skipped, but still counts in the degrees of freedom (tigramite's lstsq does the same);
 *   - X or Y fully explained by Z (residual ≈ 0) → value 0, p-value 1 (tigramite would give NaN);
 *   - no degree of freedom left (n − 2 − |Z| < 1) → an `unprocessable` AppError.
 */
import { AppError } from "@/lib/errors";
import { correlationPValue } from "../correlation/student-t";

export interface PartialCorrelationResult {
  /** Partial correlation in [−1, 1]. */
  value: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Degrees of freedom of the t test: n − 2 − (number of non-constant conditions). */
  df: number;
  /** Why the test was decided without computing a correlation, if it was. */
  degenerate?: "constant_x" | "constant_y" | "explained_by_conditions";
}

/** A column is constant when its variance is below this fraction of its mean square. */
export const CONSTANT_VARIANCE_FRACTION = 1e-20;
/** A residual is "nothing left" when its sum of squares is below this fraction of the original. */
export const EXPLAINED_VARIANCE_FRACTION = 1e-12;

function noDegreesOfFreedom(n: number, conditions: number): AppError {
  return new AppError(
    "unprocessable:analytics",
    `Too few time points (${n}) for a test with ${conditions} conditions: shorten the maximum lag or add data.`,
  );
}

function decide(sxy: number, sxx: number, syy: number, df: number): PartialCorrelationResult {
  const value = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  return { value, pValue: correlationPValue(value, df), df };
}

// ————— residual form —————

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** Copy of the first n values minus their mean, and the mean square of the raw values. */
function centerColumn(values: ArrayLike<number>, n: number): { centered: Float64Array; rawMeanSquare: number } {
  const centered = new Float64Array(n);
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    centered[i] = v;
    sum += v;
    squares += v * v;
  }
  const mean = sum / n;
  for (let i = 0; i < n; i++) centered[i] -= mean;
  return { centered, rawMeanSquare: squares / n };
}

function isConstantColumn(centered: Float64Array, rawMeanSquare: number, n: number): boolean {
  return dot(centered, centered, n) / n <= CONSTANT_VARIANCE_FRACTION * rawMeanSquare;
}

function subtractProjections(target: Float64Array, basis: readonly Float64Array[], n: number) {
  for (const q of basis) {
    const c = dot(q, target, n);
    for (let i = 0; i < n; i++) target[i] -= c * q[i];
  }
}

/** An orthonormal basis of the centered, non-constant columns of Z (modified Gram–Schmidt). */
function orthonormalBasis(z: readonly ArrayLike<number>[], n: number): { basis: Float64Array[]; nonConstant: number } {
  const basis: Float64Array[] = [];
  let nonConstant = 0;
  for (const column of z) {
    const { centered: v, rawMeanSquare } = centerColumn(column, n);
    if (isConstantColumn(v, rawMeanSquare, n)) continue;
    nonConstant++;
    const before = dot(v, v, n);
    subtractProjections(v, basis, n);
    subtractProjections(v, basis, n); // "twice is enough" (Giraud, Langou & Rozložník 2005)
    const after = dot(v, v, n);
    if (after <= EXPLAINED_VARIANCE_FRACTION * before) continue;
    const norm = Math.sqrt(after);
    for (let i = 0; i < n; i++) v[i] /= norm;
    basis.push(v);
  }
  return { basis, nonConstant };
}

/** Residual sum of squares of the OLS fit of y on Z with an intercept (the first n values). */
export function residualSumOfSquares(y: ArrayLike<number>, z: readonly ArrayLike<number>[], n: number = y.length): number {
  const { basis } = orthonormalBasis(z, n);
  const { centered } = centerColumn(y, n);
  subtractProjections(centered, basis, n);
  subtractProjections(centered, basis, n);
  return dot(centered, centered, n);
}

/**
 * Tests X ⟂ Y | Z on n samples by forming the OLS residuals. `x`, `y` and each column of `z` must
 * hold at least n values (typed-array views are fine); only the first n are read.
 */
export function testPartialCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  z: readonly ArrayLike<number>[],
  n: number = x.length,
): PartialCorrelationResult {
  const { basis, nonConstant } = orthonormalBasis(z, n);
  const df = n - 2 - nonConstant;
  if (df < 1) throw noDegreesOfFreedom(n, nonConstant);

  const cx = centerColumn(x, n);
  const cy = centerColumn(y, n);
  if (isConstantColumn(cx.centered, cx.rawMeanSquare, n)) return { value: 0, pValue: 1, df, degenerate: "constant_x" };
  if (isConstantColumn(cy.centered, cy.rawMeanSquare, n)) return { value: 0, pValue: 1, df, degenerate: "constant_y" };
  const sxx0 = dot(cx.centered, cx.centered, n);
  const syy0 = dot(cy.centered, cy.centered, n);
  subtractProjections(cx.centered, basis, n);
  subtractProjections(cy.centered, basis, n);
  const sxx = dot(cx.centered, cx.centered, n);
  const syy = dot(cy.centered, cy.centered, n);
  if (sxx <= EXPLAINED_VARIANCE_FRACTION * sxx0 || syy <= EXPLAINED_VARIANCE_FRACTION * syy0) {
    return { value: 0, pValue: 1, df, degenerate: "explained_by_conditions" };
  }
  return decide(dot(cx.centered, cy.centered, n), sxx, syy, df);
}

// ————— covariance form —————

export interface CovarianceSource {
  /** Sum of products of the centered columns a and b over the sample (n × covariance). */
  crossProduct(a: number, b: number): number;
  /** True when column a has no spread over the sample. */
  isConstant(a: number): boolean;
}

/**
 * Same test and rules as `testPartialCorrelation`, from centered cross-products of the columns
 * x, y and z (indices into `source`) over n samples. The conditions' block is factored with a
 * Cholesky decomposition that skips a column whose remaining variance is ≤ 1e-12 of its own.
 */
export function partialCorrelationFromCovariance(
  source: CovarianceSource,
  x: number,
  y: number,
  z: readonly number[],
  n: number,
): PartialCorrelationResult {
  const conditions = z.filter((c) => !source.isConstant(c));
  const df = n - 2 - conditions.length;
  if (df < 1) throw noDegreesOfFreedom(n, conditions.length);
  if (source.isConstant(x)) return { value: 0, pValue: 1, df, degenerate: "constant_x" };
  if (source.isConstant(y)) return { value: 0, pValue: 1, df, degenerate: "constant_y" };

  // Row k of L (lower Cholesky factor of the kept conditions) and the forward-solved vectors
  // u = L⁻¹ S_zx and w = L⁻¹ S_zy, built one condition at a time.
  const rows: Float64Array[] = [];
  const kept: number[] = [];
  const u: number[] = [];
  const w: number[] = [];
  for (const c of conditions) {
    const k = kept.length;
    const row = new Float64Array(k + 1);
    for (let m = 0; m < k; m++) {
      let s = source.crossProduct(c, kept[m]);
      for (let p = 0; p < m; p++) s -= row[p] * rows[m][p];
      row[m] = s / rows[m][m];
    }
    const diagonal = source.crossProduct(c, c);
    let pivot = diagonal;
    for (let p = 0; p < k; p++) pivot -= row[p] * row[p];
    if (pivot <= EXPLAINED_VARIANCE_FRACTION * diagonal) continue; // collinear with kept ones
    row[k] = Math.sqrt(pivot);
    let su = source.crossProduct(c, x);
    let sw = source.crossProduct(c, y);
    for (let p = 0; p < k; p++) {
      su -= row[p] * u[p];
      sw -= row[p] * w[p];
    }
    rows.push(row);
    kept.push(c);
    u.push(su / row[k]);
    w.push(sw / row[k]);
  }

  const sxx0 = source.crossProduct(x, x);
  const syy0 = source.crossProduct(y, y);
  let sxx = sxx0;
  let syy = syy0;
  let sxy = source.crossProduct(x, y);
  for (let p = 0; p < u.length; p++) {
    sxx -= u[p] * u[p];
    syy -= w[p] * w[p];
    sxy -= u[p] * w[p];
  }
  if (sxx <= EXPLAINED_VARIANCE_FRACTION * sxx0 || syy <= EXPLAINED_VARIANCE_FRACTION * syy0) {
    return { value: 0, pValue: 1, df, degenerate: "explained_by_conditions" };
  }
  return decide(sxy, sxx, syy, df);
}
