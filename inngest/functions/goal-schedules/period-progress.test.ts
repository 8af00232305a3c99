import { describe, expect, it } from "vitest";
import type { HabitHistory } from "@/db/queries/goal-reports";
import { bestAndWeakest, summarizePeriod, type HabitProgress } from "./period-progress";

const WEEK = { from: "2026-11-16", to: "2026-11-22" };
const longAgo = new Date("2026-09-01T12:00:00Z");

function habit(id: string, over: Partial<HabitHistory["habits"][number]> = {}): HabitHistory["habits"][number] {
  return { id, goalId: "g1", goalTitle: "Move more", title: `Habit ${id}`, schedule: { kind: "daily" }, skipBudgetPerWeek: 1, createdAt: longAgo, ...over };
}

describe("summarizePeriod", () => {
  it("counts a closed week: an unlogged day is missed, a skip within budget is not due", () => {
    const history: HabitHistory = {
      timezone: "Europe/Paris",
      habits: [habit("a")],
      checkIns: [
        ...["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"].map((day) => ({ habitId: "a", day, status: "done" as const })),
        { habitId: "a", day: "2026-11-21", status: "skipped" },
        // Before the period: neither counted nor part of the adherence.
        { habitId: "a", day: "2026-11-15", status: "missed" },
      ],
    };
    const week = summarizePeriod(history, WEEK);
    expect(week.habits[0].adherence).toEqual({ due: 6, done: 5, ratio: 5 / 6 });
    expect(week.habits[0].checkIns).toEqual({ done: 5, skipped: 1, missed: 0 });
    expect(week.checkIns).toEqual({ done: 5, skipped: 1, missed: 0 });
    expect(week.goals).toEqual([{ goalId: "g1", title: "Move more", adherence: week.habits[0].adherence, checkIns: week.habits[0].checkIns, habits: week.habits }]);
  });

  it("turns a skip beyond the weekly budget into a miss for adherence, but reports it as recorded", () => {
    const history: HabitHistory = {
      timezone: "UTC",
      habits: [habit("a", { skipBudgetPerWeek: 1 })],
      checkIns: [
        { habitId: "a", day: "2026-11-16", status: "skipped" },
        { habitId: "a", day: "2026-11-17", status: "skipped" },
        ...["2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"].map((day) => ({ habitId: "a", day, status: "done" as const })),
      ],
    };
    const week = summarizePeriod(history, WEEK);
    expect(week.habits[0].adherence).toEqual({ due: 6, done: 5, ratio: 5 / 6 });
    expect(week.habits[0].checkIns).toEqual({ done: 5, skipped: 2, missed: 0 });
  });

  it("counts a habit only from the local day it was created", () => {
    // Created on Thursday evening in New York, which is already Friday in UTC.
    const history: HabitHistory = { timezone: "America/New_York", habits: [habit("a", { createdAt: new Date("2026-11-20T02:00:00Z") })], checkIns: [] };
    expect(summarizePeriod(history, WEEK).habits[0].adherence).toEqual({ due: 4, done: 0, ratio: 0 });
  });

  it("keeps 'N times a week' targets across month edges (a month starting on a Sunday)", () => {
    // Monday, Wednesday and Friday every week, from the week that holds February 1st.
    const history: HabitHistory = {
      timezone: "UTC",
      habits: [habit("w", { schedule: { kind: "weekly", timesPerWeek: 3 }, createdAt: new Date("2026-01-01T00:00:00Z") })],
      checkIns: ["2026-01-26", "2026-01-28", "2026-01-30", "2026-02-02", "2026-02-04", "2026-02-06", "2026-02-09", "2026-02-11", "2026-02-13", "2026-02-16", "2026-02-18", "2026-02-20", "2026-02-23", "2026-02-25", "2026-02-27"].map(
        (day) => ({ habitId: "w", day, status: "done" as const }),
      ),
    };
    const february = summarizePeriod(history, { from: "2026-02-01", to: "2026-02-28" });
    expect(february.habits[0].adherence.ratio).toBe(1);
    expect(february.habits[0].adherence.due).toBeCloseTo(12, 0);
    expect(february.habits[0].checkIns.done).toBe(12);
  });

  it("groups habits by goal in the order the habits were created", () => {
    const history: HabitHistory = {
      timezone: "UTC",
      habits: [habit("a"), habit("b", { goalId: "g2", goalTitle: "Sleep better" }), habit("c")],
      checkIns: [{ habitId: "a", day: "2026-11-16", status: "done" }],
    };
    const week = summarizePeriod(history, WEEK);
    expect(week.goals.map((g) => [g.title, g.habits.map((h) => h.habitId)])).toEqual([
      ["Move more", ["a", "c"]],
      ["Sleep better", ["b"]],
    ]);
    expect(week.adherence).toEqual({ due: 21, done: 1, ratio: 1 / 21 });
  });
});

describe("bestAndWeakest", () => {
  const rated = (habitId: string, ratio: number | null): HabitProgress => ({
    habitId,
    goalId: "g1",
    title: habitId,
    adherence: { due: ratio === null ? 0 : 7, done: ratio === null ? 0 : 7 * ratio, ratio },
    checkIns: { done: 0, skipped: 0, missed: 0 },
  });

  it("names the best and the weakest of habits that were due", () => {
    const { best, weakest } = bestAndWeakest([rated("a", 0.5), rated("b", 1), rated("c", null), rated("d", 0.2)]);
    expect([best?.habitId, weakest?.habitId]).toEqual(["b", "d"]);
  });

  it("names neither for one habit or a tie, and never calls a habit at 0 % the best", () => {
    expect(bestAndWeakest([rated("a", 0.4)])).toEqual({ best: null, weakest: null });
    expect(bestAndWeakest([rated("a", 1), rated("b", 1)])).toEqual({ best: null, weakest: null });
    expect(bestAndWeakest([rated("a", 0), rated("b", 0), rated("c", null)])).toEqual({ best: null, weakest: null });
  });
});
