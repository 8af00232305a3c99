import { AppError } from "@/lib/errors";
import { assertValidSeries } from "./series";
import type { GlucoseSeries } from "./types";

/**
 * Percent of readings (not of clock time) in a band, as iglu: every reading weighs the same,
 * so with regular sampling this is the percent of time. Thresholds follow iglu exactly:
 * above_percent counts gl > target, below_percent gl < target, in_range_percent lower ≤ gl ≤ upper.
 */

/** % of readings with lower ≤ gl ≤ upper, where a bound may be open (±Infinity) or strict. */
function percentBetween(series: GlucoseSeries, lower: number, upper: number, strictLower: boolean, strictUpper: boolean): number {
  assertValidSeries(series, 1);
  const v = series.values;
  let hits = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if ((strictLower ? x > lower : x >= lower) && (strictUpper ? x < upper : x <= upper)) hits++;
  }
  return (100 * hits) / v.length;
}

/** iglu above_percent: % of readings strictly above `target` mg/dL. */
export function computePercentAbove(series: GlucoseSeries, target: number): number {
  return percentBetween(series, target, Infinity, true, false);
}

/** iglu below_percent: % of readings strictly below `target` mg/dL. */
export function computePercentBelow(series: GlucoseSeries, target: number): number {
  return percentBetween(series, -Infinity, target, false, true);
}

/** iglu in_range_percent: % of readings with lower ≤ gl ≤ upper (mg/dL). */
export function computePercentInRange(series: GlucoseSeries, lower: number, upper: number): number {
  if (!(lower <= upper)) {
    throw new AppError("bad_request:analytics", `The range ${lower}–${upper} mg/dL is empty: the lower bound must not exceed the upper one.`);
  }
  return percentBetween(series, lower, upper, false, false);
}

export type RangeSpec = { lower: number; upper: number };
export type RangePercent = RangeSpec & { percent: number };

/** Several custom ranges at once (each lower ≤ gl ≤ upper). */
export function computePercentInRanges(series: GlucoseSeries, ranges: readonly RangeSpec[]): RangePercent[] {
  return ranges.map((r) => ({ ...r, percent: computePercentInRange(series, r.lower, r.upper) }));
}
