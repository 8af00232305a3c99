import { describe, expect, it } from "vitest";
import { formatHoursMinutes, parseTimelineDays, toChartEvents } from "./timeline-events";

const T = (iso: string) => new Date(iso);

describe("toChartEvents", () => {
  it("turns meals, workouts and nights into chart events in time order, with spoken labels", () => {
    const events = toChartEvents({
      meals: [
        { time: T("2026-03-19T12:30:00Z"), mealType: "lunch", carbsG: 44.6, kcal: 600, description: null },
        { time: T("2026-03-19T07:30:00Z"), mealType: null, carbsG: null, kcal: null, description: null },
      ],
      activities: [
        { time: T("2026-03-19T18:00:00Z"), end: null, type: "walking", durationMin: 30, intensity: null },
        { time: T("2026-03-19T09:00:00Z"), end: T("2026-03-19T09:45:00Z"), type: "strength_training", durationMin: null, intensity: "high" },
        { time: T("2026-03-19T20:00:00Z"), end: null, type: "yoga", durationMin: null, intensity: null },
      ],
      sleep: [{ start: T("2026-03-18T23:10:00Z"), end: T("2026-03-19T06:40:00Z"), asleepMinutes: 430 }],
    });
    expect(events).toEqual([
      { time: T("2026-03-18T23:10:00Z").getTime(), end: T("2026-03-19T06:40:00Z").getTime(), kind: "sleep", label: "Sleep, 7 h 10 min asleep" },
      { time: T("2026-03-19T07:30:00Z").getTime(), kind: "meal", label: "Meal" },
      { time: T("2026-03-19T09:00:00Z").getTime(), end: T("2026-03-19T09:45:00Z").getTime(), kind: "workout", label: "Strength training" },
      { time: T("2026-03-19T12:30:00Z").getTime(), kind: "meal", label: "Lunch, 45 g carbs" },
      // No end: the span is the duration.
      { time: T("2026-03-19T18:00:00Z").getTime(), end: T("2026-03-19T18:30:00Z").getTime(), kind: "workout", label: "Walking, 30 min" },
      // Neither end nor duration: a mark, not a span.
      { time: T("2026-03-19T20:00:00Z").getTime(), kind: "workout", label: "Yoga" },
    ]);
  });

  it("formats durations", () => {
    expect([formatHoursMinutes(430), formatHoursMinutes(45), formatHoursMinutes(120), formatHoursMinutes(-5)]).toEqual(["7 h 10 min", "45 min", "2 h", "0 min"]);
  });
});

describe("parseTimelineDays", () => {
  it("accepts 7, 14, 30 and 90; anything else is 14", () => {
    expect(["7", "14", "30", "90", "45", "abc", undefined, ["30", "7"]].map((v) => parseTimelineDays(v as string | string[] | undefined))).toEqual([7, 14, 30, 90, 14, 14, 14, 30]);
  });
});
