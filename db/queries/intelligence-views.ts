import { and, asc, desc, eq, gt, gte, lt, sql } from "drizzle-orm";
import { activities, correlations, dailyAggregates, meals, patterns, shadowPatterns, sleepSessions, weeklyHealthStories } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { withViewer, type Viewer } from "./context";

/**
 * Reads for the /intelligence pages that no other module had: events on a time axis, how fresh the
 * stored analysis is, and the latest brief's shadow patterns. Each runs under the viewer's RLS.
 */

/** More events than this per kind in one range is not a timeline a person reads; 90 days of 6 meals a day fit. */
export const MAX_EVENTS_PER_KIND = 2_000;
/** The longest range the timeline asks for (its 90-day view), with room for a time zone's slack. */
const MAX_RANGE_MS = 92 * 86_400_000;

export type TimelineMeal = { time: Date; mealType: string | null; carbsG: number | null; kcal: number | null; description: string | null };
export type TimelineActivity = { time: Date; end: Date | null; type: string; durationMin: number | null; intensity: string | null };
export type TimelineSleep = { start: Date; end: Date; asleepMinutes: number | null };
export type TimelineEvents = { meals: TimelineMeal[]; activities: TimelineActivity[]; sleep: TimelineSleep[] };

/**
 * Meals, activities and sleep sessions that touch [start, end): a meal by its time; an activity or a
 * night by its span, so a night that began before `start` and ended inside the range is on the axis.
 * Each list is in time order and holds at most MAX_EVENTS_PER_KIND items.
 */
export async function listTimelineEvents(viewer: Viewer, range: { start: Date; end: Date }): Promise<TimelineEvents> {
  const span = range.end.getTime() - range.start.getTime();
  if (!(span > 0) || span > MAX_RANGE_MS) {
    throw new AppError("bad_request:timeline", "The timeline shows between one moment and 90 days: choose a shorter range.");
  }
  return withViewer(viewer, async (tx) => {
    const mealRows = await tx
      .select({ time: meals.time, mealType: meals.mealType, carbsG: meals.carbsG, kcal: meals.kcal, description: meals.description })
      .from(meals)
      .where(and(eq(meals.userId, viewer.userId), gte(meals.time, range.start), lt(meals.time, range.end)))
      .orderBy(asc(meals.time))
      .limit(MAX_EVENTS_PER_KIND);
    // An activity without an end (a manual "30 min walk") ends `duration_min` after it starts.
    const activityEnd = sql`coalesce(${activities.end}, ${activities.time} + make_interval(secs => coalesce(${activities.durationMin}, 0) * 60))`;
    const activityRows = await tx
      .select({ time: activities.time, end: activities.end, type: activities.type, durationMin: activities.durationMin, intensity: activities.intensity })
      .from(activities)
      .where(and(eq(activities.userId, viewer.userId), lt(activities.time, range.end), sql`${activityEnd} >= ${range.start}`))
      .orderBy(asc(activities.time))
      .limit(MAX_EVENTS_PER_KIND);
    const sleepRows = await tx
      .select({ start: sleepSessions.start, end: sleepSessions.end, asleepMinutes: sleepSessions.asleepMinutes })
      .from(sleepSessions)
      .where(and(eq(sleepSessions.userId, viewer.userId), lt(sleepSessions.start, range.end), gt(sleepSessions.end, range.start)))
      .orderBy(asc(sleepSessions.start))
      .limit(MAX_EVENTS_PER_KIND);
    return { meals: mealRows, activities: activityRows, sleep: sleepRows };
  });
}

export type AnalysisFreshness = {
  /** When the stored correlations were computed (the latest pass), or null without any. */
  correlationsComputedAt: Date | null;
  correlationCount: number;
  significantCount: number;
  /** When the stored patterns (motifs, rules, causal links…) were discovered, or null without any. */
  patternsDiscoveredAt: Date | null;
  patternCount: number;
  /** The newest weekly brief, or null before the first one. */
  latestBrief: { weekOf: string; generatedAt: Date; partial: boolean } | null;
  /** Local days with at least one glucose reading (all history): 0 means there is nothing to analyze yet. */
  glucoseDays: number;
  /** The newest local day with a glucose reading (YYYY-MM-DD), or null. */
  lastGlucoseDate: string | null;
};

/** How much analysis a person has and how old it is: the empty state and the "stale" banner read this. */
export async function getAnalysisFreshness(viewer: Viewer): Promise<AnalysisFreshness> {
  return withViewer(viewer, async (tx) => {
    const toDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
    const [corr] = await tx
      .select({
        at: sql<string | null>`max(${correlations.computedAt})`,
        n: sql<number>`count(*)`.mapWith(Number),
        significant: sql<number>`count(*) filter (where ${correlations.significant})`.mapWith(Number),
      })
      .from(correlations)
      .where(eq(correlations.userId, viewer.userId));
    const [pat] = await tx
      .select({ at: sql<string | null>`max(${patterns.discoveredAt})`, n: sql<number>`count(*)`.mapWith(Number) })
      .from(patterns)
      .where(eq(patterns.userId, viewer.userId));
    const [brief] = await tx
      .select({ weekOf: weeklyHealthStories.weekOf, generatedAt: weeklyHealthStories.generatedAt, partial: weeklyHealthStories.partial })
      .from(weeklyHealthStories)
      .where(eq(weeklyHealthStories.userId, viewer.userId))
      .orderBy(desc(weeklyHealthStories.weekOf))
      .limit(1);
    const [days] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number), last: sql<string | null>`max(${dailyAggregates.date})::text` })
      .from(dailyAggregates)
      .where(and(eq(dailyAggregates.userId, viewer.userId), gt(dailyAggregates.readings, 0)));
    return {
      correlationsComputedAt: toDate(corr?.at),
      correlationCount: corr?.n ?? 0,
      significantCount: corr?.significant ?? 0,
      patternsDiscoveredAt: toDate(pat?.at),
      patternCount: pat?.n ?? 0,
      latestBrief: brief ?? null,
      glucoseDays: days?.n ?? 0,
      lastGlucoseDate: days?.last ?? null,
    };
  });
}

export type ShadowPattern = typeof shadowPatterns.$inferSelect;

/**
 * The shadow patterns of the newest weekly brief (the brief decides what is "in the shadow" each
 * week, so older weeks' items are history, not current), most significant first; null before any brief.
 */
export async function getLatestShadowPatterns(viewer: Viewer): Promise<{ weekOf: string; generatedAt: Date; patterns: ShadowPattern[] } | null> {
  return withViewer(viewer, async (tx) => {
    const [story] = await tx
      .select({ id: weeklyHealthStories.id, weekOf: weeklyHealthStories.weekOf, generatedAt: weeklyHealthStories.generatedAt })
      .from(weeklyHealthStories)
      .where(eq(weeklyHealthStories.userId, viewer.userId))
      .orderBy(desc(weeklyHealthStories.weekOf))
      .limit(1);
    if (!story) return null;
    const rows = await tx
      .select()
      .from(shadowPatterns)
      .where(and(eq(shadowPatterns.userId, viewer.userId), eq(shadowPatterns.storyId, story.id)))
      // The enum's order is high, medium, low.
      .orderBy(asc(shadowPatterns.significance), asc(shadowPatterns.patternName));
    return { weekOf: story.weekOf, generatedAt: story.generatedAt, patterns: rows };
  });
}
