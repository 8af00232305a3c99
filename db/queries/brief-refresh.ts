import { and, eq, sql } from "drizzle-orm";
import { briefRefreshUsage } from "@/db/schema";
import { withViewer, type Viewer } from "./context";

/** Manual brief refreshes a person may ask for each week (seeds/proxima-weekly-analysis.md). */
export const WEEKLY_REFRESH_LIMIT = 10;

export type RefreshUsage = { allowed: boolean; used: number; remaining: number; limit: number };

/**
 * Counts one manual refresh for the week, atomically: a single conditional upsert that only
 * increments below the limit, so two clicks at the same moment cannot both pass the last slot
 * (PostgreSQL serializes the two upserts on the row; the loser sees the new count).
 */
export async function consumeBriefRefresh(viewer: Viewer, weekOf: string, limit = WEEKLY_REFRESH_LIMIT): Promise<RefreshUsage> {
  return withViewer(viewer, async (tx) => {
    const rows = await tx.execute(sql`
      insert into brief_refresh_usage (user_id, week_of, used, updated_at) values (${viewer.userId}, ${weekOf}, 1, now())
      on conflict (user_id, week_of) do update set used = brief_refresh_usage.used + 1, updated_at = now()
        where brief_refresh_usage.used < ${limit}
      returning used`);
    const row = (rows as unknown as { rows: { used: number }[] }).rows[0];
    if (row) return { allowed: true, used: Number(row.used), remaining: limit - Number(row.used), limit };
    return { allowed: false, used: limit, remaining: 0, limit };
  });
}

export async function getBriefRefreshUsage(viewer: Viewer, weekOf: string, limit = WEEKLY_REFRESH_LIMIT): Promise<RefreshUsage> {
  const [row] = await withViewer(viewer, (tx) =>
    tx.select({ used: briefRefreshUsage.used }).from(briefRefreshUsage).where(and(eq(briefRefreshUsage.userId, viewer.userId), eq(briefRefreshUsage.weekOf, weekOf))),
  );
  const used = row?.used ?? 0;
  return { allowed: used < limit, used, remaining: Math.max(0, limit - used), limit };
}
