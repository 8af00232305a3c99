// GET /api/v1/dashboard/summary?days=7|30|90 — consensus summary of the last N local days.
import { apiHandler, json } from "@/lib/api/handler";
import { dashboardDaysQuery } from "@/lib/api/schemas";
import { parseQuery } from "@/lib/api/query";
import { getPeriodSummary } from "@/db/queries/glucose";

export const GET = apiHandler({ scope: "read", surface: "dashboard.summary" }, async ({ req, caller }) => {
  const { days } = parseQuery(req, dashboardDaysQuery);
  return json(await getPeriodSummary(caller.viewer, caller.timezone, Number(days)));
});
