import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { habitStats } from "./habit-stats";
import { strengthMultiplier } from "./strength";
import { habit, run } from "./testing";

const start = "2026-01-05";
const strengthAfter = (checkIns: Parameters<typeof habit>[1], today: string, schedule?: Parameters<typeof habit>[2]) =>
  habitStats(habit(start, checkIns, schedule, 1), today).strength;

describe("habit strength (Loop Habit Tracker's score)", () => {
  it("uses m = 0.5^(sqrt(f)/13): one done day of a daily habit scores 1 − m", () => {
    const m = 0.5 ** (1 / 13);
    expect(strengthMultiplier(1)).toBeCloseTo(m, 12);
    expect(strengthMultiplier(3 / 7)).toBeCloseTo(0.5 ** (Math.sqrt(3 / 7) / 13), 12);
    expect(strengthAfter(run(start, 1), start)).toBeCloseTo(1 - m, 12);
  });

  it("rises with every done day and stays within [0, 1]", () => {
    const scores = Array.from({ length: 120 }, (_, i) => strengthAfter(run(start, i + 1), addDays(start, i)));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]);
    expect(scores.at(-1)).toBeLessThan(1);
  });

  it("forgives one miss after a long run: above 0.8 after 60 done days and a miss", () => {
    const sixty = run(start, 60);
    const before = strengthAfter(sixty, addDays(start, 59));
    const after = strengthAfter([...sixty, { day: addDays(start, 60), status: "missed" }], addDays(start, 60));
    expect(after).toBeGreaterThan(0.8);
    expect(after).toBeLessThan(before);
    expect(after).toBeCloseTo(before * strengthMultiplier(1), 12);
  });

  it("decays by half after 13 missed days of a daily habit", () => {
    const sixty = run(start, 60);
    const before = strengthAfter(sixty, addDays(start, 59));
    // Days 60–72 have no check-in; today (day 73) is pending and does not count yet.
    expect(strengthAfter(sixty, addDays(start, 73))).toBeCloseTo(before / 2, 12);
  });

  it("a forgiven skip and a pending today leave the score unchanged; a skip over budget is a miss", () => {
    const ten = run(start, 10);
    const pending = strengthAfter(ten, addDays(start, 10));
    expect(strengthAfter([...ten, { day: addDays(start, 10), status: "skipped" }], addDays(start, 10))).toBeCloseTo(pending, 12);
    const twoSkips = [...ten, ...run(addDays(start, 10), 2, "skipped")]; // 2026-01-15 and 16: one week, budget 1
    expect(strengthAfter(twoSkips, addDays(start, 11))).toBeCloseTo(pending * strengthMultiplier(1), 12);
  });

  it("a three-a-week habit grows on its pace, not on the days it happens to be done, and fades when dropped", () => {
    const threeAWeek = { kind: "weekly" as const, timesPerWeek: 3 };
    // Monday, Wednesday, Friday for twelve weeks.
    const checkIns = Array.from({ length: 12 }, (_, w) => [0, 2, 4].map((d) => ({ day: addDays(start, 7 * w + d), status: "done" as const }))).flat();
    const strong = strengthAfter(checkIns, addDays(start, 83), threeAWeek);
    expect(strong).toBeGreaterThan(0.85);
    // Off days of a steady pace still lift it (Saturday, day 82, counts once Sunday is today).
    expect(strengthAfter(checkIns, addDays(start, 82), threeAWeek)).toBeLessThan(strong);
    // Four weeks without any check-in.
    expect(strengthAfter(checkIns, addDays(start, 111), threeAWeek)).toBeLessThan(strong * 0.6);
  });

  it("a fixed-weekday habit kept on its days scores like an N-a-week habit at the same pace", () => {
    const monWedFri = { kind: "weekly" as const, timesPerWeek: 3, weekdays: [1, 3, 5] };
    const checkIns = Array.from({ length: 12 }, (_, w) => [0, 2, 4].map((d) => ({ day: addDays(start, 7 * w + d), status: "done" as const }))).flat();
    expect(strengthAfter(checkIns, addDays(start, 83), monWedFri)).toBeCloseTo(strengthAfter(checkIns, addDays(start, 83), { kind: "weekly", timesPerWeek: 3 }), 12);
  });
});
