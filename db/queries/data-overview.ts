import { and, desc, eq, sql } from "drizzle-orm";
import { jobRuns } from "@/db/schema";
import { withViewer, type Viewer } from "./context";

export type DataKindSummary = { kind: string; count: number; first: Date | null; last: Date | null; sources: string[] };

/** What a person has stored, by kind: counts, first and last time, and where it came from. */
export async function getDataOverview(viewer: Viewer): Promise<DataKindSummary[]> {
  const result = await withViewer(viewer, (tx) =>
    tx.execute(sql`
      select 'Glucose readings' as kind, count(*)::int as count, min(time) as first, max(time) as last, coalesce(array_agg(distinct source), '{}') as sources
        from glucose_readings where user_id = ${viewer.userId}
      union all
      select 'Sleep sessions', count(*)::int, min(start), max("end"), coalesce(array_agg(distinct source), '{}') from sleep_sessions where user_id = ${viewer.userId}
      union all
      select 'Activities', count(*)::int, min(time), max(time), coalesce(array_agg(distinct source), '{}') from activities where user_id = ${viewer.userId}
      union all
      select 'Meals', count(*)::int, min(time), max(time), coalesce(array_agg(distinct source), '{}') from meals where user_id = ${viewer.userId}`),
  );
  const rows = (result as unknown as { rows: { kind: string; count: number; first: string | Date | null; last: string | Date | null; sources: string[] | string | null }[] }).rows;
  return rows.map((r) => ({
    kind: r.kind,
    count: Number(r.count),
    first: r.first ? new Date(r.first) : null,
    last: r.last ? new Date(r.last) : null,
    // node-postgres parses text[]; other drivers may hand back the literal "{a,b}".
    sources: (Array.isArray(r.sources) ? r.sources : String(r.sources ?? "").replace(/^\{|\}$/g, "").split(",")).filter(Boolean),
  }));
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
