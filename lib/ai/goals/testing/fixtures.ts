import type { AdherenceWindow, GoalSummary, HabitStats, HabitSummary, MemberGoalSummary, MoodTrend } from "@/lib/goals/types";

/**
 * Hand-built MemberGoalSummary values for the goal AI's tests: every number is chosen here, so a
 * test can assert that an answer cites exactly these figures.
 */
export function adherenceWindow(done: number, due: number): AdherenceWindow {
  return { done, due, ratio: due === 0 ? null : done / due };
}

export function habitStats(overrides: Partial<HabitStats> = {}): HabitStats {
  return {
    currentStreak: 0,
    longestStreak: 0,
    streakUnit: "day",
    strength: 0.5,
    adherence: { d7: adherenceWindow(4, 7), d30: adherenceWindow(18, 30), d90: adherenceWindow(50, 90) },
    skipsLeftThisWeek: 1,
    lastDoneDay: "2025-07-08",
    dueToday: true,
    todayStatus: null,
    ...overrides,
  };
}

export function habitSummary(overrides: Partial<Omit<HabitSummary, "stats">> & { stats?: Partial<HabitStats> } = {}): HabitSummary {
  const { stats, ...rest } = overrides;
  return { id: "habit-1", goalId: "goal-1", title: "Walk 15 minutes after dinner", schedule: { kind: "daily" }, skipBudgetPerWeek: 1, stats: habitStats(stats), ...rest };
}

export function goalSummary(overrides: Partial<GoalSummary> = {}): GoalSummary {
  return {
    id: "goal-1",
    title: "Walk after dinner",
    description: null,
    theme: "fitness",
    status: "active",
    targetDate: null,
    subgoals: [
      { id: "sub-1", title: "Pick a route", status: "done" },
      { id: "sub-2", title: "Walk every day for one week", status: "in_progress" },
    ],
    habits: [habitSummary()],
    ...overrides,
  };
}

export function memberSummary(overrides: Partial<MemberGoalSummary> = {}): MemberGoalSummary {
  return {
    userId: "user-1",
    name: "Sarah Example",
    timezone: "Europe/Berlin",
    today: "2025-07-09",
    goals: [goalSummary()],
    adherence: { d7: adherenceWindow(4, 7), d30: adherenceWindow(18, 30), d90: adherenceWindow(50, 90) },
    completionRatio30: 0.6,
    lastCheckInDay: "2025-07-08",
    daysSinceLastCheckIn: 1,
    risk: { level: "low", score: 18, reasons: ["Checking in regularly"] },
    dailyAdherence: [],
    recentCheckIns: [{ day: "2025-07-08", habitId: "habit-1", habitTitle: "Walk 15 minutes after dinner", status: "done", note: null }],
    ...overrides,
  };
}

/**
 * Sarah, two goals: running (3× a week, done 1 of 3 this week, skip budget 1, a 2-week longest
 * streak) and sleep (daily bedtime, a 12-day streak, strong), at medium risk.
 */
export function strugglingRunner(): MemberGoalSummary {
  const run = habitSummary({
    id: "habit-run",
    goalId: "goal-run",
    title: "Run 30 minutes",
    schedule: { kind: "weekly", timesPerWeek: 3 },
    stats: {
      currentStreak: 0,
      longestStreak: 2,
      streakUnit: "week",
      strength: 0.31,
      adherence: { d7: adherenceWindow(1, 3), d30: adherenceWindow(5, 12), d90: adherenceWindow(20, 38) },
      skipsLeftThisWeek: 1,
      dueToday: true,
      todayStatus: null,
    },
  });
  const bedtime = habitSummary({
    id: "habit-bed",
    goalId: "goal-sleep",
    title: "Be in bed by 23:00",
    schedule: { kind: "daily" },
    stats: {
      currentStreak: 12,
      longestStreak: 19,
      streakUnit: "day",
      strength: 0.86,
      adherence: { d7: adherenceWindow(7, 7), d30: adherenceWindow(27, 30), d90: adherenceWindow(80, 90) },
      skipsLeftThisWeek: 1,
      dueToday: true,
      todayStatus: "done",
    },
  });
  return memberSummary({
    goals: [
      goalSummary({ id: "goal-run", title: "Run a 5k", theme: "fitness", habits: [run], subgoals: [{ id: "s1", title: "Buy running shoes", status: "done" }, { id: "s2", title: "Run 3 times in one week", status: "todo" }] }),
      goalSummary({ id: "goal-sleep", title: "Sleep by 23:00", theme: "sleep", habits: [bedtime], subgoals: [] }),
    ],
    adherence: { d7: adherenceWindow(8, 10), d30: adherenceWindow(32, 42), d90: adherenceWindow(100, 128) },
    completionRatio30: 0.74,
    daysSinceLastCheckIn: 0,
    lastCheckInDay: "2025-07-09",
    risk: { level: "medium", score: 46, reasons: ["Run 30 minutes: 1 of 3 this week", "No run for 5 days"] },
  });
}

export function decliningMood(): MoodTrend {
  return {
    daily: [{ day: "2025-07-08", mean: -0.2, entries: 1 }],
    last7: -0.21,
    previous7: 0.34,
    direction: "declining",
    topTags: [{ tag: "work", count: 4 }, { tag: "tired", count: 3 }],
  };
}
