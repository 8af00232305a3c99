/**
 * What a schedule asks of the member. Daily and fixed-weekday habits have due DAYS and count their
 * streaks in days; "N times a week" habits have no due day, only a weekly target, and count in weeks.
 */
import type { HabitSchedule } from "../types";
import { isoWeekdayOf } from "./calendar";

export type Cadence =
  /** Due on named ISO weekdays (all seven for a daily habit). */
  | { kind: "days"; weekdays: ReadonlySet<number>; perWeek: number }
  /** N times per ISO week (Monday–Sunday), on any days. */
  | { kind: "weekly"; perWeek: number };

const EVERY_DAY = new Set([1, 2, 3, 4, 5, 6, 7]);

export function cadenceOf(schedule: HabitSchedule): Cadence {
  if (schedule.kind === "daily") return { kind: "days", weekdays: EVERY_DAY, perWeek: 7 };
  const weekdays = new Set((schedule.weekdays ?? []).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7));
  if (weekdays.size > 0) return { kind: "days", weekdays, perWeek: weekdays.size };
  // The form validates this; clamping keeps a hand-edited row from dividing by zero.
  const perWeek = Math.min(7, Math.max(1, Math.round(schedule.timesPerWeek)));
  return { kind: "weekly", perWeek };
}

/** Expected check-ins per day: 1 for daily, N/7 otherwise (the "frequency" of Loop Habit Tracker). */
export function frequencyOf(cadence: Cadence): number {
  return cadence.perWeek / 7;
}

/** Whether day number `n` is a due day; "N times a week" habits have none (any day may count). */
export function isDueDay(cadence: Cadence, n: number): boolean {
  return cadence.kind === "days" && cadence.weekdays.has(isoWeekdayOf(n));
}

/** Whether a check-in on day `n` means anything for this habit (fixed weekdays ignore other days). */
export function acceptsCheckIn(cadence: Cadence, n: number): boolean {
  return cadence.kind === "weekly" || isDueDay(cadence, n);
}
