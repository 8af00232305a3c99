/**
 * A habit's day-by-day ledger of what was due and what was done, from its start to today. Every
 * adherence window (7, 30, 90 days, the 28-day sparkline) is a sum over it.
 *
 * - Daily and fixed-weekday habits: a due day with "done" is {1, 1}; missed or (before today) empty
 *   is {1, 0}; a forgiven skip and today-still-pending are {0, 0}: they are not due yet/any more.
 * - "N times a week": each counted day of a week carries target/available of an occurrence (pro
 *   rata), and done is the week's completion rate times that. A finished week's rate is
 *   min(done, target)/target, so extra check-ins never lift it above 100 %; the current week's rate
 *   is done against what was due so far, capped the same way. Forgiven skips lower the target.
 */
import type { ResolvedHabit } from "./check-ins";
import { isDueDay } from "./due-days";
import { effectiveTarget, weeklyTallies } from "./weeks";

export type LedgerDay = { due: number; done: number };

/** Day number → what that day contributes; days with nothing due are absent. */
export type Ledger = ReadonlyMap<number, LedgerDay>;

/** Today counts only once the member has checked in (done, skipped or missed). */
function isCounted(habit: ResolvedHabit, n: number): boolean {
  return n < habit.today || habit.statuses.has(n);
}

export function buildLedger(habit: ResolvedHabit): Ledger {
  return habit.cadence.kind === "days" ? dueDayLedger(habit) : weeklyLedger(habit);
}

function dueDayLedger(habit: ResolvedHabit): Ledger {
  const ledger = new Map<number, LedgerDay>();
  for (let n = habit.start; n <= habit.today; n++) {
    if (!isDueDay(habit.cadence, n) || !isCounted(habit, n)) continue;
    const status = habit.statuses.get(n);
    if (status === "skipped") continue;
    ledger.set(n, { due: 1, done: status === "done" ? 1 : 0 });
  }
  return ledger;
}

function weeklyLedger(habit: ResolvedHabit): Ledger {
  const ledger = new Map<number, LedgerDay>();
  for (const week of weeklyTallies(habit)) {
    const target = effectiveTarget(week);
    if (target === 0) continue;
    const perDay = target / week.available;
    const counted: number[] = [];
    for (let n = week.firstDay; n <= Math.min(week.monday + 6, habit.today); n++) {
      if (isCounted(habit, n)) counted.push(n);
    }
    const dueSoFar = week.finished ? target : perDay * counted.length;
    const rate = dueSoFar > 0 ? Math.min(week.done, dueSoFar) / dueSoFar : 0;
    for (const n of counted) ledger.set(n, { due: perDay, done: perDay * rate });
  }
  return ledger;
}

/** Sums the ledger over the days [from, to] (day numbers, inclusive). */
export function sumLedger(ledger: Ledger, from: number, to: number): LedgerDay {
  let due = 0;
  let done = 0;
  for (let n = from; n <= to; n++) {
    const day = ledger.get(n);
    if (!day) continue;
    due += day.due;
    done += day.done;
  }
  return { due, done };
}
