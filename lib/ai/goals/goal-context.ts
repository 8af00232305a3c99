import type { MemberGoalSummary, MoodTrend } from "@/lib/goals/types";
import { describeSchedule } from "@/lib/goals/describe";

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const windowOf = (w: { due: number; done: number; ratio: number | null }) => ({ done: w.done, due: w.due, percent: w.ratio === null ? null : Math.round(w.ratio * 100) });
const NOTE_LIMIT = 200;
const RECENT_CHECK_INS = 14;

/**
 * The member's goals as the model reads them: titles, schedules and the computed statistics,
 * rounded the way the pages show them, without database ids (a model has no use for them and they
 * would only add digits to the numbers a guard must accept). Check-in notes are free text the member
 * wrote, like a journal: `checkInNotes: false` leaves them out (the mentor copilot without journal
 * consent); the check-ins' day, habit and status stay.
 */
export function buildGoalContext(summary: MemberGoalSummary, { checkInNotes = true }: { checkInNotes?: boolean } = {}) {
  return {
    today: summary.today,
    goals: summary.goals
      .filter((g) => g.status === "active" || g.status === "paused")
      .map((g) => ({
        title: g.title,
        status: g.status,
        ...(g.theme ? { theme: g.theme } : {}),
        ...(g.targetDate ? { targetDate: g.targetDate } : {}),
        subgoals: g.subgoals.map((s) => ({ title: s.title, status: s.status })),
        habits: g.habits.map((h) => ({
          title: h.title,
          schedule: describeSchedule(h.schedule),
          skipBudgetPerWeek: h.skipBudgetPerWeek,
          currentStreak: h.stats.currentStreak,
          longestStreak: h.stats.longestStreak,
          streakUnit: h.stats.streakUnit,
          strength: round(h.stats.strength, 2),
          adherence7Days: windowOf(h.stats.adherence.d7),
          adherence30Days: windowOf(h.stats.adherence.d30),
          skipsLeftThisWeek: h.stats.skipsLeftThisWeek,
          lastDoneDay: h.stats.lastDoneDay,
          dueToday: h.stats.dueToday,
          todayStatus: h.stats.todayStatus,
        })),
      })),
    adherence: { last7Days: windowOf(summary.adherence.d7), last30Days: windowOf(summary.adherence.d30), last90Days: windowOf(summary.adherence.d90) },
    completionPercent30Days: summary.completionRatio30 === null ? null : Math.round(summary.completionRatio30 * 100),
    lastCheckInDay: summary.lastCheckInDay,
    daysSinceLastCheckIn: summary.daysSinceLastCheckIn,
    risk: { level: summary.risk.level, score: Math.round(summary.risk.score), reasons: summary.risk.reasons },
    recentCheckIns: [...summary.recentCheckIns].sort((a, b) => b.day.localeCompare(a.day)).slice(0, RECENT_CHECK_INS).map((c) => ({
      day: c.day,
      habit: c.habitTitle,
      status: c.status,
      ...(checkInNotes && c.note ? { note: c.note.slice(0, NOTE_LIMIT) } : {}),
    })),
  };
}

/** The journal mood as the model reads it (sentiment scores with 2 decimals, the top 5 tags). */
export function buildMoodContext(mood: MoodTrend) {
  return {
    direction: mood.direction,
    meanLast7Days: mood.last7 === null ? null : round(mood.last7, 2),
    meanPrevious7Days: mood.previous7 === null ? null : round(mood.previous7, 2),
    topTags: mood.topTags.slice(0, 5),
  };
}
