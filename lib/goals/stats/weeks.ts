/**
 * ISO-week tallies for "N times a week" habits. A habit that starts mid-week owes a pro-rata share
 * of its first week (rounded up, so "3 a week" started on Saturday still asks for one).
 */
import { mondayOf } from "./calendar";
import type { ResolvedHabit } from "./check-ins";

export type WeekTally = {
  monday: number;
  /** First day of this week the habit existed (the start day in its first week). */
  firstDay: number;
  /** Days from firstDay to Sunday: the days the target is spread over. */
  available: number;
  /** Check-ins the week asks for before skips. */
  target: number;
  done: number;
  /** Done check-ins before today (today's may still change). */
  doneBeforeToday: number;
  /** Skips within the budget. */
  forgiven: number;
  /** Sunday is before today. */
  finished: boolean;
};

export function weeklyTallies(habit: ResolvedHabit): WeekTally[] {
  if (habit.start > habit.today) return [];
  const perWeek = habit.cadence.perWeek;
  const weeks: WeekTally[] = [];
  for (let monday = mondayOf(habit.start); monday <= habit.today; monday += 7) {
    const firstDay = Math.max(monday, habit.start);
    const available = monday + 7 - firstDay;
    weeks.push({
      monday,
      firstDay,
      available,
      target: Math.min(perWeek, Math.ceil((perWeek * available) / 7)),
      done: 0,
      doneBeforeToday: 0,
      forgiven: 0,
      finished: monday + 6 < habit.today,
    });
  }
  for (const [n, status] of habit.statuses) {
    const week = weeks[(mondayOf(n) - weeks[0].monday) / 7];
    if (status === "done") {
      week.done += 1;
      if (n < habit.today) week.doneBeforeToday += 1;
    } else if (status === "skipped") {
      week.forgiven += 1;
    }
  }
  return weeks;
}

/** What the week still asks for once forgiven skips are taken off. */
export function effectiveTarget(week: WeekTally): number {
  return Math.max(0, week.target - week.forgiven);
}
