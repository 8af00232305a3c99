import type uPlot from "uplot";
import { formatGlucose } from "@/lib/glucose-format";
import { AGP_COLORS, AXIS_TEXT_COLOR, GRID_COLOR } from "./chart-colors";
import { formatClockMinutes, type GlucoseUnit } from "./chart-format";
import { computeGlucoseSplits, formatGlucoseTicks } from "./glucose-axis";
import { getCanvasPixelRatio, getPlotHeightCss } from "./uplot-canvas";

/**
 * uPlot options of AgpChart: the look of the AGP report (IDC AGP; Johnson et al. 2019,
 * doi:10.1089/dia.2019.0034): a dark median, a darker 25–75 % band, a lighter 5–95 % band with
 * dashed edges, green target lines across the profile, 0–350 mg/dL and 00:00–24:00.
 * Series order is [hours, p5, p25, p75, p95, p50] (agp-data.ts): uPlot fills a band when it draws
 * the band's upper series, so the median is drawn last and stays on top of every fill.
 */

export type AgpOptionsInput = {
  width: number;
  height: number;
  unit: GlucoseUnit;
  low: number;
  high: number;
  yRange: [number, number];
  legend?: boolean;
};

/** The target bounds as solid green lines over the bands (hook draw runs after the series). */
function drawTargetLines(u: uPlot, low: number, high: number): void {
  const { ctx, bbox } = u;
  const ratio = getCanvasPixelRatio();
  const top = u.valToPos(high, "y", true);
  const bottom = u.valToPos(low, "y", true);
  ctx.save();
  ctx.strokeStyle = AGP_COLORS.targetLine;
  ctx.lineWidth = 1.5 * ratio;
  ctx.beginPath();
  for (const y of [top, bottom]) {
    ctx.moveTo(bbox.left, y);
    ctx.lineTo(bbox.left + bbox.width, y);
  }
  ctx.stroke();
  ctx.restore();
}

/** A faint green fill under the bands (hook drawClear runs before grid and series). */
function drawTargetFill(u: uPlot, low: number, high: number): void {
  const { ctx, bbox } = u;
  const top = u.valToPos(high, "y", true);
  const bottom = u.valToPos(low, "y", true);
  ctx.save();
  ctx.fillStyle = AGP_COLORS.targetFill;
  ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
  ctx.restore();
}

const HOUR_INCREMENTS = [1, 2, 3, 6, 12];

export function buildAgpOptions(input: AgpOptionsInput): uPlot.Options {
  const { unit, low, high, yRange } = input;
  const glucoseValue = (_u: uPlot, v: number | null) => (v === null || v === undefined ? "—" : formatGlucose(v, unit));
  const edge = { stroke: AGP_COLORS.outerLine, width: 1, dash: [4, 3], points: { show: false } };
  const inner = { stroke: AGP_COLORS.iqrFill, width: 1, points: { show: false } };
  return {
    width: input.width,
    height: input.height,
    // Right padding leaves room for half of the "24:00" label at the end of the axis.
    padding: [8, 22, 0, 0],
    scales: {
      x: { time: false, auto: false, range: [0, 24] },
      y: { auto: false, range: yRange },
    },
    series: [
      { label: "Time of day", value: (_u, v) => (v === null || v === undefined ? "—" : formatClockMinutes(v * 60)) },
      { label: "5 %", value: glucoseValue, ...edge },
      { label: "25 %", value: glucoseValue, ...inner },
      { label: "75 %", value: glucoseValue, ...inner },
      { label: "95 %", value: glucoseValue, ...edge },
      { label: `Median (${unit})`, value: glucoseValue, stroke: AGP_COLORS.median, width: 2.5, points: { show: false } },
    ],
    bands: [
      { series: [4, 3], fill: AGP_COLORS.outerFill },
      { series: [3, 2], fill: AGP_COLORS.iqrFill },
      { series: [2, 1], fill: AGP_COLORS.outerFill },
    ],
    axes: [
      {
        stroke: AXIS_TEXT_COLOR,
        grid: { stroke: GRID_COLOR, width: 1 },
        ticks: { stroke: GRID_COLOR, width: 1, size: 4 },
        incrs: HOUR_INCREMENTS,
        space: 44,
        values: (_u, splits) => splits.map((h) => formatClockMinutes(h * 60)),
        size: 36,
      },
      {
        stroke: AXIS_TEXT_COLOR,
        grid: { stroke: GRID_COLOR, width: 1 },
        ticks: { stroke: GRID_COLOR, width: 1, size: 4 },
        splits: (u, _axisIdx, scaleMin, scaleMax) =>
          computeGlucoseSplits(scaleMin, scaleMax, getPlotHeightCss(u), low, high),
        values: (_u, splits) => formatGlucoseTicks(splits, unit),
        size: 40,
      },
    ],
    // A profile of a typical day has nothing to zoom into; the cursor only feeds the live legend,
    // so without a legend there is no cursor either.
    cursor: { show: input.legend ?? true, drag: { x: false, y: false, setScale: false }, points: { show: false } },
    legend: { show: input.legend ?? true, live: true },
    hooks: {
      drawClear: [(u) => drawTargetFill(u, low, high)],
      draw: [(u) => drawTargetLines(u, low, high)],
    },
  };
}
