/**
 * Pearson and Spearman coefficients with their two-sided p-values, defined as scipy.stats.pearsonr
 * and scipy.stats.spearmanr define them (t distribution with n − 2 degrees of freedom; Spearman is
 * Pearson on average ranks, ties sharing the mean of the ranks they span).
 */
import { correlationPValue } from "./student-t";

export type NumericArray = ArrayLike<number>;

export interface CorrelationTest {
  /** The coefficient, in [−1, 1]. */
  coefficient: number;
  /** Two-sided p-value against "no correlation". */
  pValue: number;
  n: number;
}

/** Sample mean and sum of squared deviations; two passes for accuracy. */
function centeredSums(values: NumericArray): { mean: number; sumSquares: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    sumSquares += d * d;
  }
  return { mean, sumSquares };
}

/**
 * True when a column has no spread. The tolerance is relative because the mean of identical
 * floating values is not always exactly that value (0.1 repeated 7 times has mean 0.09999…), which
 * would otherwise leave a spread of 1e-17 and a meaningless coefficient.
 */
export function isConstant(values: NumericArray): boolean {
  if (values.length === 0) return true;
  const { mean, sumSquares } = centeredSums(values);
  const sd = Math.sqrt(sumSquares / values.length);
  return sd === 0 || sd <= 1e-12 * Math.abs(mean);
}

/**
 * Pearson's r. Returns null when either side is constant (r is undefined there: the caller
 * reports why instead of showing NaN) or when fewer than 3 pairs leave no degree of freedom.
 */
export function pearsonCorrelation(x: NumericArray, y: NumericArray): CorrelationTest | null {
  const n = x.length;
  if (n !== y.length) throw new RangeError(`pearsonCorrelation needs equal lengths (got ${n} and ${y.length})`);
  if (n < 3 || isConstant(x) || isConstant(y)) return null;
  const mx = centeredSums(x).mean;
  const my = centeredSums(y).mean;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Rounding can push |r| a hair past 1 for perfectly linear data; scipy clips the same way.
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  return { coefficient: r, pValue: correlationPValue(r, n - 2), n };
}

/**
 * Ranks 1..n with ties given the average of the ranks they occupy
 * (scipy.stats.rankdata(method="average"), R's rank(ties.method = "average")).
 */
export function rankWithTies(values: NumericArray): Float64Array {
  const n = values.length;
  // A typed-array sort without comparator is native and several times faster than sorting indices
  // with a closure; each value then finds its block of equals by binary search.
  const sorted = new Float64Array(values).sort();
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = n;
    while (end < hi) {
      const mid = (end + hi) >>> 1;
      if (sorted[mid] <= v) end = mid + 1;
      else hi = mid;
    }
    // Sorted positions lo..end−1 hold values equal to v: ranks lo+1..end, whose mean is (lo+1+end)/2.
    ranks[i] = (lo + 1 + end) / 2;
  }
  return ranks;
}

/** Spearman's rho: Pearson's r on average ranks; null in the same cases as pearsonCorrelation. */
export function spearmanCorrelation(x: NumericArray, y: NumericArray): CorrelationTest | null {
  if (x.length !== y.length) {
    throw new RangeError(`spearmanCorrelation needs equal lengths (got ${x.length} and ${y.length})`);
  }
  return pearsonCorrelation(rankWithTies(x), rankWithTies(y));
}
