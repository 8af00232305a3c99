/**
 * One member's goals, habits and check-ins turned into what the pages, the coach, the copilot and
 * the schedules read. Pure: the query layer loads the rows, this adds them up in the member's zone.
 */
import type { checkIns, goals, habits, subgoals } from "@/db/schema";
import type { CheckInDay, GoalSummary, HabitInput, HabitSummary, MemberGoalSummary, RecentCheckIn } from "./types";
import { addDays, analyzeHabit, assessRisk, combineWindows, dailyAdherence, daysBetween, localDay, localToday, type HabitAnalysis } from "./stats";

export { adherencePercent } from "./stats";

type GoalRow = typeof goals.$inferSelect;
type HabitRow = typeof habits.$inferSelect;
type CheckInRow = typeof checkIns.$inferSelect;

export type MemberGoalInput = {
  userId: string;
  name: string | null;
  timezone: string;
  goals: GoalRow[];
  subgoals: (typeof subgoals.$inferSelect)[];
  habits: HabitRow[];
  /** The recent check-ins in full (notes, times): what the pages list and the recent ratios read. */
  checkIns: CheckInRow[];
  /**
   * Every older check-in, as only what streaks and strength need. Streaks run over the whole
   * history (a 150-day streak is 150 days), while notes and times are read for recent days only.
   */
  olderCheckIns?: Pick<CheckInRow, "habitId" | "day" | "status">[];
};

const SPARKLINE_DAYS = 28;
const RECENT_CHECK_INS = 20;

export function summarizeMember(input: MemberGoalInput, now: Date = new Date()): MemberGoalSummary {
  const today = localToday(input.timezone, now);
  // Check-ins dated after the member's today do not exist yet, whatever the rows say.
  const pastCheckIns = input.checkIns.filter((c) => c.day <= today);
  const byHabit = groupBy<Pick<CheckInRow, "habitId" | "day" | "status">>([...(input.olderCheckIns ?? []), ...pastCheckIns], (c) => c.habitId);
  const goalStatus = new Map(input.goals.map((g) => [g.id, g.status]));

  const activeHabits = byCreation(input.habits.filter((h) => h.active));
  const analyses = new Map<string, HabitAnalysis>();
  for (const habit of activeHabits) analyses.set(habit.id, analyzeHabit(habitInput(habit, byHabit.get(habit.id) ?? [], input.timezone), today));

  // Only what the member is working on now counts: active habits of active goals.
  const counted = activeHabits.filter((h) => goalStatus.get(h.goalId) === "active");
  const countedStats = counted.map((h) => analyses.get(h.id)!.stats);
  const countedIds = new Set(counted.map((h) => h.id));
  const countedCheckIns = pastCheckIns.filter((c) => countedIds.has(c.habitId));

  const adherence = {
    d7: combineWindows(countedStats.map((s) => s.adherence.d7)),
    d30: combineWindows(countedStats.map((s) => s.adherence.d30)),
    d90: combineWindows(countedStats.map((s) => s.adherence.d90)),
  };
  const lastCheckInDay = countedCheckIns.reduce<string | null>((last, c) => (last === null || c.day > last ? c.day : last), null);
  const daysSinceLastCheckIn = lastCheckInDay === null ? null : daysBetween(lastCheckInDay, today);

  return {
    userId: input.userId,
    name: input.name,
    timezone: input.timezone,
    today,
    goals: byCreation(input.goals).map((goal) => summarizeGoal(goal, input, activeHabits, analyses)),
    adherence,
    completionRatio30: completionRatio(countedCheckIns, addDays(today, -29)),
    lastCheckInDay,
    daysSinceLastCheckIn,
    risk: assessRisk({ habits: countedStats, daysSinceLastCheckIn, adherence7: adherence.d7, adherence30: adherence.d30 }),
    dailyAdherence: dailyAdherence(counted.map((h) => analyses.get(h.id)!.ledger), today, SPARKLINE_DAYS),
    recentCheckIns: recentCheckIns(pastCheckIns, input.habits),
  };
}

/** A habit starts on the local day it was created, or earlier if the member logged an earlier day. */
export function habitInput(
  habit: Pick<HabitRow, "schedule" | "skipBudgetPerWeek" | "createdAt"> & Partial<Pick<HabitRow, "pauses">>,
  rows: Pick<CheckInRow, "day" | "status">[],
  timezone: string,
): HabitInput {
  const created = localDay(habit.createdAt, timezone);
  const startDay = rows.reduce((first, c) => (c.day < first ? c.day : first), created);
  const checkIns: CheckInDay[] = rows.map((c) => ({ day: c.day, status: c.status }));
  return { schedule: habit.schedule, skipBudgetPerWeek: habit.skipBudgetPerWeek, startDay, checkIns, pauses: habit.pauses ?? [] };
}

function summarizeGoal(goal: GoalRow, input: MemberGoalInput, activeHabits: HabitRow[], analyses: Map<string, HabitAnalysis>): GoalSummary {
  const habitsOfGoal: HabitSummary[] = activeHabits
    .filter((h) => h.goalId === goal.id)
    .map((h) => ({ id: h.id, goalId: h.goalId, title: h.title, schedule: h.schedule, skipBudgetPerWeek: h.skipBudgetPerWeek, stats: analyses.get(h.id)!.stats }));
  return {
    id: goal.id,
    title: goal.title,
    description: goal.description,
    theme: goal.theme,
    status: goal.status,
    targetDate: goal.targetDate,
    subgoals: input.subgoals
      .filter((s) => s.goalId === goal.id)
      .sort((a, b) => a.position - b.position)
      .map((s) => ({ id: s.id, title: s.title, status: s.status })),
    habits: habitsOfGoal,
  };
}

function completionRatio(rows: CheckInRow[], from: string): number | null {
  const recent = rows.filter((c) => c.day >= from);
  return recent.length === 0 ? null : recent.filter((c) => c.status === "done").length / recent.length;
}

function recentCheckIns(rows: CheckInRow[], allHabits: HabitRow[]): RecentCheckIn[] {
  const titles = new Map(allHabits.map((h) => [h.id, h.title]));
  return [...rows]
    .sort((a, b) => (a.day === b.day ? b.createdAt.getTime() - a.createdAt.getTime() : a.day < b.day ? 1 : -1))
    .slice(0, RECENT_CHECK_INS)
    .map((c) => ({ day: c.day, habitId: c.habitId, habitTitle: titles.get(c.habitId) ?? "Removed habit", status: c.status, note: c.note }));
}

function byCreation<T extends { createdAt: Date }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
