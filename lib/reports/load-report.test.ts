import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { createAccount } from "@/db/queries/users";
import { withSystem, type Viewer } from "@/db/queries/context";
import { loadReportData } from "./load-report";

/** 10 days of 5-minute readings from 2026-10-01 UTC: 120 + 60·sin(2πi/288), i.e. one full wave a day. */
function wave(userId: string) {
  const start = Date.parse("2026-10-01T00:00:00Z");
  return Array.from({ length: 2880 }, (_, i) => ({ userId, time: new Date(start + i * 300_000), mgdl: 120 + 60 * Math.sin((2 * Math.PI * i) / 288), source: "test" }));
}

describe.each(testEngines())("loadReportData on %s", (engine) => {
  let handle: DatabaseHandle;
  let ada: Viewer;
  let bob: Viewer;
  const period = { from: "2026-10-01", to: "2026-10-10" };

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const a = await createAccount({ email: "ada@example.com", name: "Ada Lovelace", password: "a sturdy passphrase 7", timezone: "UTC" });
    const b = await createAccount({ email: "bob@example.com", name: "Bob", password: "a sturdy passphrase 8", timezone: "UTC" });
    ada = { userId: a.id, role: "patient" };
    bob = { userId: b.id, role: "patient" };
    await withSystem(async (tx) => {
      const rows = wave(ada.userId);
      for (let i = 0; i < rows.length; i += 1000) await tx.insert(s.glucoseReadings).values(rows.slice(i, i + 1000));
      // Outside the period (the day before): a mean that counted them would rise above 120.
      await tx.insert(s.glucoseReadings).values(Array.from({ length: 12 }, (_, i) => ({ userId: ada.userId, time: new Date(Date.parse("2026-09-30T10:00:00Z") + i * 300_000), mgdl: 400, source: "test" })));
      await tx.insert(s.glucoseReadings).values(wave(bob.userId).slice(0, 100).map((r) => ({ ...r, mgdl: 300 })));
      const [inside] = await tx
        .insert(s.weeklyHealthStories)
        .values({ userId: ada.userId, weekOf: "2026-10-05", title: "Steadier nights", narrative: "Your nights were calmer.", personalNote: "Started evening walks." })
        .returning({ id: s.weeklyHealthStories.id });
      await tx.insert(s.weeklyHealthStories).values({ userId: ada.userId, weekOf: "2026-09-28", title: "Earlier week", narrative: "Before the period." });
      await tx.insert(s.healthInsights).values({ userId: ada.userId, storyId: inside.id, weekOf: "2026-10-05", insightType: "positive", title: "Walks help", description: "After walks, less time above range.", confidence: 72 });
      await tx.insert(s.healthPredictions).values({ userId: ada.userId, storyId: inside.id, weekOf: "2026-10-05", eventDescription: "A low tonight", probability: 18, sampleSize: 40, timeframe: "tonight" });
      await tx.insert(s.weeklyHealthStories).values({ userId: bob.userId, weekOf: "2026-10-05", title: "Bob's week", narrative: "Private." });
    });
  });
  afterAll(async () => handle?.close());

  it("computes the metrics on the period's readings only, as the viewer", async () => {
    const data = await loadReportData(ada, { ...period, includeAnalysis: true, includeNotes: false, generatedAt: new Date("2026-10-11T08:00:00Z") });
    expect(data.patient).toEqual({ name: "Ada Lovelace", dateOfBirth: null });
    expect(data.period).toEqual(period);
    expect(data.unit).toBe("mg/dL"); // the profile's default preference
    expect(data.generatedAt).toBe("2026-10-11T08:00:00.000Z");
    expect(data.metrics?.readings).toBe(2880);
    expect(data.metrics?.daysWithData).toBe(10);
    // The sine wave averages to exactly its midline over whole days; GMI = 3.31 + 0.02392 × 120 (Bergenstal 2018).
    expect(data.metrics?.mean).toBeCloseTo(120, 6);
    expect(data.metrics?.gmi).toBeCloseTo(6.1804, 3);
    // Below 70 exactly when sin < −5/6: 53 of each day's 288 samples = 18.40 % (continuous share (π − 2·asin(5/6))/2π ≈ 18.6 %);
    // the minimum is 60, so nothing is very low, and the maximum 180 is still in range (iglu counts 70–180 inclusive).
    expect(data.metrics?.ranges.low).toBeCloseTo((53 / 288) * 100, 6);
    expect(data.metrics?.ranges.veryLow).toBe(0);
    expect(data.metrics?.ranges.inRange).toBeCloseTo((235 / 288) * 100, 6);
    expect(data.metrics?.ranges.high).toBe(0);
    expect(data.agp?.daysWithData).toBe(10);
    expect(data.dailyProfiles).toHaveLength(10);
  });

  it("takes the stories whose week starts in the period, with analysis, without notes unless asked", async () => {
    const data = await loadReportData(ada, { ...period, includeAnalysis: true, includeNotes: false });
    expect(data.stories).toEqual([{ weekOf: "2026-10-05", title: "Steadier nights", narrative: "Your nights were calmer.", personalNote: null }]);
    expect(data.insights).toEqual([{ type: "positive", title: "Walks help", description: "After walks, less time above range.", confidence: 72 }]);
    expect(data.predictions).toEqual([{ event: "A low tonight", probability: 18, sampleSize: 40, timeframe: "tonight", preventable: false, reasoning: null }]);
    const withNotes = await loadReportData(ada, { ...period, includeAnalysis: false, includeNotes: true, unit: "mmol/L" });
    expect(withNotes.stories[0].personalNote).toBe("Started evening walks.");
    expect(withNotes.insights).toEqual([]);
    expect(withNotes.predictions).toEqual([]);
    expect(withNotes.unit).toBe("mmol/L");
  });

  it("uses the chosen weeks, newest first, and never another person's", async () => {
    const data = await loadReportData(ada, { ...period, storyWeeks: ["2026-09-28", "2026-10-05"], includeAnalysis: false, includeNotes: false });
    expect(data.stories.map((x) => x.weekOf)).toEqual(["2026-10-05", "2026-09-28"]);
    const none = await loadReportData(ada, { ...period, storyWeeks: [], includeAnalysis: true, includeNotes: false });
    expect(none.stories).toEqual([]);
    expect(none.insights).toEqual([]);
    // Bob asking for his week sees his story only, and none of Ada's readings.
    const bobs = await loadReportData(bob, { ...period, storyWeeks: ["2026-10-05"], includeAnalysis: true, includeNotes: true });
    expect(bobs.stories.map((x) => x.title)).toEqual(["Bob's week"]);
    expect(bobs.metrics?.readings).toBe(100);
    expect(bobs.metrics?.mean).toBe(300);
  });

  it("returns no metrics for an empty period and refuses bad periods with a sentence", async () => {
    const empty = await loadReportData(ada, { from: "2026-11-01", to: "2026-11-07", includeAnalysis: true, includeNotes: false });
    expect(empty.metrics).toBeNull();
    expect(empty.agp).toBeNull();
    expect(empty.stories).toEqual([]);
    await expect(loadReportData(ada, { from: "2026-10-10", to: "2026-10-01", includeAnalysis: true, includeNotes: false })).rejects.toThrow("ends before it starts");
    await expect(loadReportData(ada, { from: "2025-01-01", to: "2026-10-01", includeAnalysis: true, includeNotes: false })).rejects.toThrow("at most 366 days");
    await expect(loadReportData({ userId: "00000000-0000-4000-8000-000000000000", role: "patient" }, { ...period, includeAnalysis: true, includeNotes: false })).rejects.toMatchObject({ code: "not_found:report" });
  });
});
