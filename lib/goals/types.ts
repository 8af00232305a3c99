/**
 * The shapes that goals, habits and check-ins take between the database, the statistics, the AI
 * (plans, coach, copilot, suggestions) and the pages. Days are always the member's LOCAL calendar
 * days as "YYYY-MM-DD" strings: a check-in belongs to the day the member lived it, whatever the
 * server's clock or a DST change says.
 */
import type { HabitSchedule } from "@/db/schema/goals";

export type { HabitSchedule };

export type CheckInStatus = "done" | "skipped" | "missed";

export type CheckInDay = { day: string; status: CheckInStatus };

/** One habit with its check-ins, as the statistics need it. */
export type HabitInput = {
  schedule: HabitSchedule;
  skipBudgetPerWeek: number;
  /** Local day the habit started (nothing before it is due). */
  startDay: string;
  checkIns: CheckInDay[];
  /** Local days the habit was paused (inclusive; `to` null = still paused): treated as forgiven, never missed. */
  pauses?: { from: string; to: string | null }[];
};

export type AdherenceWindow = {
  /** Days (or, for N-times-a-week habits, occurrences) that were due in the window up to today. */
  due: number;
  done: number;
  /** done / due, or null when nothing was due. */
  ratio: number | null;
};

export type HabitStats = {
  /** Consecutive due days (daily) or weeks meeting the target (weekly) up to today; skips within budget keep it alive. */
  currentStreak: number;
  longestStreak: number;
  /** Unit the streaks count in. */
  streakUnit: "day" | "week";
  /** Exponentially weighted habit strength in [0, 1] (Loop Habit Tracker's score). */
  strength: number;
  adherence: { d7: AdherenceWindow; d30: AdherenceWindow; d90: AdherenceWindow };
  /** Skips left in the current ISO week. */
  skipsLeftThisWeek: number;
  lastDoneDay: string | null;
  dueToday: boolean;
  todayStatus: CheckInStatus | null;
};

export type RiskLevel = "low" | "medium" | "high";

export type Risk = {
  level: RiskLevel;
  /** 0–100, higher means more at risk; used to rank mentees. */
  score: number;
  /** Sentences a person understands, e.g. "No check-in for 5 days". Never empty. */
  reasons: string[];
};

export type HabitSummary = {
  id: string;
  goalId: string | null;
  title: string;
  schedule: HabitSchedule;
  skipBudgetPerWeek: number;
  stats: HabitStats;
};

export type GoalSummary = {
  id: string;
  title: string;
  description: string | null;
  theme: string | null;
  status: "draft" | "active" | "paused" | "completed" | "archived";
  targetDate: string | null;
  subgoals: { id: string; title: string; status: "todo" | "in_progress" | "done" }[];
  habits: HabitSummary[];
};

export type RecentCheckIn = { day: string; habitId: string; habitTitle: string; status: CheckInStatus; note: string | null };

/** Everything about a member's goals that the pages, the coach, the copilot and the schedules read. */
export type MemberGoalSummary = {
  userId: string;
  name: string | null;
  timezone: string;
  /** The member's local today. */
  today: string;
  goals: GoalSummary[];
  /** Over all active habits. */
  adherence: { d7: AdherenceWindow; d30: AdherenceWindow; d90: AdherenceWindow };
  /** done / (done + skipped + missed) over the last 30 days, null with no check-ins. */
  completionRatio30: number | null;
  lastCheckInDay: string | null;
  daysSinceLastCheckIn: number | null;
  risk: Risk;
  /** Daily done/due ratio for the last 28 local days, oldest first (null on days nothing was due): the sparkline. */
  dailyAdherence: { day: string; ratio: number | null }[];
  recentCheckIns: RecentCheckIn[];
};

export type MoodPoint = { day: string; mean: number; entries: number };

export type MoodTrend = {
  /** Daily mean sentiment (comparative score), oldest first. */
  daily: MoodPoint[];
  /** Mean of the last 7 days and of the 7 before, null when there are no entries. */
  last7: number | null;
  previous7: number | null;
  direction: "improving" | "steady" | "declining" | "unknown";
  /** The most used tags over the window, most frequent first. */
  topTags: { tag: string; count: number }[];
};

/** What a member asks for when creating a goal. */
export type GoalRequest = {
  title: string;
  description?: string;
  theme?: string;
  constraints?: { minutesPerWeek?: number; daysPerWeek?: number; notes?: string };
};

export type PlannedHabit = { title: string; schedule: HabitSchedule; skipBudgetPerWeek: number; minutesPerSession?: number };

/** The AI's proposed plan, which the member edits before accepting. */
export type PlanDraft = {
  summary: string;
  subgoals: { title: string }[];
  habits: PlannedHabit[];
  /** "grounded" or "model:<name>". */
  provider: string;
  /** True when the model failed or was repaired and the grounded plan stands in (reason given). */
  partial: boolean;
  fallbackReason?: string;
};

/** A Wednesday proposal to adjust one goal's plan. */
export type PlanAdjustment = {
  goalId: string;
  /** What would change, applied only when the member accepts. */
  change:
    | { kind: "reduce_frequency"; habitId: string; timesPerWeek: number }
    | { kind: "increase_frequency"; habitId: string; timesPerWeek: number }
    | { kind: "raise_skip_budget"; habitId: string; skipBudgetPerWeek: number }
    | { kind: "add_habit"; habit: PlannedHabit }
    | { kind: "keep" };
  title: string;
  rationale: string;
  provider: string;
};
