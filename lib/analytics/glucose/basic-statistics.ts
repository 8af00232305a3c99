import { meanOf, medianOf, quantileSorted, sampleSdOf, sortedFinite } from "./numeric";
import { assertValidSeries } from "./series";
import type { GlucoseSeries } from "./types";

/** iglu mean_glu: arithmetic mean of all readings (mg/dL). Needs ≥ 1 reading. */
export function computeMean(series: GlucoseSeries): number {
  assertValidSeries(series, 1);
  return meanOf(series.values);
}

/** iglu median_glu (R median). Needs ≥ 1 reading. */
export function computeMedian(series: GlucoseSeries): number {
  assertValidSeries(series, 1);
  return medianOf(series.values);
}

export type GlucoseQuantiles = { p0: number; p25: number; p50: number; p75: number; p100: number };

/** iglu quantile_glu default probabilities 0, 25, 50, 75, 100 % (R quantile type 7). */
export function computeQuantiles(series: GlucoseSeries): GlucoseQuantiles {
  assertValidSeries(series, 1);
  const sorted = sortedFinite(series.values);
  return {
    p0: quantileSorted(sorted, 0),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p100: quantileSorted(sorted, 1),
  };
}

/** Any quantile with R's default (type 7) definition; p in [0, 1]. */
export function computeQuantile(series: GlucoseSeries, p: number): number {
  assertValidSeries(series, 1);
  return quantileSorted(sortedFinite(series.values), Math.min(1, Math.max(0, p)));
}

/** iglu range_glu: max − min. 0 for a single reading or a constant series. */
export function computeRange(series: GlucoseSeries): number {
  assertValidSeries(series, 1);
  const v = series.values;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) {
    if (v[i] < min) min = v[i];
    if (v[i] > max) max = v[i];
  }
  return max - min;
}

/** iglu iqr_glu: 75th − 25th percentile (type 7). */
export function computeIqr(series: GlucoseSeries): number {
  assertValidSeries(series, 1);
  const sorted = sortedFinite(series.values);
  return quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
}

/** iglu sd_glu: sample standard deviation (n − 1). Needs ≥ 2 readings; 0 for a constant series. */
export function computeSd(series: GlucoseSeries): number {
  assertValidSeries(series, 2);
  return sampleSdOf(series.values);
}

/** iglu cv_glu: 100 · SD / mean (%). Needs ≥ 2 readings; 0 for a constant series. */
export function computeCv(series: GlucoseSeries): number {
  assertValidSeries(series, 2);
  return (100 * sampleSdOf(series.values)) / meanOf(series.values);
}

/**
 * iglu mad_glu: R's mad(), i.e. constant · median(|x − median(x)|) with constant 1.4826 so that
 * it estimates the SD of normal data. 0 for a constant series.
 */
export function computeMad(series: GlucoseSeries, constant = 1.4826): number {
  assertValidSeries(series, 1);
  return madOfSorted(sortedFinite(series.values), constant);
}

/** R mad() of values already sorted ascending (shared with the top-level function to sort once). */
export function madOfSorted(sorted: Float64Array, constant = 1.4826): number {
  const median = quantileSorted(sorted, 0.5);
  const deviations = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) deviations[i] = Math.abs(sorted[i] - median);
  return constant * medianOf(deviations);
}

/** GMI (%), Bergenstal et al. 2018, as iglu gmi: 3.31 + 0.02392 · mean glucose (mg/dL). */
export function computeGmi(series: GlucoseSeries): number {
  return 3.31 + 0.02392 * computeMean(series);
}

/** Estimated A1c (%), Nathan et al. 2008 (ADAG), as iglu ea1c: (46.7 + mean) / 28.7. */
export function computeEa1c(series: GlucoseSeries): number {
  return (46.7 + computeMean(series)) / 28.7;
}
