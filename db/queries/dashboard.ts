import { desc, eq, sql, and, gte } from "drizzle-orm";
import { activities, dailyAggregates, glucoseReadings, meals, sleepSessions } from "@/db/schema";
import { withViewer, type Viewer } from "./context";

export type DashboardOverview = {
  readingCount: number;
  lastReading: { time: Date; mgdl: number } | null;
  latestSleep: { start: Date; end: Date; asleepMinutes: number | null } | null;
  activitiesLast7d: number;
  mealsLast7d: number;
};

/**
 * The dashboard's latest reading, sleep and week counts, in one transaction under the viewer's RLS.
 * (Glucose statistics come from lib/analytics over the loaded series: lib/dashboard-data.ts.)
 */
export async function getDashboardOverview(viewer: Viewer): Promise<DashboardOverview> {
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
