import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { dailyAggregates, glucoseReadings } from "@/db/schema";
import { computeGlucoseMetrics } from "@/lib/analytics/glucose";
import { withViewer, type Viewer } from "./context";

export const MAX_READINGS_PER_REQUEST = 50_000;

export async function listGlucoseReadings(viewer: Viewer, range: { start: Date; end: Date }) {
  return withViewer(viewer, (tx) =>
    tx
      .select({ time: glucoseReadings.time, mgdl: glucoseReadings.mgdl, kind: glucoseReadings.kind, flag: glucoseReadings.flag, source: glucoseReadings.source, device: glucoseReadings.device })
      .from(glucoseReadings)
      .where(and(eq(glucoseReadings.userId, viewer.userId), gte(glucoseReadings.time, range.start), lt(glucoseReadings.time, range.end)))
      .orderBy(asc(glucoseReadings.time))
      .limit(MAX_READINGS_PER_REQUEST),
  );
}

/** Times and values as typed arrays, ready for lib/analytics (one pass, no per-row objects kept). */
export async function loadGlucoseSeries(viewer: Viewer, range: { start: Date; end: Date }) {
  const rows = await withViewer(viewer, (tx) =>
    tx
      .select({ t: sql<number>`(extract(epoch from ${glucoseReadings.time}) * 1000)::float8`.mapWith(Number), v: glucoseReadings.mgdl })
      .from(glucoseReadings)
      .where(and(eq(glucoseReadings.userId, viewer.userId), gte(glucoseReadings.time, range.start), lt(glucoseReadings.time, range.end)))
      .orderBy(asc(glucoseReadings.time)),
  );
  const times = new Float64Array(rows.length);
  const values = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    times[i] = r.t;
    values[i] = r.v;
  });
  return { times, values };
}

export type PeriodSummary = {
  days: number;
  from: string;
  to: string;
  timezone: string;
  unit: "mg/dL";
  readings: number;
  glucose: null | {
    mean: number; sd: number; cv: number; gmi: number; activePercent: number;
    timeInRanges: { veryLow: number; low: number; inRange: number; high: number; veryHigh: number };
    consensus: { id: string; label: string; value: number | null; target: string; met: boolean | null }[];
  };
  averages: { sleepMinutes: number | null; exerciseMinutes: number | null; carbsG: number | null; steps: number | null };
  note?: string;
};

/**
 * The last N local days (today included) summarized with the consensus metrics from lib/analytics,
 * plus daily averages of sleep, exercise, carbs and steps from the daily aggregates.
 */
export async function getPeriodSummary(viewer: Viewer, timezone: string, days: number, now = new Date()): Promise<PeriodSummary> {
  const end = DateTime.fromJSDate(now, { zone: timezone }).startOf("day").plus({ days: 1 });
  const start = end.minus({ days });
  const series = await loadGlucoseSeries(viewer, { start: start.toJSDate(), end: end.toJSDate() });
  const from = start.toISODate()!;
  const to = end.minus({ days: 1 }).toISODate()!;
  const [avg] = await withViewer(viewer, (tx) =>
    tx
      .select({
        sleep: sql<number | null>`avg(${dailyAggregates.sleepMinutes})`.mapWith((v) => (v === null ? null : Number(v))),
        exercise: sql<number | null>`avg(coalesce(${dailyAggregates.exerciseMinutes}, 0))`.mapWith((v) => (v === null ? null : Number(v))),
        carbs: sql<number | null>`avg(${dailyAggregates.carbsG})`.mapWith((v) => (v === null ? null : Number(v))),
        steps: sql<number | null>`avg(${dailyAggregates.steps})`.mapWith((v) => (v === null ? null : Number(v))),
      })
      .from(dailyAggregates)
      .where(and(eq(dailyAggregates.userId, viewer.userId), gte(dailyAggregates.date, from), sql`${dailyAggregates.date} <= ${to}`)),
  );
  const base = { days, from, to, timezone, unit: "mg/dL" as const, readings: series.values.length };
  const averages = { sleepMinutes: avg?.sleep ?? null, exerciseMinutes: avg?.exercise ?? null, carbsG: avg?.carbs ?? null, steps: avg?.steps ?? null };
  if (series.values.length < 2) {
    return { ...base, glucose: null, averages, note: "Not enough glucose readings in this period for the consensus metrics." };
  }
  const m = computeGlucoseMetrics(series, { timezone });
  const tir = m.timeInRanges;
  return {
    ...base,
    glucose: {
      mean: m.mean, sd: m.sd, cv: m.cv, gmi: m.gmi, activePercent: m.activePercent,
      timeInRanges: {
        veryLow: tir.below54,
        low: tir.below70 - tir.below54,
        inRange: tir.inRange70to180,
        high: tir.above180 - tir.above250,
        veryHigh: tir.above250,
      },
      consensus: m.consensus.map((c) => ({ id: c.id, label: c.label, value: c.value, target: `${c.comparator} ${c.threshold} %`, met: c.met })),
    },
    averages,
  };
}
