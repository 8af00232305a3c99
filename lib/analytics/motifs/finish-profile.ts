import type { SeriesWindows } from "./prepare-series";

/**
 * The matrix profile of a series for a window m (self-join, z-normalized Euclidean distance).
 *
 * profile[i] is the distance from subsequence i to its nearest neighbour j with |i − j| > exclusionZone,
 * index[i] is that j. Degenerate windows follow STUMPY (stump.py, `_compute_diagonal`):
 * - a window holding NaN/±Infinity is never compared: profile = Infinity, index = −1, and it is
 *   nobody's neighbour;
 * - two constant windows (max = min) are at distance 0 (Pearson 1);
 * - a constant and a non-constant window are at distance sqrt(m) (Pearson 0.5);
 * - a window with no admissible neighbour at all gets profile = Infinity, index = −1.
 */
export interface MatrixProfile {
  readonly m: number;
  readonly exclusionZone: number;
  readonly profile: Float64Array;
  readonly index: Int32Array;
}

/** Best Pearson correlation per subsequence (−Infinity when none yet) and the neighbour that gave it. */
export interface CorrelationProfile {
  readonly rho: Float64Array;
  readonly index: Int32Array;
}

export function createCorrelationProfile(l: number): CorrelationProfile {
  return { rho: new Float64Array(l).fill(-Infinity), index: new Int32Array(l).fill(-1) };
}

/**
 * Folds `later` into `into`. `later` must come from bands scanned after those of `into`: on an exact
 * tie `into` wins, which is what the single-thread scan does (strict `>` keeps the first visit), so a
 * parallel run merged in band order gives bit-for-bit the single-thread result.
 */
export function mergeCorrelationProfile(into: CorrelationProfile, later: CorrelationProfile): void {
  const { rho, index } = into;
  for (let i = 0; i < rho.length; i++) {
    if (later.rho[i] > rho[i]) {
      rho[i] = later.rho[i];
      index[i] = later.index[i];
    }
  }
}

/**
 * Above this correlation the distance sqrt(2m(1 − ρ)) is recomputed directly from the windows:
 * the square root amplifies rounding near ρ = 1 (an exact repeat would read ~1e−6 instead of 0).
 * Below it, an error of 1e−12 in ρ moves the distance by less than 1e−8 for m = 288.
 */
const DIRECT_DISTANCE_ABOVE = 1 - 1e-6;

/**
 * Applies the constant-window rules, then turns correlations into distances. O(n), plus O(m) for
 * each near-duplicate pair, so it can run on the main thread after a parallel scan.
 */
export function finishMatrixProfile(windows: SeriesWindows, correlations: CorrelationProfile): MatrixProfile {
  const { l, m, exclusionZone, isFinite, isConstant } = windows;
  const constants: number[] = [];
  const varying: number[] = [];
  for (let i = 0; i < l; i++) {
    if (!isFinite[i]) continue;
    (isConstant[i] ? constants : varying).push(i);
  }

  const profile = new Float64Array(l);
  const index = new Int32Array(l);
  const sqrtM = Math.sqrt(m);
  const twoM = 2 * m;
  for (let i = 0; i < l; i++) {
    if (!isFinite[i]) {
      profile[i] = Infinity;
      index[i] = -1;
      continue;
    }
    if (isConstant[i]) {
      const twin = findFirstOutsideZone(constants, i, exclusionZone);
      const other = twin >= 0 ? -1 : findFirstOutsideZone(varying, i, exclusionZone);
      profile[i] = twin >= 0 ? 0 : other >= 0 ? sqrtM : Infinity;
      index[i] = twin >= 0 ? twin : other;
      continue;
    }
    const rho = correlations.rho[i];
    const j = correlations.index[i];
    const constant = constants.length > 0 ? findFirstOutsideZone(constants, i, exclusionZone) : -1;
    if (constant >= 0 && 0.5 > rho) {
      profile[i] = sqrtM;
      index[i] = constant;
    } else if (j < 0 || rho === -Infinity) {
      profile[i] = Infinity;
      index[i] = -1;
    } else {
      profile[i] = rho > DIRECT_DISTANCE_ABOVE ? measureZNormalizedDistance(windows, i, j) : Math.sqrt(twoM * (1 - rho));
      index[i] = j;
    }
  }
  return { m, exclusionZone, profile, index };
}

/** Direct z-normalized Euclidean distance of two finite, non-constant windows, O(m). */
export function measureZNormalizedDistance(windows: SeriesWindows, i: number, j: number): number {
  const { m, values } = windows;
  let si = 0;
  let sj = 0;
  for (let t = 0; t < m; t++) {
    si += values[i + t];
    sj += values[j + t];
  }
  const mi = si / m;
  const mj = sj / m;
  let ssi = 0;
  let ssj = 0;
  for (let t = 0; t < m; t++) {
    ssi += (values[i + t] - mi) ** 2;
    ssj += (values[j + t] - mj) ** 2;
  }
  const ki = 1 / Math.sqrt(ssi);
  const kj = 1 / Math.sqrt(ssj);
  let sum = 0;
  for (let t = 0; t < m; t++) {
    const d = (values[i + t] - mi) * ki - (values[j + t] - mj) * kj;
    sum += d * d;
  }
  // z = (x − μ)/σ with the population σ = sqrt(ss/m), so z = (x − μ)·sqrt(m)/sqrt(ss).
  return Math.sqrt(m * sum);
}

/** Smallest member s of the sorted list with |s − i| > zone, or −1. */
export function findFirstOutsideZone(sorted: readonly number[], i: number, zone: number): number {
  if (sorted.length === 0) return -1;
  if (sorted[0] < i - zone) return sorted[0];
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] > i + zone) hi = mid;
    else lo = mid + 1;
  }
  return lo < sorted.length ? sorted[lo] : -1;
}
