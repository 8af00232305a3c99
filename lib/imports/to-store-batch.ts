import { mergeSleepSessions } from "@/lib/ingest/sleep-sessions";
import type { ParseResult } from "@/lib/ingest/types";
import { emptyBatch, type StoreBatch } from "@/db/queries/ingest";

/**
 * Maps an importer's ParseResult onto rows to store: sleep stage segments are merged into sessions,
 * and notes without text (LibreView logs many empty note events) are left out.
 */
export function toStoreBatch(result: ParseResult): StoreBatch {
  const batch = emptyBatch();
  for (const g of result.glucose) batch.glucose.push({ time: g.time, mgdl: g.mgdl, kind: g.kind, flag: g.flag, source: g.source, device: g.device });
  for (const s of mergeSleepSessions(result.sleep)) {
    batch.sleep.push({
      start: s.start, end: s.end, asleepMinutes: Math.round(s.asleepMin), inBedMinutes: s.inBedMin ? Math.round(s.inBedMin) : null,
      deepMinutes: Math.round(s.deepMin), remMinutes: Math.round(s.remMin), coreMinutes: Math.round(s.coreMin), awakeMinutes: Math.round(s.awakeMin),
      qualityScore: null, source: s.source, device: s.device,
    });
  }
  for (const a of result.activities) {
    batch.activities.push({
      time: a.time, end: a.end, type: a.type, durationMin: a.durationMin, intensity: a.intensity ?? null, kcal: a.kcal, distanceKm: a.distanceKm,
      steps: null, heartRateAvg: null, source: a.source, device: a.device,
    });
  }
  for (const m of result.meals) {
    batch.meals.push({ time: m.time, mealType: null, carbsG: m.carbsG, proteinG: null, fatG: null, kcal: m.kcal, description: m.description, source: m.source, device: m.device });
  }
  for (const n of result.notes) if (n.text) batch.notes.push({ time: n.time, text: n.text, source: n.source, device: n.device });
  for (const d of result.dailySteps) batch.dailySteps.push({ date: d.date, steps: d.steps, source: `apple-health:${d.source}`.slice(0, 80) });
  return batch;
}

/** Splits a batch into slices of at most `size` rows of each kind, for chunked, resumable storing. */
export function sliceBatch(batch: StoreBatch, size: number): StoreBatch[] {
  const longest = Math.max(...Object.values(batch).map((rows) => rows.length), 0);
  const slices: StoreBatch[] = [];
  for (let i = 0; i < longest; i += size) {
    slices.push({
      glucose: batch.glucose.slice(i, i + size), sleep: batch.sleep.slice(i, i + size), activities: batch.activities.slice(i, i + size),
      meals: batch.meals.slice(i, i + size), notes: batch.notes.slice(i, i + size), dailySteps: batch.dailySteps.slice(i, i + size),
    });
  }
  return slices;
}
