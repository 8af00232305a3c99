import { DateTime } from "luxon";
import { AppError } from "@/lib/errors";
import { MIN_READINGS_FOR_DAILY_OUTCOME } from "@/lib/analytics/discovery/daily-features";
import { recommendFromCorrelations, type Recommendation, type StoredCorrelation } from "@/lib/analytics/discovery/recommendations";
import { computeGlucoseMetrics, detectSamplingIntervalMin } from "@/lib/analytics/glucose";
import {
  addDays,
  daysBetween,
  estimateCalibratedPredictions,
  hasAnyData,
  isIsoDate,
  isoWeekday,
  selectWeeklyPredictions,
  type WeeklyPredictionSelection,
} from "@/lib/analytics/predictions";
import { FactBook, type EvidenceItem, type Fact } from "./fact-book";
import { formatDay } from "./format-date";
import { findShadowPatterns, type ShadowPattern } from "./shadow-patterns";
import { registerCorrelations, registerJournal, registerPrediction, registerShadow } from "./analysis-facts";
import { summarizeJournalWeek, type JournalWeek } from "@/lib/journal/week-summary";
import type { MoodEntry } from "@/lib/journal/mood-trend";

export { describeCorrelation } from "./analysis-facts";
import { computeWindowStats, daysInRange, type WeeklyInputDay, type WindowStats } from "./window-stats";

export type WeeklyFactsInput = {
  /** Monday (YYYY-MM-DD, the person's local calendar) of the week the brief is about. */
  weekOf: string;
  timezone: string;
  /** Daily rows up to ~26 weeks before and including the week; rows after the week are ignored. */
  days: readonly WeeklyInputDay[];
  correlations: readonly StoredCorrelation[];
  /** This week's CGM readings (epoch ms, mg/dL): when given, the week's glucose figures use iglu's definitions on them. */
  glucoseThisWeek?: { times: ArrayLike<number>; values: ArrayLike<number> };
  /** Journal entries of this week and the week before (sentiment and tags, never text). */
  journal?: readonly MoodEntry[];
};

export type DataFlag =
  | "no_data_this_week"
  | "single_day"
  | "only_sleep"
  | "no_glucose"
  | "sparse_glucose"
  | "no_history"
  | "short_history"
  | "stale_data";

/** none: nothing this week; minimal: 1 day, no glucose, or sleep only; partial: thin glucose or history; rich: the rest. */
export type DataLevel = "none" | "minimal" | "partial" | "rich";

export type DayHighlight = {
  date: string;
  tirPercent: number;
  meanGlucose: number | null;
  sleepHours: number | null;
  exerciseMinutes: number | null;
  /** Metric keys of the day's facts ("best_day.tir_percent"…). */
  metricKeys: string[];
};

export type SignificantCorrelation = StoredCorrelation & { metric: string; spearmanRho: number; qValue: number; description: string };

export type WeeklyFacts = {
  weekOf: string;
  weekEnd: string;
  timezone: string;
  thisWeek: WindowStats;
  previousWeek: WindowStats;
  /** The 4 weeks before this one. */
  baseline: WindowStats;
  /** Where this week's glucose figures come from: the CGM series (iglu definitions) or the daily rows. */
  glucoseSource: "cgm" | "daily" | "none";
  /** Time below 54 mg/dL, only from the CGM series. */
  below54Percent: number | null;
  bestDay: DayHighlight | null;
  worstDay: DayHighlight | null;
  freshness: { lastDataDate: string | null; lastGlucoseDate: string | null; daysSinceLastData: number | null; stale: boolean };
  history: { firstDate: string | null; daysWithData: number; completeGlucoseDays: number };
  correlations: SignificantCorrelation[];
  recommendations: Recommendation[];
  predictions: WeeklyPredictionSelection;
  shadowPatterns: (ShadowPattern & { evidence: EvidenceItem[] })[];
  /** The week's journal (entries, tone against the week before, top tags); null when nothing was written. */
  journal: JournalWeek | null;
  dataQuality: { level: DataLevel; flags: DataFlag[]; notes: string[] };
  /** Every number above that a narrator may cite, under a stable metric key. */
  facts: Record<string, Fact>;
};

/** Fewer days with data than this before the week and the history is "short" (2 weeks). */
const SHORT_HISTORY_DAYS = 14;
/** More days than this between the last data and the week's end and the data is stale. */
const STALE_AFTER_DAYS = 2;

/**
 * The facts of one person's week, from their daily rows, stored correlations and (optionally) this
 * week's CGM readings. Pure: the caller reads the database. Degenerate input never throws and never
 * yields NaN: an empty week gives null figures, level "none" and the flags that say why.
 * Throws AppError "bad_request:intelligence" for a weekOf that is not a Monday date or an unknown timezone.
 */
export function buildWeeklyFacts(input: WeeklyFactsInput): WeeklyFacts {
  const { weekOf, timezone } = input;
  if (!isIsoDate(weekOf) || isoWeekday(weekOf) !== 1) {
    throw new AppError("bad_request:intelligence", `The week must start on a Monday written YYYY-MM-DD (got "${weekOf}").`);
  }
  if (!DateTime.local().setZone(timezone).isValid) {
    throw new AppError("bad_request:intelligence", `"${timezone}" is not a timezone we know.`);
  }
  const weekEnd = addDays(weekOf, 6);
  const days = [...input.days].filter((d) => d.date <= weekEnd).sort((a, b) => a.date.localeCompare(b.date));
  const book = new FactBook();

  const thisWeek = computeWindowStats(days, weekOf, weekEnd);
  const previousWeek = computeWindowStats(days, addDays(weekOf, -7), addDays(weekOf, -1));
  const baseline = computeWindowStats(days, addDays(weekOf, -28), addDays(weekOf, -1));

  const cgm = input.glucoseThisWeek ? measureCgmWeek(input.glucoseThisWeek, weekOf, weekEnd, timezone) : null;
  if (cgm) Object.assign(thisWeek, cgm.overrides);
  const glucoseSource = cgm ? "cgm" : thisWeek.meanGlucose !== null ? "daily" : "none";

  registerWindow(book, "week", "this week", thisWeek, true);
  registerWindow(book, "prev_week", "the week before", previousWeek, false);
  registerWindow(book, "baseline_4w", "the 4 weeks before", baseline, false);
  if (cgm?.below54 !== undefined && cgm.below54 !== null) {
    book.addNumber("week.below_54_percent", "time below 54 mg/dL this week", cgm.below54, { unit: "%", decimals: 1, n: thisWeek.readings, confidence: glucoseConfidence(thisWeek) });
  }
  registerDeltas(book, "delta_prev", "the week before", "prev_week");
  registerDeltas(book, "delta_baseline", "the 4-week average", "baseline_4w");

  const { bestDay, worstDay } = findBestAndWorstDays(book, days, weekOf, weekEnd);
  const freshness = registerFreshness(book, days, weekEnd);
  const history = registerHistory(book, days, weekOf);
  const correlations = registerCorrelations(book, input.correlations);

  const selection = selectWeeklyPredictions(estimateCalibratedPredictions(days, { asOf: weekEnd }));
  for (const p of selection.chosen) registerPrediction(book, p);

  const shadowPatterns = findShadowPatterns({ weekOf, days, correlations: input.correlations }).map((s) => ({ ...s, evidence: registerShadow(book, s) }));
  const journal = summarizeJournalWeek(input.journal ?? [], timezone, weekOf);
  registerJournal(book, journal);
  const dataQuality = assessDataQuality(thisWeek, freshness, weekOf, days);

  return {
    weekOf,
    weekEnd,
    timezone,
    thisWeek,
    previousWeek,
    baseline,
    glucoseSource,
    below54Percent: cgm?.below54 ?? null,
    bestDay,
    worstDay,
    freshness,
    history,
    correlations,
    recommendations: recommendFromCorrelations(input.correlations, 5),
    predictions: selection,
    shadowPatterns,
    journal,
    dataQuality,
    facts: book.toRecord(),
  };
}

/**
 * This week's glucose figures from the CGM readings with the glucose module's (iglu) definitions.
 * Readings outside the week (in the person's timezone) are dropped; fewer than 2 left → null, and
 * the daily rows are used instead.
 */
function measureCgmWeek(series: { times: ArrayLike<number>; values: ArrayLike<number> }, weekOf: string, weekEnd: string, timezone: string) {
  const start = DateTime.fromISO(weekOf, { zone: timezone }).toMillis();
  const end = DateTime.fromISO(addDays(weekEnd, 1), { zone: timezone }).toMillis();
  const times: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < series.times.length; i++) {
    const t = series.times[i];
    const v = series.values[i];
    if (t >= start && t < end && Number.isFinite(v)) {
      times.push(t);
      values.push(v);
    }
  }
  if (times.length < 2) return null;
  const order = times.map((_, i) => i).sort((a, b) => times[a] - times[b]);
  const sorted = { times: Float64Array.from(order, (i) => times[i]), values: Float64Array.from(order, (i) => values[i]) };
  const m = computeGlucoseMetrics(sorted, { timezone });
  return {
    overrides: {
      readings: m.readings,
      meanGlucose: m.mean,
      sdGlucose: m.sd,
      cvPercent: m.cv,
      tirPercent: m.timeInRanges.inRange70to180,
      tarPercent: m.timeInRanges.above180,
      tbrPercent: m.timeInRanges.below70,
      gmiPercent: m.gmi,
      cgmCoverage: weekCoverage(m.activePercent, m.startMs, m.endMs, detectSamplingIntervalMin(sorted)),
    } satisfies Partial<WindowStats>,
    below54: m.timeInRanges.below54,
  };
}

/**
 * Share of the week's minutes the sensor covered: iglu's active percent is relative to the span from
 * the first to the last reading, so it is scaled by that span (plus one sampling interval) over the
 * 7 days. The series' own interval counts: a Libre that reads every 15 min is not 1/3 worn.
 */
function weekCoverage(activePercent: number, startMs: number, endMs: number, intervalMin: number): number {
  const coveredMin = (activePercent / 100) * ((endMs - startMs) / 60_000 + intervalMin);
  return Math.min(1, coveredMin / (7 * 1440));
}

/**
 * Confidence of glucose figures: 95 × (CGM coverage / 0.7), capped at 95 — full confidence needs the
 * consensus 70 % wear; no figure from one week of data is ever presented as certain.
 */
function glucoseConfidence(w: WindowStats): number {
  return Math.round(95 * Math.min(1, w.cgmCoverage / 0.7));
}

/** Confidence of sleep and activity figures: 95 × (days recorded / (0.7 × calendar days)), capped at 95. */
function recordConfidence(recorded: number, w: WindowStats): number {
  return Math.round(95 * Math.min(1, recorded / (0.7 * w.calendarDays)));
}

const WINDOW_METRICS = ["mean_glucose", "tir_percent", "tar_percent", "tbr_percent", "cv_percent", "overnight_mean", "sleep_hours_avg", "exercise_minutes_avg", "steps_avg", "carbs_g_avg"] as const;

function registerWindow(book: FactBook, prefix: string, when: string, w: WindowStats, isThisWeek: boolean): void {
  const g = glucoseConfidence(w);
  const glucoseN = w.daysWithGlucose;
  book.addNumber(`${prefix}.days_with_data`, `days with any data, ${when}`, w.daysWithData, { unit: "days", n: w.calendarDays });
  book.addNumber(`${prefix}.days_with_glucose`, `days with glucose readings, ${when}`, w.daysWithGlucose, { unit: "days", n: w.calendarDays });
  book.addNumber(`${prefix}.mean_glucose`, `mean glucose, ${when}`, w.meanGlucose, { unit: "mg/dL", n: glucoseN, confidence: g });
  book.addNumber(`${prefix}.tir_percent`, `time in range 70–180 mg/dL, ${when}`, w.tirPercent, { unit: "%", n: glucoseN, confidence: g });
  book.addNumber(`${prefix}.tar_percent`, `time above 180 mg/dL, ${when}`, w.tarPercent, { unit: "%", n: glucoseN, confidence: g });
  book.addNumber(`${prefix}.tbr_percent`, `time below 70 mg/dL, ${when}`, w.tbrPercent, { unit: "%", decimals: 1, n: glucoseN, confidence: g });
  book.addNumber(`${prefix}.cv_percent`, `glucose variability (coefficient of variation), ${when}`, w.cvPercent, { unit: "%", decimals: 1, n: glucoseN, confidence: g });
  book.addNumber(`${prefix}.overnight_mean`, `average overnight glucose (00:00–06:00), ${when}`, w.overnightMean, { unit: "mg/dL", n: glucoseN, confidence: g });
  book.addNumber(`${prefix}.sleep_hours_avg`, `average sleep per night, ${when}`, w.sleepHoursAvg, { unit: "h", decimals: 1, n: w.nightsWithSleep, confidence: recordConfidence(w.nightsWithSleep, w) });
  book.addNumber(`${prefix}.exercise_minutes_avg`, `average exercise per tracked day, ${when}`, w.exerciseMinutesAvg, { unit: "min", n: w.daysWithActivityData, confidence: recordConfidence(w.daysWithActivityData, w) });
  book.addNumber(`${prefix}.steps_avg`, `average steps per day, ${when}`, w.stepsAvg, { unit: "steps", n: w.daysWithSteps, confidence: recordConfidence(w.daysWithSteps, w) });
  book.addNumber(`${prefix}.carbs_g_avg`, `average carbohydrate per logged day, ${when}`, w.carbsGAvg, { unit: "g", n: w.daysWithCarbs, confidence: recordConfidence(w.daysWithCarbs, w) });
  if (w.nightsWithSleep > 0) {
    book.addNumber(`${prefix}.nights_with_sleep`, `nights with sleep recorded, ${when}`, w.nightsWithSleep, { unit: "nights", n: w.calendarDays });
    book.addNumber(`${prefix}.nights_under_6h`, `nights under 6 h of sleep, ${when}`, w.nightsUnder6h, { unit: "nights", n: w.nightsWithSleep });
    book.addNumber(`${prefix}.nights_7h_or_more`, `nights of 7 h of sleep or more, ${when}`, w.nightsAtLeast7h, { unit: "nights", n: w.nightsWithSleep });
  }
  if (w.dinnersLogged > 0) {
    book.addNumber(`${prefix}.late_dinners`, `dinners after 21:00, ${when}`, w.lateDinners, { unit: "dinners", n: w.dinnersLogged });
  }
  if (isThisWeek) {
    book.addNumber(`${prefix}.complete_glucose_days`, `days with ≥ 70 % sensor wear, ${when}`, w.completeGlucoseDays, { unit: "days", n: w.calendarDays });
    book.addNumber(`${prefix}.gmi_percent`, `glucose management indicator (GMI), ${when}`, w.gmiPercent, {
      unit: "%", decimals: 1, n: glucoseN, confidence: Math.min(g, 60), detail: "GMI is meant for 14 days or more of data; one week gives a rough figure.",
    });
    if (w.daysWithActivityData > 0) {
      book.addNumber(`${prefix}.exercise_minutes_total`, `total exercise, ${when}`, w.exerciseMinutesTotal, { unit: "min", n: w.daysWithActivityData, confidence: recordConfidence(w.daysWithActivityData, w) });
      book.addNumber(`${prefix}.active_days`, `days with 30 min or more of exercise, ${when}`, w.activeDays, { unit: "days", n: w.daysWithActivityData });
      book.addNumber(`${prefix}.evening_activity_days`, `evenings with 15 min or more of activity after 17:00, ${when}`, w.eveningActivityDays, { unit: "evenings", n: w.daysWithActivityData });
    }
  }
}

/** this week − comparison, from the rounded figures people see (so "74 % vs 68 %" reads "+6 points"). */
function registerDeltas(book: FactBook, prefix: string, against: string, other: string): void {
  for (const metric of WINDOW_METRICS) {
    const a = book.get(`week.${metric}`);
    const b = book.get(`${other}.${metric}`);
    if (!a || !b || typeof a.value !== "number" || typeof b.value !== "number") continue;
    const unit = a.unit === "%" ? "points" : a.unit;
    book.addNumber(`${prefix}.${metric}`, `change in ${a.label.replace(/, this week$/, "")} against ${against}`, a.value - b.value, {
      unit, decimals: a.decimals, n: a.n, confidence: Math.min(a.confidence, b.confidence),
    });
  }
}

function findBestAndWorstDays(book: FactBook, days: readonly WeeklyInputDay[], weekOf: string, weekEnd: string) {
  const candidates = daysInRange(days, weekOf, weekEnd).filter((d) => d.readings >= MIN_READINGS_FOR_DAILY_OUTCOME && d.tirPercent !== null);
  if (candidates.length < 2) return { bestDay: null, worstDay: null };
  const byTir = [...candidates].sort((a, b) => b.tirPercent! - a.tirPercent! || (a.meanMgdl ?? 0) - (b.meanMgdl ?? 0) || a.date.localeCompare(b.date));
  const best = byTir[0];
  const worst = byTir[byTir.length - 1];
  // Equal days make no contrast worth a sentence.
  if (Math.round(best.tirPercent!) === Math.round(worst.tirPercent!)) return { bestDay: null, worstDay: null };
  const register = (prefix: string, word: string, d: WeeklyInputDay): DayHighlight => {
    const label = `${word} day of the week (${formatDay(d.date)})`;
    const keys = [`${prefix}.date`, `${prefix}.tir_percent`];
    book.addText(`${prefix}.date`, label, d.date);
    book.addNumber(`${prefix}.tir_percent`, `time in range on the ${label}`, d.tirPercent, { unit: "%", n: d.readings, confidence: 95 });
    if (book.addNumber(`${prefix}.mean_glucose`, `mean glucose on the ${label}`, d.meanMgdl, { unit: "mg/dL", n: d.readings, confidence: 95 }) !== null) keys.push(`${prefix}.mean_glucose`);
    const sleepHours = book.addNumber(`${prefix}.sleep_hours`, `sleep the night before the ${label}`, d.sleepMinutes === null ? null : d.sleepMinutes / 60, { unit: "h", decimals: 1, confidence: 95 });
    if (sleepHours !== null) keys.push(`${prefix}.sleep_hours`);
    const exercise = book.addNumber(`${prefix}.exercise_minutes`, `exercise on the ${label}`, d.exerciseMinutes ?? 0, { unit: "min", confidence: 95 });
    keys.push(`${prefix}.exercise_minutes`);
    return { date: d.date, tirPercent: Math.round(d.tirPercent!), meanGlucose: d.meanMgdl === null ? null : Math.round(d.meanMgdl), sleepHours, exerciseMinutes: exercise, metricKeys: keys };
  };
  return { bestDay: register("best_day", "best", best), worstDay: register("worst_day", "hardest", worst) };
}

function registerFreshness(book: FactBook, days: readonly WeeklyInputDay[], weekEnd: string): WeeklyFacts["freshness"] {
  const withData = days.filter(hasAnyData);
  const lastDataDate = withData.at(-1)?.date ?? null;
  const lastGlucoseDate = withData.filter((d) => d.readings > 0).at(-1)?.date ?? null;
  const daysSinceLastData = lastDataDate === null ? null : daysBetween(lastDataDate, weekEnd);
  book.addText("freshness.last_data_date", "the last day with any data", lastDataDate);
  book.addText("freshness.last_glucose_date", "the last day with glucose readings", lastGlucoseDate);
  book.addNumber("freshness.days_since_last_data", "days between the last data and the end of the week", daysSinceLastData, { unit: "days" });
  return { lastDataDate, lastGlucoseDate, daysSinceLastData, stale: daysSinceLastData === null || daysSinceLastData > STALE_AFTER_DAYS };
}

function registerHistory(book: FactBook, days: readonly WeeklyInputDay[], weekOf: string): WeeklyFacts["history"] {
  const withData = days.filter(hasAnyData);
  const before = withData.filter((d) => d.date < weekOf);
  const history = {
    firstDate: withData[0]?.date ?? null,
    daysWithData: withData.length,
    completeGlucoseDays: withData.filter((d) => d.readings >= MIN_READINGS_FOR_DAILY_OUTCOME).length,
  };
  book.addNumber("history.days_with_data", "days with any data in the history used (up to 26 weeks)", history.daysWithData, { unit: "days" });
  book.addNumber("history.complete_glucose_days", "days with ≥ 70 % sensor wear in the history used", history.completeGlucoseDays, { unit: "days" });
  book.addNumber("history.days_before_week", "days with data before this week", before.length, { unit: "days" });
  book.addText("history.first_date", "the first day with data", history.firstDate);
  return history;
}

/** Confidence of a correlation from its class (lib/analytics/correlation/confidence-level.ts). */
function assessDataQuality(
  w: WindowStats,
  freshness: WeeklyFacts["freshness"],
  weekOf: string,
  days: readonly WeeklyInputDay[],
): WeeklyFacts["dataQuality"] {
  const flags: DataFlag[] = [];
  const notes: string[] = [];
  const daysBefore = days.filter((d) => d.date < weekOf && hasAnyData(d)).length;
  const hasActivityOrMeals = w.daysWithActivityData > 0 || w.daysWithCarbs > 0 || w.dinnersLogged > 0;
  if (w.daysWithData === 0) {
    flags.push("no_data_this_week");
    notes.push("No data arrived for this week.");
  } else {
    if (w.daysWithData === 1) {
      flags.push("single_day");
      notes.push("Only one day of this week has data.");
    }
    if (w.daysWithGlucose === 0) {
      flags.push("no_glucose");
      notes.push("No glucose readings this week.");
      if (w.nightsWithSleep > 0 && !hasActivityOrMeals) {
        flags.push("only_sleep");
        notes.push("Only sleep was recorded this week.");
      }
    } else if (w.completeGlucoseDays < 4) {
      flags.push("sparse_glucose");
      notes.push(`Only ${w.completeGlucoseDays} ${w.completeGlucoseDays === 1 ? "day has" : "days have"} a full day of sensor data; weekly glucose figures are rough.`);
    }
  }
  if (daysBefore === 0) {
    flags.push("no_history");
    notes.push("There is no history before this week to compare with.");
  } else if (daysBefore < SHORT_HISTORY_DAYS) {
    flags.push("short_history");
    notes.push(`Only ${daysBefore} days of history before this week.`);
  }
  if (freshness.stale && freshness.lastDataDate !== null) {
    flags.push("stale_data");
    notes.push(`The most recent data is from ${formatDay(freshness.lastDataDate)}.`);
  }
  const level: DataLevel = flags.includes("no_data_this_week")
    ? "none"
    : flags.some((f) => f === "single_day" || f === "no_glucose" || f === "only_sleep")
      ? "minimal"
      : flags.some((f) => f === "sparse_glucose" || f === "no_history" || f === "short_history")
        ? "partial"
        : "rich";
  return { level, flags, notes };
}
