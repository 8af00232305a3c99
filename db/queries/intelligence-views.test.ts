import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { seedDemo } from "@/db/seed/seed-demo";
import { DEMO_PATIENT_EMAIL } from "@/db/seed/demo-accounts";
import { computeVelocity } from "@/lib/analytics/velocity";
import * as s from "@/db/schema";
import { withSystem, type Viewer } from "./context";
import { createAccount } from "./users";
import { listDailyAggregates } from "./daily-aggregates";
import { getAnalysisFreshness, getLatestShadowPatterns, listTimelineEvents } from "./intelligence-views";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe.each(testEngines())("intelligence views on %s", (engine) => {
  let handle: DatabaseHandle;
  let demo: Viewer;
  let stranger: Viewer;
  let timezone: string;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    await seedDemo({ endDate: "2026-03-20" });
    const [u] = await withSystem((tx) =>
      tx.select({ id: s.users.id, timezone: s.users.timezone }).from(s.users).where(sql`${s.users.email} = ${DEMO_PATIENT_EMAIL}`),
    );
    demo = { userId: u.id, role: "patient" };
    timezone = u.timezone;
    const other = await createAccount({ email: "stranger@example.com", name: "Stranger", password: "a sturdy passphrase 7" });
    stranger = { userId: other.id, role: "patient" };
  });
  afterAll(async () => handle?.close());

  describe("listTimelineEvents", () => {
    it("returns the week's meals, activities and nights in time order, the same counts as a direct query", async () => {
      const start = DateTime.fromISO("2026-03-13", { zone: timezone }).toJSDate();
      const end = DateTime.fromISO("2026-03-20", { zone: timezone }).toJSDate();
      const events = await listTimelineEvents(demo, { start, end });

      const [direct] = rowsOf<{ meals: number; activities: number; sleep: number }>(
        await withSystem((tx) =>
          tx.execute(sql`select
            (select count(*)::int from meals where user_id = ${demo.userId} and time >= ${start} and time < ${end}) as meals,
            (select count(*)::int from activities where user_id = ${demo.userId} and time < ${end}
               and coalesce("end", time + make_interval(secs => coalesce(duration_min, 0) * 60)) >= ${start}) as activities,
            (select count(*)::int from sleep_sessions where user_id = ${demo.userId} and start < ${end} and "end" > ${start}) as sleep`),
        ),
      );
      // The demo person eats, moves and sleeps every day: a week holds ≥ 14 meals, ≥ 3 workouts, ≥ 6 nights.
      expect(direct.meals).toBeGreaterThanOrEqual(14);
      expect(direct.activities).toBeGreaterThanOrEqual(3);
      expect(direct.sleep).toBeGreaterThanOrEqual(6);
      expect([events.meals.length, events.activities.length, events.sleep.length]).toEqual([direct.meals, direct.activities, direct.sleep]);

      for (const m of events.meals) expect(m.time >= start && m.time < end).toBe(true);
      const times = events.meals.map((m) => m.time.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(events.meals.some((m) => m.carbsG !== null && m.carbsG > 0)).toBe(true);
      expect(events.activities.every((a) => typeof a.type === "string" && a.type.length > 0)).toBe(true);
    });

    it("includes the night that began before the range and ended inside it", async () => {
      const start = DateTime.fromISO("2026-03-13T03:00", { zone: timezone }).toJSDate();
      const end = DateTime.fromISO("2026-03-13T12:00", { zone: timezone }).toJSDate();
      const { sleep, meals } = await listTimelineEvents(demo, { start, end });
      expect(sleep).toHaveLength(1);
      expect(sleep[0].start.getTime()).toBeLessThan(start.getTime());
      expect(sleep[0].end.getTime()).toBeGreaterThan(start.getTime());
      expect(sleep[0].asleepMinutes).toBeGreaterThan(180);
      for (const m of meals) expect(m.time.getTime()).toBeGreaterThanOrEqual(start.getTime());
    });

    it("shows another person nothing of the demo's week, and refuses an empty or a 100-day range", async () => {
      const start = DateTime.fromISO("2026-03-13", { zone: timezone }).toJSDate();
      const end = DateTime.fromISO("2026-03-20", { zone: timezone }).toJSDate();
      expect(await listTimelineEvents(stranger, { start, end })).toEqual({ meals: [], activities: [], sleep: [] });
      await expect(listTimelineEvents(demo, { start: end, end: start })).rejects.toThrow(/90 days/);
      await expect(listTimelineEvents(demo, { start: new Date(end.getTime() - 100 * 86_400_000), end })).rejects.toThrow(/90 days/);
    });
  });

  describe("getAnalysisFreshness", () => {
    it("before any analysis: no dates, no counts, but the 90 days of glucose the demo holds", async () => {
      expect(await getAnalysisFreshness(demo)).toEqual({
        correlationsComputedAt: null, correlationCount: 0, significantCount: 0, patternsDiscoveredAt: null, patternCount: 0, latestBrief: null, glucoseDays: 90,
        lastGlucoseDate: "2026-03-20",
      });
      expect(await getAnalysisFreshness(stranger)).toMatchObject({ glucoseDays: 0, lastGlucoseDate: null });
    });

    it("after a pass: the newest computation time and the counts, for the owner only", async () => {
      const older = new Date("2026-03-01T03:00:00Z");
      const newer = new Date("2026-03-08T03:00:00Z");
      await withSystem(async (tx) => {
        const base = { userId: demo.userId, outcome: "mean_glucose", sampleSize: 60, qValue: 0.01, spearmanRho: -0.4 };
        await tx.insert(s.correlations).values([
          { ...base, factor: "sleep_hours", lagDays: 0, significant: true, computedAt: newer },
          { ...base, factor: "steps", lagDays: 0, significant: false, qValue: 0.6, computedAt: older },
          { ...base, factor: "carbs_g", lagDays: 1, significant: true, computedAt: older },
        ]);
        await tx.insert(s.patterns).values({ userId: demo.userId, patternType: "recurring_motif", description: "A shape", exampleDates: ["2026-03-02"], discoveredAt: older });
        await tx.insert(s.weeklyHealthStories).values([
          { userId: demo.userId, weekOf: "2026-03-02", title: "Older", narrative: "…", generatedAt: older },
          { userId: demo.userId, weekOf: "2026-03-09", title: "Newer", narrative: "…", generatedAt: newer, partial: true },
        ]);
      });
      const fresh = await getAnalysisFreshness(demo);
      expect(fresh.correlationsComputedAt?.toISOString()).toBe(newer.toISOString());
      expect(fresh.patternsDiscoveredAt?.toISOString()).toBe(older.toISOString());
      expect(fresh).toMatchObject({ correlationCount: 3, significantCount: 2, patternCount: 1, glucoseDays: 90 });
      expect(fresh.latestBrief).toEqual({ weekOf: "2026-03-09", generatedAt: newer, partial: true });
      expect(await getAnalysisFreshness(stranger)).toMatchObject({ correlationsComputedAt: null, correlationCount: 0, patternCount: 0, latestBrief: null });
    });
  });

  describe("getLatestShadowPatterns", () => {
    it("returns the newest brief's shadow patterns, most significant first, and nothing of another week", async () => {
      await withSystem(async (tx) => {
        const stories = await tx
          .select({ id: s.weeklyHealthStories.id, weekOf: s.weeklyHealthStories.weekOf })
          .from(s.weeklyHealthStories)
          .where(sql`${s.weeklyHealthStories.userId} = ${demo.userId}`);
        const idOf = (week: string) => stories.find((x) => x.weekOf === week)!.id;
        const item = (week: string, name: string, significance: "high" | "medium" | "low") => ({
          userId: demo.userId, storyId: idOf(week), weekOf: week, patternName: name, lastSeenDescription: `${name}, last seen …`, significance,
        });
        await tx.insert(s.shadowPatterns).values([
          item("2026-03-02", "Old news", "high"),
          item("2026-03-09", "Late snacks", "low"),
          item("2026-03-09", "Short nights", "high"),
          item("2026-03-09", "Skipped walks", "medium"),
        ]);
      });
      const latest = await getLatestShadowPatterns(demo);
      expect(latest?.weekOf).toBe("2026-03-09");
      expect(latest?.generatedAt.toISOString()).toBe("2026-03-08T03:00:00.000Z");
      expect(latest?.patterns.map((p) => [p.patternName, p.significance])).toEqual([
        ["Short nights", "high"],
        ["Skipped walks", "medium"],
        ["Late snacks", "low"],
      ]);
      expect(await getLatestShadowPatterns(stranger)).toBeNull();
    });
  });

  describe("velocity from the stored daily aggregates", () => {
    it("each week's time in range, mean and CV equal those of its raw readings (weighting by readings is exact)", async () => {
      const days = await listDailyAggregates(demo, { from: "2026-01-24", to: "2026-03-20" });
      const velocity = computeVelocity(days, { endDate: "2026-03-20" });
      expect(velocity.weeks).toHaveLength(8);
      for (const week of velocity.weeks) {
        const [raw] = rowsOf<{ n: number; mean: number; sd: number; tir: number }>(
          await withSystem((tx) =>
            tx.execute(sql`select count(*)::int as n, avg(mgdl)::float8 as mean, stddev_samp(mgdl)::float8 as sd,
                 (100.0 * avg(case when mgdl >= 70 and mgdl <= 180 then 1 else 0 end))::float8 as tir
               from glucose_readings where user_id = ${demo.userId}
               and (time at time zone ${timezone})::date between ${week.start}::date and ${week.end}::date`),
          ),
        );
        expect(week.enough).toBe(true);
        expect(week.readings).toBe(raw.n);
        expect(week.meanMgdl!).toBeCloseTo(Number(raw.mean), 8);
        expect(week.cvPercent!).toBeCloseTo((100 * Number(raw.sd)) / Number(raw.mean), 8);
        expect(week.tirPercent!).toBeCloseTo(Number(raw.tir), 8);
      }
      // Eight full weeks give a fitted trend for every metric, with finite figures.
      for (const m of Object.values(velocity.metrics)) {
        expect(m.trend.kind).toBe("fitted");
        if (m.trend.kind === "fitted") {
          expect(m.trend.n).toBe(8);
          for (const x of [m.trend.slopePerWeek, m.trend.pValue, m.trend.ci95.low, m.trend.ci95.high]) expect(Number.isFinite(x)).toBe(true);
        }
      }
    });
  });
});
