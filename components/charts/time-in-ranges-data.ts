import { evaluateConsensusTargets, type ConsensusTarget } from "@/lib/analytics/glucose/consensus-targets";
import { CONSENSUS_COLORS } from "./chart-colors";
import { NBSP, formatPercentForTarget, formatPercentPrecise, type GlucoseUnit } from "./chart-format";

/**
 * The five consensus bands (Battelino et al. 2019, Diabetes Care 42:1593) for TimeInRangesBar:
 * <54, 54–69, 70–180, 181–250, >250 mg/dL, each with its consensus target and a met / not met mark.
 * Targets and their evaluation come from lib/analytics/glucose/consensus-targets.ts, the single
 * definition the metrics, the brief and the doctor's report use too.
 */

/** The percentages as computeGlucoseMetrics returns them in `timeInRanges` (below70 includes below54, above180 includes above250). */
export type TimeInRangesInput = {
  below54: number;
  below70: number;
  inRange70to180: number;
  above180: number;
  above250: number;
};

export type BandId = "veryLow" | "low" | "inRange" | "high" | "veryHigh";

export type TimeInRangesRow = {
  id: BandId;
  name: string;
  /** "181–250 mg/dL" or "10.1–13.9 mmol/L". */
  bounds: string;
  color: string;
  /** This band's own share, %. */
  percent: number;
  percentText: string;
  /** The consensus target this band is judged by, e.g. "<4 %"; for 54–69 and 181–250 it applies to the cumulative share. */
  targetText: string;
  /** "below 70 mg/dL in all: 4.8 %" when the target is about the cumulative share; else null. */
  cumulativeText: string | null;
  met: boolean;
};

// The consensus publishes its bands in both units; printing those (not a conversion of 181 mg/dL,
// which is 10.05) keeps the labels identical to the ones on a clinician's AGP report.
const BOUNDS: Record<BandId, Record<GlucoseUnit, string>> = {
  veryHigh: { "mg/dL": ">250", "mmol/L": ">13.9" },
  high: { "mg/dL": "181–250", "mmol/L": "10.1–13.9" },
  inRange: { "mg/dL": "70–180", "mmol/L": "3.9–10.0" },
  low: { "mg/dL": "54–69", "mmol/L": "3.0–3.8" },
  veryLow: { "mg/dL": "<54", "mmol/L": "<3.0" },
};
const CUMULATIVE: Record<"low" | "high", Record<GlucoseUnit, string>> = {
  low: { "mg/dL": `below 70${NBSP}mg/dL`, "mmol/L": `below 3.9${NBSP}mmol/L` },
  high: { "mg/dL": `above 180${NBSP}mg/dL`, "mmol/L": `above 10.0${NBSP}mmol/L` },
};
const NAMES: Record<BandId, string> = {
  veryHigh: "Very high",
  high: "High",
  inRange: "In range",
  low: "Low",
  veryLow: "Very low",
};
const TARGET_OF: Record<BandId, ConsensusTarget["id"]> = {
  veryHigh: "tar_250",
  high: "tar_180",
  inRange: "tir_70_180",
  low: "tbr_70",
  veryLow: "tbr_54",
};

/** Shares within 0.5 point of each other count as consistent (rounding of stored percentages). */
const SUM_TOLERANCE = 0.5;

/**
 * Checks the input: every share finite and in 0–100, the cumulative shares no smaller than the
 * severe ones they include, and below70 + inRange + above180 = 100 (iglu's bands partition the
 * readings). Returns a sentence saying what is wrong, or null when the input is usable.
 */
export function findTimeInRangesProblem(input: TimeInRangesInput): string | null {
  const values = [input.below54, input.below70, input.inRange70to180, input.above180, input.above250];
  if (values.some((v) => typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 100)) {
    return "Time in ranges is unavailable: a share is missing or outside 0–100 %.";
  }
  if (input.below54 > input.below70 + SUM_TOLERANCE || input.above250 > input.above180 + SUM_TOLERANCE) {
    return "Time in ranges is unavailable: the shares are inconsistent.";
  }
  if (Math.abs(input.below70 + input.inRange70to180 + input.above180 - 100) > SUM_TOLERANCE) {
    return "Time in ranges is unavailable: the shares do not add up to 100 %.";
  }
  return null;
}

function formatTarget(t: ConsensusTarget): string {
  return `${t.comparator}${t.threshold}${NBSP}%`;
}

/**
 * The five rows, top (very high) to bottom (very low) as on the AGP report; null for unusable
 * input (see findTimeInRangesProblem). "Met" is decided on the unrounded cumulative share the
 * consensus names (e.g. below 70 for the 54–69 band), and the number printed beside it is rounded
 * so that it never contradicts the mark (formatPercentForTarget).
 */
export function buildTimeInRangesRows(input: TimeInRangesInput, unit: GlucoseUnit): TimeInRangesRow[] | null {
  if (findTimeInRangesProblem(input) !== null) return null;
  const targets = new Map(
    evaluateConsensusTargets({ ...input, cv: null, activePercent: 100 }).map((t) => [t.id, t] as const),
  );
  const own: Record<BandId, number> = {
    veryHigh: input.above250,
    high: Math.max(0, input.above180 - input.above250),
    inRange: input.inRange70to180,
    low: Math.max(0, input.below70 - input.below54),
    veryLow: input.below54,
  };
  const order: BandId[] = ["veryHigh", "high", "inRange", "low", "veryLow"];
  return order.map((id) => {
    const target = targets.get(TARGET_OF[id]) as ConsensusTarget;
    const judged = target.value as number;
    const cumulative = id === "low" || id === "high";
    return {
      id,
      name: NAMES[id],
      bounds: `${BOUNDS[id][unit]}${NBSP}${unit}`,
      color: CONSENSUS_COLORS[id],
      percent: own[id],
      // A band judged by its own share prints as the mark demands; 54–69 and 181–250 are not judged alone.
      percentText: cumulative ? formatPercentPrecise(own[id]) : formatPercentForTarget(own[id], target.comparator, target.threshold),
      targetText: formatTarget(target),
      cumulativeText: cumulative
        ? `${CUMULATIVE[id][unit]} in all: ${formatPercentForTarget(judged, target.comparator, target.threshold)}`
        : null,
      met: target.met === true,
    };
  });
}

export type StackedSegment = { id: BandId; start: number; size: number };

/**
 * Geometry of the stacked bar, in % of its length, from the top. A band that is not zero gets at
 * least `minVisible` % so a 0.3 % time below 54 still shows as a sliver (the AGP report does the
 * same); the other bands give up that room in proportion to their size, so the total stays 100.
 * A zero band gets no segment at all.
 */
export function computeStackedSegments(rows: readonly Pick<TimeInRangesRow, "id" | "percent">[], minVisible = 1.5): StackedSegment[] {
  const total = rows.reduce((s, r) => s + Math.max(0, r.percent), 0);
  if (total <= 0) return [];
  const shares = rows.map((r) => (100 * Math.max(0, r.percent)) / total);
  const small = shares.map((s) => s > 0 && s < minVisible);
  const reserved = small.reduce((s, isSmall) => s + (isSmall ? minVisible : 0), 0);
  const largeTotal = shares.reduce((s, v, i) => s + (small[i] ? 0 : v), 0);
  const scale = largeTotal > 0 ? (100 - reserved) / largeTotal : 0;
  const segments: StackedSegment[] = [];
  let start = 0;
  rows.forEach((r, i) => {
    if (shares[i] <= 0) return;
    const size = small[i] ? minVisible : shares[i] * scale;
    segments.push({ id: r.id, start, size });
    start += size;
  });
  return segments;
}

/** The aria-label of the bar: every band's share and how many consensus targets are met. */
export function describeTimeInRanges(rows: readonly TimeInRangesRow[] | null): string {
  if (rows === null) return "Time in ranges: unavailable.";
  const bands = rows.map((r) => `${r.name.toLowerCase()} ${r.bounds} ${r.percentText}`).join(", ");
  const met = rows.filter((r) => r.met).length;
  return `Time in ranges: ${bands}. ${met} of ${rows.length} consensus targets met.`;
}

/** The visually hidden summary: which targets are not met, in words. */
export function summarizeUnmetTargets(rows: readonly TimeInRangesRow[] | null): string {
  if (rows === null) return "";
  const unmet = rows.filter((r) => !r.met);
  if (unmet.length === 0) return "All five consensus targets are met.";
  const parts = unmet.map((r) => `${r.name.toLowerCase()} (${r.cumulativeText ?? r.percentText}, target ${r.targetText})`);
  return `Targets not met: ${parts.join("; ")}.`;
}
