import { cache } from "react";
import { DateTime } from "luxon";
import type { Viewer } from "@/db/queries/context";
import { listCorrelations, listPatterns } from "@/db/queries/analysis";
import { listDailyAggregates } from "@/db/queries/daily-aggregates";
import { getAnalysisFreshness, getLatestShadowPatterns } from "@/db/queries/intelligence-views";
import { computeVelocity, DEFAULT_VELOCITY_WEEKS } from "@/lib/analytics/velocity";

/**
 * The reads the intelligence panels share, deduplicated per request with React's cache(): two panels
 * that need the same rows (velocity cards and table; the stale banner and the empty state) cost one
 * query. Arguments are primitives so the cache key is stable.
 */

function asViewer(userId: string, role: Viewer["role"]): Viewer {
  return { userId, role };
}

/** Today in the person's zone: the last day of the most recent velocity week. */
export function todayIn(timezone: string, now = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toISODate()!;
}

export const loadVelocity = cache(async (userId: string, role: Viewer["role"], endDate: string) => {
  const from = DateTime.fromISO(endDate).minus({ days: 7 * DEFAULT_VELOCITY_WEEKS - 1 }).toISODate()!;
  const days = await listDailyAggregates(asViewer(userId, role), { from, to: endDate });
  return computeVelocity(days, { endDate });
});

export const loadFreshness = cache(async (userId: string, role: Viewer["role"]) => getAnalysisFreshness(asViewer(userId, role)));

export const loadCorrelations = cache(async (userId: string, role: Viewer["role"]) => listCorrelations(asViewer(userId, role)));

export const loadPatterns = cache(async (userId: string, role: Viewer["role"]) => listPatterns(asViewer(userId, role)));

export const loadShadowPatterns = cache(async (userId: string, role: Viewer["role"]) => getLatestShadowPatterns(asViewer(userId, role)));
