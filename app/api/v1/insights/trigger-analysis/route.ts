// POST /api/v1/insights/trigger-analysis — run correlations and pattern discovery now; 202 with a task id.
import { apiHandler, json } from "@/lib/api/handler";
import { sendEvent } from "@/inngest/runner";
import { consumeLimit } from "@/db/queries/rate-limit";
import { AppError } from "@/lib/errors";

/** Discovery is the expensive job: 6 requests an hour per person. */
const ANALYSIS_LIMIT = { keyPrefix: "analysis", points: 6, durationSeconds: 3600 };

export const POST = apiHandler({ scope: "write", surface: "insights.trigger" }, async ({ caller }) => {
  const limit = await consumeLimit(ANALYSIS_LIMIT, caller.viewer.userId);
  if (!limit.allowed) throw new AppError("rate_limited:analysis", `An analysis can run 6 times an hour. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`);
  const sent = await sendEvent("analytics/analysis.requested", { userId: caller.viewer.userId, scope: "all" });
  const taskId = sent.mode === "embedded" ? sent.runIds[0] : sent.eventIds[0];
  return json({ taskId, statusUrl: `/api/v1/tasks/status/${taskId}` }, { status: 202 });
});
