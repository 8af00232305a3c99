import { and, asc, desc, eq, gte, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { correlations, dailyAggregates, patterns, users } from "@/db/schema";
import type { LaggedCorrelationRow } from "@/lib/analytics/correlation";
import type { DailyRow } from "@/lib/analytics/discovery/daily-features";
import type { DiscoveredPattern } from "@/lib/analytics/discovery/discover-patterns";
import { withSystem, withViewer, type Viewer } from "./context";
import { loadGlucoseSeries } from "./glucose";

/** The inputs of a discovery pass: the last `days` local days of aggregates and 5-minute glucose. */
export async function loadDiscoveryInput(viewer: Viewer, timezone: string, days = 90, now = new Date()) {
  const end = DateTime.fromJSDate(now, { zone: timezone }).startOf("day").plus({ days: 1 });
  const start = end.minus({ days });
  const rows = await withViewer(viewer, (tx) =>
    tx
      .select()
      .from(dailyAggregates)
      .where(and(eq(dailyAggregates.userId, viewer.userId), gte(dailyAggregates.date, start.toISODate()!)))
      .orderBy(asc(dailyAggregates.date)),
  );
  const glucose = await loadGlucoseSeries(viewer, { start: start.toJSDate(), end: end.toJSDate() });
  const daily: DailyRow[] = rows.map((r) => ({
    date: r.date, readings: r.readings, meanMgdl: r.meanMgdl, sdMgdl: r.sdMgdl, tirPercent: r.tirPercent, tarPercent: r.tarPercent,
    overnightMeanMgdl: r.overnightMeanMgdl, sleepMinutes: r.sleepMinutes, deepSleepMinutes: r.deepSleepMinutes, remSleepMinutes: r.remSleepMinutes,
    exerciseMinutes: r.exerciseMinutes, eveningExerciseMinutes: r.eveningExerciseMinutes, steps: r.steps, carbsG: r.carbsG,
    lateDinner: r.lateDinner, lastMealHour: r.lastMealHour,
  }));
  return { daily, glucose };
}

/** Replaces a person's correlations with a new pass, atomically (readers see the old or the new set). */
export async function replaceCorrelations(viewer: Viewer, rows: LaggedCorrelationRow[], computedAt = new Date()): Promise<number> {
  return withViewer(viewer, async (tx) => {
    await tx.delete(correlations).where(eq(correlations.userId, viewer.userId));
    if (rows.length === 0) return 0;
    await tx.insert(correlations).values(
      rows.map((r) => ({
        userId: viewer.userId, factor: r.factor, outcome: r.outcome, lagDays: r.lag, pearsonR: r.pearson.r, pearsonP: r.pearson.p,
        spearmanRho: r.spearman.rho, spearmanP: r.spearman.p, qValue: r.q, sampleSize: r.n, significant: r.significant,
        confidence: r.confidence, computedAt,
      })),
    );
    return rows.length;
  });
}

/** Replaces a person's patterns of the given types with a new pass, atomically. */
export async function replacePatterns(viewer: Viewer, types: DiscoveredPattern["patternType"][], found: DiscoveredPattern[], discoveredAt = new Date()): Promise<number> {
  return withViewer(viewer, async (tx) => {
    await tx.delete(patterns).where(and(eq(patterns.userId, viewer.userId), inArray(patterns.patternType, types)));
    const rows = found.filter((p) => types.includes(p.patternType));
    if (rows.length === 0) return 0;
    await tx.insert(patterns).values(rows.map((p) => ({ userId: viewer.userId, ...p, discoveredAt })));
    return rows.length;
  });
}

export async function listCorrelations(viewer: Viewer, options: { significantOnly?: boolean } = {}) {
  return withViewer(viewer, (tx) =>
    tx
      .select()
      .from(correlations)
      .where(options.significantOnly ? and(eq(correlations.userId, viewer.userId), eq(correlations.significant, true)) : eq(correlations.userId, viewer.userId))
      .orderBy(asc(correlations.qValue)),
  );
}

export async function listPatterns(viewer: Viewer) {
  return withViewer(viewer, (tx) =>
    tx.select().from(patterns).where(eq(patterns.userId, viewer.userId)).orderBy(asc(patterns.patternType), desc(patterns.confidence)),
  );
}

/** Patients with any data in the last `days` days: who the nightly and weekly analyses run for. */
export async function listActivePatientIds(days = 30, now = new Date()): Promise<string[]> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const rows = await withSystem((tx) =>
    tx
      .selectDistinct({ id: dailyAggregates.userId })
      .from(dailyAggregates)
      .innerJoin(users, eq(users.id, dailyAggregates.userId))
      .where(and(eq(users.role, "patient"), gte(dailyAggregates.date, since)))
      .orderBy(asc(dailyAggregates.userId)),
  );
  return rows.map((r) => r.id);
}
