// GET /api/v1/insights/recommendations — what to try, from the significant correlations, with evidence.
import { apiHandler, json } from "@/lib/api/handler";
import { listCorrelations } from "@/db/queries/analysis";
import { recommendFromCorrelations } from "@/lib/analytics/discovery/recommendations";

export const GET = apiHandler({ scope: "read", surface: "insights.recommendations" }, async ({ caller }) => {
  const rows = await listCorrelations(caller.viewer, { significantOnly: true });
  const recommendations = recommendFromCorrelations(rows);
  return json({
    recommendations,
    note: recommendations.length === 0 ? "No significant pattern in your data yet: recommendations appear once an analysis finds one." : undefined,
  });
});
