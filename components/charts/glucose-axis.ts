import { formatGlucose } from "@/lib/glucose-format";
import type { GlucoseUnit } from "./chart-format";

/**
 * The glucose (y) axis shared by the trace and the AGP. Data stay in mg/dL on the canvas; only the
 * labels are converted, so switching unit never changes a curve and the clinical thresholds stay
 * exact (54, 70, 180, 250 mg/dL print as 3.0, 3.9, 10.0, 13.9 mmol/L, the consensus' own values).
 */

/** Smallest vertical gap between two labelled ticks, CSS px: 12 px labels with air between them. */
export const MIN_TICK_GAP_PX = 20;

/**
 * Clinical ticks, as on the AGP report (54, 70, 180, 250, then the top of the scale), in place of
 * round numbers: a person reads "am I above 180?", not "am I above 200?". A tick closer than
 * MIN_TICK_GAP_PX to one already kept is dropped, the target bounds first kept, so that at 390 px
 * or in a short card the labels never overlap.
 */
export function computeGlucoseSplits(scaleMin: number, scaleMax: number, plotHeightPx: number, lowMgdl = 70, highMgdl = 180): number[] {
  if (!(scaleMax > scaleMin) || !(plotHeightPx > 0)) return [];
  const pxPerUnit = plotHeightPx / (scaleMax - scaleMin);
  const candidates = [lowMgdl, highMgdl, 54, 250, 350, 400, 500, 600].filter((v) => v >= scaleMin && v <= scaleMax);
  // Above 250 the top of the scale is labelled, so the chart shows how high it goes.
  const top = Math.floor(scaleMax / 50) * 50;
  if (top > 250 && !candidates.includes(top)) candidates.push(top);
  const kept: number[] = [];
  for (const v of candidates) {
    if (kept.some((k) => Math.abs(k - v) * pxPerUnit < MIN_TICK_GAP_PX)) continue;
    kept.push(v);
  }
  return kept.sort((a, b) => a - b);
}

/** Axis labels in the person's unit. */
export function formatGlucoseTicks(splits: readonly number[], unit: GlucoseUnit): string[] {
  return splits.map((v) => formatGlucose(v, unit));
}

/**
 * y range of the trace: the CGM reporting range 40–300 mg/dL at least (a flat day must not look
 * like a roller coaster because the scale hugged it), stretched in steps of 50 to hold every value.
 */
export function computeTraceYRange(minValue: number | null, maxValue: number | null): [number, number] {
  const lo = minValue !== null && Number.isFinite(minValue) ? Math.min(40, Math.floor(minValue / 10) * 10) : 40;
  const hi = maxValue !== null && Number.isFinite(maxValue) ? Math.max(300, Math.ceil(maxValue / 50) * 50) : 300;
  return [Math.max(0, lo), hi];
}

/** y range of the AGP: 0–350 mg/dL as on the AGP report, stretched when the 95th percentile is higher. */
export function computeAgpYRange(maxValue: number | null): [number, number] {
  const hi = maxValue !== null && Number.isFinite(maxValue) ? Math.max(350, Math.ceil(maxValue / 50) * 50) : 350;
  return [0, hi];
}

export type GradientStop = [offset: number, color: string];

/**
 * Color stops of a vertical gradient that paints the line one color below `low`, another inside
 * the target band and a third above `high`, with hard edges at the thresholds (two stops at the same
 * offset). Offsets run from the bottom of the scale (0) to its top (1), clamped, because
 * createLinearGradient is drawn from the pixel of scaleMin to the pixel of scaleMax. This colors the
 * out-of-range parts of 25,920 points for the price of one gradient per draw, instead of one path
 * per segment.
 */
export function computeThresholdStops(
  scaleMin: number,
  scaleMax: number,
  low: number,
  high: number,
  colors: { below: string; inRange: string; above: string },
): GradientStop[] {
  if (!(scaleMax > scaleMin)) return [[0, colors.inRange], [1, colors.inRange]];
  const at = (v: number) => Math.min(1, Math.max(0, (v - scaleMin) / (scaleMax - scaleMin)));
  const lowAt = at(low);
  const highAt = at(high);
  return [
    [0, colors.below],
    [lowAt, colors.below],
    [lowAt, colors.inRange],
    [highAt, colors.inRange],
    [highAt, colors.above],
    [1, colors.above],
  ];
}
