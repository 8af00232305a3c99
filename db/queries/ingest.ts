import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { activities, dailySteps, healthNotes, meals, sleepSessions } from "@/db/schema";
import { createLocalDater } from "@/lib/time";
import { withViewer, type Viewer } from "./context";
import { recomputeDailyAggregates } from "./daily-aggregates";

/** Rows ready to store, already validated and in mg/dL. `source` is part of each row's identity. */
export type StoreBatch = {
  glucose: { time: Date; mgdl: number; kind: "cgm" | "scan" | "manual"; flag: "high" | "low" | null; source: string; device: string | null }[];
  sleep: {
    start: Date; end: Date; asleepMinutes: number | null; inBedMinutes: number | null; deepMinutes: number | null; remMinutes: number | null;
    coreMinutes: number | null; awakeMinutes: number | null; qualityScore: number | null; source: string; device: string | null;
  }[];
  activities: {
    time: Date; end: Date | null; type: string; durationMin: number | null; intensity: string | null; kcal: number | null;
    distanceKm: number | null; steps: number | null; heartRateAvg: number | null; source: string; device: string | null;
  }[];
  meals: {
    time: Date; mealType: string | null; carbsG: number | null; proteinG: number | null; fatG: number | null; kcal: number | null;
    description: string | null; source: string; device: string | null;
  }[];
  notes: { time: Date; text: string | null; source: string; device: string | null }[];
  dailySteps: { date: string; steps: number; source: string }[];
};

export function emptyBatch(): StoreBatch {
  return { glucose: [], sleep: [], activities: [], meals: [], notes: [], dailySteps: [] };
}

export type StoreCounts = { inserted: number; duplicates: number; byKind: Record<keyof StoreBatch, { inserted: number; duplicates: number }> };

const CHUNK = 5_000;
// Multi-row VALUES: PostgreSQL allows 65,535 parameters, so wide rows go in smaller chunks.
const ROW_CHUNK = 1_000;

/**
 * Stores a batch for one person in ONE transaction under their RLS, skipping rows already stored
 * (unique on user + time + source), and recomputes the daily aggregates of every local day touched.
 * A failure anywhere rolls everything back: nothing half-written.
 */
export async function storeHealthBatch(viewer: Viewer, timezone: string, batch: StoreBatch): Promise<StoreCounts & { daysRecomputed: number }> {
  return withViewer(viewer, async (tx) => {
    const counts = await insertBatch(tx, viewer.userId, batch);
    const days = touchedDates(batch, timezone);
    const daysRecomputed = await recomputeDailyAggregates(tx, viewer.userId, timezone, days);
    return { ...counts, daysRecomputed };
  });
}

/** Stores rows (one transaction, duplicates skipped) without touching aggregates: for chunked imports. */
export async function insertHealthBatch(viewer: Viewer, batch: StoreBatch): Promise<StoreCounts> {
  return withViewer(viewer, (tx) => insertBatch(tx, viewer.userId, batch));
}

/** Recomputes the daily aggregates of the given local days in one transaction. */
export async function recomputeDays(viewer: Viewer, timezone: string, dates: Iterable<string>): Promise<number> {
  return withViewer(viewer, (tx) => recomputeDailyAggregates(tx, viewer.userId, timezone, dates));
}

/** The local dates a batch touches (sleep counts toward the day it ends). */
export function touchedDates(batch: StoreBatch, timezone: string): Set<string> {
  const dates = new Set<string>();
  const dateOf = createLocalDater(timezone);
  for (const g of batch.glucose) dates.add(dateOf(g.time.getTime()));
  for (const s of batch.sleep) dates.add(dateOf(s.end.getTime()));
  for (const a of batch.activities) dates.add(dateOf(a.time.getTime()));
  for (const m of batch.meals) dates.add(dateOf(m.time.getTime()));
  for (const d of batch.dailySteps) dates.add(d.date);
  return dates;
}

export async function insertBatch(tx: Tx, userId: string, batch: StoreBatch): Promise<StoreCounts> {
  const byKind = {} as StoreCounts["byKind"];
  const count = (kind: keyof StoreBatch, sent: number, inserted: number) => {
    byKind[kind] = { inserted, duplicates: sent - inserted };
  };
  count("glucose", batch.glucose.length, await insertGlucose(tx, userId, batch.glucose));
  count("sleep", batch.sleep.length, await insertRows(tx, sleepSessions, batch.sleep.map((r) => ({ ...r, userId }))));
  count("activities", batch.activities.length, await insertRows(tx, activities, batch.activities.map((r) => ({ ...r, userId }))));
  count("meals", batch.meals.length, await insertRows(tx, meals, batch.meals.map((r) => ({ ...r, userId }))));
  count("notes", batch.notes.length, await insertRows(tx, healthNotes, batch.notes.map((r) => ({ ...r, userId }))));
  count("dailySteps", batch.dailySteps.length, await insertRows(tx, dailySteps, batch.dailySteps.map((r) => ({ ...r, userId }))));
  const inserted = Object.values(byKind).reduce((a, b) => a + b.inserted, 0);
  const duplicates = Object.values(byKind).reduce((a, b) => a + b.duplicates, 0);
  return { inserted, duplicates, byKind };
}

/**
 * Glucose is the hot path (a year of CGM is 105,120 rows): one INSERT … SELECT FROM unnest(arrays)
 * per 5,000 rows sends 7 array parameters instead of 35,000 scalars, several times faster than
 * multi-row VALUES and the same on PGlite, node-postgres and Neon.
 */
async function insertGlucose(tx: Tx, userId: string, rows: StoreBatch["glucose"]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const times = `{${chunk.map((r) => `"${r.time.toISOString()}"`).join(",")}}`;
    const values = `{${chunk.map((r) => r.mgdl).join(",")}}`;
    const kinds = `{${chunk.map((r) => r.kind).join(",")}}`;
    const flags = `{${chunk.map((r) => r.flag ?? "NULL").join(",")}}`;
    const sources = pgTextArray(chunk.map((r) => r.source));
    const devices = pgTextArray(chunk.map((r) => r.device));
    const result = await tx.execute(sql`
      insert into glucose_readings (user_id, time, mgdl, kind, flag, source, device)
      select ${userId}::uuid, t, v, k::glucose_kind, f::glucose_flag, s, d
      from unnest(${times}::timestamptz[], ${values}::float8[], ${kinds}::text[], ${flags}::text[], ${sources}::text[], ${devices}::text[]) as u(t, v, k, f, s, d)
      on conflict (user_id, time, source) do nothing
      returning 1`);
    inserted += affected(result);
  }
  return inserted;
}

/** A PostgreSQL text[] literal with every element quoted (NULL for null). */
function pgTextArray(values: (string | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

function affected(result: unknown): number {
  const r = result as { rows?: unknown[]; rowCount?: number | null; affectedRows?: number };
  return r.rows?.length ?? r.rowCount ?? r.affectedRows ?? 0;
}

async function insertRows(tx: Tx, table: typeof sleepSessions | typeof activities | typeof meals | typeof healthNotes | typeof dailySteps, rows: Record<string, unknown>[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += ROW_CHUNK) {
    const result = await tx
      .insert(table)
      .values(rows.slice(i, i + ROW_CHUNK) as never)
      .onConflictDoNothing()
      .returning({ one: sql`1` });
    inserted += result.length;
  }
  return inserted;
}
