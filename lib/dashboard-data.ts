import { getDashboardOverview, getDataVersion } from "@/db/queries/dashboard";
import { loadGlucoseSeries } from "@/db/queries/glucose";
import type { Viewer } from "@/db/queries/context";
import { computeAgp, computeGlucoseMetrics, type Agp } from "@/lib/analytics/glucose";
import { cachedForPerson } from "@/lib/cache";

/** Everything the dashboard draws, as plain JSON (times in epoch ms) so it can be cached per person. */
export type DashboardData = {
  lastReading: { time: number; mgdl: number } | null;
  latestSleep: { end: number; asleepMinutes: number | null } | null;
  activitiesLast7d: number;
  mealsLast7d: number;
  day: { times: number[]; values: number[] };
  metrics: null | {
    mean: number; gmi: number; cv: number; activePercent: number;
    timeInRanges: { below54: number; below70: number; inRange70to180: number; above180: number; above250: number };
    consensus: { id: string; met: boolean | null }[];
  };
  agp: Pick<Agp, "smoothed" | "binMinutes" | "readings" | "daysWithData"> | null;
};

async function computeDashboardData(viewer: Viewer, timezone: string): Promise<DashboardData> {
  const overview = await getDashboardOverview(viewer);
  const base = {
    lastReading: overview.lastReading ? { time: overview.lastReading.time.getTime(), mgdl: overview.lastReading.mgdl } : null,
    latestSleep: overview.latestSleep ? { end: overview.latestSleep.end.getTime(), asleepMinutes: overview.latestSleep.asleepMinutes } : null,
    activitiesLast7d: overview.activitiesLast7d,
    mealsLast7d: overview.mealsLast7d,
  };
  if (!base.lastReading) return { ...base, day: { times: [], values: [] }, metrics: null, agp: null };
  // Windows end at the last reading: stale data still draws (with a banner), never an empty chart.
  const end = base.lastReading.time;
  const [day, fortnight] = await Promise.all([
    loadGlucoseSeries(viewer, { start: new Date(end - 24 * 3_600_000), end: new Date(end + 1) }),
    loadGlucoseSeries(viewer, { start: new Date(end - 14 * 86_400_000), end: new Date(end + 1) }),
  ]);
  const enough = fortnight.values.length >= 2;
  const m = enough ? computeGlucoseMetrics(fortnight, { timezone }) : null;
  const agp = enough ? computeAgp(fortnight, { timezone, days: 14 }) : null;
  return {
    ...base,
    day: { times: Array.from(day.times), values: Array.from(day.values) },
    metrics: m && {
      mean: m.mean, gmi: m.gmi, cv: m.cv, activePercent: m.activePercent,
      timeInRanges: { below54: m.timeInRanges.below54, below70: m.timeInRanges.below70, inRange70to180: m.timeInRanges.inRange70to180, above180: m.timeInRanges.above180, above250: m.timeInRanges.above250 },
      consensus: m.consensus.map((c) => ({ id: c.id, met: c.met })),
    },
    agp: agp && { smoothed: agp.smoothed, binMinutes: agp.binMinutes, readings: agp.readings, daysWithData: agp.daysWithData },
  };
}

/**
 * Cached per person (tag `person:<id>`). The key carries the person's data version, so data written
 * by a background job (where no tag can be expired) is never hidden behind an old entry.
 */
export async function getDashboardData(viewer: Viewer, timezone: string): Promise<DashboardData> {
  const version = await getDataVersion(viewer);
  return cachedForPerson(viewer.userId, ["dashboard", version, timezone], () => computeDashboardData(viewer, timezone));
}
