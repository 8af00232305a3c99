import { DateTime } from "luxon";
import { AppError } from "@/lib/errors";
import { computeAgp, type Agp } from "@/lib/analytics/glucose/agp";
import { computeGlucoseMetrics, type GlucoseMetrics } from "@/lib/analytics/glucose/compute-glucose-metrics";
import { computeDailyProfiles, type DailyProfile } from "@/lib/analytics/glucose/daily-profiles";
import { assertTimezone, localDayOf } from "@/lib/analytics/glucose/local-days";
import type { GlucoseSeries } from "@/lib/analytics/glucose/types";
import {
  parseReportData,
  type GriZone,
  type ReportAgp,
  type ReportDailyProfile,
  type ReportData,
  type ReportInsight,
  type ReportMetrics,
  type ReportOptions,
  type ReportPrediction,
  type ReportStory,
  type ReportUnit,
} from "./report-data";

/**
 * Fewest calendar days with readings for which the report draws an AGP. With the analytics' ±15-min
 * smoothing a time-of-day window pools 7 bins per day; below 5 days that is < 35 readings, so the
 * 5th and 95th percentiles rest on one or two readings and the outer band is noise. The consensus
 * asks for 14 days (Battelino et al. 2019); between 5 and 13 the report draws the AGP with a caution.
 */
export const MIN_AGP_DAYS = 5;
/** Days the consensus recommends for an AGP (Battelino et al. 2019, Danne et al. 2017). */
export const RECOMMENDED_AGP_DAYS = 14;
/** Daily profiles shown: the last two weeks, as the IDC AGP report's daily views. */
export const DAILY_PROFILE_DAYS = 14;
const BINS = 288;
const BIN_MINUTES = 5;

/** The columns of a weekly_health_stories row the report uses (db rows satisfy it as they are). */
export type StoryRowInput = { weekOf: string; title: string; narrative: string; personalNote?: string | null };
/** The columns of a health_insights row the report uses. */
export type InsightRowInput = {
  insightType: "positive" | "warning" | "neutral";
  title: string;
  description: string;
  confidence: number;
};
/** The columns of a health_predictions row the report uses. */
export type PredictionRowInput = {
  eventDescription: string;
  probability: number;
  sampleSize?: number | null;
  timeframe: string;
  preventable?: boolean;
  reasoning?: string | null;
};

export type ReportAnalytics = {
  /** null when the period holds fewer than 2 readings. */
  metrics: GlucoseMetrics | null;
  /** null when the period holds no reading. */
  agp: Agp | null;
  /** One per calendar day from the first to the last reading of the period; [] without readings. */
  dailyProfiles: DailyProfile[];
};

export type ReportPeriod = { from: string; to: string };

export type BuildReportDataInput = ReportAnalytics & {
  patient: { name: string; dateOfBirth?: string | null };
  /** Local calendar dates, both inclusive. */
  period: ReportPeriod;
  timezone: string;
  unit: ReportUnit;
  generatedAt: Date | string;
  stories?: readonly StoryRowInput[];
  insights?: readonly InsightRowInput[];
  predictions?: readonly PredictionRowInput[];
  /** Sentences, e.g. from discovered patterns; blank ones are dropped. */
  notablePatterns?: readonly string[];
  options?: Partial<ReportOptions>;
};

export const DEFAULT_REPORT_OPTIONS: ReportOptions = { includeAnalysis: true, includeNotes: false, pageSize: "A4" };

/** [start, end) epoch ms of the local dates `from`…`to` in `timezone`. */
export function resolvePeriodBounds(period: ReportPeriod, timezone: string): { startMs: number; endMs: number } {
  assertTimezone(timezone);
  const from = DateTime.fromISO(period.from, { zone: timezone });
  const to = DateTime.fromISO(period.to, { zone: timezone });
  if (!from.isValid || !to.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(period.from) || !/^\d{4}-\d{2}-\d{2}$/.test(period.to)) {
    throw new AppError("bad_request:report", "The report period needs two dates written YYYY-MM-DD.");
  }
  if (to < from) {
    throw new AppError("bad_request:report", "The report period ends before it starts.");
  }
  return { startMs: from.startOf("day").toMillis(), endMs: to.plus({ days: 1 }).startOf("day").toMillis() };
}

/**
 * Runs the analytics the report needs on the readings of the period only (the series may be longer).
 * Degenerate periods do not throw: no metrics below 2 readings, no AGP and no profiles without any.
 */
export function computeReportAnalytics(series: GlucoseSeries, options: { timezone: string; period: ReportPeriod }): ReportAnalytics {
  const { startMs, endMs } = resolvePeriodBounds(options.period, options.timezone);
  const { times, values } = series;
  let from = 0;
  while (from < times.length && times[from] < startMs) from++;
  let to = from;
  while (to < times.length && times[to] < endMs) to++;
  const inPeriod: GlucoseSeries = { times: times.subarray(from, to), values: values.subarray(from, to) };
  const n = to - from;
  return {
    metrics: n >= 2 ? computeGlucoseMetrics(inPeriod, { timezone: options.timezone }) : null,
    agp: n >= 1 ? computeAgp(inPeriod, { timezone: options.timezone, startMs, endMs }) : null,
    dailyProfiles: n >= 1 ? computeDailyProfiles(inPeriod, { timezone: options.timezone }) : [],
  };
}

/**
 * Turns analytics outputs and intelligence rows into the serializable ReportData (pure).
 * - The AGP is dropped (null) below MIN_AGP_DAYS days with readings.
 * - Daily profiles: the DAILY_PROFILE_DAYS calendar days ending with period.to (not before period.from),
 *   oldest first; a day without readings is kept with all values null, so a sensor gap shows.
 * - Personal notes are removed unless options.includeNotes; insights and predictions are removed
 *   unless options.includeAnalysis: what the patient did not choose to share is not in the data at all.
 * - Stories are ordered newest week first.
 * Throws AppError "bad_request:report" when the result is not valid ReportData.
 */
export function buildReportData(input: BuildReportDataInput): ReportData {
  const options: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, ...stripUndefined(input.options ?? {}) };
  resolvePeriodBounds(input.period, input.timezone);
  const generatedAt = input.generatedAt instanceof Date ? input.generatedAt.toISOString() : input.generatedAt;

  const data: ReportData = {
    patient: { name: input.patient.name.trim(), dateOfBirth: input.patient.dateOfBirth ?? null },
    period: { from: input.period.from, to: input.period.to },
    generatedAt,
    timezone: input.timezone,
    unit: input.unit,
    metrics: input.metrics ? toReportMetrics(input.metrics, countDaysWithData(input.dailyProfiles)) : null,
    agp: input.agp && input.agp.daysWithData >= MIN_AGP_DAYS ? toReportAgp(input.agp) : null,
    dailyProfiles: toReportDailyProfiles(input.dailyProfiles, input.period),
    stories: [...(input.stories ?? [])]
      .map((s): ReportStory => ({
        weekOf: s.weekOf,
        title: s.title.trim(),
        narrative: s.narrative.trim(),
        personalNote: options.includeNotes && s.personalNote && s.personalNote.trim() !== "" ? s.personalNote.trim() : null,
      }))
      .sort((a, b) => (a.weekOf < b.weekOf ? 1 : a.weekOf > b.weekOf ? -1 : 0)),
    insights: options.includeAnalysis
      ? (input.insights ?? []).map((i): ReportInsight => ({
          type: i.insightType,
          title: i.title.trim(),
          description: i.description.trim(),
          confidence: clamp(i.confidence, 0, 100),
        }))
      : [],
    predictions: options.includeAnalysis
      ? (input.predictions ?? []).map((p): ReportPrediction => ({
          event: p.eventDescription.trim(),
          probability: Math.round(clamp(p.probability, 0, 100)),
          sampleSize: p.sampleSize ?? null,
          timeframe: p.timeframe.trim(),
          preventable: p.preventable ?? false,
          reasoning: p.reasoning?.trim() || null,
        }))
      : [],
    notablePatterns: (input.notablePatterns ?? []).map((s) => s.trim()).filter((s) => s !== ""),
    options,
  };
  return parseReportData(data);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Klonoff et al. 2023: zone A is GRI 0–20, B 20–40, C 40–60, D 60–80, E 80–100. */
export function griZoneOf(gri: number): GriZone {
  if (gri <= 20) return "A";
  if (gri <= 40) return "B";
  if (gri <= 60) return "C";
  if (gri <= 80) return "D";
  return "E";
}

/**
 * The five consensus bands from iglu's cumulative percentages. below70 includes below54 and
 * above180 includes above250, so the differences are the "low" and "high" bands; a float difference
 * of -1e-15 is clamped to 0.
 */
export function toReportMetrics(m: GlucoseMetrics, daysWithData: number): ReportMetrics {
  const t = m.timeInRanges;
  return {
    readings: m.readings,
    daysCovered: m.daysCovered,
    daysWithData: Math.max(1, daysWithData),
    activePercent: clamp(m.activePercent, 0, 100),
    mean: m.mean,
    median: m.median,
    sd: m.sd,
    cv: m.cv,
    gmi: m.gmi,
    ranges: {
      veryLow: t.below54,
      low: clamp(t.below70 - t.below54, 0, 100),
      inRange: t.inRange70to180,
      high: clamp(t.above180 - t.above250, 0, 100),
      veryHigh: t.above250,
    },
    targets: m.consensus.map((c) => ({ id: c.id, value: c.value, comparator: c.comparator, threshold: c.threshold, met: c.met })),
    mage: m.mage,
    lbgi: m.lbgi,
    hbgi: m.hbgi,
    gri: m.gri,
    griZone: griZoneOf(m.gri),
  };
}

function countDaysWithData(profiles: readonly DailyProfile[]): number {
  return profiles.reduce((n, p) => n + (p.values.length > 0 ? 1 : 0), 0);
}

export function toReportAgp(agp: Agp): ReportAgp {
  return {
    from: localDayOf(agp.windowStartMs, agp.timezone).date,
    to: localDayOf(agp.windowEndMs - 1, agp.timezone).date,
    daysWithData: agp.daysWithData,
    readings: agp.readings,
    p5: roundCurve(agp.smoothed.p5),
    p25: roundCurve(agp.smoothed.p25),
    p50: roundCurve(agp.smoothed.p50),
    p75: roundCurve(agp.smoothed.p75),
    p95: roundCurve(agp.smoothed.p95),
  };
}

/**
 * Chart curves keep 0.1 mg/dL: 50× finer than a point of the chart and than the display (integer
 * mg/dL, 0.1 mmol/L), and it cuts the JSON of a report from ~100 kB to ~35 kB. Rounding a curve
 * that is ordered (p5 ≤ … ≤ p95) keeps it ordered.
 */
function roundCurve(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : Math.round(v * 10) / 10));
}

/** Mean of each 5-minute wall-clock bin; the repeated hour of a 25-hour day lands in the same bins. */
export function binDailyProfile(profile: Pick<DailyProfile, "values" | "wallMinutes">): (number | null)[] {
  const sum = new Float64Array(BINS);
  const count = new Int32Array(BINS);
  for (let i = 0; i < profile.values.length; i++) {
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor(profile.wallMinutes[i] / BIN_MINUTES)));
    sum[bin] += profile.values[i];
    count[bin]++;
  }
  return Array.from(sum, (s, b) => (count[b] > 0 ? s / count[b] : null));
}

function toReportDailyProfiles(profiles: readonly DailyProfile[], period: ReportPeriod): ReportDailyProfile[] {
  const byDate = new Map(profiles.map((p) => [p.date, p]));
  const last = DateTime.fromISO(period.to, { zone: "UTC" });
  const out: ReportDailyProfile[] = [];
  for (let k = DAILY_PROFILE_DAYS - 1; k >= 0; k--) {
    const date = last.minus({ days: k }).toISODate() as string;
    if (date < period.from) continue;
    const p = byDate.get(date);
    if (p && p.values.length > 0) {
      out.push({ date, values: roundCurve(binDailyProfile(p)), readings: p.values.length, mean: p.mean, inRangePercent: p.inRange70to180 });
    } else {
      out.push({ date, values: new Array<null>(BINS).fill(null), readings: 0, mean: null, inRangePercent: null });
    }
  }
  return out;
}
