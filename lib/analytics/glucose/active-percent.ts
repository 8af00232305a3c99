import { detectSamplingIntervalMin } from "./day-grid";
import { roundHalfEven } from "./numeric";
import { assertValidSeries } from "./series";
import type { GlucoseSeries } from "./types";

export type ActivePercent = {
  /** % of the expected readings between the first and the last one that are present. */
  activePercent: number;
  /** Days between the first and the last reading, rounded to 0.1 (iglu's ndays). */
  days: number;
  startMs: number;
  endMs: number;
};

/**
 * iglu active_percent (range_type "automatic"): with dt0 the rounded median interval, the expected
 * count is round(span minutes / dt0) + 1; every interval whose rounded length exceeds dt0 is a gap
 * that misses round((Σ gap minutes − gaps · dt0) / dt0) readings. A single reading is 100 % active
 * over 0 days.
 */
export function computeActivePercent(series: GlucoseSeries, options: { dt0Min?: number } = {}): ActivePercent {
  assertValidSeries(series, 1);
  const { times } = series;
  const startMs = times[0];
  const endMs = times[times.length - 1];
  const days = Math.round(((endMs - startMs) / 86_400_000) * 10) / 10;
  if (times.length === 1) return { activePercent: 100, days, startMs, endMs };

  const dt0 = options.dt0Min ?? Math.max(1, detectSamplingIntervalMin(series));
  const spanMin = roundHalfEven((endMs - startMs) / 60_000);
  const expected = roundHalfEven(spanMin / dt0) + 1;
  let gapMinutes = 0;
  let gaps = 0;
  for (let i = 1; i < times.length; i++) {
    const diffMin = (times[i] - times[i - 1]) / 60_000;
    if (roundHalfEven(diffMin) > dt0) {
      gapMinutes += diffMin;
      gaps++;
    }
  }
  const missing = roundHalfEven((gapMinutes - gaps * dt0) / dt0);
  return { activePercent: (100 * (expected - missing)) / expected, days, startMs, endMs };
}
