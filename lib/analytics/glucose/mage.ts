import { AppError } from "@/lib/errors";
import { buildDayGrid, detectSamplingIntervalMin, gridTimeAt } from "./day-grid";
import { sampleSdOf } from "./numeric";
import { assertValidSeries } from "./series";
import { metricUnavailable, metricValue, type GlucoseSeries, type MetricOutcome } from "./types";

/**
 * MAGE with iglu's moving-average algorithm (R/mage_ma_single.R; Fernandes et al. 2022,
 * doi:10.1177/19322968211061165), direction "avg":
 *
 * 1. interpolate onto a 5-minute grid (CGMS2DayByDay, dt0 = 5), trim missing ends;
 * 2. split at gaps longer than `maxGapMin` (180) into segments;
 * 3. per segment: short and long right-aligned moving averages (5 and 32 points); every sign
 *    change of short − long is a crossing; between crossings the extreme glucose is a peak or nadir;
 * 4. keep nadir→peak (MAGE+) and peak→nadir (MAGE−) excursions of at least one SD of the segment,
 *    with iglu's left/right accumulation; the segment's MAGE± is the mean height;
 * 5. MAGE = mean of all MAGE+ and MAGE− rows weighted by their segment's duration.
 */
export type MageOptions = {
  shortMa?: number;
  longMa?: number;
  maxGapMin?: number;
  interGapMin?: number;
  timezone?: string;
};

export type MageSegmentStatus = "ok" | "gap" | "too_short" | "flat" | "no_excursion";

export type MageSegment = {
  startMs: number;
  endMs: number;
  /** Number of 5-minute grid points in the segment (missing ones included). */
  points: number;
  status: MageSegmentStatus;
  /** Mean nadir→peak height, or null when the segment has none. */
  magePlus: number | null;
  /** Mean |peak→nadir| height, or null when the segment has none. */
  mageMinus: number | null;
};

const REL_MIN = 0;
const REL_MAX = 1;

type Segment = { times: Float64Array; gl: Float64Array };

/**
 * zoo::rollapply(gl, width, mean, align = "right", fill = NA, na.rm = TRUE), then iglu's
 * replacement of the first `width` values by the value at position `width`.
 *
 * Each window is summed afresh, left to right, on purpose: right after a gap the short and the long
 * window hold the same few readings, and R then gets short − long = 0 exactly (no crossing). A
 * running sum leaves ±1e-14 residue there, which iglu's sign test would read as spurious crossings
 * (this changed Subject 1's MAGE by 1.7 %).
 */
function movingAverage(gl: Float64Array, width: number): Float64Array {
  const n = gl.length;
  const out = new Float64Array(n).fill(NaN);
  for (let i = width - 1; i < n; i++) {
    let sum = 0;
    let count = 0;
    for (let k = i - width + 1; k <= i; k++) {
      const v = gl[k];
      if (v === v) {
        sum += v;
        count++;
      }
    }
    out[i] = count > 0 ? sum / count : NaN;
  }
  const fillValue = width <= n ? out[width - 1] : NaN;
  for (let i = 0; i < Math.min(width, n); i++) out[i] = fillValue;
  return out;
}

function isNa(x: number): boolean {
  return x !== x;
}

/** Turning points between moving-average crossings: returns their glucose values. */
function findExtrema(gl: Float64Array, shortMa: number, longMa: number): Float64Array {
  const n = gl.length;
  const short = movingAverage(gl, shortMa);
  const long = movingAverage(gl, longMa);
  const delta = new Float64Array(n);
  for (let i = 0; i < n; i++) delta[i] = short[i] - long[i];

  const crossIdx: number[] = [0];
  const crossType: number[] = [delta[0] > 0 ? REL_MAX : REL_MIN];
  for (let i = 1; i < n; i++) {
    if (isNa(gl[i]) || isNa(gl[i - 1]) || isNa(delta[i]) || isNa(delta[i - 1])) continue;
    if (delta[i] * delta[i - 1] < 0) {
      crossIdx.push(i);
      crossType.push(delta[i] < delta[i - 1] ? REL_MIN : REL_MAX);
    } else {
      // iglu's second test (e.g. when the previous delta is exactly 0): compare with the delta at
      // the last recorded crossing.
      const prevDelta = delta[crossIdx[crossIdx.length - 1]];
      if (delta[i] * prevDelta < 0) {
        crossIdx.push(i);
        crossType.push(delta[i] < prevDelta ? REL_MIN : REL_MAX);
      }
    }
  }
  // iglu always adds the last point to capture an excursion at the end.
  crossIdx.push(n - 1);
  crossType.push(delta[n - 1] > 0 ? REL_MAX : REL_MIN);

  const numExtrema = crossIdx.length - 1;
  const minmax = new Float64Array(numExtrema);
  let previousIndex = crossIdx[0];
  for (let i = 0; i < numExtrema; i++) {
    const s1 = i === 0 ? crossIdx[0] : previousIndex;
    const s2 = crossIdx[i + 1];
    const wantMin = crossType[i] === REL_MIN;
    let best = NaN;
    let bestIdx = s1;
    for (let k = s1; k <= s2; k++) {
      const v = gl[k];
      if (isNa(v)) continue;
      if (isNa(best) || (wantMin ? v < best : v > best)) {
        best = v;
        bestIdx = k;
      }
    }
    minmax[i] = best;
    previousIndex = bestIdx;
  }
  return minmax;
}

/**
 * iglu's excursion elimination for MAGE+ (nadir → peak). differences[i][j] = minmax[j] − minmax[i].
 * The running minimum over [prevJ, j] replaces iglu's rescan of differences[prevJ:j, j] (same
 * result, first index on ties as which.max), so the loop is linear.
 */
function plusHeights(minmax: Float64Array, sd: number): number[] {
  const N = minmax.length;
  const heights: number[] = [];
  let j = 0;
  let prevJ = 0;
  let runMinIdx = 0;
  let scannedTo = -1;
  while (j < N) {
    if (scannedTo < prevJ) {
      runMinIdx = prevJ;
      scannedTo = prevJ;
    }
    for (let k = scannedTo + 1; k <= j; k++) if (minmax[k] < minmax[runMinIdx]) runMinIdx = k;
    scannedTo = j;
    const i = runMinIdx;
    const maxV = minmax[j] - minmax[i];
    if (maxV >= sd) {
      for (let k = j; k < N; k++) {
        if (minmax[k] > minmax[j]) j = k;
        if (minmax[k] - minmax[j] < -sd || k === N - 1) {
          heights.push(minmax[j] - minmax[i]);
          prevJ = k;
          j = k;
          scannedTo = -1;
          break;
        }
      }
    } else {
      j++;
    }
  }
  return heights;
}

/** iglu's excursion elimination for MAGE− (peak → nadir); note iglu sets prev_j = j (the nadir) here. */
function minusHeights(minmax: Float64Array, sd: number): number[] {
  const N = minmax.length;
  const heights: number[] = [];
  let j = 0;
  let prevJ = 0;
  let runMaxIdx = 0;
  let scannedTo = -1;
  while (j < N) {
    if (scannedTo < prevJ) {
      runMaxIdx = prevJ;
      scannedTo = prevJ;
    }
    for (let k = scannedTo + 1; k <= j; k++) if (minmax[k] > minmax[runMaxIdx]) runMaxIdx = k;
    scannedTo = j;
    const i = runMaxIdx;
    const minV = minmax[j] - minmax[i];
    if (minV <= -sd) {
      for (let k = j; k < N; k++) {
        if (minmax[k] < minmax[j]) j = k;
        if (minmax[k] - minmax[j] > sd || k === N - 1) {
          heights.push(minmax[j] - minmax[i]);
          prevJ = j;
          j = k;
          scannedTo = -1;
          break;
        }
      }
    } else {
      j++;
    }
  }
  return heights;
}

/** 160 → "2 h 40 min", 35 → "35 min". */
function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function mageOfSegment(segment: Segment, shortMa: number, longMa: number): MageSegment {
  const n = segment.gl.length;
  const base = { startMs: segment.times[0], endMs: segment.times[n - 1], points: n, magePlus: null, mageMinus: null };
  let present = 0;
  for (const v of segment.gl) if (!isNa(v)) present++;
  if (present === 0) return { ...base, status: "gap" };
  if (n < 7 || n < longMa) return { ...base, status: "too_short" };
  const sd = sampleSdOf(segment.gl);
  // A flat segment has SD 0: every difference would count as an excursion and iglu's loop would
  // never advance, so such a segment has no excursion by definition.
  if (!(sd > 0)) return { ...base, status: "flat" };
  const minmax = findExtrema(segment.gl, shortMa, longMa);
  const plus = plusHeights(minmax, sd);
  const minus = minusHeights(minmax, sd);
  if (plus.length === 0 && minus.length === 0) return { ...base, status: "no_excursion" };
  return {
    ...base,
    status: "ok",
    magePlus: plus.length > 0 ? mean(plus) : null,
    mageMinus: minus.length > 0 ? Math.abs(mean(minus)) : null,
  };
}

/** The 5-minute interpolated trace cut into segments at gaps longer than maxGapMin (iglu step 4). */
function segmentTrace(series: GlucoseSeries, options: Required<Pick<MageOptions, "maxGapMin" | "interGapMin" | "timezone">>): Segment[] {
  const grid = buildDayGrid(series, { dt0Min: 5, interGapMin: options.interGapMin, timezone: options.timezone });
  const v = grid.values;
  let first = 0;
  while (first < v.length && isNa(v[first])) first++;
  let last = v.length - 1;
  while (last >= 0 && isNa(v[last])) last--;
  if (first > last) return [];

  const segments: Segment[] = [];
  const push = (from: number, to: number) => {
    const times = new Float64Array(to - from + 1);
    for (let k = from; k <= to; k++) times[k - from] = gridTimeAt(grid, k);
    segments.push({ times, gl: v.slice(from, to + 1) });
  };
  let segStart = first;
  let k = first;
  while (k <= last) {
    if (!isNa(v[k])) {
      k++;
      continue;
    }
    let gapEnd = k;
    while (gapEnd + 1 <= last && isNa(v[gapEnd + 1])) gapEnd++;
    if ((gapEnd - k + 1) * grid.dt0Min > options.maxGapMin) {
      push(segStart, k - 1);
      push(k, gapEnd);
      segStart = gapEnd + 1;
    }
    k = gapEnd + 1;
  }
  push(segStart, last);
  return segments;
}

/** Per-segment MAGE+ and MAGE− (iglu return_type = "df"). */
export function computeMageSegments(series: GlucoseSeries, options: MageOptions = {}): MageSegment[] {
  let shortMa = options.shortMa ?? 5;
  let longMa = options.longMa ?? 32;
  if (!Number.isInteger(shortMa) || !Number.isInteger(longMa) || shortMa < 1 || longMa < 1) {
    throw new AppError("bad_request:analytics", "MAGE moving-average windows must be whole, positive numbers of points.");
  }
  // iglu swaps the windows (with a warning) when they are given the wrong way round.
  if (shortMa >= longMa) [shortMa, longMa] = [longMa, shortMa];
  // iglu rescales the windows by round(ma · 5 / dt0), but MAGE always runs on a 5-minute grid, so
  // the windows are used as given.
  const segments = segmentTrace(series, {
    maxGapMin: options.maxGapMin ?? 180,
    interGapMin: options.interGapMin ?? 45,
    timezone: options.timezone ?? "UTC",
  });
  return segments.map((s) => mageOfSegment(s, shortMa, longMa));
}

/**
 * MAGE (mg/dL), iglu mage(version = "ma", short_ma = 5, long_ma = 32, direction = "avg").
 * Degenerate input: null with a reason when the trace has fewer than 7 points or fewer than long_ma
 * points (iglu returns NA), or when readings are further apart than interGapMin; 0 when the trace
 * is long enough but holds no excursion of ≥ 1 SD (iglu returns NA there too; older iglu returned 0
 * and the brief asks for 0: "no measurable excursion").
 */
export function computeMage(series: GlucoseSeries, options: MageOptions = {}): MetricOutcome {
  assertValidSeries(series, 2);
  // iglu would still interpolate hourly readings onto its 5-minute grid, leaving isolated points
  // and "no excursion"; such a trace cannot show excursions at all, so say why instead of 0.
  const interGapMin = options.interGapMin ?? 45;
  const samplingMin = detectSamplingIntervalMin(series);
  if (samplingMin > interGapMin) {
    return metricUnavailable(
      `The readings are ${samplingMin} minutes apart, more than the largest interpolation gap of ${interGapMin} minutes.`,
    );
  }
  const longMa = Math.max(options.longMa ?? 32, options.shortMa ?? 5);
  const needed = Math.max(7, longMa);
  const segments = computeMageSegments(series, options);
  const traceLength = segments.reduce((n, s) => n + s.points, 0);
  if (traceLength < needed) {
    return metricUnavailable(
      `MAGE needs at least ${needed} five-minute points (${formatDuration(needed * 5)}) of interpolated data; there are ${traceLength}.`,
    );
  }
  let weighted = 0;
  let totalWeight = 0;
  let rows = 0;
  for (const s of segments) {
    const hours = s.endMs - s.startMs;
    for (const m of [s.magePlus, s.mageMinus]) {
      if (m === null) continue;
      weighted += m * hours;
      totalWeight += hours;
      rows++;
    }
  }
  if (rows === 0) {
    const measurable = segments.some((s) => s.status === "flat" || s.status === "no_excursion");
    if (measurable) return metricValue(0);
    return metricUnavailable(
      `MAGE needs an uninterrupted stretch of at least ${formatDuration(needed * 5)} of readings between gaps of more than ${formatDuration(options.maxGapMin ?? 180)}.`,
    );
  }
  if (totalWeight === 0) return metricUnavailable("MAGE segments have no duration.");
  return metricValue(weighted / totalWeight);
}
