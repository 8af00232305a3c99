import { assignLocalDays } from "./local-days";
import { meanOf, sampleSdOf } from "./numeric";
import { assertValidSeries } from "./series";
import type { GlucoseSeries } from "./types";

/**
 * Kovatchev's symmetrised blood-glucose scale as iglu writes it: f(gl) = ln(gl)^1.084 − 5.381,
 * negative below ≈112.5 mg/dL; the risk of a reading is 22.77 · f² (22.77 = 10 · 1.509²).
 */
function symmetrisedBg(gl: number): number {
  return Math.pow(Math.log(gl), 1.084) - 5.381;
}

/** iglu lbgi (Kovatchev et al. 2006): mean of 22.77 · min(f, 0)² over all readings. */
export function computeLbgi(series: GlucoseSeries): number {
  assertValidSeries(series, 1);
  const v = series.values;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const f = Math.min(symmetrisedBg(v[i]), 0);
    sum += f * f;
  }
  return (22.77 * sum) / v.length;
}

/** iglu hbgi (Kovatchev et al. 2006): mean of 22.77 · max(f, 0)² over all readings. */
export function computeHbgi(series: GlucoseSeries): number {
  assertValidSeries(series, 1);
  const v = series.values;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const f = Math.max(symmetrisedBg(v[i]), 0);
    sum += f * f;
  }
  return (22.77 * sum) / v.length;
}

/**
 * iglu adrr (Kovatchev et al. 2006): for each calendar day, the low risk of that day's lowest
 * reading plus the high risk of its highest one; ADRR is the mean over days that have readings.
 * Days are calendar days in `timezone` (iglu groups by as.Date(time, tz)).
 */
export function computeAdrr(series: GlucoseSeries, timezone = "UTC"): number {
  return computeBgRiskIndices(series, timezone).adrr;
}

export type BgRiskIndices = { lbgi: number; hbgi: number; adrr: number };

/** LBGI, HBGI and ADRR from one pass over the readings (one logarithm and one power each). */
export function computeBgRiskIndices(series: GlucoseSeries, timezone = "UTC"): BgRiskIndices {
  assertValidSeries(series, 1);
  const v = series.values;
  const { days, dayIndex } = assignLocalDays(series.times, timezone);
  const minF = new Float64Array(days.length).fill(Infinity);
  const maxF = new Float64Array(days.length).fill(-Infinity);
  let low = 0;
  let high = 0;
  for (let i = 0; i < v.length; i++) {
    const f = symmetrisedBg(v[i]);
    if (f < 0) low += f * f;
    else high += f * f;
    const d = dayIndex[i];
    if (f < minF[d]) minF[d] = f;
    if (f > maxF[d]) maxF[d] = f;
  }
  let dailySum = 0;
  for (let d = 0; d < days.length; d++) {
    const lo = Math.min(minF[d], 0);
    const hi = Math.max(maxF[d], 0);
    dailySum += 22.77 * (lo * lo + hi * hi);
  }
  return { lbgi: (22.77 * low) / v.length, hbgi: (22.77 * high) / v.length, adrr: dailySum / days.length };
}

/** iglu j_index (Wojcicki 1995): 0.001 · (mean + SD)². Needs ≥ 2 readings. */
export function computeJIndex(series: GlucoseSeries): number {
  assertValidSeries(series, 2);
  const s = meanOf(series.values) + sampleSdOf(series.values);
  return 0.001 * s * s;
}

/** iglu m_value (Schlichtkrull et al. 1965): 1000 · mean(|log10(gl / r)|³), reference r = 90 mg/dL. */
export function computeMValue(series: GlucoseSeries, reference = 90): number {
  assertValidSeries(series, 1);
  const v = series.values;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const x = Math.abs(Math.log10(v[i] / reference));
    sum += x * x * x;
  }
  return (1000 * sum) / v.length;
}

export type HyperIndexOptions = { ultr?: number; a?: number; c?: number };
export type HypoIndexOptions = { lltr?: number; b?: number; d?: number };

/** iglu hyper_index (Rodbard 2009): Σ (gl − ULTR)^a over gl > ULTR, divided by n · c. Defaults 140, 1.1, 30. */
export function computeHyperIndex(series: GlucoseSeries, options: HyperIndexOptions = {}): number {
  assertValidSeries(series, 1);
  const { ultr = 140, a = 1.1, c = 30 } = options;
  const v = series.values;
  let sum = 0;
  for (let i = 0; i < v.length; i++) if (v[i] > ultr) sum += Math.pow(v[i] - ultr, a);
  return sum / (v.length * c);
}

/** iglu hypo_index (Rodbard 2009): Σ (LLTR − gl)^b over gl < LLTR, divided by n · d. Defaults 80, 2, 30. */
export function computeHypoIndex(series: GlucoseSeries, options: HypoIndexOptions = {}): number {
  assertValidSeries(series, 1);
  const { lltr = 80, b = 2, d = 30 } = options;
  const v = series.values;
  let sum = 0;
  for (let i = 0; i < v.length; i++) if (v[i] < lltr) sum += Math.pow(lltr - v[i], b);
  return sum / (v.length * d);
}

/** iglu igc (Rodbard 2009): index of glycemic control = hyper index + hypo index. */
export function computeIgc(series: GlucoseSeries, options: HyperIndexOptions & HypoIndexOptions = {}): number {
  return computeHyperIndex(series, options) + computeHypoIndex(series, options);
}
