import type uPlot from "uplot";
import { AXIS_TEXT_COLOR, EVENT_COLORS, GRID_COLOR, TRACE_COLORS } from "./chart-colors";
import type { GlucoseUnit } from "./chart-format";
import { formatGlucose } from "@/lib/glucose-format";
import { computeGlucoseSplits, computeThresholdStops, formatGlucoseTicks } from "./glucose-axis";
import type { PreparedEvent } from "./trace-data";
import { getCanvasPixelRatio, getPlotHeightCss } from "./uplot-canvas";
import type { XRange } from "./zoom";

/**
 * uPlot options of GlucoseTraceChart. Shared with bench/chart-render.ts, which draws 90 days with
 * exactly these options in headless Chromium; that is why this module imports uPlot only as a type
 * and takes `tzDate` as an argument: the bench bundles it next to uPlot's own IIFE build.
 */

export type UplotStatics = { tzDate: (date: Date, tz: string) => Date };

export type TraceOptionsInput = {
  width: number;
  height: number;
  unit: GlucoseUnit;
  /** IANA zone of the person: axis labels and the legend show their wall-clock time. */
  timezone: string;
  /** Target band, mg/dL. */
  low: number;
  high: number;
  /** y scale, mg/dL (computeTraceYRange). */
  yRange: [number, number];
  events?: readonly PreparedEvent[];
  /** Drag-to-zoom along x (the timeline); off for the 24-hour dashboard card. */
  zoomable?: boolean;
  /** Called after every x scale change (zoom, reset, keyboard) with the visible range in seconds. */
  onXRangeChange?: (view: XRange) => void;
  /** uPlot's live legend (time and value under the cursor). Default true. */
  legend?: boolean;
};

// Tick labels in 24-hour time and day-month order, which read the same in every English locale;
// the layout of this table is uPlot's own (_timeAxisStamps): [incr, default, year changed, month
// changed, day changed, hour changed, minute changed, second changed, mode]. Seconds-based scale.
const HOUR = 3600;
const DAY = 24 * HOUR;
const TIME_AXIS_VALUES: uPlot.Axis.TimeValuesConfig = [
  [365 * DAY, "{YYYY}", null, null, null, null, null, null, 1],
  [28 * DAY, "{MMM}", "\n{YYYY}", null, null, null, null, null, 1],
  [DAY, "{D} {MMM}", "\n{YYYY}", null, null, null, null, null, 1],
  [HOUR, "{HH}:{mm}", "\n{D} {MMM} {YYYY}", null, "\n{D} {MMM}", null, null, null, 1],
  [60, "{HH}:{mm}", "\n{D} {MMM} {YYYY}", null, "\n{D} {MMM}", null, null, null, 1],
];

/** Paints the target band under the grid and series (hook drawClear runs right after the canvas is cleared). */
function drawTargetBand(u: uPlot, low: number, high: number, fill: string, line: string): void {
  const { ctx, bbox } = u;
  const top = Math.max(bbox.top, Math.min(bbox.top + bbox.height, u.valToPos(high, "y", true)));
  const bottom = Math.max(bbox.top, Math.min(bbox.top + bbox.height, u.valToPos(low, "y", true)));
  ctx.save();
  ctx.fillStyle = fill;
  ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
  ctx.strokeStyle = line;
  ctx.lineWidth = Math.max(1, getCanvasPixelRatio());
  ctx.setLineDash([6 * getCanvasPixelRatio(), 4 * getCanvasPixelRatio()]);
  ctx.beginPath();
  for (const y of [top, bottom]) {
    if (y <= bbox.top || y >= bbox.top + bbox.height) continue;
    ctx.moveTo(bbox.left, Math.round(y) + 0.5);
    ctx.lineTo(bbox.left + bbox.width, Math.round(y) + 0.5);
  }
  ctx.stroke();
  ctx.restore();
}

/** Only the events that overlap the visible x range, with their canvas x. */
function visibleEvents(u: uPlot, events: readonly PreparedEvent[]): { e: PreparedEvent; x0: number; x1: number }[] {
  const min = u.scales.x.min ?? -Infinity;
  const max = u.scales.x.max ?? Infinity;
  const { bbox } = u;
  const out: { e: PreparedEvent; x0: number; x1: number }[] = [];
  for (const e of events) {
    const end = e.end ?? e.start;
    if (end < min || e.start > max) continue;
    const x0 = Math.max(bbox.left, u.valToPos(e.start, "x", true));
    const x1 = Math.min(bbox.left + bbox.width, u.valToPos(end, "x", true));
    out.push({ e, x0, x1 });
  }
  return out;
}

/**
 * How much of each event to draw. Full: spans shaded over the plot's height and a dashed line per
 * point event. Rug: only a lane of short marks along the top edge, because on a 90-day view ~500
 * events leave a line every 2 px and hide the glucose trace. The switch is at 24 CSS px per event.
 */
export function chooseEventDetail(count: number, plotWidthCss: number): "full" | "rug" {
  return count === 0 || plotWidthCss / count >= 24 ? "full" : "rug";
}

/** Height of the event lane along the top edge of the plot, CSS px. */
const LANE_PX = 5;

/** Spans (sleep, timed workouts) behind the line: a pale fill in full detail, and a lane mark at the top in both. */
function drawEventSpans(u: uPlot, events: readonly PreparedEvent[]): void {
  const { ctx, bbox } = u;
  const ratio = getCanvasPixelRatio();
  const visible = visibleEvents(u, events);
  const detail = chooseEventDetail(visible.length, bbox.width / ratio);
  ctx.save();
  for (const { e, x0, x1 } of visible) {
    if (e.end === null) continue;
    const width = Math.max(ratio, x1 - x0);
    if (detail === "full") {
      ctx.fillStyle = EVENT_COLORS[e.kind].fill;
      ctx.fillRect(x0, bbox.top, width, bbox.height);
    }
    ctx.fillStyle = EVENT_COLORS[e.kind].line;
    ctx.fillRect(x0, bbox.top, width, LANE_PX * ratio);
  }
  ctx.restore();
}

/** Point events (meals, untimed workouts) over the line: a dashed line with a square cap, or a lane tick when dense. */
function drawEventLines(u: uPlot, events: readonly PreparedEvent[]): void {
  const { ctx, bbox } = u;
  const ratio = getCanvasPixelRatio();
  const visible = visibleEvents(u, events);
  const detail = chooseEventDetail(visible.length, bbox.width / ratio);
  ctx.save();
  ctx.lineWidth = ratio;
  ctx.setLineDash([3 * ratio, 3 * ratio]);
  for (const { e, x0 } of visible) {
    if (e.end !== null) continue;
    const x = Math.round(x0) + 0.5;
    ctx.strokeStyle = EVENT_COLORS[e.kind].line;
    ctx.fillStyle = EVENT_COLORS[e.kind].line;
    if (detail === "full") {
      ctx.beginPath();
      ctx.moveTo(x, bbox.top);
      ctx.lineTo(x, bbox.top + bbox.height);
      ctx.stroke();
      ctx.fillRect(x - 3 * ratio, bbox.top, 6 * ratio, 6 * ratio);
    } else {
      ctx.fillRect(x - 0.5 * ratio, bbox.top, ratio, (LANE_PX + 3) * ratio);
    }
  }
  ctx.restore();
}

/** The line's stroke: one vertical gradient with hard stops at the target bounds (computeThresholdStops). */
function thresholdStroke(low: number, high: number): uPlot.Series.Stroke {
  return (u: uPlot) => {
    const { min, max } = u.scales.y;
    if (min === undefined || max === undefined || !(max > min)) return TRACE_COLORS.inRange;
    const y0 = u.valToPos(min, "y", true);
    const y1 = u.valToPos(max, "y", true);
    if (!Number.isFinite(y0) || !Number.isFinite(y1) || y0 === y1) return TRACE_COLORS.inRange;
    const gradient = u.ctx.createLinearGradient(0, y0, 0, y1);
    for (const [offset, color] of computeThresholdStops(min, max, low, high, TRACE_COLORS)) gradient.addColorStop(offset, color);
    return gradient;
  };
}

export function buildTraceOptions(input: TraceOptionsInput, lib: UplotStatics): uPlot.Options {
  const { unit, timezone, low, high, yRange } = input;
  const events = input.events ?? [];
  const zoomable = input.zoomable ?? false;
  return {
    width: input.width,
    height: input.height,
    // uPlot computes tick positions on a Date shifted into the zone (its documented tzDate recipe).
    tzDate: (ts) => lib.tzDate(new Date(ts * 1000), timezone),
    padding: [8, 8, 0, 0],
    scales: {
      x: { time: true },
      y: { auto: false, range: yRange },
    },
    series: [
      { label: "Time", value: "{WWW} {D} {MMM} {HH}:{mm}" },
      {
        label: "Glucose",
        stroke: thresholdStroke(low, high),
        width: 1.5,
        spanGaps: false,
        value: (_u, v) => (v === null || v === undefined ? "—" : `${formatGlucose(v, unit)} ${unit}`),
        points: { size: 4, width: 1, fill: "#ffffff" },
      },
    ],
    axes: [
      {
        stroke: AXIS_TEXT_COLOR,
        grid: { stroke: GRID_COLOR, width: 1 },
        ticks: { stroke: GRID_COLOR, width: 1, size: 4 },
        values: TIME_AXIS_VALUES,
        space: 56,
        size: 44,
      },
      {
        stroke: AXIS_TEXT_COLOR,
        grid: { stroke: GRID_COLOR, width: 1 },
        ticks: { stroke: GRID_COLOR, width: 1, size: 4 },
        splits: (u, _axisIdx, scaleMin, scaleMax) => computeGlucoseSplits(scaleMin, scaleMax, getPlotHeightCss(u), low, high),
        values: (_u, splits) => formatGlucoseTicks(splits, unit),
        size: 40,
      },
    ],
    cursor: {
      drag: { x: zoomable, y: false, setScale: zoomable },
      points: { size: 8, width: 2, stroke: TRACE_COLORS.inRange, fill: "#ffffff" },
    },
    legend: {
      show: input.legend ?? true,
      live: true,
      // The line's stroke is a canvas gradient, which CSS cannot use for the legend swatch.
      markers: { stroke: (_u, i) => (i === 1 ? TRACE_COLORS.inRange : AXIS_TEXT_COLOR), fill: () => "transparent" },
    },
    hooks: {
      drawClear: [
        (u) => drawTargetBand(u, low, high, TRACE_COLORS.targetFill, TRACE_COLORS.targetLine),
        (u) => drawEventSpans(u, events),
      ],
      draw: [(u) => drawEventLines(u, events)],
      setScale: [
        (u, key) => {
          if (key !== "x" || !input.onXRangeChange) return;
          const { min, max } = u.scales.x;
          if (min !== undefined && max !== undefined) input.onXRangeChange({ min, max });
        },
      ],
    },
  };
}
