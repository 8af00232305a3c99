import { DateTime } from "luxon";
import { consumeBriefRefresh, type RefreshUsage } from "@/db/queries/brief-refresh";
import type { Viewer } from "@/db/queries/context";
import { sendEvent, taskIdOf } from "@/inngest/runner";
import { AppError } from "@/lib/errors";

/**
 * A manual "refresh my brief": counts against the weekly limit first (atomically), then asks for the
 * current week's generation. One way to do it for the API and the /weekly-brief button alike.
 */
export async function requestBriefRefresh(viewer: Viewer, timezone: string, now = new Date()): Promise<{ taskId: string; weekOf: string; usage: RefreshUsage }> {
  const weekOf = DateTime.fromJSDate(now, { zone: timezone }).startOf("week").toISODate()!;
  const usage = await consumeBriefRefresh(viewer, weekOf);
  if (!usage.allowed) {
    throw new AppError("rate_limited:brief_refresh", `You have used all ${usage.limit} refreshes for this week. Your brief refreshes itself next Monday.`, {
      details: { used: usage.used, remaining: 0, limit: usage.limit },
    });
  }
  const sent = await sendEvent(
    "intelligence/week.requested",
    { userId: viewer.userId, weekOf, reason: "manual" },
    { idempotencyKey: `manual:${viewer.userId}:${weekOf}:${usage.used}` },
  );
  return { taskId: taskIdOf(sent), weekOf, usage };
}
