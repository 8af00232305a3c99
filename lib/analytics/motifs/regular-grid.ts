import { DateTime } from "luxon";

/**
 * Puts irregular CGM readings on an equally spaced grid, as iglu's CGMS2DayByDay does before any
 * day-by-day analysis: grid step dt0 = the rounded median gap between readings (iglu's default),
 * grid anchored at local midnight of the first day, linear interpolation between two readings at most
 * `maxGapMinutes` apart (iglu's inter_gap = 45), NaN inside longer gaps.
 * The matrix profile needs this: it compares windows by position, so a missing reading must be a
 * hole (NaN, never matched) and not a silent shift of everything after it.
 * Unlike iglu the grid is trimmed to the first and last reading instead of padding whole days with NA.
 */
export interface RegularGrid {
  /** Epoch milliseconds of grid point 0. */
  readonly startMs: number;
  readonly intervalMinutes: number;
  readonly values: Float64Array;
  /** Grid points filled by interpolation (not at a reading's exact time). */
  readonly interpolated: number;
  /** Grid points left NaN because they fall in a gap longer than maxGapMinutes. */
  readonly missing: number;
}

export interface RegularGridOptions {
  /** Grid step; default the rounded median gap between consecutive readings (at least 1 minute). */
  intervalMinutes?: number;
  /** Longest gap bridged by interpolation; default 45 (iglu inter_gap). */
  maxGapMinutes?: number;
  /** IANA zone whose midnight anchors the grid; default UTC. */
  timezone?: string;
}

/** `times` in epoch ms (any order, duplicates allowed: the last reading at a time wins). */
export function placeOnRegularGrid(times: readonly number[], values: readonly number[], options: RegularGridOptions = {}): RegularGrid {
  const byTime = new Map<number, number>();
  times.forEach((t, k) => {
    if (Number.isFinite(t) && Number.isFinite(values[k])) byTime.set(t, values[k]);
  });
  const points = [...byTime.entries()].sort((a, b) => a[0] - b[0]);
  if (points.length === 0) return { startMs: NaN, intervalMinutes: options.intervalMinutes ?? 5, values: new Float64Array(0), interpolated: 0, missing: 0 };

  const intervalMinutes = options.intervalMinutes ?? computeMedianGapMinutes(points.map((p) => p[0]));
  const stepMs = intervalMinutes * 60_000;
  const maxGapMs = (options.maxGapMinutes ?? 45) * 60_000;
  const first = points[0][0];
  const last = points[points.length - 1][0];
  const midnight = DateTime.fromMillis(first, { zone: options.timezone ?? "UTC" }).startOf("day").toMillis();
  const startMs = midnight + Math.ceil((first - midnight) / stepMs) * stepMs;
  const count = startMs > last ? 0 : Math.floor((last - startMs) / stepMs) + 1;

  const out = new Float64Array(count);
  let interpolated = 0;
  let missing = 0;
  let right = 0; // first reading at or after the grid time
  for (let g = 0; g < count; g++) {
    const t = startMs + g * stepMs;
    while (points[right][0] < t) right++;
    const [tr, vr] = points[right];
    if (tr === t) {
      out[g] = vr;
      continue;
    }
    const [tl, vl] = points[right - 1];
    if (tr - tl > maxGapMs) {
      out[g] = NaN;
      missing++;
      continue;
    }
    out[g] = vl + ((vr - vl) * (t - tl)) / (tr - tl);
    interpolated++;
  }
  return { startMs, intervalMinutes, values: out, interpolated, missing };
}

function computeMedianGapMinutes(sortedTimes: readonly number[]): number {
  if (sortedTimes.length < 2) return 5;
  const gaps = sortedTimes.slice(1).map((t, k) => t - sortedTimes[k]).sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const median = gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
  return Math.max(1, Math.round(median / 60_000));
}
