import { describe, expect, it } from "vitest";
import type { CheckInDay } from "../types";
import { habitStats } from "./habit-stats";
import { habit, run } from "./testing";

// 2026-05-04 and 2026-06-01 are Mondays.
const skip = (day: string): CheckInDay => ({ day, status: "skipped" });
const miss = (day: string): CheckInDay => ({ day, status: "missed" });

describe("daily streaks", () => {
  it("counts consecutive done days up to today", () => {
    const s = habitStats(habit("2026-05-04", run("2026-05-04", 10)), "2026-05-13");
    expect(s).toMatchObject({ currentStreak: 10, longestStreak: 10, streakUnit: "day", dueToday: true, todayStatus: "done", lastDoneDay: "2026-05-13" });
  });

  it("today without a check-in is pending: the streak stands", () => {
    const s = habitStats(habit("2026-05-04", run("2026-05-04", 9)), "2026-05-13");
    expect(s).toMatchObject({ currentStreak: 9, todayStatus: null, dueToday: true, lastDoneDay: "2026-05-12" });
  });

  it("a past day with no check-in breaks it, and the longest is kept", () => {
    const s = habitStats(habit("2026-05-04", [...run("2026-05-04", 5), ...run("2026-05-10", 3)]), "2026-05-12");
    expect(s.currentStreak).toBe(3);
    expect(s.longestStreak).toBe(5);
  });

  it("an explicit miss breaks it, even today", () => {
    const s = habitStats(habit("2026-05-04", [...run("2026-05-04", 4), miss("2026-05-08")]), "2026-05-08");
    expect(s).toMatchObject({ currentStreak: 0, longestStreak: 4, todayStatus: "missed" });
  });

  it("a skip within the weekly budget keeps it alive without extending it", () => {
    const checkIns = [...run("2026-05-04", 3), skip("2026-05-07"), ...run("2026-05-08", 3)];
    const s = habitStats(habit("2026-05-04", checkIns, { kind: "daily" }, 1), "2026-05-10");
    expect(s).toMatchObject({ currentStreak: 6, longestStreak: 6, skipsLeftThisWeek: 0 });
  });

  it("skips beyond the budget count as misses; the budget renews each ISO week", () => {
    // Week of 4 May: skips on Tue and Thu with a budget of 1 → Thursday's is a miss.
    const checkIns = [...run("2026-05-04", 1), skip("2026-05-05"), ...run("2026-05-06", 1), skip("2026-05-07"), ...run("2026-05-08", 3)];
    const s = habitStats(habit("2026-05-04", checkIns, { kind: "daily" }, 1), "2026-05-10");
    expect(s.currentStreak).toBe(3);
    expect(s.longestStreak).toBe(3);
    // Next week the budget is back: a Monday skip is forgiven.
    const next = habitStats(habit("2026-05-04", [...checkIns, skip("2026-05-11"), ...run("2026-05-12", 1)], { kind: "daily" }, 1), "2026-05-12");
    expect(next).toMatchObject({ currentStreak: 4, skipsLeftThisWeek: 0 });
  });

  it("a skip today within budget is reported as today's status and keeps the streak", () => {
    const s = habitStats(habit("2026-05-04", [...run("2026-05-04", 3), skip("2026-05-07")], { kind: "daily" }, 2), "2026-05-07");
    expect(s).toMatchObject({ currentStreak: 3, todayStatus: "skipped", skipsLeftThisWeek: 1 });
  });

  it("ignores check-ins after today and before the start", () => {
    const s = habitStats(habit("2026-05-04", [...run("2026-05-01", 3, "missed"), ...run("2026-05-04", 3), ...run("2026-05-07", 5)]), "2026-05-06");
    expect(s).toMatchObject({ currentStreak: 3, longestStreak: 3, lastDoneDay: "2026-05-06" });
  });

  it("a habit that starts in the future has nothing due yet", () => {
    const s = habitStats(habit("2026-05-10", []), "2026-05-06");
    expect(s).toMatchObject({ currentStreak: 0, strength: 0, dueToday: false, adherence: { d7: { due: 0, done: 0, ratio: null } } });
  });
});

describe("fixed weekdays", () => {
  const monWedFri = { kind: "weekly" as const, timesPerWeek: 3, weekdays: [1, 3, 5] };

  it("counts due days only: off days neither break nor extend", () => {
    const days = ["2026-05-04", "2026-05-06", "2026-05-08", "2026-05-11", "2026-05-13"];
    const s = habitStats(habit("2026-05-04", days.map((day) => ({ day, status: "done" })), monWedFri), "2026-05-14");
    expect(s).toMatchObject({ currentStreak: 5, streakUnit: "day", dueToday: false });
  });

  it("a missed due day breaks it; a done check-in on an off day does not count", () => {
    const checkIns: CheckInDay[] = ["2026-05-04", "2026-05-05", "2026-05-08"].map((day) => ({ day, status: "done" }));
    const s = habitStats(habit("2026-05-04", checkIns, monWedFri), "2026-05-08");
    expect(s).toMatchObject({ currentStreak: 1, longestStreak: 1, dueToday: true, todayStatus: "done" });
    expect(s.adherence.d7).toEqual({ due: 3, done: 2, ratio: 2 / 3 });
  });
});

describe("N times a week: streaks in weeks", () => {
  const threeAWeek = { kind: "weekly" as const, timesPerWeek: 3 };
  const days = (...list: string[]): CheckInDay[] => list.map((day) => ({ day, status: "done" }));

  it("counts ISO weeks that met the target, on any days", () => {
    const checkIns = days("2026-05-04", "2026-05-05", "2026-05-09", "2026-05-11", "2026-05-15", "2026-05-17", "2026-05-18", "2026-05-19", "2026-05-20");
    const s = habitStats(habit("2026-05-04", checkIns, threeAWeek), "2026-05-24");
    expect(s).toMatchObject({ currentStreak: 3, longestStreak: 3, streakUnit: "week" });
  });

  it("the unfinished week keeps the streak while the target can still be met", () => {
    const twoWeeks = days("2026-05-04", "2026-05-05", "2026-05-06", "2026-05-11", "2026-05-12", "2026-05-13");
    // Thursday of week 3 with nothing yet: Thu–Sun leave four chances for three.
    expect(habitStats(habit("2026-05-04", twoWeeks, threeAWeek), "2026-05-21")).toMatchObject({ currentStreak: 2, dueToday: true });
    // Saturday with nothing yet: two days left for three check-ins → broken.
    expect(habitStats(habit("2026-05-04", twoWeeks, threeAWeek), "2026-05-23").currentStreak).toBe(0);
    // Once met mid-week, the week counts at once.
    const met = habitStats(habit("2026-05-04", [...twoWeeks, ...days("2026-05-18", "2026-05-19", "2026-05-20")], threeAWeek), "2026-05-20");
    expect(met).toMatchObject({ currentStreak: 3, dueToday: true });
    expect(habitStats(habit("2026-05-04", [...twoWeeks, ...days("2026-05-18", "2026-05-19", "2026-05-20")], threeAWeek), "2026-05-21").dueToday).toBe(false);
  });

  it("a finished week below target breaks it; forgiven skips can fill a week without extending", () => {
    const checkIns = [...days("2026-05-04", "2026-05-05", "2026-05-06"), ...days("2026-05-11", "2026-05-12"), skip("2026-05-13"), ...days("2026-05-18", "2026-05-19", "2026-05-20")];
    expect(habitStats(habit("2026-05-04", checkIns, threeAWeek, 1), "2026-05-24")).toMatchObject({ currentStreak: 2, longestStreak: 2 });
    // Without a skip budget the middle week falls short.
    expect(habitStats(habit("2026-05-04", checkIns, threeAWeek, 0), "2026-05-24")).toMatchObject({ currentStreak: 1, longestStreak: 1 });
  });

  it("a habit started late in the week owes a pro-rata share of its first week", () => {
    // Started Saturday: 3 × 2/7 rounds up to one check-in for that weekend.
    const s = habitStats(habit("2026-05-09", days("2026-05-10", "2026-05-11", "2026-05-12", "2026-05-13"), threeAWeek), "2026-05-13");
    expect(s.currentStreak).toBe(2);
  });
});
