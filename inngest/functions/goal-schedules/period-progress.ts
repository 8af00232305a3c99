import type { HabitHistory } from "@/db/queries/goal-reports";
import { addDays, analyzeHabit, combineWindows, sumLedger } from "@/lib/goals/stats";
import { habitInput } from "@/lib/goals/member-summary";
import { adherenceWindow } from "@/lib/goals/stats/adherence";
import { dayNumber } from "@/lib/goals/stats/calendar";
import type { AdherenceWindow, CheckInStatus } from "@/lib/goals/types";

/**
 * Adherence and check-in counts over a CLOSED period of local days (last week, last month), from the
 * same ledger as every other adherence figure (lib/goals/stats). The statistics are taken as of the
 * day after the period, so every day of it is settled: a due day with no check-in counts as due and
 * not done, as it does on the goals page once the day is over.
 */

export type CheckInCounts = Record<CheckInStatus, number>;

export type HabitProgress = {
  habitId: string;
  goalId: string;
  title: string;
  adherence: AdherenceWindow;
  /** Check-ins the member recorded in the period, as recorded (a skip beyond the budget stays a skip here). */
  checkIns: CheckInCounts;
};

export type GoalProgress = { goalId: string; title: string; adherence: AdherenceWindow; checkIns: CheckInCounts; habits: HabitProgress[] };

export type PeriodProgress = { from: string; to: string; adherence: AdherenceWindow; checkIns: CheckInCounts; habits: HabitProgress[]; goals: GoalProgress[] };

const noCounts = (): CheckInCounts => ({ done: 0, skipped: 0, missed: 0 });

function addCounts(total: CheckInCounts, more: CheckInCounts): CheckInCounts {
  return { done: total.done + more.done, skipped: total.skipped + more.skipped, missed: total.missed + more.missed };
}

export function summarizePeriod(history: HabitHistory, period: { from: string; to: string }): PeriodProgress {
  const dayAfter = addDays(period.to, 1);
  const [first, last] = [dayNumber(period.from), dayNumber(period.to)];
  const habits: HabitProgress[] = history.habits.map((habit) => {
    const rows = history.checkIns.filter((c) => c.habitId === habit.id && c.day <= period.to);
    const { ledger } = analyzeHabit(habitInput(habit, rows, history.timezone), dayAfter);
    const sum = sumLedger(ledger, first, last);
    const counts = noCounts();
    for (const c of rows) if (c.day >= period.from) counts[c.status] += 1;
    return { habitId: habit.id, goalId: habit.goalId, title: habit.title, adherence: adherenceWindow(sum.due, sum.done), checkIns: counts };
  });

  const goals: GoalProgress[] = [];
  for (const habit of history.habits) {
    if (goals.some((g) => g.goalId === habit.goalId)) continue;
    const own = habits.filter((h) => h.goalId === habit.goalId);
    goals.push({
      goalId: habit.goalId,
      title: habit.goalTitle,
      adherence: combineWindows(own.map((h) => h.adherence)),
      checkIns: own.reduce((total, h) => addCounts(total, h.checkIns), noCounts()),
      habits: own,
    });
  }

  return {
    from: period.from,
    to: period.to,
    adherence: combineWindows(habits.map((h) => h.adherence)),
    checkIns: habits.reduce((total, h) => addCounts(total, h.checkIns), noCounts()),
    habits,
    goals,
  };
}

/**
 * The habits with the best and the weakest adherence, among habits that had something due. Only a
 * comparison means something: with fewer than two such habits, or all equal, there is neither; a
 * habit never done is not anyone's "best".
 */
export function bestAndWeakest(habits: HabitProgress[]): { best: HabitProgress | null; weakest: HabitProgress | null } {
  const rated = habits.filter((h) => h.adherence.ratio !== null).sort((a, b) => b.adherence.ratio! - a.adherence.ratio!);
  if (rated.length < 2) return { best: null, weakest: null };
  const [top, bottom] = [rated[0], rated[rated.length - 1]];
  if (top.adherence.ratio === bottom.adherence.ratio) return { best: null, weakest: null };
  return { best: top.adherence.ratio! > 0 ? top : null, weakest: bottom };
}
