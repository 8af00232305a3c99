import { describe, expect, it } from "vitest";
import { habitStats } from "./habit-stats";
import { habit, run } from "./testing";

// A goal paused from 11 to 20 May 2026 and resumed on the 21st.
const paused = { from: "2026-05-11", to: "2026-05-20" };

describe("paused habits", () => {
  it("a paused stretch is neither due nor missed: the streak and adherence survive a resume", () => {
    const checkIns = [...run("2026-05-04", 7), ...run("2026-05-21", 3)];
    const withPause = habitStats({ ...habit("2026-05-04", checkIns), pauses: [paused] }, "2026-05-23");
    expect(withPause).toMatchObject({ currentStreak: 10, longestStreak: 10 });
    expect(withPause.adherence.d30).toMatchObject({ due: 10, done: 10, ratio: 1 });
    // Without the recorded pause the same days would be ten misses.
    const without = habitStats(habit("2026-05-04", checkIns), "2026-05-23");
    expect(without).toMatchObject({ currentStreak: 3, longestStreak: 7 });
    expect(without.adherence.d30.due).toBe(20);
  });

  it("the strength stays where it was during the pause", () => {
    const before = habitStats(habit("2026-05-04", run("2026-05-04", 7)), "2026-05-10").strength;
    const after = habitStats({ ...habit("2026-05-04", run("2026-05-04", 7)), pauses: [paused] }, "2026-05-20").strength;
    expect(after).toBeCloseTo(before, 12);
  });

  it("an open pause runs to today, and a check-in made anyway still counts", () => {
    const checkIns = [...run("2026-05-04", 7), ...run("2026-05-12", 1)];
    const s = habitStats({ ...habit("2026-05-04", checkIns), pauses: [{ from: "2026-05-11", to: null }] }, "2026-05-14");
    expect(s.currentStreak).toBe(8);
    expect(s.adherence.d7).toMatchObject({ due: 4, done: 4 });
  });

  it("a weekly habit paused for a whole week owes nothing that week", () => {
    const schedule = { kind: "weekly" as const, timesPerWeek: 3 };
    const checkIns = [...run("2026-05-04", 3), ...run("2026-05-18", 3)];
    const s = habitStats({ ...habit("2026-05-04", checkIns, schedule), pauses: [{ from: "2026-05-11", to: "2026-05-17" }] }, "2026-05-24");
    expect(s).toMatchObject({ currentStreak: 2, streakUnit: "week" });
  });
});
