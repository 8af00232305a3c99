import { AppError } from "@/lib/errors";
import {
  assertChartTimezone,
  describeDuration,
  formatCount,
  formatGlucoseRange,
  formatGlucoseWithUnit,
  formatInstant,
  formatPercentShort,
  type GlucoseUnit,
} from "./chart-format";

/**
 * Data preparation for GlucoseTraceChart: what uPlot draws (seconds on x, mg/dL or null on y) and
 * what a screen reader hears. Pure functions, tested in node.
 */

export type ChartEventKind = "meal" | "workout" | "sleep";

/** A meal, workout or sleep span on the timeline; times are epoch ms, `end` makes it a span. */
export type ChartEvent = { time: number; end?: number; kind: ChartEventKind; label: string };

export type TraceInput = {
  /** Epoch ms, ascending. */
  times: ArrayLike<number>;
  /** mg/dL; null or a non-finite number is a missing reading (drawn as a gap). */
  values: ArrayLike<number | null>;
};

export type TraceData = {
  /** x in seconds (uPlot's time unit), ascending, with one extra x inside each gap. */
  xs: number[];
  /** mg/dL, null at the inserted gap points. */
  ys: (number | null)[];
  /** Number of gaps that break the line. */
  gaps: number;
  /** The gap threshold that was applied, minutes. */
  maxGapMinutes: number;
};

/** Default: a break longer than 3 sampling intervals (and at least 15 min) is a gap, not a line. */
const GAP_INTERVALS = 3;
const MIN_GAP_MINUTES = 15;

function readPairs(input: TraceInput): { times: number[]; values: number[] } {
  if (input.times.length !== input.values.length) {
    throw new AppError(
      "bad_request:charts",
      `The glucose trace has ${input.times.length} times but ${input.values.length} values: they must pair up.`,
    );
  }
  const times: number[] = [];
  const values: number[] = [];
  let sorted = true;
  for (let i = 0; i < input.times.length; i++) {
    const t = input.times[i];
    const v = input.values[i];
    // A missing value is dropped here; the gap it leaves is found below from the times.
    if (!Number.isFinite(t) || v === null || !Number.isFinite(v)) continue;
    if (times.length > 0 && t < times[times.length - 1]) sorted = false;
    times.push(t);
    values.push(v);
  }
  if (sorted) return { times, values };
  // uPlot needs ascending x; a server query normally sorts, this is the safety net.
  const order = times.map((_, i) => i).sort((a, b) => times[a] - times[b]);
  return { times: order.map((i) => times[i]), values: order.map((i) => values[i]) };
}

/** Median of the positive intervals between consecutive times, minutes (5 for a Dexcom, 15 for a Libre). */
export function computeMedianIntervalMinutes(times: readonly number[]): number | null {
  const deltas: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const d = times[i] - times[i - 1];
    if (d > 0) deltas.push(d);
  }
  if (deltas.length === 0) return null;
  deltas.sort((a, b) => a - b);
  const mid = deltas.length >> 1;
  const median = deltas.length % 2 ? deltas[mid] : (deltas[mid - 1] + deltas[mid]) / 2;
  return median / 60_000;
}

/**
 * Series for uPlot. Readings further apart than `maxGapMinutes` (default: 3 × the median sampling
 * interval, at least 15 min) get a null point between them, so uPlot (spanGaps false) breaks the
 * line there instead of drawing a straight line across a sensor change or a night without data.
 */
export function prepareTraceData(input: TraceInput, options: { maxGapMinutes?: number } = {}): TraceData {
  const { times, values } = readPairs(input);
  const median = computeMedianIntervalMinutes(times);
  const maxGapMinutes = options.maxGapMinutes ?? Math.max(MIN_GAP_MINUTES, GAP_INTERVALS * (median ?? 5));
  const maxGapMs = maxGapMinutes * 60_000;
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  let gaps = 0;
  for (let i = 0; i < times.length; i++) {
    if (i > 0 && times[i] - times[i - 1] > maxGapMs) {
      xs.push((times[i - 1] + times[i]) / 2 / 1000);
      ys.push(null);
      gaps++;
    }
    xs.push(times[i] / 1000);
    ys.push(values[i]);
  }
  return { xs, ys, gaps, maxGapMinutes };
}

export type TraceSummary = {
  readings: number;
  startMs: number;
  endMs: number;
  mean: number;
  min: number;
  max: number;
  /** % of readings with low ≤ v ≤ high, as iglu's in_range_percent. */
  inRangePercent: number;
  /** % of readings < low (iglu below_percent). */
  belowPercent: number;
  /** % of readings > high (iglu above_percent). */
  abovePercent: number;
};

/** Summary statistics of what the trace shows; null when there is no reading to summarize. */
export function summarizeTrace(input: TraceInput, low = 70, high = 180): TraceSummary | null {
  const { times, values } = readPairs(input);
  if (values.length === 0) return null;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let below = 0;
  let above = 0;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v < low) below++;
    else if (v > high) above++;
  }
  const n = values.length;
  return {
    readings: n,
    startMs: times[0],
    endMs: times[n - 1],
    mean: sum / n,
    min,
    max,
    inRangePercent: (100 * (n - below - above)) / n,
    belowPercent: (100 * below) / n,
    abovePercent: (100 * above) / n,
  };
}

export type DescribeTraceOptions = {
  unit: GlucoseUnit;
  timezone: string;
  low?: number;
  high?: number;
  /** Opening words, e.g. "Glucose over the last 24 hours"; default "Glucose over <span>". */
  title?: string;
  events?: readonly ChartEvent[];
};

/** "2 meals, 1 workout and 1 sleep period marked"; "" without events. */
export function describeEvents(events: readonly ChartEvent[] | undefined): string {
  if (!events || events.length === 0) return "";
  const count = (kind: ChartEventKind) => events.filter((e) => e.kind === kind).length;
  const parts: string[] = [];
  const meals = count("meal");
  const workouts = count("workout");
  const sleeps = count("sleep");
  if (meals) parts.push(`${meals} meal${meals === 1 ? "" : "s"}`);
  if (workouts) parts.push(`${workouts} workout${workouts === 1 ? "" : "s"}`);
  if (sleeps) parts.push(`${sleeps} sleep period${sleeps === 1 ? "" : "s"}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0];
  return `${list} marked`;
}

/**
 * The aria-label of the trace, e.g. "Glucose over the last 24 hours: mean 142 mg/dL, 78 % in range
 * 70–180 mg/dL, 4 % below, 18 % above; 288 readings from Mon 4 Mar 08:00 to Tue 5 Mar 07:55 (Europe/Paris)."
 */
export function describeTrace(summary: TraceSummary | null, options: DescribeTraceOptions): string {
  assertChartTimezone(options.timezone);
  const low = options.low ?? 70;
  const high = options.high ?? 180;
  if (summary === null) return `${options.title ?? "Glucose"}: no readings in this period.`;
  const title = options.title ?? `Glucose over ${describeDuration(summary.endMs - summary.startMs)}`;
  const { unit, timezone } = options;
  const events = describeEvents(options.events);
  return (
    `${title}: mean ${formatGlucoseWithUnit(summary.mean, unit)}, ` +
    `${formatPercentShort(summary.inRangePercent)} in range ${formatGlucoseRange(low, high, unit)}, ` +
    `${formatPercentShort(summary.belowPercent)} below, ${formatPercentShort(summary.abovePercent)} above; ` +
    `${formatCount(summary.readings)} reading${summary.readings === 1 ? "" : "s"} ` +
    `from ${formatInstant(summary.startMs, timezone)} to ${formatInstant(summary.endMs, timezone)} (${timezone})` +
    (events ? `; ${events}.` : ".")
  );
}

/** Rows of the visually hidden data table beside the trace. */
export function buildTraceTable(summary: TraceSummary | null, unit: GlucoseUnit, low = 70, high = 180): { label: string; value: string }[] {
  if (summary === null) return [];
  return [
    { label: "Readings", value: formatCount(summary.readings) },
    { label: "Mean", value: formatGlucoseWithUnit(summary.mean, unit) },
    { label: "Lowest", value: formatGlucoseWithUnit(summary.min, unit) },
    { label: "Highest", value: formatGlucoseWithUnit(summary.max, unit) },
    { label: `In range ${formatGlucoseRange(low, high, unit)}`, value: formatPercentShort(summary.inRangePercent) },
    { label: "Below range", value: formatPercentShort(summary.belowPercent) },
    { label: "Above range", value: formatPercentShort(summary.abovePercent) },
  ];
}

/** An event in uPlot's seconds, kept only if it can be drawn (finite, end after start). */
export type PreparedEvent = { start: number; end: number | null; kind: ChartEventKind; label: string };

export function prepareEvents(events: readonly ChartEvent[] | undefined): PreparedEvent[] {
  if (!events) return [];
  const out: PreparedEvent[] = [];
  for (const e of events) {
    if (!Number.isFinite(e.time)) continue;
    const end = e.end !== undefined && Number.isFinite(e.end) && e.end > e.time ? e.end / 1000 : null;
    out.push({ start: e.time / 1000, end, kind: e.kind, label: e.label });
  }
  return out.sort((a, b) => a.start - b.start);
}
