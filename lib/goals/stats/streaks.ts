/**
 * Streaks. Daily and fixed-weekday habits count consecutive due days done; "N times a week" habits
 * count consecutive ISO weeks that met their target. A forgiven skip (or a week filled up by
 * forgiven skips) keeps the streak alive without extending it; today, and the unfinished current
 * week while its target can still be met, are pending: they neither break nor extend it.
 */
import type { ResolvedHabit } from "./check-ins";
import { isDueDay } from "./due-days";
import { weeklyTallies, type WeekTally } from "./weeks";

export type Streaks = { current: number; longest: number; unit: "day" | "week" };

type Step = "extend" | "keep" | "break";

export function computeStreaks(habit: ResolvedHabit): Streaks {
  const steps = habit.cadence.kind === "days" ? dueDaySteps(habit) : weekSteps(habit);
  let current = 0;
  let longest = 0;
  for (const step of steps) {
    if (step === "break") current = 0;
    else if (step === "extend") current += 1;
    longest = Math.max(longest, current);
  }
  return { current, longest, unit: habit.cadence.kind === "days" ? "day" : "week" };
}

function dueDaySteps(habit: ResolvedHabit): Step[] {
  const steps: Step[] = [];
  for (let n = habit.start; n <= habit.today; n++) {
    if (!isDueDay(habit.cadence, n)) continue;
    const status = habit.statuses.get(n);
    if (status === "done") steps.push("extend");
    else if (status === "skipped" || (status === undefined && n === habit.today)) steps.push("keep");
    else steps.push("break");
  }
  return steps;
}

function weekSteps(habit: ResolvedHabit): Step[] {
  return weeklyTallies(habit).map((week) => weekStep(week, habit));
}

function weekStep(week: WeekTally, habit: ResolvedHabit): Step {
  if (week.done >= week.target) return "extend";
  // Days still open this week: today (unless already checked in) through Sunday.
  const open = week.finished ? 0 : week.monday + 6 - habit.today + (habit.statuses.has(habit.today) ? 0 : 1);
  return week.done + week.forgiven + open >= week.target ? "keep" : "break";
}
