import { and, desc, eq, sql } from "drizzle-orm";
import { activities, glucoseReadings, jobRuns, meals, sleepSessions } from "@/db/schema";
import { withViewer, type Viewer } from "./context";

export type DataKindSummary = { kind: string; count: number; first: Date | null; last: Date | null; sources: string[] };

/** What a person has stored, by kind: counts, first and last time, and where it came from. */
export async function getDataOverview(viewer: Viewer): Promise<DataKindSummary[]> {
  return withViewer(viewer, async (tx) => {
    const summarize = async (kind: string, table: typeof glucoseReadings | typeof activities | typeof meals, timeCol: typeof glucoseReadings.time) => {
      const [row] = await tx
        .select({
          count: sql<number>`count(*)`.mapWith(Number),
          first: sql<Date | null>`min(${timeCol})`.mapWith((v) => (v ? new Date(v) : null)),
          last: sql<Date | null>`max(${timeCol})`.mapWith((v) => (v ? new Date(v) : null)),
          sources: sql<string[]>`coalesce(array_agg(distinct ${table.source}), '{}')`,
        })
        .from(table)
        .where(eq(table.userId, viewer.userId));
      return { kind, count: row.count, first: row.first, last: row.last, sources: (row.sources ?? []).filter(Boolean) };
    };
    const [sleepRow] = await tx
      .select({
        count: sql<number>`count(*)`.mapWith(Number),
        first: sql<Date | null>`min(${sleepSessions.start})`.mapWith((v) => (v ? new Date(v) : null)),
        last: sql<Date | null>`max(${sleepSessions.end})`.mapWith((v) => (v ? new Date(v) : null)),
        sources: sql<string[]>`coalesce(array_agg(distinct ${sleepSessions.source}), '{}')`,
      })
      .from(sleepSessions)
      .where(eq(sleepSessions.userId, viewer.userId));
    return [
      await summarize("Glucose readings", glucoseReadings, glucoseReadings.time),
      { kind: "Sleep sessions", count: sleepRow.count, first: sleepRow.first, last: sleepRow.last, sources: (sleepRow.sources ?? []).filter(Boolean) },
      await summarize("Activities", activities, activities.time),
      await summarize("Meals", meals, meals.time),
    ];
  });
}

export type ImportRun = { id: string; status: string; fileName: string | null; createdAt: Date; finishedAt: Date | null; output: unknown; error: string | null };

/** The person's recent file imports (their job runs, visible to them under RLS). */
export async function listRecentImports(viewer: Viewer, limit = 10): Promise<ImportRun[]> {
  const rows = await withViewer(viewer, (tx) =>
    tx
      .select({ id: jobRuns.id, status: jobRuns.status, data: jobRuns.eventData, createdAt: jobRuns.createdAt, finishedAt: jobRuns.finishedAt, output: jobRuns.output, error: jobRuns.error })
      .from(jobRuns)
      .where(and(eq(jobRuns.userId, viewer.userId), eq(jobRuns.functionId, "ingest-file")))
      .orderBy(desc(jobRuns.createdAt))
      .limit(limit),
  );
  return rows.map((r) => ({ id: r.id, status: r.status, fileName: (r.data as { fileName?: string }).fileName ?? null, createdAt: r.createdAt, finishedAt: r.finishedAt, output: r.output, error: r.error }));
}
