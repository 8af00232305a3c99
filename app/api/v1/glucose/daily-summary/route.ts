// GET /api/v1/glucose/daily-summary?date=YYYY-MM-DD — one local day's aggregate.
import { apiHandler, json } from "@/lib/api/handler";
import { dailySummaryQuery } from "@/lib/api/schemas";
import { parseQuery } from "@/lib/api/query";
import { listDailyAggregates } from "@/db/queries/daily-aggregates";
import { AppError } from "@/lib/errors";

export const GET = apiHandler({ scope: "read", surface: "glucose.daily-summary" }, async ({ req, caller }) => {
  const { date } = parseQuery(req, dailySummaryQuery);
  const [day] = await listDailyAggregates(caller.viewer, { from: date, to: date });
  if (!day) throw new AppError("not_found:daily_summary", `No data for ${date} (days are in your timezone, ${caller.timezone}).`);
  const { userId: _userId, ...summary } = day;
  return json({ timezone: caller.timezone, unit: "mg/dL", ...summary });
});
