import type { LaggedCorrelationInput } from "../correlation";
import type { DailyFeatureRecord } from "../rules";

/** A daily aggregate as the discovery pipeline reads it (db/schema daily_aggregates, any source). */
export type DailyRow = {
  date: string;
  readings: number;
  meanMgdl: number | null;
  sdMgdl: number | null;
  tirPercent: number | null;
  tarPercent: number | null;
  overnightMeanMgdl: number | null;
  sleepMinutes: number | null;
  deepSleepMinutes: number | null;
  remSleepMinutes: number | null;
  exerciseMinutes: number | null;
  eveningExerciseMinutes: number | null;
  steps: number | null;
  carbsG: number | null;
  lateDinner: boolean | null;
  lastMealHour: number | null;
};

/**
 * A day's glucose outcomes count only with ≥ 70 % of its 288 five-minute readings, the consensus
 * minimum of CGM wear: a half-worn day's mean is a different quantity.
 */
export const MIN_READINGS_FOR_DAILY_OUTCOME = Math.ceil(0.7 * 288);

/** Human names of every factor and outcome, used in descriptions and the UI. */
export const FEATURE_LABELS: Record<string, string> = {
  sleep_hours: "hours of sleep",
  deep_sleep_minutes: "minutes of deep sleep",
  rem_sleep_minutes: "minutes of REM sleep",
  exercise_minutes: "minutes of exercise",
  evening_exercise_minutes: "minutes of evening exercise (after 17:00)",
  steps: "steps",
  carbs_g: "grams of carbohydrate",
  late_dinner: "a late dinner (after 21:00)",
  mean_glucose: "mean glucose",
  time_in_range: "time in range 70–180",
  time_above_180: "time above 180",
  glucose_cv: "glucose variability (CV)",
  overnight_mean: "overnight glucose (00:00–06:00)",
};

/**
 * Daily factors (what a person does) and outcomes (what their glucose does) for lagged correlations.
 * Activity on a day with data but no recorded activity counts as 0 minutes; sleep, steps and carbs
 * stay missing when nothing was recorded (absence of a tracker is not a night without sleep).
 */
export function toCorrelationInput(rows: readonly DailyRow[]): LaggedCorrelationInput {
  const dates = rows.map((r) => r.date);
  const hasGlucose = (r: DailyRow) => r.readings >= MIN_READINGS_FOR_DAILY_OUTCOME;
  const outcome = (pick: (r: DailyRow) => number | null) => rows.map((r) => (hasGlucose(r) ? pick(r) : null));
  return {
    dates,
    factors: {
      sleep_hours: rows.map((r) => (r.sleepMinutes === null ? null : r.sleepMinutes / 60)),
      deep_sleep_minutes: rows.map((r) => r.deepSleepMinutes),
      rem_sleep_minutes: rows.map((r) => r.remSleepMinutes),
      exercise_minutes: rows.map((r) => r.exerciseMinutes ?? 0),
      evening_exercise_minutes: rows.map((r) => r.eveningExerciseMinutes ?? 0),
      steps: rows.map((r) => r.steps),
      carbs_g: rows.map((r) => r.carbsG),
      late_dinner: rows.map((r) => (r.lateDinner === null ? null : r.lateDinner ? 1 : 0)),
    },
    outcomes: {
      mean_glucose: outcome((r) => r.meanMgdl),
      time_in_range: outcome((r) => r.tirPercent),
      time_above_180: outcome((r) => r.tarPercent),
      glucose_cv: outcome((r) => (r.meanMgdl && r.sdMgdl !== null ? (100 * r.sdMgdl) / r.meanMgdl : null)),
      overnight_mean: outcome((r) => r.overnightMeanMgdl),
    },
  };
}

/** The same days as records for association rules (lib/analytics/rules binarizeDailyFeatures). */
export function toFeatureRecords(rows: readonly DailyRow[]): DailyFeatureRecord[] {
  return rows.map((r) => {
    const cv = r.meanMgdl && r.sdMgdl !== null ? (100 * r.sdMgdl) / r.meanMgdl : null;
    const glucoseOk = r.readings >= MIN_READINGS_FOR_DAILY_OUTCOME;
    return {
      date: r.date,
      timeInRangePercent: glucoseOk ? r.tirPercent : null,
      glucoseCvPercent: glucoseOk ? cv : null,
      sleepMinutes: r.sleepMinutes,
      exerciseMinutes: r.exerciseMinutes ?? 0,
      steps: r.steps,
      carbsGrams: r.carbsG,
      lastMealHour: r.lastMealHour,
    };
  });
}
