import { describe, expect, it } from "vitest";
import type { HabitStats } from "../types";
import { adherenceWindow } from "./adherence";
import { habitStats } from "./habit-stats";
import { assessRisk, type RiskInput } from "./risk";
import { habit, run } from "./testing";

const someHabit: HabitStats = habitStats(habit("2026-05-01", run("2026-05-01", 10)), "2026-05-10");

/** A daily member: 30 due days in the last 30, `done7` of 7 in the last 7. */
const input = (over: Partial<RiskInput> & { done7?: number; done30?: number } = {}): RiskInput => ({
  habits: [someHabit],
  daysSinceLastCheckIn: 0,
  adherence7: adherenceWindow(7, over.done7 ?? 7),
  adherence30: adherenceWindow(30, over.done30 ?? 28),
  ...over,
});

describe("assessRisk", () => {
  it("low when checking in and on track, with the evidence as the reason", () => {
    const risk = assessRisk(input({ done7: 6, daysSinceLastCheckIn: 1 }));
    expect(risk.level).toBe("low");
    expect(risk.reasons).toEqual(["On track: 6 of 7 done in the last 7 days"]);
    expect(risk.score).toBeLessThan(34);
  });

  it("high after 4 days without a check-in", () => {
    const risk = assessRisk(input({ daysSinceLastCheckIn: 5, done7: 5, done30: 25 }));
    expect(risk.level).toBe("high");
    expect(risk.reasons).toContain("No check-in for 5 days");
  });

  it("high when 7-day adherence is below 40 %", () => {
    const risk = assessRisk(input({ done7: 2, done30: 22 }));
    expect(risk.level).toBe("high");
    expect(risk.reasons).toEqual(["5 misses in the last 7 days", "Adherence fell from 73 % to 29 %"]);
    expect(risk.score).toBeGreaterThanOrEqual(67);
  });

  it("medium after 2 idle days, below 70 %, or on a drop of 25 points", () => {
    expect(assessRisk(input({ daysSinceLastCheckIn: 2 }))).toMatchObject({ level: "medium", reasons: ["No check-in for 2 days"] });
    expect(assessRisk(input({ done7: 4, done30: 18 }))).toMatchObject({ level: "medium", reasons: ["3 misses in the last 7 days"] });
    // 100 % → 71 %: above 70 % but a fall of 29 points.
    expect(assessRisk(input({ done7: 5, done30: 30 }))).toMatchObject({ level: "medium", reasons: ["Adherence fell from 100 % to 71 %"] });
  });

  it("ranks higher levels above lower ones, and worse within a level", () => {
    const high = assessRisk(input({ daysSinceLastCheckIn: 4 })).score;
    const worseHigh = assessRisk(input({ daysSinceLastCheckIn: 10, done7: 0 })).score;
    const medium = assessRisk(input({ done7: 4, done30: 18 })).score;
    const low = assessRisk(input()).score;
    expect(worseHigh).toBeGreaterThan(high);
    expect(high).toBeGreaterThan(medium);
    expect(medium).toBeGreaterThan(low);
    expect(worseHigh).toBeLessThanOrEqual(100);
  });

  it("does not flag a once-a-week habit on its off days", () => {
    const weekly = input({ daysSinceLastCheckIn: 6, adherence7: adherenceWindow(1, 1), adherence30: adherenceWindow(4.29, 4.29) });
    expect(assessRisk(weekly).level).toBe("low");
    expect(assessRisk({ ...weekly, daysSinceLastCheckIn: 11 })).toMatchObject({ level: "high", reasons: ["No check-in for 11 days"] });
  });

  it("someone who never checked in while habits were due is high risk", () => {
    const risk = assessRisk(input({ daysSinceLastCheckIn: null, adherence7: adherenceWindow(3, 0), adherence30: adherenceWindow(3, 0) }));
    expect(risk.level).toBe("high");
    expect(risk.reasons).toEqual(["No check-ins yet", "3 misses in the last 7 days"]);
  });

  it("always gives a reason, even with nothing to go on", () => {
    expect(assessRisk({ habits: [], daysSinceLastCheckIn: null, adherence7: adherenceWindow(0, 0), adherence30: adherenceWindow(0, 0) })).toEqual({
      level: "low",
      score: 0,
      reasons: ["No active habits yet"],
    });
    const fresh = assessRisk(input({ daysSinceLastCheckIn: null, adherence7: adherenceWindow(0, 0), adherence30: adherenceWindow(0, 0) }));
    expect(fresh).toMatchObject({ level: "low", reasons: ["Nothing was due in the last 7 days"] });
  });
});
