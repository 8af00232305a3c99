// GET /api/v1/health-analysis?week_of=YYYY-MM-DD — a week's brief: story, insights, predictions, shadow patterns, moves.
import { z } from "zod";
import { DateTime } from "luxon";
import { apiHandler, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/query";
import { getWeeklyBrief } from "@/db/queries/weekly-brief";
import { AppError } from "@/lib/errors";

const query = z.object({
  week_of: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "week_of must be a date, YYYY-MM-DD.")
    .refine((d) => DateTime.fromISO(d).isValid, "week_of is not a real date.")
    .optional(),
});

export const GET = apiHandler({ scope: "read", surface: "health-analysis" }, async ({ req, caller }) => {
  const { week_of } = parseQuery(req, query);
  // Any day of a week names that week (its Monday), in the person's timezone.
  const weekOf = (week_of ? DateTime.fromISO(week_of, { zone: caller.timezone }) : DateTime.now().setZone(caller.timezone)).startOf("week").toISODate()!;
  const brief = await getWeeklyBrief(caller.viewer, weekOf);
  if (!brief) throw new AppError("not_found:brief", `There is no brief for the week of ${weekOf} yet. Briefs are written on Mondays, or on request with POST /api/v1/intelligence/generate.`);
  const strip = <T extends { userId?: string }>(rows: T[]) => rows.map(({ userId: _u, ...r }) => r);
  const { userId: _u, ...story } = brief.story;
  return json({
    weekOf,
    story,
    insights: strip(brief.insights),
    predictions: strip(brief.predictions),
    shadowPatterns: strip(brief.shadowPatterns),
    strategicMoves: strip(brief.strategicMoves),
  });
});
