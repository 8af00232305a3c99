import { DateTime } from "luxon";
import { AppError } from "@/lib/errors";
import { assertTimezone, assignLocalDays, localDayOf } from "./local-days";
import { quantileSorted } from "./numeric";
import { assertValidSeries } from "./series";
import type { GlucoseSeries } from "./types";

/**
 * Ambulatory glucose profile (AGP): the 5th, 25th, 50th, 75th and 95th percentiles of glucose by
 * time of day, over the last `days` calendar days (default 14, the consensus report period) or an
 * explicit [startMs, endMs) range.
 *
 * 1. Every reading goes to the 5-minute bin of its WALL-CLOCK time of day in `timezone` (288 bins;
 *    on a 25-hour DST day the repeated hour adds a second reading to the same bins, on a 23-hour day
 *    the skipped hour adds none), so 08:00 stays 08:00 across a DST change.
 * 2. Per bin, the percentiles of the raw readings (R quantile type 7, as iglu's plot_agp).
 * 3. Each percentile curve is then smoothed across neighbouring bins with a centred, circular,
 *    triangular weighted moving average of 7 bins (weights 1-2-3-4-3-2-1, i.e. ±15 minutes).
 *
 * Why this smoother: the IDC AGP (Mazze et al. 1987; Johnson et al. 2019, doi:10.1089/dia.2019.0034)
 * computes percentiles per time-of-day interval across days and draws them as smoothed curves, but
 * does not publish a formula we could reproduce exactly. A 5-minute bin over 14 days holds only
 * ~14 readings, so its 5th/95th percentiles jump from bin to bin; a ±15-minute triangular window
 * pools ~7 bins (~100 readings) of weight, removes that sampling noise, and keeps meal peaks (which
 * last 1–3 h) in place. It is circular because 23:55 and 00:00 are neighbours. Bins without readings
 * are skipped and the weights renormalised, so a sensor gap does not drag the curve towards zero;
 * the same weights apply to all five curves, so their order (p5 ≤ p25 ≤ … ≤ p95) is preserved.
 * The unsmoothed percentiles are returned as well.
 */
export const AGP_BIN_MINUTES = 5;
export const AGP_BINS = 1440 / AGP_BIN_MINUTES;
const SMOOTHING_WEIGHTS = [1, 2, 3, 4, 3, 2, 1];

export type AgpOptions = {
  /** IANA timezone of the person; default "UTC". */
  timezone?: string;
  /** Number of calendar days ending with the day of the last reading (default 14). Ignored with a range. */
  days?: number;
  /** Explicit window start (epoch ms, inclusive). */
  startMs?: number;
  /** Explicit window end (epoch ms, exclusive). */
  endMs?: number;
};

export type AgpCurves = {
  p5: (number | null)[];
  p25: (number | null)[];
  p50: (number | null)[];
  p75: (number | null)[];
  p95: (number | null)[];
};

export type Agp = {
  timezone: string;
  windowStartMs: number;
  windowEndMs: number;
  /** Readings inside the window. */
  readings: number;
  /** Calendar days in the window that hold at least one reading. */
  daysWithData: number;
  binMinutes: number;
  /** Start of each bin, minutes after local midnight (0, 5, …, 1435). */
  binStartMinutes: number[];
  /** Readings per bin. */
  counts: number[];
  /** Smoothed percentile curves (the ones to draw); null where no bin within ±15 min has readings. */
  smoothed: AgpCurves;
  /** Per-bin percentiles before smoothing; null for an empty bin. */
  raw: AgpCurves;
};

const PERCENTILES = [
  ["p5", 0.05],
  ["p25", 0.25],
  ["p50", 0.5],
  ["p75", 0.75],
  ["p95", 0.95],
] as const;

/** The window [start, end) the AGP covers. */
function resolveWindow(series: GlucoseSeries, options: AgpOptions, timezone: string): { start: number; end: number } {
  if (options.startMs !== undefined || options.endMs !== undefined) {
    const start = options.startMs ?? -Infinity;
    const end = options.endMs ?? Infinity;
    if (!(start < end)) {
      throw new AppError("bad_request:analytics", "The AGP range is empty: its start must be before its end.");
    }
    return { start, end };
  }
  const days = options.days ?? 14;
  if (!Number.isInteger(days) || days < 1) {
    throw new AppError("bad_request:analytics", "The AGP needs a whole, positive number of days.");
  }
  const lastDay = localDayOf(series.times[series.times.length - 1], timezone);
  const start =
    timezone === "UTC" ? lastDay.startMs - (days - 1) * 86_400_000 : DateTime.fromMillis(lastDay.startMs, { zone: timezone }).minus({ days: days - 1 }).toMillis();
  return { start, end: lastDay.endMs };
}

/** Centred, circular, triangular weighted moving average that skips empty (null) bins. */
export function smoothCircular(values: (number | null)[], weights: readonly number[] = SMOOTHING_WEIGHTS): (number | null)[] {
  const n = values.length;
  const half = (weights.length - 1) / 2;
  const out: (number | null)[] = new Array(n);
  for (let b = 0; b < n; b++) {
    let sum = 0;
    let weight = 0;
    for (let k = -half; k <= half; k++) {
      const v = values[(((b + k) % n) + n) % n];
      if (v === null) continue;
      const w = weights[k + half];
      sum += w * v;
      weight += w;
    }
    out[b] = weight > 0 ? sum / weight : null;
  }
  return out;
}

export function computeAgp(series: GlucoseSeries, options: AgpOptions = {}): Agp {
  assertValidSeries(series, 1);
  const timezone = options.timezone ?? "UTC";
  assertTimezone(timezone);
  const { start, end } = resolveWindow(series, options, timezone);

  let from = 0;
  while (from < series.times.length && series.times[from] < start) from++;
  let to = from;
  while (to < series.times.length && series.times[to] < end) to++;
  if (to === from) {
    throw new AppError("bad_request:analytics", "There is no glucose reading in the AGP period.");
  }
  const times = series.times.subarray(from, to);
  const values = series.values.subarray(from, to);
  const { days, wallMinute } = assignLocalDays(times, timezone);

  const binned: number[][] = Array.from({ length: AGP_BINS }, () => []);
  for (let i = 0; i < values.length; i++) {
    const bin = Math.min(AGP_BINS - 1, Math.floor(wallMinute[i] / AGP_BIN_MINUTES));
    binned[bin].push(values[i]);
  }

  const raw = { p5: [], p25: [], p50: [], p75: [], p95: [] } as AgpCurves;
  for (const readings of binned) {
    const sorted = Float64Array.from(readings).sort();
    for (const [key, p] of PERCENTILES) raw[key].push(sorted.length > 0 ? quantileSorted(sorted, p) : null);
  }
  const smoothed = {} as AgpCurves;
  for (const [key] of PERCENTILES) smoothed[key] = smoothCircular(raw[key]);

  return {
    timezone,
    windowStartMs: Number.isFinite(start) ? start : times[0],
    windowEndMs: Number.isFinite(end) ? end : times[times.length - 1] + 1,
    readings: values.length,
    daysWithData: days.length,
    binMinutes: AGP_BIN_MINUTES,
    binStartMinutes: Array.from({ length: AGP_BINS }, (_, b) => b * AGP_BIN_MINUTES),
    counts: binned.map((b) => b.length),
    smoothed,
    raw,
  };
}
