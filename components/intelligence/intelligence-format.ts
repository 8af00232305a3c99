import { DateTime } from "luxon";
import { FEATURE_LABELS } from "@/lib/analytics/discovery/daily-features";
import type { LinearTrend, VelocityMetric, VelocityMetricId } from "@/lib/analytics/velocity";
import { MGDL_PER_MMOLL, type GlucoseUnit } from "@/lib/ingest/units";

/**
 * Words and numbers of the /intelligence pages, as a person reads them. Pure functions (tested in
 * node). Nothing here returns "NaN" or "Infinity": a missing or non-finite number prints as "—".
 */

const NBSP = "\u00a0";
const MINUS = "\u2212";
const DASH = "—";

const finite = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);

/** A signed number with a real minus sign: "−0.45", "+2.1" (`plus` adds the + for positive numbers). */
export function formatSigned(x: number | null | undefined, digits: number, plus = false): string {
  if (!finite(x)) return DASH;
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return x < 0 ? `${MINUS}${text}` : plus ? `+${text}` : text;
}

/** A p- or q-value alone, for a table cell: "< 0.001", "0.012", "0.43"; "—" without a value. */
export function formatProbabilityValue(x: number | null | undefined): string {
  if (!finite(x)) return DASH;
  if (x < 0.001) return "< 0.001";
  return x < 0.1 ? x.toFixed(3) : x.toFixed(2);
}

/** "q < 0.001", "q = 0.012", "q = 0.43"; "q —" without a value. */
export function formatQValue(q: number | null | undefined): string {
  return formatProbability("q", q);
}

/** "p < 0.001", "p = 0.040". */
export function formatPValue(p: number | null | undefined): string {
  return formatProbability("p", p);
}

function formatProbability(name: string, x: number | null | undefined): string {
  const value = formatProbabilityValue(x);
  if (value === DASH) return `${name} ${DASH}`;
  return value.startsWith("<") ? `${name} ${value}` : `${name} = ${value}`;
}

/** "ρ = −0.45". */
export function formatRho(rho: number | null | undefined): string {
  return `ρ = ${formatSigned(rho, 2)}`;
}

/** When the outcome is measured relative to the factor: "the same day", "the next day", "2 days later". */
export function describeLag(lagDays: number): string {
  if (lagDays === 0) return "the same day";
  if (lagDays === 1) return "the next day";
  return `${lagDays} days later`;
}

/** Factors that are yes/no for a day: "more" of them does not read. */
const YES_NO_FACTORS = new Set(["late_dinner"]);

export function labelFeature(id: string): string {
  return FEATURE_LABELS[id] ?? id.replace(/_/g, " ");
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type CorrelationLike = { factor: string; outcome: string; lagDays: number; spearmanRho: number | null };

/**
 * A correlation in plain words, careful not to claim a cause: "On days with more hours of sleep, your
 * mean glucose was lower the same day." Lagged ones start "After days with…".
 */
export function describeCorrelation(row: CorrelationLike): string {
  const rho = row.spearmanRho;
  const factor = labelFeature(row.factor);
  const outcome = labelFeature(row.outcome);
  const when = row.lagDays === 0 ? "On days with" : "After days with";
  const what = YES_NO_FACTORS.has(row.factor) ? factor : `more ${factor}`;
  if (!finite(rho) || rho === 0) return `${when} ${what}, your ${outcome} did not move ${describeLag(row.lagDays)}.`;
  return `${when} ${what}, your ${outcome} was ${rho > 0 ? "higher" : "lower"} ${describeLag(row.lagDays)}.`;
}

/** Rough strength of |ρ| (Cohen's bands for r: 0.1 small, 0.3 medium, 0.5 large). */
export function describeStrength(rho: number | null | undefined): string {
  if (!finite(rho)) return DASH;
  const a = Math.abs(rho);
  if (a >= 0.5) return "strong";
  if (a >= 0.3) return "moderate";
  if (a >= 0.1) return "weak";
  return "negligible";
}

/** The stored confidence levels (lib/analytics/correlation/confidence-level.ts, and velocity's trend rule). */
export function labelConfidence(level: string | null | undefined): string {
  switch (level) {
    case "high":
      return "High confidence";
    case "medium":
      return "Medium confidence";
    case "low":
      return "Low confidence";
    default:
      return "Not significant";
  }
}

/* ---------- velocity ---------- */

/** Trend confidence (lib/analytics/velocity.ts classifyTrendConfidence) for a person. */
export function labelTrendConfidence(level: string): string {
  return level === "none" ? "None: could be chance" : labelConfidence(level);
}

/** Smallest span a sparkline's y axis shows, so weekly noise of a point or two does not look like a swing. */
const MIN_SPARK_SPAN: Record<VelocityMetricId, number> = { tir: 20, mean: 30, cv: 10 };

/**
 * The sparkline's y domain: the values' own range, widened around its middle to at least the
 * metric's minimum span (in the unit shown); undefined without values.
 */
export function sparklineDomain(id: VelocityMetricId, values: readonly (number | null)[], unit: GlucoseUnit): [number, number] | undefined {
  const present = values.filter(finite);
  if (present.length === 0) return undefined;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = id === "mean" && unit === "mmol/L" ? MIN_SPARK_SPAN.mean / MGDL_PER_MMOLL : MIN_SPARK_SPAN[id];
  if (max - min >= span) return [min, max];
  const mid = (min + max) / 2;
  return [mid - span / 2, mid + span / 2];
}

export const METRIC_NAMES: Record<VelocityMetricId, string> = { tir: "Time in range", mean: "Mean glucose", cv: "Variability (CV)" };

/** A metric's value: "72 %", "142 mg/dL" / "7.9 mmol/L", "31.2 %". */
export function formatMetricValue(id: VelocityMetricId, value: number | null | undefined, unit: GlucoseUnit): string {
  if (!finite(value)) return DASH;
  if (id === "tir") return `${Math.round(value)}${NBSP}%`;
  if (id === "cv") return `${value.toFixed(1)}${NBSP}%`;
  return unit === "mmol/L" ? `${(value / MGDL_PER_MMOLL).toFixed(1)}${NBSP}mmol/L` : `${Math.round(value)}${NBSP}mg/dL`;
}

/** The number of a slope in the person's unit, signed: "+2.1", "−3.0", "−0.17" (mmol/L needs 2 decimals). */
function formatSlopeNumber(id: VelocityMetricId, slopePerWeek: number, unit: GlucoseUnit): string {
  if (id === "mean" && unit === "mmol/L") return formatSigned(slopePerWeek / MGDL_PER_MMOLL, 2, true);
  return formatSigned(slopePerWeek, 1, true);
}

/** "points a week" (time in range and CV move in percentage points), "mg/dL a week", "mmol/L a week". */
export function slopeUnit(id: VelocityMetricId, unit: GlucoseUnit): string {
  return id === "mean" ? `${unit} a week` : "points a week";
}

/** A slope with its unit: "+2.1 points a week", "−3.0 mg/dL a week", "−0.17 mmol/L a week". */
export function formatSlope(id: VelocityMetricId, slopePerWeek: number | null | undefined, unit: GlucoseUnit): string {
  if (!finite(slopePerWeek)) return DASH;
  return `${formatSlopeNumber(id, slopePerWeek, unit)} ${slopeUnit(id, unit)}`;
}

/** "95 % CI +0.8 to +3.4 points a week" (without "95 % CI " when `label` is false). */
export function formatSlopeInterval(id: VelocityMetricId, ci: { low: number; high: number }, unit: GlucoseUnit, options: { label?: boolean } = {}): string {
  if (!finite(ci.low) || !finite(ci.high)) return DASH;
  const range = `${formatSlopeNumber(id, ci.low, unit)} to ${formatSlopeNumber(id, ci.high, unit)} ${slopeUnit(id, unit)}`;
  return options.label === false ? range : `95${NBSP}% CI ${range}`;
}

/** Sparkline values in the person's unit (mean glucose in mmol/L when they read mmol/L). */
export function toDisplayValues(metric: VelocityMetric, unit: GlucoseUnit): (number | null)[] {
  if (metric.id !== "mean" || unit === "mg/dL") return metric.values;
  return metric.values.map((v) => (v === null ? null : v / MGDL_PER_MMOLL));
}

export type TrendTone = "better" | "worse" | "neutral";

/** Color hint: only a trend with some confidence, on a metric with a better direction, is better or worse. */
export function trendTone(metric: Pick<VelocityMetric, "trend" | "betterDirection">): TrendTone {
  const t = metric.trend;
  if (t.kind !== "fitted" || t.confidence === "none" || t.direction === "flat" || metric.betterDirection === null) return "neutral";
  return t.direction === metric.betterDirection ? "better" : "worse";
}

/** The headline of a trend: "Rising", "Falling", "No clear trend", "Not enough weeks yet". */
export function describeTrendHeadline(trend: LinearTrend): string {
  if (trend.kind === "insufficient") return "Not enough weeks yet";
  if (trend.confidence === "none" || trend.direction === "flat") return "No clear trend";
  return trend.direction === "up" ? "Rising" : "Falling";
}

/**
 * The whole trend in one sentence: "Rising +2.1 points a week (95 % CI +0.8 to +3.4; p = 0.004,
 * high confidence, 8 weeks)." or why there is none.
 */
export function describeTrend(id: VelocityMetricId, trend: LinearTrend, unit: GlucoseUnit): string {
  if (trend.kind === "insufficient") {
    return `A trend needs ${trend.minWeeks} weeks with readings on at least 3 days; ${trend.n === 0 ? "there are none yet" : `there ${trend.n === 1 ? "is 1" : `are ${trend.n}`} so far`}.`;
  }
  const ci = formatSlopeInterval(id, trend.ci95, unit);
  const evidence = `${formatPValue(trend.pValue)}, ${trend.n} weeks`;
  if (trend.confidence === "none" || trend.direction === "flat") {
    return `No clear trend: ${formatSlope(id, trend.slopePerWeek, unit)} (${ci}; ${evidence}).`;
  }
  return `${describeTrendHeadline(trend)} ${formatSlope(id, trend.slopePerWeek, unit)} (${ci}; ${evidence}, ${labelTrendConfidence(trend.confidence).toLowerCase()}).`;
}

/* ---------- dates and freshness ---------- */

/** Analysis older than this many days is shown with a "made on …" banner. */
export const STALE_AFTER_DAYS = 8;

export function isStale(madeAt: Date, now: Date, maxDays = STALE_AFTER_DAYS): boolean {
  return now.getTime() - madeAt.getTime() > maxDays * 86_400_000;
}

/** "today", "yesterday", "12 days ago" — whole local calendar days between the two instants. */
export function describeAge(madeAt: Date, now: Date, timezone: string): string {
  const made = DateTime.fromJSDate(madeAt, { zone: timezone }).startOf("day");
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf("day");
  const days = Math.round(today.diff(made, "days").days);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  return `${days} days ago`;
}

/** "Tue 3 Mar 2026" in the person's zone. */
export function formatDay(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat("ccc d LLL yyyy");
}

/** "3–9 Mar" or "28 Feb – 6 Mar" for a week's local dates. */
export function formatDateSpan(start: string, end: string): string {
  const a = DateTime.fromISO(start);
  const b = DateTime.fromISO(end);
  if (!a.isValid || !b.isValid) return DASH;
  return a.month === b.month ? `${a.day}–${b.toFormat("d LLL")}` : `${a.toFormat("d LLL")} – ${b.toFormat("d LLL")}`;
}

/** "Mon 9 Mar" for a local date string. */
export function formatLocalDate(date: string): string {
  const d = DateTime.fromISO(date);
  return d.isValid ? d.toFormat("ccc d LLL") : DASH;
}
