// GET /api/v1/insights/patterns — recurring glucose motifs, unusual stretches, association rules, causal links.
import { apiHandler, json } from "@/lib/api/handler";
import { listPatterns } from "@/db/queries/analysis";

export const GET = apiHandler({ scope: "read", surface: "insights.patterns" }, async ({ caller }) => {
  const rows = await listPatterns(caller.viewer);
  return json({ patterns: rows.map(({ userId: _u, ...p }) => p) });
});
