import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { summarizeJournalWeek } from "./week-summary";
import type { MoodEntry } from "./mood-trend";

const TZ = "America/New_York";
const WEEK = "2026-03-09";
const at = (local: string, sentiment: number | null, tags: string[] = []): MoodEntry => ({ createdAt: DateTime.fromISO(local, { zone: TZ }).toJSDate(), sentiment, tags });

describe("summarizeJournalWeek", () => {
  it("counts the week's entries by local day, compares the tone with the week before and ranks tags", () => {
    const s = summarizeJournalWeek(
      [
        at("2026-03-02T12:00", -0.4, ["stress"]),
        at("2026-03-08T23:30", -0.2, ["stress"]), // Sunday night: the week before
        at("2026-03-09T00:15", 0.1, ["stress", "sleep"]),
        at("2026-03-11T18:00", 0.3, ["walk", "stress"]),
        at("2026-03-15T23:59", null, ["sleep", "stress"]),
        at("2026-03-16T00:01", 0.9, ["next-week"]),
      ],
      TZ,
      WEEK,
    );
    expect(s!.previousMeanSentiment).toBeCloseTo(-0.3, 10);
    expect(s).toEqual({
      entries: 3,
      meanSentiment: 0.2,
      scoredEntries: 2,
      previousEntries: 2,
      previousMeanSentiment: s!.previousMeanSentiment,
      previousScoredEntries: 2,
      topTags: [{ tag: "stress", count: 3 }, { tag: "sleep", count: 2 }, { tag: "walk", count: 1 }],
    });
  });

  it("is null when nothing was written in either week", () => {
    expect(summarizeJournalWeek([at("2026-02-01T12:00", 0.5)], TZ, WEEK)).toBeNull();
  });

  it("reports a quiet week after a written one", () => {
    expect(summarizeJournalWeek([at("2026-03-05T12:00", 0.5, ["x"])], TZ, WEEK)).toMatchObject({ entries: 0, meanSentiment: null, previousEntries: 1, topTags: [] });
  });
});
