// GET /api/v1/insights/correlations?all=1 — the latest lagged correlations (significant ones unless all=1).
import { z } from "zod";
import { apiHandler, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/query";
import { listCorrelations } from "@/db/queries/analysis";
import { FEATURE_LABELS } from "@/lib/analytics/discovery/daily-features";

const query = z.object({ all: z.enum(["0", "1", "true", "false"]).optional() });

export const GET = apiHandler({ scope: "read", surface: "insights.correlations" }, async ({ req, caller }) => {
  const { all } = parseQuery(req, query);
  const rows = await listCorrelations(caller.viewer, { significantOnly: !(all === "1" || all === "true") });
  return json({
    computedAt: rows[0]?.computedAt ?? null,
    method: "Spearman (primary) and Pearson at lags 0–3 days, Benjamini–Hochberg q-values, minimum 14 paired days",
    correlations: rows.map(({ userId: _u, id: _id, ...r }) => ({ ...r, factorLabel: FEATURE_LABELS[r.factor] ?? r.factor, outcomeLabel: FEATURE_LABELS[r.outcome] ?? r.outcome })),
  });
});
