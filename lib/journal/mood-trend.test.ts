import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { dailyMoodSeries, directionOf, MOOD_DIRECTION_THRESHOLD, moodTrend, type MoodEntry } from "./mood-trend";

const TZ = "Europe/Paris";
const TODAY = "2026-03-31";

/** An entry written at a local wall-clock time in Paris. */
const at = (local: string, sentiment: number | null, tags: string[] = []): MoodEntry => ({
  createdAt: DateTime.fromISO(local, { zone: TZ }).toJSDate(),
  sentiment,
  tags,
});

describe("moodTrend", () => {
  it("groups by the member's local day, not UTC", () => {
    // 00:30 in Paris on 31 March is still 30 March in UTC; 23:30 on 30 March is 22:30 UTC.
    const t = moodTrend([at("2026-03-31T00:30", 0.4), at("2026-03-30T23:30", -0.2), at("2026-03-30T08:00", 0)], TZ, TODAY);
    expect(t.daily).toEqual([
      { day: "2026-03-30", mean: -0.1, entries: 2 },
      { day: "2026-03-31", mean: 0.4, entries: 1 },
    ]);
  });

  it("compares the mean of daily means over the last 7 days with the 7 before", () => {
    const entries = [
      // previous 7 (18–24 March): two days, −0.2 and 0.
      at("2026-03-18T10:00", -0.2),
      at("2026-03-24T10:00", 0),
      // last 7 (25–31 March): one day with three entries (mean 0.3), one day at 0.5.
      at("2026-03-25T09:00", 0.1),
      at("2026-03-25T12:00", 0.3),
      at("2026-03-25T20:00", 0.5),
      at("2026-03-31T07:00", 0.5),
    ];
    const t = moodTrend(entries, TZ, TODAY);
    expect(t.last7).toBeCloseTo(0.4, 10);
    expect(t.previous7).toBeCloseTo(-0.1, 10);
    expect(t.direction).toBe("improving");
  });

  it("declines, holds steady, or does not know", () => {
    expect(moodTrend([at("2026-03-20T10:00", 0.5), at("2026-03-30T10:00", 0.1)], TZ, TODAY).direction).toBe("declining");
    expect(moodTrend([at("2026-03-20T10:00", 0.2), at("2026-03-30T10:00", 0.25)], TZ, TODAY).direction).toBe("steady");
    const onlyRecent = moodTrend([at("2026-03-30T10:00", 0.25)], TZ, TODAY);
    expect(onlyRecent).toMatchObject({ last7: 0.25, previous7: null, direction: "unknown" });
  });

  it("keeps only the window's days and ignores entries after today", () => {
    const t = moodTrend([at("2026-03-03T10:00", 0.9, ["old"]), at("2026-03-04T10:00", 0.1, ["in"]), at("2026-04-01T10:00", -1, ["future"])], TZ, TODAY);
    expect(t.daily.map((p) => p.day)).toEqual(["2026-03-04"]);
    expect(t.topTags).toEqual([{ tag: "in", count: 1 }]);
  });

  it("counts tags per entry over the window, entries without a score included, most used first", () => {
    const t = moodTrend(
      [
        at("2026-03-10T10:00", null, ["stress", "work"]),
        at("2026-03-11T10:00", -0.3, ["stress", "stress"]),
        at("2026-03-12T10:00", 0.2, ["walk", "work"]),
        at("2026-03-13T10:00", 0.2, ["stress", "a", "b", "c", "d"]),
      ],
      TZ,
      TODAY,
    );
    expect(t.topTags).toEqual([
      { tag: "stress", count: 3 },
      { tag: "work", count: 2 },
      { tag: "a", count: 1 },
      { tag: "b", count: 1 },
      { tag: "c", count: 1 },
    ]);
    expect(t.daily.map((p) => p.entries)).toEqual([1, 1, 1]);
  });

  it("answers an empty trend for no entries", () => {
    expect(moodTrend([], TZ, TODAY)).toEqual({ daily: [], last7: null, previous7: null, direction: "unknown", topTags: [] });
  });

  it("refuses an unknown timezone or a malformed day with a sentence", () => {
    expect(() => moodTrend([], "Mars/Olympus", TODAY)).toThrow(/not a timezone we know/);
    expect(() => moodTrend([], TZ, "31/03/2026")).toThrow(/YYYY-MM-DD/);
    expect(() => moodTrend([], TZ, TODAY, 0)).toThrow(/at least 1/);
  });

  it("handles the DST change: 29 March 2026 has 23 hours in Paris", () => {
    const t = moodTrend([at("2026-03-29T00:30", 0.1), at("2026-03-29T23:30", 0.3)], TZ, TODAY);
    expect(t.daily).toEqual([{ day: "2026-03-29", mean: 0.2, entries: 2 }]);
  });
});

describe("directionOf", () => {
  it("uses the documented threshold on last7 − previous7", () => {
    expect(directionOf(MOOD_DIRECTION_THRESHOLD, 0)).toBe("improving");
    expect(directionOf(0, MOOD_DIRECTION_THRESHOLD)).toBe("declining");
    expect(directionOf(0.09, 0)).toBe("steady");
    expect(directionOf(null, 0)).toBe("unknown");
  });
});

describe("dailyMoodSeries", () => {
  it("gives one value per day of the window, null where nothing was written", () => {
    const t = moodTrend([at("2026-03-29T10:00", 0.2), at("2026-03-31T10:00", -0.4)], TZ, TODAY);
    expect(dailyMoodSeries(t, TODAY, 4)).toEqual([null, 0.2, null, -0.4]);
    expect(dailyMoodSeries(t, TODAY)).toHaveLength(28);
  });
});
