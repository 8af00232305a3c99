import { DateTime } from "luxon";
import { formatGlucose } from "@/lib/glucose-format";
import { MGDL_PER_MMOLL } from "@/lib/ingest/units";
import type { ConsensusTargetId, ReportTarget, ReportUnit } from "./report-data";

/**
 * Display rules of the report (never applied to stored values): mg/dL as integers, mmol/L with one
 * decimal (lib/glucose-format.ts), percentages with one decimal. Anything that is not a finite
 * number prints as an em dash "—", so "NaN", "Infinity" or "undefined" can never reach a doctor.
 */
export const MISSING = "—";

/** 72.25 → "72.3%"; -0.04 → "0.0%" (never "-0.0%"); null/NaN → "—". */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return `${roundForDisplay(value, decimals).toFixed(decimals)}%`;
}

/** A plain number with fixed decimals; null/NaN → "—". */
export function formatNumber(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return roundForDisplay(value, decimals).toFixed(decimals);
}

/** Glucose in the display unit, with the unit: "142 mg/dL", "7.9 mmol/L", or "—". */
export function formatGlucoseWithUnit(mgdl: number | null | undefined, unit: ReportUnit): string {
  const text = formatGlucose(mgdl, unit);
  return text === MISSING ? MISSING : `${text} ${unit}`;
}

/** Glucose in the display unit without the unit (axis labels, table cells). */
export function formatGlucoseValue(mgdl: number | null | undefined, unit: ReportUnit): string {
  return formatGlucose(mgdl, unit);
}

// + 0 turns -0 into 0.
function roundForDisplay(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f + 0;
}

/** "2025-03-01" → "1 Mar 2025" (day-month-year with a month name: unambiguous in every country). */
export function formatDate(isoDate: string): string {
  const d = DateTime.fromISO(isoDate, { zone: "UTC" });
  return d.isValid ? d.toFormat("d LLL yyyy", { locale: "en-GB" }) : isoDate;
}

/** "2025-05-19" → "Mon 19 May". */
export function formatShortDay(isoDate: string): string {
  const d = DateTime.fromISO(isoDate, { zone: "UTC" });
  return d.isValid ? d.toFormat("ccc d LLL", { locale: "en-GB" }) : isoDate;
}

/** Calendar days from `from` to `to`, both included (0 when `to` precedes `from`). */
export function countDays(from: string, to: string): number {
  const days = DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days;
  return Number.isFinite(days) && days >= 0 ? Math.round(days) + 1 : 0;
}

/** "1 Mar 2025 – 29 May 2025 (90 days)". */
export function formatPeriod(period: { from: string; to: string }): string {
  const n = countDays(period.from, period.to);
  return `${formatDate(period.from)} – ${formatDate(period.to)} (${n} day${n === 1 ? "" : "s"})`;
}

/** "29 May 2025, 14:05" in the patient's timezone. */
export function formatDateTime(isoInstant: string, timezone: string): string {
  const d = DateTime.fromISO(isoInstant, { zone: timezone });
  return d.isValid ? d.toFormat("d LLL yyyy, HH:mm", { locale: "en-GB" }) : isoInstant;
}

/**
 * Comparators as printed. The bundled DejaVu font has ≥ and ≤; the Helvetica fallback (used only
 * when the font files cannot be found, see report-fonts.ts) encodes WinAnsi, which has neither.
 */
export function formatComparator(comparator: ReportTarget["comparator"], unicode: boolean): string {
  if (unicode) return comparator;
  return comparator === "≥" ? ">=" : comparator === "≤" ? "<=" : comparator;
}

/** A consensus target as printed: "> 70%", "≤ 36%". */
export function formatTarget(target: Pick<ReportTarget, "comparator" | "threshold">, unicode: boolean): string {
  return `${formatComparator(target.comparator, unicode)} ${formatPercent(target.threshold, 0)}`;
}

/** Glucose limits of the consensus, converted for display: 70 → "70" or "3.9". */
export function formatLimit(mgdl: number, unit: ReportUnit): string {
  return formatGlucose(mgdl, unit);
}

/**
 * Row labels of the consensus table, worded as the international consensus (Battelino et al. 2019)
 * and the IDC AGP report, with the glucose limits in the display unit.
 */
export function describeTarget(id: ConsensusTargetId, unit: ReportUnit): string {
  const g = (mgdl: number) => formatLimit(mgdl, unit);
  switch (id) {
    case "tir_70_180":
      return `Time in range (${g(70)}–${g(180)} ${unit})`;
    case "tbr_70":
      return `Time below range (<${g(70)} ${unit})`;
    case "tbr_54":
      return `Time very low (<${g(54)} ${unit})`;
    case "tar_180":
      return `Time above range (>${g(180)} ${unit})`;
    case "tar_250":
      return `Time very high (>${g(250)} ${unit})`;
    case "cv":
      return "Glucose variability (CV)";
    case "active":
      return "Time CGM active";
  }
}

/**
 * A target's measured value with one decimal, or more when one decimal would contradict the verdict
 * (1.04 % against "< 1 %" prints "1.04%", not "1.0%" beside "Not met"). The verdict itself is the
 * analytics', on the unrounded value.
 */
export function formatTargetValue(target: Pick<ReportTarget, "value" | "comparator" | "threshold" | "met">): string {
  const { value, comparator, threshold, met } = target;
  if (value === null || !Number.isFinite(value)) return MISSING;
  for (const decimals of [1, 2, 3]) {
    if (met === null || compareWith(roundForDisplay(value, decimals), comparator, threshold) === met) return formatPercent(value, decimals);
  }
  return formatPercent(value, 3);
}

function compareWith(value: number, comparator: ReportTarget["comparator"], threshold: number): boolean {
  switch (comparator) {
    case ">":
      return value > threshold;
    case "<":
      return value < threshold;
    case "≥":
      return value >= threshold;
    case "≤":
      return value <= threshold;
  }
}

/** "Met", "Not met", or "Not available" when the value could not be computed. */
export function describeMet(met: boolean | null): string {
  return met === null ? "Not available" : met ? "Met" : "Not met";
}

export type RangeBand = {
  key: "veryHigh" | "high" | "inRange" | "low" | "veryLow";
  label: string;
  /** Glucose limits in the display unit, e.g. "181–250 mg/dL" or "10.1–13.9 mmol/L". */
  limits: string;
};

/**
 * The five consensus bands, top to bottom as on the IDC AGP report. Bounds between bands are shown
 * as the first value of the next band (iglu counts 70 ≤ in range ≤ 180, high > 180), so mg/dL reads
 * 181–250 and 54–69; in mmol/L one decimal: 10.1–13.9 and 3.0–3.8.
 */
export function describeRangeBands(unit: ReportUnit): RangeBand[] {
  const step = unit === "mg/dL" ? 1 : 0.1;
  const toUnit = (mgdl: number) => (unit === "mg/dL" ? mgdl : Math.round((mgdl / MGDL_PER_MMOLL) * 10) / 10);
  const show = (v: number) => (unit === "mg/dL" ? Math.round(v).toString() : v.toFixed(1));
  return [
    { key: "veryHigh", label: "Very high", limits: `>${show(toUnit(250))} ${unit}` },
    { key: "high", label: "High", limits: `${show(toUnit(180) + step)}–${show(toUnit(250))} ${unit}` },
    { key: "inRange", label: "Target range", limits: `${show(toUnit(70))}–${show(toUnit(180))} ${unit}` },
    { key: "low", label: "Low", limits: `${show(toUnit(54))}–${show(toUnit(70) - step)} ${unit}` },
    { key: "veryLow", label: "Very low", limits: `<${show(toUnit(54))} ${unit}` },
  ];
}
