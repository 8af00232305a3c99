/**
 * Turns a habit's raw check-ins into the statuses the statistics use: only days from the start to
 * today that the schedule accepts, with the weekly skip budget applied. Within an ISO week the
 * earliest skips are the forgiven ones; skips beyond the budget become misses. Paused days are forgiven.
 */
import type { CheckInStatus, HabitInput } from "../types";
import { dayNumber, mondayOf } from "./calendar";
import { acceptsCheckIn, cadenceOf, type Cadence } from "./due-days";

export type ResolvedHabit = {
  cadence: Cadence;
  /** Day numbers of the habit's first day and of the member's today. */
  start: number;
  today: number;
  /** Status per day number; "skipped" here always means forgiven (within the budget). */
  statuses: ReadonlyMap<number, CheckInStatus>;
  skipBudgetPerWeek: number;
  /** Skipped check-ins (forgiven or not) in today's ISO week. */
  skipsThisWeek: number;
};

export function resolveCheckIns(habit: HabitInput, todayDay: string): ResolvedHabit {
  const cadence = cadenceOf(habit.schedule);
  const start = dayNumber(habit.startDay);
  const today = dayNumber(todayDay);
  const budget = Math.max(0, Math.floor(habit.skipBudgetPerWeek));

  const accepted = habit.checkIns
    .map((c) => ({ n: dayNumber(c.day), status: c.status }))
    // Check-ins after today are ignored: the member's clock, not the server's, decides what happened.
    .filter((c) => c.n >= start && c.n <= today && acceptsCheckIn(cadence, c.n))
    .sort((a, b) => a.n - b.n);

  const statuses = new Map<number, CheckInStatus>();
  const skipsPerWeek = new Map<number, number>();
  for (const { n, status } of accepted) {
    if (status !== "skipped") {
      statuses.set(n, status);
      continue;
    }
    const week = mondayOf(n);
    const used = (skipsPerWeek.get(week) ?? 0) + 1;
    skipsPerWeek.set(week, used);
    statuses.set(n, used <= budget ? "skipped" : "missed");
  }

  // A paused stretch is forgiven like a skip that costs no budget: it keeps the streak, is not due,
  // and leaves the strength where it was. A check-in the member made anyway still counts.
  for (const pause of habit.pauses ?? []) {
    const last = Math.min(pause.to ? dayNumber(pause.to) : today, today);
    for (let n = Math.max(dayNumber(pause.from), start); n <= last; n++) {
      if (acceptsCheckIn(cadence, n) && !statuses.has(n)) statuses.set(n, "skipped");
    }
  }

  return { cadence, start, today, statuses, skipBudgetPerWeek: budget, skipsThisWeek: skipsPerWeek.get(mondayOf(today)) ?? 0 };
}
