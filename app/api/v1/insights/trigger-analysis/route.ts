// POST /api/v1/insights/trigger-analysis — run correlations and pattern discovery now; 202 with a task id.
import { apiHandler, json } from "@/lib/api/handler";
import { requestAnalysis } from "@/lib/intelligence/request-analysis";

export const POST = apiHandler({ scope: "write", surface: "insights.trigger" }, async ({ caller }) =>
  json(await requestAnalysis(caller.viewer), { status: 202 }),
);
