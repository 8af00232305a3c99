import { and, eq, sql } from "drizzle-orm";
import { intelligenceAnalytics, userPreferences, weeklyBriefState, weeklyHealthStories } from "@/db/schema";
import { withViewer, type Viewer } from "./context";
import { AppError } from "@/lib/errors";

export type BriefFrequency = "weekly" | "biweekly" | "monthly" | "never";
export type OverlayDecision = { show: boolean; weekOf: string; storyId: string | null; title: string | null; reason: string };

/**
 * Whether the dashboard shows this week's brief overlay: only when the brief is ready, the overlay
 * is on, and the person has not dismissed it this week (seeds/weekly-intelligence.md: once per cycle).
 */
export async function getOverlayDecision(viewer: Viewer, weekOf: string): Promise<OverlayDecision> {
  return withViewer(viewer, async (tx) => {
    const [prefs] = await tx.select().from(userPreferences).where(eq(userPreferences.userId, viewer.userId));
    const [story] = await tx
      .select({ id: weeklyHealthStories.id, title: weeklyHealthStories.title })
      .from(weeklyHealthStories)
      .where(and(eq(weeklyHealthStories.userId, viewer.userId), eq(weeklyHealthStories.weekOf, weekOf)));
    if (!story) return { show: false, weekOf, storyId: null, title: null, reason: "no brief this week yet" };
    if (prefs && !prefs.weeklyBriefEnabled) return { show: false, weekOf, storyId: story.id, title: story.title, reason: "overlay turned off" };
    const [state] = await tx.select().from(weeklyBriefState).where(and(eq(weeklyBriefState.userId, viewer.userId), eq(weeklyBriefState.weekOf, weekOf)));
    if (state?.dismissedAt) return { show: false, weekOf, storyId: story.id, title: story.title, reason: "dismissed this week" };
    return { show: true, weekOf, storyId: story.id, title: story.title, reason: "new brief" };
  });
}

export type BriefEvent =
  | { type: "impression" }
  | { type: "engaged" }
  | { type: "meaningful"; scrollDepth: number }
  | { type: "engagement_time"; seconds: number }
  | { type: "soft_dismiss"; seconds: number }
  | { type: "turn_off"; seconds: number }
  | { type: "pattern_clicked" }
  | { type: "move_acted" };

/**
 * Records what the person did with the overlay, per person and week (impressions, engagement,
 * dismissals). Only for a week that has their brief: events for any other week are refused, not kept.
 */
export async function recordBriefEvent(viewer: Viewer, weekOf: string, event: BriefEvent): Promise<void> {
  await withViewer(viewer, async (tx) => {
    const [story] = await tx
      .select({ id: weeklyHealthStories.id })
      .from(weeklyHealthStories)
      .where(and(eq(weeklyHealthStories.userId, viewer.userId), eq(weeklyHealthStories.weekOf, weekOf)));
    if (!story) throw new AppError("not_found:brief", "There is no brief for that week.");
    const key = { userId: viewer.userId, weekOf };
    await tx.insert(weeklyBriefState).values(key).onConflictDoNothing();
    await tx.insert(intelligenceAnalytics).values(key).onConflictDoNothing();
    const state = and(eq(weeklyBriefState.userId, viewer.userId), eq(weeklyBriefState.weekOf, weekOf));
    const analytics = and(eq(intelligenceAnalytics.userId, viewer.userId), eq(intelligenceAnalytics.weekOf, weekOf));
    const seconds = "seconds" in event ? Math.max(0, Math.min(event.seconds, 3600)) : 0;
    switch (event.type) {
      case "impression":
        await tx.update(weeklyBriefState).set({ impressions: sql`${weeklyBriefState.impressions} + 1`, firstShownAt: sql`coalesce(${weeklyBriefState.firstShownAt}, now())`, updatedAt: new Date() }).where(state);
        break;
      case "engaged":
        await tx.update(weeklyBriefState).set({ engagedViews: sql`${weeklyBriefState.engagedViews} + 1`, updatedAt: new Date() }).where(state);
        break;
      case "meaningful":
        await tx.update(weeklyBriefState).set({ meaningfulEngagements: sql`${weeklyBriefState.meaningfulEngagements} + 1`, updatedAt: new Date() }).where(state);
        await tx.update(intelligenceAnalytics).set({ briefScrollDepth: sql`greatest(${intelligenceAnalytics.briefScrollDepth}, ${Math.max(0, Math.min(1, event.scrollDepth))})` }).where(analytics);
        break;
      case "pattern_clicked":
        await tx.update(intelligenceAnalytics).set({ patternsClicked: sql`${intelligenceAnalytics.patternsClicked} + 1` }).where(analytics);
        break;
      case "move_acted":
        await tx.update(intelligenceAnalytics).set({ recommendationsActioned: sql`${intelligenceAnalytics.recommendationsActioned} + 1` }).where(analytics);
        break;
      case "engagement_time":
      case "soft_dismiss":
      case "turn_off":
        await tx.update(weeklyBriefState).set({ engagementSeconds: sql`${weeklyBriefState.engagementSeconds} + ${seconds}`, updatedAt: new Date(), ...(event.type !== "engagement_time" ? { dismissedAt: new Date() } : {}) }).where(state);
        await tx.update(intelligenceAnalytics).set({ briefViewSeconds: sql`${intelligenceAnalytics.briefViewSeconds} + ${seconds}` }).where(analytics);
        if (event.type !== "engagement_time") {
          await tx.insert(userPreferences).values({ userId: viewer.userId }).onConflictDoNothing();
          await tx
            .update(userPreferences)
            .set({
              totalBriefsDismissed: sql`${userPreferences.totalBriefsDismissed} + 1`,
              lastBriefDismissedAt: new Date(),
              ...(event.type === "turn_off" ? { weeklyBriefEnabled: false } : {}),
              updatedAt: new Date(),
            })
            .where(eq(userPreferences.userId, viewer.userId));
        }
        break;
    }
  });
}

/** Visiting /weekly-brief turns the overlay back on (the person came looking for it). */
export async function enableBriefOverlay(viewer: Viewer): Promise<void> {
  await withViewer(viewer, async (tx) => {
    await tx.insert(userPreferences).values({ userId: viewer.userId }).onConflictDoNothing();
    await tx.update(userPreferences).set({ weeklyBriefEnabled: true, updatedAt: new Date() }).where(and(eq(userPreferences.userId, viewer.userId), eq(userPreferences.weeklyBriefEnabled, false)));
  });
}

export async function getBriefPreferences(viewer: Viewer): Promise<{ enabled: boolean; frequency: BriefFrequency }> {
  const [prefs] = await withViewer(viewer, (tx) => tx.select().from(userPreferences).where(eq(userPreferences.userId, viewer.userId)));
  return { enabled: prefs?.weeklyBriefEnabled ?? true, frequency: prefs?.weeklyBriefFrequency ?? "weekly" };
}

export async function setBriefFrequency(viewer: Viewer, frequency: BriefFrequency): Promise<void> {
  await withViewer(viewer, async (tx) => {
    await tx.insert(userPreferences).values({ userId: viewer.userId, weeklyBriefFrequency: frequency }).onConflictDoUpdate({ target: userPreferences.userId, set: { weeklyBriefFrequency: frequency, updatedAt: new Date() } });
  });
}
