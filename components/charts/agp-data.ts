import type { Agp } from "@/lib/analytics/glucose/agp";
import { formatClockMinutes, formatCount, formatGlucoseRange, formatGlucoseWithUnit, formatPercentShort, type GlucoseUnit } from "./chart-format";

/**
 * Data preparation for AgpChart, from computeAgp's output (lib/analytics/glucose/agp.ts).
 * The chart draws the smoothed curves, as the AGP report does.
 */

/** What AgpChart needs of computeAgp's result (plain data: it crosses the server → client boundary). */
export type AgpInput = Pick<Agp, "smoothed" | "binMinutes" | "readings" | "daysWithData">;

/** uPlot series order: the bands are filled when their upper series is drawn, so the median comes last to stay on top. */
export type AgpData = {
  /** Hours after local midnight, 0 to 24. */
  hours: number[];
  p5: (number | null)[];
  p25: (number | null)[];
  p75: (number | null)[];
  p95: (number | null)[];
  p50: (number | null)[];
};

/** The value at 00:00 / 24:00: the mean of the last and first bins (the curves are circular), or whichever exists. */
function wrapValue(first: number | null, last: number | null): number | null {
  if (first !== null && last !== null) return (first + last) / 2;
  return first ?? last;
}

/**
 * Each bin is drawn at its centre (bin 0 of 5 minutes → 00:02:30), and the curves are closed at
 * 00:00 and 24:00 with the circular neighbour value, so the profile spans the whole axis as on the
 * AGP report instead of stopping 2.5 minutes short of each edge.
 */
export function prepareAgpData(agp: AgpInput): AgpData {
  const bins = agp.smoothed.p50.length;
  const hours = [0];
  for (let b = 0; b < bins; b++) hours.push(((b + 0.5) * agp.binMinutes) / 60);
  hours.push(24);
  const curve = (values: (number | null)[]) => {
    const edge = wrapValue(values[0] ?? null, values[bins - 1] ?? null);
    return [edge, ...values, edge];
  };
  return {
    hours,
    p5: curve(agp.smoothed.p5),
    p25: curve(agp.smoothed.p25),
    p75: curve(agp.smoothed.p75),
    p95: curve(agp.smoothed.p95),
    p50: curve(agp.smoothed.p50),
  };
}

/** Highest 95th percentile, to size the y axis; null when every bin is empty. */
export function computeAgpMax(agp: AgpInput): number | null {
  let max: number | null = null;
  for (const v of agp.smoothed.p95) if (v !== null && (max === null || v > max)) max = v;
  return max;
}

type Extreme = { minute: number; value: number };

export type AgpSummary = {
  lowestMedian: Extreme;
  highestMedian: Extreme;
  /** Mean width of the 25–75 % band over the bins that have one, mg/dL. */
  meanIqr: number;
  widestIqr: Extreme;
  /** % of the day (bins with a median) whose median lies within the target band. */
  medianInTargetPercent: number;
};

/** Where the median is lowest and highest, how wide the middle half of readings is; null without data. */
export function summarizeAgp(agp: AgpInput, low = 70, high = 180): AgpSummary | null {
  const { p25, p50, p75 } = agp.smoothed;
  let lowest: Extreme | null = null;
  let highest: Extreme | null = null;
  let widest: Extreme | null = null;
  let iqrSum = 0;
  let iqrBins = 0;
  let medianBins = 0;
  let inTarget = 0;
  for (let b = 0; b < p50.length; b++) {
    const minute = b * agp.binMinutes;
    const m = p50[b];
    if (m !== null) {
      medianBins++;
      if (m >= low && m <= high) inTarget++;
      if (lowest === null || m < lowest.value) lowest = { minute, value: m };
      if (highest === null || m > highest.value) highest = { minute, value: m };
    }
    const q1 = p25[b];
    const q3 = p75[b];
    if (q1 !== null && q3 !== null) {
      const width = q3 - q1;
      iqrSum += width;
      iqrBins++;
      if (widest === null || width > widest.value) widest = { minute, value: width };
    }
  }
  if (lowest === null || highest === null || widest === null) return null;
  return {
    lowestMedian: lowest,
    highestMedian: highest,
    meanIqr: iqrSum / iqrBins,
    widestIqr: widest,
    medianInTargetPercent: (100 * inTarget) / medianBins,
  };
}

/** A width in glucose units (a difference, so no offset): "45 mg/dL" or "2.5 mmol/L". */
function formatGlucoseSpan(mgdl: number, unit: GlucoseUnit): string {
  return formatGlucoseWithUnit(mgdl, unit);
}

/**
 * The aria-label, e.g. "Ambulatory glucose profile of 14 days (4,032 readings): the median is lowest
 * at 04:00 (98 mg/dL) and highest at 13:00 (182 mg/dL), within 70–180 mg/dL for 83 % of the day;
 * the middle half of readings spans 45 mg/dL on average, widest at 19:00 (80 mg/dL)."
 */
export function describeAgp(agp: AgpInput, unit: GlucoseUnit, low = 70, high = 180): string {
  const s = summarizeAgp(agp, low, high);
  if (s === null) return "Ambulatory glucose profile: no readings, so there is no profile to show.";
  const days = `${agp.daysWithData} day${agp.daysWithData === 1 ? "" : "s"}`;
  return (
    `Ambulatory glucose profile of ${days} (${formatCount(agp.readings)} readings): ` +
    `the median is lowest at ${formatClockMinutes(s.lowestMedian.minute)} (${formatGlucoseWithUnit(s.lowestMedian.value, unit)}) ` +
    `and highest at ${formatClockMinutes(s.highestMedian.minute)} (${formatGlucoseWithUnit(s.highestMedian.value, unit)}), ` +
    `within ${formatGlucoseRange(low, high, unit)} for ${formatPercentShort(s.medianInTargetPercent)} of the day; ` +
    `the middle half of readings spans ${formatGlucoseSpan(s.meanIqr, unit)} on average, ` +
    `widest at ${formatClockMinutes(s.widestIqr.minute)} (${formatGlucoseSpan(s.widestIqr.value, unit)}).`
  );
}

export type AgpTableRow = { time: string; p5: string; p25: string; p50: string; p75: string; p95: string };

/** The visually hidden table: the five percentiles every `everyHours` hours (default 2: 12 rows). */
export function buildAgpTable(agp: AgpInput, unit: GlucoseUnit, everyHours = 2): AgpTableRow[] {
  const rows: AgpTableRow[] = [];
  const binsPerStep = Math.round((everyHours * 60) / agp.binMinutes);
  const { p5, p25, p50, p75, p95 } = agp.smoothed;
  for (let b = 0; b < p50.length; b += binsPerStep) {
    rows.push({
      time: formatClockMinutes(b * agp.binMinutes),
      p5: formatGlucoseWithUnit(p5[b], unit),
      p25: formatGlucoseWithUnit(p25[b], unit),
      p50: formatGlucoseWithUnit(p50[b], unit),
      p75: formatGlucoseWithUnit(p75[b], unit),
      p95: formatGlucoseWithUnit(p95[b], unit),
    });
  }
  return rows;
}
