// POST /api/v1/intelligence/generate — regenerate this week's brief now (10 a week); 202 with a run id.
import { apiHandler, json } from "@/lib/api/handler";
import { requestBriefRefresh } from "@/lib/intelligence/request-refresh";

export const POST = apiHandler({ scope: "write", surface: "intelligence.generate" }, async ({ caller }) => {
  const { taskId, weekOf, usage } = await requestBriefRefresh(caller.viewer, caller.timezone);
  return json(
    { runId: taskId, weekOf, refreshes: { used: usage.used, remaining: usage.remaining, limit: usage.limit }, statusUrl: `/api/v1/tasks/status/${taskId}` },
    { status: 202 },
  );
});
