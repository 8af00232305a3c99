import { describe, expect, it } from "vitest";
import type { CheckInDay } from "../types";
import { adherencePercent, adherenceWindow, combineWindows, dailyAdherence } from "./adherence";
import { analyzeHabit, habitStats } from "./habit-stats";
import { habit, run } from "./testing";

const done = (...days: string[]): CheckInDay[] => days.map((day) => ({ day, status: "done" }));

describe("adherence of a daily habit", () => {
  // Friday 1 May to Sunday 10 May; 4 May has no check-in, 6 May is a forgiven skip, today is pending.
  const checkIns: CheckInDay[] = [...run("2026-05-01", 3), ...done("2026-05-05"), { day: "2026-05-06", status: "skipped" }, ...run("2026-05-07", 3)];

  it("counts past empty due days as misses, leaves out forgiven skips and a pending today", () => {
    const { d7, d30, d90 } = habitStats(habit("2026-05-01", checkIns), "2026-05-10").adherence;
    expect(d7).toEqual({ due: 5, done: 4, ratio: 0.8 });
    expect(d30).toEqual({ due: 8, done: 7, ratio: 7 / 8 });
    expect(d90).toEqual(d30);
  });

  it("counts today once it is checked in, and a skip beyond the budget as due", () => {
    const withToday = [...checkIns, ...done("2026-05-10")];
    expect(habitStats(habit("2026-05-01", withToday), "2026-05-10").adherence.d7).toEqual({ due: 6, done: 5, ratio: 5 / 6 });
    const secondSkip = withToday.map((c) => (c.day === "2026-05-08" ? { ...c, status: "skipped" as const } : c));
    expect(habitStats(habit("2026-05-01", secondSkip), "2026-05-10").adherence.d7).toEqual({ due: 6, done: 4, ratio: 4 / 6 });
  });

  it("ignores check-ins dated after today", () => {
    const future = [...checkIns, ...run("2026-05-10", 5)];
    expect(habitStats(habit("2026-05-01", future), "2026-05-09").adherence.d7).toEqual(habitStats(habit("2026-05-01", checkIns), "2026-05-09").adherence.d7);
  });
});

describe("adherence of an N-times-a-week habit (pro rata)", () => {
  const threeAWeek = { kind: "weekly" as const, timesPerWeek: 3 };
  // Week of 4 May: four done (capped at three). Week of 11 May: one done. Today Wednesday 20 May: Mon and Tue done.
  const checkIns = done("2026-05-04", "2026-05-06", "2026-05-08", "2026-05-09", "2026-05-12", "2026-05-18", "2026-05-19");
  const { d7, d30 } = habitStats(habit("2026-05-04", checkIns, threeAWeek), "2026-05-20").adherence;

  it("spreads each week's target over its days and caps done at the target", () => {
    // d30: 3 + 3 + (3/7 × 2 days so far) due; 3 + 1 + 6/7 done.
    expect(d30.due).toBeCloseTo(6.86, 2);
    expect(d30.done).toBeCloseTo(4.86, 2);
  });

  it("a 7-day window takes the share of each week it covers", () => {
    // 14–17 May: four sevenths of a week at 1/3; 18–19 May: on pace.
    expect(d7.due).toBeCloseTo(2.57, 2);
    expect(d7.done).toBeCloseTo(1.43, 2);
    expect(adherencePercent(d7)).toBe(56);
  });

  it("a forgiven skip lowers its week's target", () => {
    const skipped: CheckInDay[] = [...done("2026-05-04", "2026-05-05"), { day: "2026-05-06", status: "skipped" }];
    // Monday 11 May is pending, so the window holds only the finished week.
    const { d30: week } = habitStats(habit("2026-05-04", skipped, threeAWeek, 1), "2026-05-11").adherence;
    expect(week).toEqual({ due: 2, done: 2, ratio: 1 });
  });
});

describe("adding windows up", () => {
  it("combines habits by summing due and done", () => {
    expect(combineWindows([adherenceWindow(7, 7), adherenceWindow(3, 0)])).toEqual({ due: 10, done: 7, ratio: 0.7 });
    expect(combineWindows([])).toEqual({ due: 0, done: 0, ratio: null });
    expect(adherencePercent(adherenceWindow(0, 0))).toBeNull();
  });

  it("the daily sparkline sums every habit's day, oldest first, null when nothing was due", () => {
    const a = analyzeHabit(habit("2026-05-04", run("2026-05-04", 3)), "2026-05-07").ledger;
    const b = analyzeHabit(habit("2026-05-05", done("2026-05-05")), "2026-05-07").ledger;
    expect(dailyAdherence([a, b], "2026-05-07", 5)).toEqual([
      { day: "2026-05-03", ratio: null },
      { day: "2026-05-04", ratio: 1 },
      { day: "2026-05-05", ratio: 1 },
      { day: "2026-05-06", ratio: 0.5 },
      { day: "2026-05-07", ratio: null },
    ]);
  });
});
