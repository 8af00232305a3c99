import type { StoredCorrelation } from "@/lib/analytics/discovery/recommendations";
import { MIN_READINGS_FOR_DAILY_OUTCOME } from "@/lib/analytics/discovery/daily-features";
import { addDays } from "@/lib/analytics/predictions";
import { formatDay } from "./format-date";
import { ACTIVE_DAY_MINUTES, EVENING_ACTIVITY_MINUTES, computeWindowStats, previousWeeks, type WeeklyInputDay, type WindowStats } from "./window-stats";

/**
 * Shadow patterns (seeds/proxima-weekly-analysis.md "detect_shadow_patterns"): habits or patterns
 * that were there in most recent weeks (≥ 3 of the last 4) and are missing this week. Unlike the
 * seed, which asks a model, every pattern here is a rule over the daily rows, so "missing" is a fact.
 *
 * A week where a habit cannot be judged (for example fewer than 3 nights of sleep tracked) counts as
 * "not present" in the 4-week tally but never makes a shadow this week: the absence of a tracker is
 * not the absence of the habit.
 */
export type Significance = "high" | "medium" | "low";

type WeekVerdict = { present: boolean; value: number; unit: string; description: string };

type Habit = {
  id: string;
  name: string;
  /** The correlation factor that measures the habit, and which direction of it is the habit. */
  factor: string | null;
  habitDirection: "more" | "less" | null;
  /** A pattern of the glucose itself (or of the sensor data everything else rests on). */
  glucoseHabit: boolean;
  evaluate: (w: WindowStats) => WeekVerdict | null;
  /** Last day (or week) the habit was seen, from days up to the end of this week. */
  lastSeen: (days: readonly WeeklyInputDay[], weeks: { from: string; verdict: WeekVerdict | null }[]) => { date: string; description: string } | null;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function lastDay(days: readonly WeeklyInputDay[], test: (d: WeeklyInputDay) => boolean, describe: (d: WeeklyInputDay) => string) {
  for (let i = days.length - 1; i >= 0; i--) if (test(days[i])) return { date: days[i].date, description: describe(days[i]) };
  return null;
}

function lastWeek(weeks: { from: string; verdict: WeekVerdict | null }[], describe: (v: WeekVerdict) => string) {
  const hit = weeks.find((w) => w.verdict?.present);
  return hit ? { date: hit.from, description: `Week of ${formatDay(hit.from)}: ${describe(hit.verdict!)}` } : null;
}

export const HABITS: readonly Habit[] = [
  {
    id: "tir_70",
    name: "Time in range at 70 % or more",
    factor: null,
    habitDirection: null,
    glucoseHabit: true,
    evaluate: (w) => (w.completeGlucoseDays < 3 || w.tirPercent === null ? null : {
      present: w.tirPercent >= 70, value: Math.round(w.tirPercent), unit: "%", description: `${Math.round(w.tirPercent)} % of readings in 70–180 mg/dL`,
    }),
    lastSeen: (_, weeks) => lastWeek(weeks, (v) => `${v.value} % in range`),
  },
  {
    id: "evening_walks",
    name: "Evening walks",
    factor: "evening_exercise_minutes",
    habitDirection: "more",
    glucoseHabit: false,
    evaluate: (w) => (w.daysWithActivityData < 3 ? null : {
      present: w.eveningActivityDays >= 2, value: w.eveningActivityDays, unit: "evenings",
      description: `${plural(w.eveningActivityDays, "evening", "evenings")} with ${EVENING_ACTIVITY_MINUTES} min or more of activity after 17:00`,
    }),
    lastSeen: (days) => lastDay(days, (d) => (d.eveningExerciseMinutes ?? 0) >= EVENING_ACTIVITY_MINUTES,
      (d) => `${formatDay(d.date)}: ${Math.round(d.eveningExerciseMinutes!)} min of activity after 17:00`),
  },
  {
    id: "sleep_7h",
    name: "7 h of sleep on most nights",
    factor: "sleep_hours",
    habitDirection: "more",
    glucoseHabit: false,
    evaluate: (w) => (w.nightsWithSleep < 3 ? null : {
      present: w.nightsAtLeast7h / w.nightsWithSleep > 0.5, value: w.nightsAtLeast7h, unit: "nights",
      description: `${plural(w.nightsAtLeast7h, "night", "nights")} of 7 h or more out of ${w.nightsWithSleep} tracked`,
    }),
    lastSeen: (days) => lastDay(days, (d) => d.sleepMinutes !== null && d.sleepMinutes >= 420,
      (d) => `the night before ${formatDay(d.date)}: ${(Math.round(d.sleepMinutes! / 6) / 10).toFixed(1)} h of sleep`),
  },
  {
    id: "no_late_dinners",
    name: "Dinner finished before 21:00",
    factor: "late_dinner",
    habitDirection: "less",
    glucoseHabit: false,
    evaluate: (w) => (w.dinnersLogged < 3 ? null : {
      present: w.lateDinners === 0, value: w.lateDinners, unit: "late dinners",
      description: `${plural(w.lateDinners, "dinner", "dinners")} after 21:00 out of ${w.dinnersLogged} logged`,
    }),
    lastSeen: (_, weeks) => lastWeek(weeks, () => "every logged dinner before 21:00"),
  },
  {
    id: "active_days",
    name: `${ACTIVE_DAY_MINUTES} min of exercise on 3 or more days`,
    factor: "exercise_minutes",
    habitDirection: "more",
    glucoseHabit: false,
    evaluate: (w) => (w.daysWithActivityData < 3 ? null : {
      present: w.activeDays >= 3, value: w.activeDays, unit: "days",
      description: `${plural(w.activeDays, "day", "days")} with ${ACTIVE_DAY_MINUTES} min or more of exercise`,
    }),
    lastSeen: (days) => lastDay(days, (d) => (d.exerciseMinutes ?? 0) >= ACTIVE_DAY_MINUTES,
      (d) => `${formatDay(d.date)}: ${Math.round(d.exerciseMinutes!)} min of exercise`),
  },
  {
    id: "daily_steps",
    name: "7,000 steps a day",
    factor: "steps",
    habitDirection: "more",
    glucoseHabit: false,
    evaluate: (w) => (w.daysWithSteps < 3 || w.stepsAvg === null ? null : {
      present: w.stepsAvg >= 7000, value: Math.round(w.stepsAvg), unit: "steps",
      description: `${Math.round(w.stepsAvg).toLocaleString("en-US")} steps a day on average`,
    }),
    lastSeen: (days) => lastDay(days, (d) => d.steps !== null && d.steps >= 7000, (d) => `${formatDay(d.date)}: ${d.steps!.toLocaleString("en-US")} steps`),
  },
  {
    id: "steady_glucose",
    name: "Steady glucose (variability at 36 % or less)",
    factor: null,
    habitDirection: null,
    glucoseHabit: true,
    evaluate: (w) => (w.completeGlucoseDays < 3 || w.cvPercent === null ? null : {
      present: w.cvPercent <= 36, value: Math.round(w.cvPercent * 10) / 10, unit: "%",
      description: `glucose variability (CV) of ${(Math.round(w.cvPercent * 10) / 10).toFixed(1)} %`,
    }),
    lastSeen: (_, weeks) => lastWeek(weeks, (v) => `variability of ${v.value.toFixed(1)} %`),
  },
  {
    id: "cgm_wear",
    name: "Wearing the sensor on 5 or more days",
    factor: null,
    habitDirection: null,
    glucoseHabit: true,
    evaluate: (w) => ({
      present: w.completeGlucoseDays >= 5, value: w.completeGlucoseDays, unit: "days",
      description: `${plural(w.completeGlucoseDays, "day", "days")} with a full day of sensor data`,
    }),
    lastSeen: (days) => lastDay(days, (d) => d.readings >= MIN_READINGS_FOR_DAILY_OUTCOME, (d) => `${formatDay(d.date)}: a full day of sensor data`),
  },
];

/** Outcomes where higher is worse (as lib/analytics/discovery/recommendations.ts). */
const HIGHER_IS_WORSE: Record<string, boolean> = { mean_glucose: true, time_above_180: true, glucose_cv: true, overnight_mean: true, time_in_range: false };

export type ShadowPattern = {
  id: string;
  patternName: string;
  /** Weeks of the last 4 in which the habit was present. */
  weeksPresent: number;
  thisWeek: { value: number; unit: string; description: string };
  lastSeen: { date: string; description: string } | null;
  significance: Significance;
  /** regularity (4/4 → 2, 3/4 → 1) + 2 if a significant correlation says the habit helps + 1 for glucose patterns. */
  score: number;
  /** The significant correlation that says the habit goes with better glucose for this person, if any. */
  supportingCorrelation: StoredCorrelation | null;
};

export function findShadowPatterns(input: { weekOf: string; days: readonly WeeklyInputDay[]; correlations: readonly StoredCorrelation[]; limit?: number }): ShadowPattern[] {
  const weekEnd = addDays(input.weekOf, 6);
  const sorted = [...input.days].filter((d) => d.date <= weekEnd).sort((a, b) => a.date.localeCompare(b.date));
  const thisWeek = computeWindowStats(sorted, input.weekOf, weekEnd);
  const past = previousWeeks(input.weekOf, 4).map(([from, to]) => ({ from, stats: computeWindowStats(sorted, from, to) }));
  const out: ShadowPattern[] = [];

  for (const habit of HABITS) {
    const now = habit.evaluate(thisWeek);
    if (!now || now.present) continue;
    const weeks = past.map((w) => ({ from: w.from, verdict: habit.evaluate(w.stats) }));
    const weeksPresent = weeks.filter((w) => w.verdict?.present).length;
    if (weeksPresent < 3) continue;
    const supportingCorrelation = findSupport(habit, input.correlations);
    const score = (weeksPresent === 4 ? 2 : 1) + (supportingCorrelation ? 2 : 0) + (habit.glucoseHabit ? 1 : 0);
    out.push({
      id: habit.id,
      patternName: habit.name,
      weeksPresent,
      thisWeek: { value: now.value, unit: now.unit, description: now.description },
      lastSeen: habit.lastSeen(sorted, weeks),
      significance: score >= 3 ? "high" : score === 2 ? "medium" : "low",
      score,
      supportingCorrelation,
    });
  }
  const order = new Map(HABITS.map((h, i) => [h.id, i]));
  return out
    .sort((a, b) => b.score - a.score || b.weeksPresent - a.weeksPresent || order.get(a.id)! - order.get(b.id)!)
    .slice(0, input.limit ?? 4);
}

function findSupport(habit: Habit, correlations: readonly StoredCorrelation[]): StoredCorrelation | null {
  if (!habit.factor) return null;
  let best: StoredCorrelation | null = null;
  for (const c of correlations) {
    if (c.factor !== habit.factor || !c.significant || c.spearmanRho === null || c.qValue === null || !(c.outcome in HIGHER_IS_WORSE)) continue;
    const moreHelps = HIGHER_IS_WORSE[c.outcome] ? c.spearmanRho < 0 : c.spearmanRho > 0;
    const habitHelps = habit.habitDirection === "more" ? moreHelps : !moreHelps;
    if (habitHelps && (!best || c.qValue < best.qValue!)) best = c;
  }
  return best;
}
