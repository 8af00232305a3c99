import { AppError } from "@/lib/errors";
import { assertTimezone, startOfLocalDay } from "./local-days";
import { medianOf, roundHalfEven } from "./numeric";
import { assertValidSeries } from "./series";
import type { DayGridOptions, GlucoseSeries } from "./types";

const MINUTE_MS = 60_000;

/**
 * iglu's interpolated day-by-day grid (R/utils.R, CGMS2DayByDay), flattened row by row.
 * Row d, column k holds the glucose at firstDayStartMs + (d·pointsPerDay + k + 1)·dt0 minutes:
 * like iglu, the first point of a day is 00:00 + dt0 and the last one is the next midnight.
 * NaN marks "no value" (before the first reading, after the last one, inside gaps > interGap).
 *
 * With a timezone other than UTC the grid starts at the local midnight of the first day and then
 * steps in absolute time, so after a DST change its rows start at 23:00 or 01:00 local time. The
 * day-grid metrics (CONGA, MODD, MAG, MAGE, episodes) only compare points a fixed time apart, which
 * absolute steps keep exact; calendar-day statistics (ADRR, daily profiles, AGP) use true local days.
 */
export type DayGrid = {
  values: Float64Array;
  dayCount: number;
  pointsPerDay: number;
  dt0Min: number;
  firstDayStartMs: number;
};

/** Epoch ms of grid point `index` (0-based, flattened). */
export function gridTimeAt(grid: DayGrid, index: number): number {
  return grid.firstDayStartMs + (index + 1) * grid.dt0Min * MINUTE_MS;
}

/**
 * iglu's automatic grid step: round(median(time differences in minutes)), R's half-to-even
 * rounding. (The brief calls it the "mode"; iglu 4.x's CGMS2DayByDay and active_percent use the
 * rounded median, which is what the R reference values come from.)
 */
export function detectSamplingIntervalMin(series: GlucoseSeries): number {
  const { times } = series;
  const diffs = new Float64Array(times.length - 1);
  for (let i = 1; i < times.length; i++) diffs[i - 1] = (times[i] - times[i - 1]) / MINUTE_MS;
  return roundHalfEven(medianOf(diffs));
}

/** iglu's adjustment so that whole days hold a whole number of grid points. */
function alignStepToDay(dt0: number): number {
  if (1440 % dt0 === 0) return dt0;
  if (dt0 > 20) return 20;
  const remainder = dt0 % 5;
  return remainder > 2 ? dt0 + 5 - remainder : dt0 - remainder;
}

export function buildDayGrid(series: GlucoseSeries, options: DayGridOptions = {}): DayGrid {
  assertValidSeries(series, 2);
  const interGapMin = options.interGapMin ?? 45;
  const timezone = options.timezone ?? "UTC";
  assertTimezone(timezone);
  if (!(interGapMin > 0)) {
    throw new AppError("bad_request:analytics", "The interpolation gap must be a positive number of minutes.");
  }

  // Sub-minute sampling would round to a 0-minute step, which iglu cannot handle: 1 minute is the floor.
  let dt0 = options.dt0Min ?? Math.max(1, detectSamplingIntervalMin(series));
  if (!(dt0 >= 1) || !Number.isInteger(dt0)) {
    throw new AppError("bad_request:analytics", "The grid step must be a whole number of minutes, at least 1.");
  }
  if (dt0 > interGapMin) {
    throw new AppError(
      "bad_request:analytics",
      `The readings are ${dt0} minutes apart, more than the largest interpolation gap of ${interGapMin} minutes.`,
    );
  }
  dt0 = alignStepToDay(dt0);

  const { times, values } = series;
  const n = times.length;
  const first = times[0];
  const last = times[n - 1];
  const dayCount = Math.ceil((last - first) / 86_400_000 + 1);
  const pointsPerDay = 1440 / dt0;
  const firstDayStartMs = startOfLocalDay(first, timezone);
  const stepMs = dt0 * MINUTE_MS;
  const interGapMs = interGapMin * MINUTE_MS;
  const out = new Float64Array(dayCount * pointsPerDay);

  // One merge pass: j is the last reading at or before grid time t (stats::approx, rule = 1).
  let j = 0;
  for (let k = 0; k < out.length; k++) {
    const t = firstDayStartMs + (k + 1) * stepMs;
    if (t < first || t > last) {
      out[k] = NaN;
      continue;
    }
    while (j < n - 1 && times[j + 1] <= t) j++;
    if (times[j] === t) {
      out[k] = values[j];
      continue;
    }
    const t0 = times[j];
    const t1 = times[j + 1];
    // iglu sets to NA every grid point strictly inside a gap longer than inter_gap.
    if (t1 - t0 > interGapMs) {
      out[k] = NaN;
      continue;
    }
    out[k] = values[j] + ((values[j + 1] - values[j]) * (t - t0)) / (t1 - t0);
  }
  return { values: out, dayCount, pointsPerDay, dt0Min: dt0, firstDayStartMs };
}
