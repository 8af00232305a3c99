import type { DailyProfile } from "@/lib/analytics/glucose/daily-profiles";
import { formatDayLabel, formatGlucoseRange, formatGlucoseWithUnit, formatPercentShort, type GlucoseUnit } from "./chart-format";
import { computeTraceYRange } from "./glucose-axis";
import { buildLinePath, scaleLinear } from "./svg-paths";
import { computeMedianIntervalMinutes } from "./trace-data";

/**
 * Data preparation for DailyProfilesGrid, from computeDailyProfiles (lib/analytics/glucose/daily-profiles.ts).
 * Every day shares one y scale, so days compare at a glance.
 */

/** What the grid needs of a DailyProfile (plain data). */
export type DailyProfileInput = Pick<DailyProfile, "date" | "hours" | "elapsedMinutes" | "values" | "mean" | "inRange70to180">;

/** Size of one mini chart's SVG viewBox. */
export const MINI_WIDTH = 160;
export const MINI_HEIGHT = 72;

export type DailyProfileCell = {
  date: string;
  /** "Mon 4 Mar". */
  label: string;
  /** SVG path of the day's glucose ("" on a day without readings). */
  path: string;
  /** Target band as a rect inside the viewBox. */
  band: { y: number; height: number };
  highlighted: boolean;
  /** "142 mg/dL" or "—". */
  meanText: string;
  /** "78 %" in 70–180 mg/dL, or "—". */
  inRangeText: string;
  hasData: boolean;
};

export type DailyProfilesLayout = { yDomain: [number, number]; cells: DailyProfileCell[] };

/** Gap rule of the trace (3 sampling intervals, at least 15 min), on one day's elapsed minutes. */
function computeGapMinutes(elapsedMinutes: readonly number[]): number {
  const median = computeMedianIntervalMinutes(elapsedMinutes.map((m) => m * 60_000));
  return Math.max(15, 3 * (median ?? 5));
}

export function prepareDailyProfileCells(
  profiles: readonly DailyProfileInput[],
  options: { unit: GlucoseUnit; low?: number; high?: number; highlight?: Iterable<string> },
): DailyProfilesLayout {
  const low = options.low ?? 70;
  const high = options.high ?? 180;
  const highlight = new Set(options.highlight ?? []);
  let min: number | null = null;
  let max: number | null = null;
  for (const p of profiles) {
    for (const v of p.values) {
      if (!Number.isFinite(v)) continue;
      if (min === null || v < min) min = v;
      if (max === null || v > max) max = v;
    }
  }
  const yDomain = computeTraceYRange(min, max);
  // SVG y grows downwards: the top of the domain maps to 0.
  const y = { domain: yDomain, range: [MINI_HEIGHT, 0] as [number, number] };
  const bandTop = Math.max(0, scaleLinear(high, y));
  const bandBottom = Math.min(MINI_HEIGHT, scaleLinear(low, y));
  const cells = profiles.map((p): DailyProfileCell => {
    const x = { domain: [0, Math.max(1, p.hours) * 60] as [number, number], range: [0, MINI_WIDTH] as [number, number] };
    const hasData = p.values.length > 0;
    return {
      date: p.date,
      label: formatDayLabel(p.date),
      path: hasData ? buildLinePath(p.elapsedMinutes, p.values, x, y, computeGapMinutes(p.elapsedMinutes)) : "",
      band: { y: bandTop, height: Math.max(0, bandBottom - bandTop) },
      highlighted: highlight.has(p.date),
      meanText: formatGlucoseWithUnit(p.mean, options.unit),
      inRangeText: formatPercentShort(p.inRange70to180),
      hasData,
    };
  });
  return { yDomain, cells };
}

/**
 * The aria-label, e.g. "Daily glucose, 14 days from Mon 4 Mar to Sun 17 Mar: time in range
 * 70–180 mg/dL from 45 % (Thu 7 Mar) to 92 % (Sat 9 Mar); 3 pattern days: Tue 5 Mar, Fri 8 Mar, Tue 12 Mar."
 */
export function describeDailyProfiles(
  profiles: readonly DailyProfileInput[],
  options: { unit: GlucoseUnit; highlight?: Iterable<string>; highlightLabel?: string },
): string {
  if (profiles.length === 0) return "Daily glucose: no days to show.";
  const first = formatDayLabel(profiles[0].date);
  const last = formatDayLabel(profiles[profiles.length - 1].date);
  const head = `Daily glucose, ${profiles.length} day${profiles.length === 1 ? "" : "s"} from ${first} to ${last}`;
  const withData = profiles.filter((p) => p.inRange70to180 !== null);
  let body: string;
  if (withData.length === 0) {
    body = "no readings";
  } else {
    const worst = withData.reduce((a, b) => ((b.inRange70to180 as number) < (a.inRange70to180 as number) ? b : a));
    const best = withData.reduce((a, b) => ((b.inRange70to180 as number) > (a.inRange70to180 as number) ? b : a));
    body =
      `time in range ${formatGlucoseRange(70, 180, options.unit)} from ${formatPercentShort(worst.inRange70to180)} ` +
      `(${formatDayLabel(worst.date)}) to ${formatPercentShort(best.inRange70to180)} (${formatDayLabel(best.date)})`;
    const empty = profiles.length - withData.length;
    if (empty > 0) body += `, ${empty} day${empty === 1 ? "" : "s"} without readings`;
  }
  const highlight = new Set(options.highlight ?? []);
  const marked = profiles.filter((p) => highlight.has(p.date)).map((p) => formatDayLabel(p.date));
  const label = (options.highlightLabel ?? "pattern day").toLowerCase();
  const tail = marked.length > 0 ? `; ${marked.length} ${label}${marked.length === 1 ? "" : "s"}: ${marked.join(", ")}.` : ".";
  return `${head}: ${body}${tail}`;
}
