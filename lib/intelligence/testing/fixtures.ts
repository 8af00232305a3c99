import type { StoredCorrelation } from "@/lib/analytics/discovery/recommendations";
import { addDays, generateCohort } from "@/lib/analytics/predictions";
import { makeDay } from "@/lib/analytics/predictions/testing-rows";
import { buildWeeklyFacts, type WeeklyFacts } from "../weekly-facts";
import type { WeeklyInputDay } from "../window-stats";

/**
 * Weekly facts for tests of the narrator, the guard and the providers: a rich 26-week history, a
 * week with one day of data, a week with only sleep, and an empty week. All deterministic.
 */
export const FIXTURE_WEEK = "2025-06-30";

export const FIXTURE_CORRELATIONS: StoredCorrelation[] = [
  { factor: "sleep_hours", outcome: "time_in_range", lagDays: 0, spearmanRho: 0.41, qValue: 0.002, sampleSize: 150, significant: true, confidence: "high" },
  { factor: "evening_exercise_minutes", outcome: "overnight_mean", lagDays: 1, spearmanRho: -0.33, qValue: 0.011, sampleSize: 140, significant: true, confidence: "medium" },
  { factor: "late_dinner", outcome: "overnight_mean", lagDays: 1, spearmanRho: 0.38, qValue: 0.004, sampleSize: 90, significant: true, confidence: "high" },
  { factor: "steps", outcome: "mean_glucose", lagDays: 0, spearmanRho: -0.08, qValue: 0.6, sampleSize: 150, significant: false, confidence: "none" },
];

/**
 * 26 weeks of one synthetic person (seeded), ending with FIXTURE_WEEK, where the last week drops the
 * evening walks and has three short nights: a week with something to say.
 */
export function richHistory(): WeeklyInputDay[] {
  const [person] = generateCohort({ people: 1, weeks: 26, seed: 3, startMonday: addDays(FIXTURE_WEEK, -25 * 7) });
  return person.days.map((d) => {
    if (d.date < FIXTURE_WEEK) return d;
    const i = Math.round((Date.parse(d.date) - Date.parse(FIXTURE_WEEK)) / 86_400_000);
    return {
      ...d,
      readings: 288,
      meanMgdl: d.meanMgdl ?? 150,
      sdMgdl: d.sdMgdl ?? 45,
      tirPercent: d.tirPercent ?? 65,
      tarPercent: d.tarPercent ?? 30,
      tbrPercent: d.tbrPercent ?? 1,
      overnightMeanMgdl: d.overnightMeanMgdl ?? 140,
      eveningExerciseMinutes: 0,
      exerciseMinutes: i % 3 === 0 ? 35 : 0,
      sleepMinutes: [330, 450, 340, 460, 320, 480, 440][i],
    };
  });
}

export function richFacts(): WeeklyFacts {
  return buildWeeklyFacts({ weekOf: FIXTURE_WEEK, timezone: "Europe/Paris", days: richHistory(), correlations: FIXTURE_CORRELATIONS });
}

/** A new user: one day of data (Wednesday), nothing before. */
export function oneDayFacts(): WeeklyFacts {
  return buildWeeklyFacts({ weekOf: FIXTURE_WEEK, timezone: "Europe/Paris", days: [makeDay(addDays(FIXTURE_WEEK, 2), { tirPercent: 68, meanMgdl: 151 })], correlations: [] });
}

const sleepOnly = (date: string, minutes: number): WeeklyInputDay => ({
  ...makeDay(date),
  readings: 0, meanMgdl: null, sdMgdl: null, tirPercent: null, tarPercent: null, overnightMeanMgdl: null,
  exerciseMinutes: null, eveningExerciseMinutes: null, steps: null, carbsG: null, lateDinner: null, lastMealHour: null,
  sleepMinutes: minutes,
});

/** A week with only sleep recorded, after 4 ordinary weeks with a sensor. */
export function sleepOnlyFacts(): WeeklyFacts {
  const before = Array.from({ length: 28 }, (_, i) => makeDay(addDays(FIXTURE_WEEK, -28 + i), { tirPercent: 74 + (i % 5) }));
  const week = [400, 380, 350, 420, 300, 460, 410].map((m, i) => sleepOnly(addDays(FIXTURE_WEEK, i), m));
  return buildWeeklyFacts({ weekOf: FIXTURE_WEEK, timezone: "Europe/Paris", days: [...before, ...week], correlations: [] });
}

/** Nothing at all this week; the last data is 10 days before the week ends (or none, with `neverAnyData`). */
export function emptyFacts(options: { neverAnyData?: boolean } = {}): WeeklyFacts {
  const before = options.neverAnyData ? [] : Array.from({ length: 14 }, (_, i) => makeDay(addDays(FIXTURE_WEEK, -18 + i)));
  return buildWeeklyFacts({ weekOf: FIXTURE_WEEK, timezone: "Europe/Paris", days: before, correlations: [] });
}
