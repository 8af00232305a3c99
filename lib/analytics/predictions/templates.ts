import { MIN_READINGS_FOR_DAILY_OUTCOME, type DailyRow } from "../discovery/daily-features";

/**
 * The event/condition templates behind calibrated predictions (DESIGN decision 5). Each event is a
 * yes/no fact about one day's glucose; each condition is a yes/no fact about something the person
 * did on the day before the outcome (lag 1) or the night before it (sleep counts toward the day it
 * ends on, so a short night is lag 0). `null` means "not known that day": an unknown day is left
 * out of the counts, never counted as a no.
 */
export type DayTest = (row: DailyRow) => boolean | null;

export type PredictionEvent = {
  id: string;
  /** Reads after "a day with …" / "P(…)": "time in range below 70 %". */
  label: string;
  test: DayTest;
};

export type PredictionCondition = {
  id: string;
  /** Reads after the event: "on a day after a night under 6 h of sleep". */
  label: string;
  /** Whether the person can act on the condition (a habit), for health_predictions.preventable. */
  preventable: boolean;
  /**
   * Binds the condition to one person's history. Most conditions are fixed thresholds; "a
   * high-carbohydrate day" is relative to the person's own logged days. Returns null when the
   * history cannot define it (for example no carbohydrates logged).
   */
  bind: (history: readonly DailyRow[]) => BoundCondition | null;
};

export type BoundCondition = {
  test: DayTest;
  /** "on a day after a night under 6 h of sleep". */
  label: string;
  /** The conditioning days as a plural noun: "nights under 6 h of sleep". */
  plural: string;
};

export type PredictionTemplate = {
  id: string;
  event: PredictionEvent;
  /** null: the unconditional event (its rate on any day). */
  condition: PredictionCondition | null;
  /** Days from the condition day to the outcome day. */
  lagDays: 0 | 1;
  /** For health_predictions.timeframe. */
  timeframe: string;
};

/** Glucose outcomes count only on days with ≥ 70 % CGM wear (the consensus minimum), as in discovery. */
const hasCompleteGlucose = (r: DailyRow) => r.readings >= MIN_READINGS_FOR_DAILY_OUTCOME;

/** A day with any record at all: on such a day, no recorded activity means no activity. */
export function hasAnyData(r: DailyRow): boolean {
  return (
    r.readings > 0 ||
    r.sleepMinutes !== null ||
    r.exerciseMinutes !== null ||
    r.eveningExerciseMinutes !== null ||
    r.steps !== null ||
    r.carbsG !== null ||
    r.lateDinner !== null
  );
}

/**
 * A day an activity tracker was worn (exercise or steps recorded): on such a day, no recorded
 * evening activity means none. A day with only sleep or meals says nothing about activity.
 */
export function hasActivityData(r: DailyRow): boolean {
  return r.exerciseMinutes !== null || r.eveningExerciseMinutes !== null || r.steps !== null;
}

export const EVENTS = {
  /** Consensus target: > 70 % of readings in 70–180 mg/dL (Battelino et al., Diabetes Care 2019). */
  lowTimeInRange: {
    id: "low_tir",
    label: "time in range below 70 %",
    test: (r) => (hasCompleteGlucose(r) && r.tirPercent !== null ? r.tirPercent < 70 : null),
  },
  /** Consensus target: < 25 % of readings above 180 mg/dL. */
  highTimeAbove: {
    id: "tar_over_25",
    label: "more than 25 % of readings above 180 mg/dL",
    test: (r) => (hasCompleteGlucose(r) && r.tarPercent !== null ? r.tarPercent > 25 : null),
  },
  /** Overnight (00:00–06:00) average above 140 mg/dL, the upper bound of the tight range 70–140. */
  highOvernight: {
    id: "overnight_over_140",
    label: "an overnight average above 140 mg/dL",
    test: (r) => (hasCompleteGlucose(r) && r.overnightMeanMgdl !== null ? r.overnightMeanMgdl > 140 : null),
  },
} satisfies Record<string, PredictionEvent>;

/** Fewer logged days than this and "a high-carbohydrate day" (the person's top quarter) is undefined. */
export const MIN_LOGGED_CARB_DAYS = 8;

const fixed = (label: string, plural: string, test: DayTest) => (): BoundCondition => ({ label, plural, test });

export const CONDITIONS = {
  shortSleep: {
    id: "short_sleep",
    label: "on a day after a night under 6 h of sleep",
    preventable: true,
    bind: fixed("on a day after a night under 6 h of sleep", "nights under 6 h of sleep", (r) => (r.sleepMinutes === null ? null : r.sleepMinutes < 360)),
  },
  lateDinner: {
    id: "late_dinner",
    label: "on the night after a dinner after 21:00",
    preventable: true,
    bind: fixed("on the night after a dinner after 21:00", "dinners after 21:00", (r) => r.lateDinner),
  },
  noEveningActivity: {
    id: "no_evening_activity",
    label: "on the night after an evening without 15 min of activity",
    preventable: true,
    bind: fixed("on the night after an evening without 15 min of activity", "evenings without 15 min of activity", (r) =>
      hasActivityData(r) ? (r.eveningExerciseMinutes ?? 0) < 15 : null,
    ),
  },
  lowSteps: {
    id: "low_steps",
    label: "on a day with fewer than 5,000 steps",
    preventable: true,
    bind: fixed("on a day with fewer than 5,000 steps", "days under 5,000 steps", (r) => (r.steps === null ? null : r.steps < 5000)),
  },
  highCarbs: {
    id: "high_carbs",
    label: "on a high-carbohydrate day",
    preventable: true,
    bind: (history) => {
      const logged = history.map((r) => r.carbsG).filter((c): c is number => c !== null).sort((a, b) => a - b);
      // The person's own top quarter: a fixed gram threshold means nothing across diets.
      if (logged.length < MIN_LOGGED_CARB_DAYS) return null;
      const threshold = Math.round(quantileType7(logged, 0.75));
      return { label: `on a day with more than ${threshold} g of carbohydrate`, plural: `days over ${threshold} g of carbohydrate`, test: (r) => (r.carbsG === null ? null : r.carbsG > threshold) };
    },
  },
} satisfies Record<string, PredictionCondition>;

export const PREDICTION_TEMPLATES: readonly PredictionTemplate[] = [
  { id: "low_tir__short_sleep", event: EVENTS.lowTimeInRange, condition: CONDITIONS.shortSleep, lagDays: 0, timeframe: "Next week, after short nights" },
  { id: "tar_over_25__short_sleep", event: EVENTS.highTimeAbove, condition: CONDITIONS.shortSleep, lagDays: 0, timeframe: "Next week, after short nights" },
  { id: "overnight_over_140__late_dinner", event: EVENTS.highOvernight, condition: CONDITIONS.lateDinner, lagDays: 1, timeframe: "Next week, after late dinners" },
  { id: "overnight_over_140__no_evening_activity", event: EVENTS.highOvernight, condition: CONDITIONS.noEveningActivity, lagDays: 1, timeframe: "Next week, after inactive evenings" },
  { id: "low_tir__low_steps", event: EVENTS.lowTimeInRange, condition: CONDITIONS.lowSteps, lagDays: 0, timeframe: "Next week, on low-step days" },
  { id: "tar_over_25__high_carbs", event: EVENTS.highTimeAbove, condition: CONDITIONS.highCarbs, lagDays: 0, timeframe: "Next week, on high-carbohydrate days" },
  { id: "low_tir__any_day", event: EVENTS.lowTimeInRange, condition: null, lagDays: 0, timeframe: "Any day next week" },
  { id: "tar_over_25__any_day", event: EVENTS.highTimeAbove, condition: null, lagDays: 0, timeframe: "Any day next week" },
  { id: "overnight_over_140__any_day", event: EVENTS.highOvernight, condition: null, lagDays: 0, timeframe: "Any night next week" },
];

/** R quantile type 7 on a sorted array (the definition iglu and the glucose module use). */
function quantileType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
