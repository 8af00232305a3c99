import { desc, eq, sql, and, gte } from "drizzle-orm";
import { activities, dailyAggregates, glucoseReadings, meals, sleepSessions } from "@/db/schema";
import { withViewer, type Viewer } from "./context";

export type DashboardOverview = {
  readingCount: number;
  lastReading: { time: Date; mgdl: number } | null;
  /** Over the 24 h before the last reading (data may be a few hours old). */
  last24h: { mean: number | null; tirPercent: number | null; n: number };
  last14d: { mean: number | null; tirPercent: number | null; n: number };
  latestSleep: { start: Date; end: Date; asleepMinutes: number | null } | null;
  activitiesLast7d: number;
  mealsLast7d: number;
};

/** A first overview for the dashboard, all in one transaction under the viewer's RLS. */
export async function getDashboardOverview(viewer: Viewer, range: { low: number; high: number }): Promise<DashboardOverview> {
  return withViewer(viewer, async (tx) => {
    const [last] = await tx
      .select({ time: glucoseReadings.time, mgdl: glucoseReadings.mgdl })
      .from(glucoseReadings)
      .where(eq(glucoseReadings.userId, viewer.userId))
      .orderBy(desc(glucoseReadings.time))
      .limit(1);
    const [{ count }] = await tx
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(glucoseReadings)
      .where(eq(glucoseReadings.userId, viewer.userId));

    const windowStats = async (hours: number) => {
      if (!last) return { mean: null, tirPercent: null, n: 0 };
      const from = new Date(last.time.getTime() - hours * 3_600_000);
      const [row] = await tx
        .select({
          mean: sql<number | null>`avg(${glucoseReadings.mgdl})`.mapWith((v) => (v === null ? null : Number(v))),
          tir: sql<number | null>`100.0 * avg(case when ${glucoseReadings.mgdl} between ${range.low} and ${range.high} then 1 else 0 end)`.mapWith((v) => (v === null ? null : Number(v))),
          n: sql<number>`count(*)`.mapWith(Number),
        })
        .from(glucoseReadings)
        .where(and(eq(glucoseReadings.userId, viewer.userId), gte(glucoseReadings.time, from)));
      return { mean: row.mean, tirPercent: row.tir, n: row.n };
    };

    const [latestSleep] = await tx
      .select({ start: sleepSessions.start, end: sleepSessions.end, asleepMinutes: sleepSessions.asleepMinutes })
      .from(sleepSessions)
      .where(eq(sleepSessions.userId, viewer.userId))
      .orderBy(desc(sleepSessions.start))
      .limit(1);
    const weekAgo = new Date((last?.time.getTime() ?? Date.now()) - 7 * 86_400_000);
    const [{ a }] = await tx.select({ a: sql<number>`count(*)`.mapWith(Number) }).from(activities).where(and(eq(activities.userId, viewer.userId), gte(activities.time, weekAgo)));
    const [{ m }] = await tx.select({ m: sql<number>`count(*)`.mapWith(Number) }).from(meals).where(and(eq(meals.userId, viewer.userId), gte(meals.time, weekAgo)));

    return {
      readingCount: count,
      lastReading: last ?? null,
      last24h: await windowStats(24),
      last14d: await windowStats(24 * 14),
      latestSleep: latestSleep ?? null,
      activitiesLast7d: a,
      mealsLast7d: m,
    };
  });
}

/**
 * A marker that changes whenever the person's data changes: every write path (API batch, import,
 * nightly job) recomputes daily aggregates, so their latest computed_at moves. Cache keys include
 * it, so a background job's write is seen at once even where no cache tag can be expired.
 */
export async function getDataVersion(viewer: Viewer): Promise<string> {
  const [row] = await withViewer(viewer, (tx) =>
    tx
      .select({ v: sql<string | null>`max(${dailyAggregates.computedAt})::text`, n: sql<number>`count(*)`.mapWith(Number) })
      .from(dailyAggregates)
      .where(eq(dailyAggregates.userId, viewer.userId)),
  );
  return `${row?.v ?? "none"}:${row?.n ?? 0}`;
}
