import type { Viewer } from "@/db/queries/context";
import { consumeLimit } from "@/db/queries/rate-limit";
import { sendEvent, taskIdOf } from "@/inngest/runner";
import { AppError } from "@/lib/errors";

/** Discovery is the expensive job: 6 requests an hour per person. */
export const ANALYSIS_LIMIT = { keyPrefix: "analysis", points: 6, durationSeconds: 3600 };

/**
 * "Run my analysis now" (correlations and pattern discovery): counts against the hourly limit, then
 * asks for the run. One way to do it for the API and the /intelligence button alike.
 */
export async function requestAnalysis(viewer: Viewer): Promise<{ taskId: string; statusUrl: string }> {
  const limit = await consumeLimit(ANALYSIS_LIMIT, viewer.userId);
  if (!limit.allowed) throw new AppError("rate_limited:analysis", `An analysis can run 6 times an hour. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`);
  const sent = await sendEvent("analytics/analysis.requested", { userId: viewer.userId, scope: "all" });
  const taskId = taskIdOf(sent);
  return { taskId, statusUrl: `/api/v1/tasks/status/${taskId}` };
}
