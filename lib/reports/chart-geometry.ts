import { MGDL_PER_MMOLL } from "@/lib/ingest/units";

/**
 * Pure geometry for the report's vector charts (AGP and daily profiles): scales, SVG path strings
 * that break at missing bins, band polygons and label spreading. No react-pdf here, so it is tested
 * on numbers alone.
 */

export type Scale = (value: number) => number;

/** Maps [d0, d1] linearly onto [r0, r1]; a zero-width domain maps everything to r0. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Index ranges [start, end] (inclusive) of the runs where `present(i)` holds. */
export function findRuns(length: number, present: (i: number) => boolean): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let start = -1;
  for (let i = 0; i < length; i++) {
    if (present(i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push({ start, end: i - 1 });
      start = -1;
    }
  }
  if (start >= 0) runs.push({ start, end: length - 1 });
  return runs;
}

// Two decimals of a point (1/7200 inch) is finer than any printer and keeps the PDF small.
const num = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * An SVG path through the non-null values, one "M … L …" subpath per run, so a sensor gap is drawn
 * as a gap rather than a straight line across it. A run of one bin becomes a short dash (±halfWidth)
 * so an isolated reading stays visible. Values are clamped into [yMin, yMax] of the chart first.
 */
export function buildLinePath(
  values: readonly (number | null)[],
  x: (i: number) => number,
  y: Scale,
  clampTo: readonly [number, number],
  halfWidth = 0.6,
): string {
  const [lo, hi] = clampTo;
  const yc = (v: number) => y(Math.min(hi, Math.max(lo, v)));
  const parts: string[] = [];
  for (const { start, end } of findRuns(values.length, (i) => values[i] !== null)) {
    if (start === end) {
      const v = values[start] as number;
      parts.push(`M${num(x(start) - halfWidth)} ${num(yc(v))}L${num(x(start) + halfWidth)} ${num(yc(v))}`);
      continue;
    }
    let d = `M${num(x(start))} ${num(yc(values[start] as number))}`;
    for (let i = start + 1; i <= end; i++) d += `L${num(x(i))} ${num(yc(values[i] as number))}`;
    parts.push(d);
  }
  return parts.join("");
}

/**
 * Closed polygons between a lower and an upper curve, one per run where both are present, as
 * "x,y x,y …" point lists (the <Polygon points> syntax): along the upper curve left to right, back
 * along the lower curve. Runs shorter than 2 bins are skipped (no area).
 */
export function buildBandPolygons(
  lower: readonly (number | null)[],
  upper: readonly (number | null)[],
  x: (i: number) => number,
  y: Scale,
  clampTo: readonly [number, number],
): string[] {
  const [lo, hi] = clampTo;
  const yc = (v: number) => y(Math.min(hi, Math.max(lo, v)));
  const polygons: string[] = [];
  const n = Math.min(lower.length, upper.length);
  for (const { start, end } of findRuns(n, (i) => lower[i] !== null && upper[i] !== null)) {
    if (end === start) continue;
    const pts: string[] = [];
    for (let i = start; i <= end; i++) pts.push(`${num(x(i))},${num(yc(upper[i] as number))}`);
    for (let i = end; i >= start; i--) pts.push(`${num(x(i))},${num(yc(lower[i] as number))}`);
    polygons.push(pts.join(" "));
  }
  return polygons;
}

/**
 * Moves label positions apart so neighbours are at least `minGap` apart, keeping their order and
 * staying inside [lo, hi] when there is room (labels of the AGP's right edge, whose curves can
 * nearly touch). Input order is the visual order (ascending positions expected).
 */
export function spreadLabels(positions: readonly number[], minGap: number, lo: number, hi: number): number[] {
  const out = positions.map((p) => Math.min(hi, Math.max(lo, p)));
  for (let i = 1; i < out.length; i++) if (out[i] - out[i - 1] < minGap) out[i] = out[i - 1] + minGap;
  const overflow = out.length > 0 ? out[out.length - 1] - hi : 0;
  if (overflow > 0) {
    out[out.length - 1] = hi;
    for (let i = out.length - 2; i >= 0; i--) if (out[i + 1] - out[i] < minGap) out[i] = out[i + 1] - minGap;
  }
  return out;
}

/** Largest non-null value of several curves, or null when all are empty. */
export function maxOfCurves(curves: readonly (readonly (number | null)[])[]): number | null {
  let max: number | null = null;
  for (const c of curves) for (const v of c) if (v !== null && (max === null || v > max)) max = v;
  return max;
}

/** Last index holding a value, or -1. */
export function lastPresentIndex(values: readonly (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return i;
  return -1;
}

/**
 * The glucose axis of the AGP and the daily profiles, in mg/dL: 0 to 350 mg/dL as on the IDC AGP
 * report (400 when the 95th percentile goes higher); in mmol/L 0 to 21 (25 if needed), the LibreView
 * convention. Ticks are the consensus limits 54, 70, 180, 250 and the top.
 */
export function chooseGlucoseAxis(unit: "mg/dL" | "mmol/L", maxValueMgdl: number | null): { topMgdl: number; ticksMgdl: number[] } {
  const max = maxValueMgdl ?? 0;
  const topMgdl = unit === "mg/dL" ? (max > 350 ? 400 : 350) : (max > 21 * MGDL_PER_MMOLL ? 25 : 21) * MGDL_PER_MMOLL;
  return { topMgdl, ticksMgdl: [54, 70, 180, 250, topMgdl] };
}
