/** One habit's statistics as of the member's local today. */
import type { HabitInput, HabitStats } from "../types";
import { dayFromNumber, mondayOf } from "./calendar";
import { resolveCheckIns, type ResolvedHabit } from "./check-ins";
import { isDueDay } from "./due-days";
import { adherenceOver } from "./adherence";
import { buildLedger, type Ledger } from "./ledger";
import { computeStreaks } from "./streaks";
import { computeStrength } from "./strength";
import { weeklyTallies } from "./weeks";

export type HabitAnalysis = { stats: HabitStats; ledger: Ledger };

/** The stats plus the day-by-day ledger (for sums across habits, like the member's sparkline). */
export function analyzeHabit(habit: HabitInput, today: string): HabitAnalysis {
  const resolved = resolveCheckIns(habit, today);
  const ledger = buildLedger(resolved);
  const streaks = computeStreaks(resolved);
  const rawToday = habit.checkIns.find((c) => c.day === today)?.status ?? null;
  const stats: HabitStats = {
    currentStreak: streaks.current,
    longestStreak: streaks.longest,
    streakUnit: streaks.unit,
    strength: computeStrength(resolved),
    adherence: {
      d7: adherenceOver(ledger, resolved.today, 7),
      d30: adherenceOver(ledger, resolved.today, 30),
      d90: adherenceOver(ledger, resolved.today, 90),
    },
    skipsLeftThisWeek: Math.max(0, resolved.skipBudgetPerWeek - resolved.skipsThisWeek),
    lastDoneDay: lastDoneDay(resolved),
    dueToday: isDueToday(resolved),
    // What the member recorded, even a skip beyond the budget (which the statistics count as a miss).
    todayStatus: resolved.statuses.has(resolved.today) ? rawToday : null,
  };
  return { stats, ledger };
}

export function habitStats(habit: HabitInput, today: string): HabitStats {
  return analyzeHabit(habit, today).stats;
}

function lastDoneDay(habit: ResolvedHabit): string | null {
  let last: number | null = null;
  for (const [n, status] of habit.statuses) if (status === "done" && (last === null || n > last)) last = n;
  return last === null ? null : dayFromNumber(last);
}

/** Daily/fixed weekdays: today is a due day. N a week: the week's target was not met before today. */
function isDueToday(habit: ResolvedHabit): boolean {
  if (habit.today < habit.start) return false;
  if (habit.cadence.kind === "days") return isDueDay(habit.cadence, habit.today);
  const week = weeklyTallies(habit).find((w) => w.monday === mondayOf(habit.today));
  return week !== undefined && week.doneBeforeToday < week.target;
}
