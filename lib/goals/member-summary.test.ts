import { describe, expect, it } from "vitest";
import type { checkIns, goals, habits, subgoals } from "@/db/schema";
import { adherencePercent, summarizeMember, type MemberGoalInput } from "./member-summary";
import { addDays } from "./stats";

type CheckInRow = typeof checkIns.$inferSelect;

const userId = "00000000-0000-4000-8000-000000000001";
const at = (iso: string) => new Date(iso);

const goal = (id: string, title: string, status: (typeof goals.$inferSelect)["status"], createdAt: string): typeof goals.$inferSelect => ({
  id, userId, title, description: null, theme: "movement", constraints: null, aiPlan: null, planProvider: "grounded", status, targetDate: null, createdAt: at(createdAt), updatedAt: at(createdAt),
});
const subgoal = (id: string, goalId: string, title: string, position: number): typeof subgoals.$inferSelect => ({
  id, userId, goalId, title, position, status: "todo", completedAt: null, createdAt: at("2026-04-20T12:00:00Z"),
});
const habit = (id: string, goalId: string, title: string, schedule: (typeof habits.$inferSelect)["schedule"], createdAt: string, active = true): typeof habits.$inferSelect => ({
  id, userId, goalId, title, schedule, skipBudgetPerWeek: 1, active, pauses: [], createdAt: at(createdAt),
});
let sequence = 0;
const checkIn = (habitId: string, day: string, status: CheckInRow["status"], note: string | null = null): CheckInRow => ({
  id: `c${++sequence}`, userId, habitId, day, status, note, createdAt: at(`${day}T22:00:00Z`),
});
const daily = { kind: "daily" } as const;

function member(): MemberGoalInput {
  const walkDays = Array.from({ length: 9 }, (_, i) => addDays("2026-05-01", i));
  return {
    userId,
    name: "Ada",
    timezone: "America/New_York",
    goals: [goal("g2", "Sleep earlier", "paused", "2026-04-25T12:00:00Z"), goal("g1", "Walk more", "active", "2026-04-20T12:00:00Z")],
    subgoals: [subgoal("s2", "g1", "Walk 30 minutes", 1), subgoal("s1", "g1", "Walk 10 minutes", 0)],
    habits: [
      // Created at 22:00 in New York on 30 April (already 1 May in UTC): due from 30 April.
      habit("walk", "g1", "Evening walk", daily, "2026-05-01T02:00:00Z"),
      habit("lights", "g2", "Lights out by 23:00", daily, "2026-05-01T16:00:00Z"),
      // Created on 8 May but back-filled from 5 May.
      habit("stretch", "g1", "Stretch", { kind: "weekly", timesPerWeek: 3 }, "2026-05-08T12:00:00Z"),
      habit("old", "g1", "Old habit", daily, "2026-04-20T12:00:00Z", false),
    ],
    checkIns: [
      ...walkDays.map((day) => checkIn("walk", day, day === "2026-05-06" ? "skipped" : "done")),
      checkIn("walk", "2026-05-10", "done", "Evening walk by the river"),
      // Already "today" in UTC, but tomorrow for the member: ignored.
      checkIn("walk", "2026-05-11", "done"),
      checkIn("lights", "2026-05-08", "missed"),
      checkIn("lights", "2026-05-09", "missed"),
      checkIn("stretch", "2026-05-05", "done"),
      checkIn("stretch", "2026-05-06", "done"),
      checkIn("stretch", "2026-05-08", "skipped"),
      checkIn("old", "2026-04-21", "done"),
    ],
  };
}

describe("summarizeMember", () => {
  // 23:30 on Sunday 10 May in New York.
  const summary = summarizeMember(member(), at("2026-05-11T03:30:00Z"));

  it("works in the member's local today", () => {
    expect(summary.today).toBe("2026-05-10");
    expect(summary).toMatchObject({ userId, name: "Ada", timezone: "America/New_York" });
  });

  it("lists goals by creation with subgoals in order and their active habits", () => {
    expect(summary.goals.map((g) => g.id)).toEqual(["g1", "g2"]);
    const [walk, sleep] = summary.goals;
    expect(walk.subgoals.map((s) => s.title)).toEqual(["Walk 10 minutes", "Walk 30 minutes"]);
    expect(walk.habits.map((h) => h.id)).toEqual(["walk", "stretch"]);
    expect(walk.habits[0].stats).toMatchObject({ currentStreak: 9, todayStatus: "done", lastDoneDay: "2026-05-10" });
    // The habit started on its local creation day, 30 April, which had no check-in.
    expect(walk.habits[0].stats.adherence.d30).toEqual({ due: 10, done: 9, ratio: 0.9 });
    expect(sleep.status).toBe("paused");
    expect(sleep.habits[0].stats).toMatchObject({ currentStreak: 0, longestStreak: 0 });
  });

  it("counts only active habits of active goals", () => {
    // Walk 6/6 in the last 7 days; Stretch (from 5 May, one forgiven skip) 1.67/1.67; the paused goal's misses are left out.
    expect(summary.adherence.d7).toEqual({ due: 7.67, done: 7.67, ratio: 1 });
    expect(summary.adherence.d30).toEqual({ due: 11.67, done: 10.67, ratio: 10.67 / 11.67 });
    expect(adherencePercent(summary.adherence.d30)).toBe(91);
    expect(summary.completionRatio30).toBeCloseTo(11 / 13, 12);
    expect(summary).toMatchObject({ lastCheckInDay: "2026-05-10", daysSinceLastCheckIn: 0 });
    expect(summary.risk).toMatchObject({ level: "low", reasons: ["On track: 8 of 8 done in the last 7 days"] });
  });

  it("draws the last 28 local days, oldest first", () => {
    expect(summary.dailyAdherence).toHaveLength(28);
    expect(summary.dailyAdherence[0].day).toBe("2026-04-13");
    const byDay = new Map(summary.dailyAdherence.map((d) => [d.day, d.ratio]));
    expect(byDay.get("2026-04-29")).toBeNull();
    expect(byDay.get("2026-04-30")).toBe(0);
    expect(byDay.get("2026-05-06")).toBe(1);
    expect(byDay.get("2026-05-10")).toBe(1);
  });

  it("shows the last 20 check-ins up to today, newest first", () => {
    expect(summary.recentCheckIns).toHaveLength(16);
    expect(summary.recentCheckIns[0]).toEqual({ day: "2026-05-10", habitId: "walk", habitTitle: "Evening walk", status: "done", note: "Evening walk by the river" });
    expect(summary.recentCheckIns.every((c, i, all) => i === 0 || all[i - 1].day >= c.day)).toBe(true);
  });

  it("a member who stopped checking in is at high risk", () => {
    const quiet = summarizeMember(member(), at("2026-05-16T15:00:00Z"));
    expect(quiet.today).toBe("2026-05-16");
    // The 11 May check-in now counts: it is in the past.
    expect(quiet.lastCheckInDay).toBe("2026-05-11");
    expect(quiet.daysSinceLastCheckIn).toBe(5);
    expect(quiet.risk.level).toBe("high");
    expect(quiet.risk.reasons[0]).toBe("No check-in for 5 days");
  });

  it("refuses a member whose time zone is unknown", () => {
    expect(() => summarizeMember({ ...member(), timezone: "Nowhere/Special" })).toThrow(/not a time zone we know/);
  });
});

describe("a long history", () => {
  it("counts a streak over recent and older check-ins together: a 150-day streak is 150 days", () => {
    const goalRow = goal("g1", "Walk", "active", "2025-11-01T12:00:00Z");
    const old = habit("h1", "g1", "Walk daily", { kind: "daily" }, "2025-11-01T12:00:00Z");
    const today = "2026-05-01";
    const days = Array.from({ length: 150 }, (_, i) => addDays(today, i - 149));
    const recent = days.slice(-100).map((d) => checkIn("h1", d, "done"));
    const older = days.slice(0, -100).map((d) => ({ habitId: "h1", day: d, status: "done" as const }));
    const base = { userId, name: "Ada", timezone: "UTC", goals: [goalRow], subgoals: [], habits: [old] };
    const whole = summarizeMember({ ...base, checkIns: recent, olderCheckIns: older }, at(`${today}T18:00:00Z`));
    expect(whole.goals[0].habits[0].stats.currentStreak).toBe(150);
    expect(whole.goals[0].habits[0].stats.longestStreak).toBe(150);
    // Only the recent rows are listed as recent check-ins.
    expect(whole.recentCheckIns.every((c) => c.day >= days[50])).toBe(true);
    // Without the older rows, the habit (created months before) would show misses before them.
    const recentOnly = summarizeMember({ ...base, checkIns: recent }, at(`${today}T18:00:00Z`));
    expect(recentOnly.goals[0].habits[0].stats.currentStreak).toBe(100);
  });
});
