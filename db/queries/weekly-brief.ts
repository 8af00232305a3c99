import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import {
  correlations, dailyAggregates, healthInsights, healthPredictions, shadowPatterns, strategicMoves, userPreferences, users, weeklyHealthStories,
} from "@/db/schema";
import type { BriefDraft } from "@/lib/ai/brief-draft";
import type { WeeklyInputDay } from "@/lib/intelligence/window-stats";
import type { StoredCorrelation } from "@/lib/analytics/discovery/recommendations";
import { AppError } from "@/lib/errors";
import { withSystem, withViewer, type Viewer } from "./context";

/** Weeks of history a brief looks at (baselines, shadow patterns, calibrated predictions). */
export const BRIEF_HISTORY_WEEKS = 26;

/** The daily rows and stored correlations a week's brief is built from, all read under the person's RLS. */
export async function loadWeeklyInput(viewer: Viewer, weekOf: string): Promise<{ days: WeeklyInputDay[]; correlations: StoredCorrelation[] }> {
  const from = DateTime.fromISO(weekOf).minus({ weeks: BRIEF_HISTORY_WEEKS }).toISODate()!;
  const to = DateTime.fromISO(weekOf).plus({ days: 6 }).toISODate()!;
  return withViewer(viewer, async (tx) => {
    const rows = await tx
      .select()
      .from(dailyAggregates)
      .where(and(eq(dailyAggregates.userId, viewer.userId), gte(dailyAggregates.date, from), lte(dailyAggregates.date, to)))
      .orderBy(asc(dailyAggregates.date));
    const corr = await tx
      .select({
        factor: correlations.factor, outcome: correlations.outcome, lagDays: correlations.lagDays, spearmanRho: correlations.spearmanRho,
        qValue: correlations.qValue, sampleSize: correlations.sampleSize, significant: correlations.significant, confidence: correlations.confidence,
      })
      .from(correlations)
      .where(eq(correlations.userId, viewer.userId));
    const days: WeeklyInputDay[] = rows.map((r) => ({
      date: r.date, readings: r.readings, meanMgdl: r.meanMgdl, sdMgdl: r.sdMgdl, tirPercent: r.tirPercent, tarPercent: r.tarPercent,
      tbrPercent: r.tbrPercent, overnightMeanMgdl: r.overnightMeanMgdl, sleepMinutes: r.sleepMinutes, deepSleepMinutes: r.deepSleepMinutes,
      remSleepMinutes: r.remSleepMinutes, exerciseMinutes: r.exerciseMinutes, eveningExerciseMinutes: r.eveningExerciseMinutes, steps: r.steps,
      carbsG: r.carbsG, lateDinner: r.lateDinner, lastMealHour: r.lastMealHour,
    }));
    return { days, correlations: corr };
  });
}

/**
 * Replaces a person's brief for a week in ONE transaction: the story row is updated in place (its id
 * and the person's note survive a regeneration), the week's items are swapped. Readers see the old
 * brief until this commits, never a half-written one, and a repeated run leaves exactly one brief.
 */
export async function replaceWeeklyBrief(viewer: Viewer, weekOf: string, draft: BriefDraft, meta: { runId?: string | null; generatedAt?: Date } = {}): Promise<string> {
  const generatedAt = meta.generatedAt ?? new Date();
  return withViewer(viewer, async (tx) => {
    const [story] = await tx
      .insert(weeklyHealthStories)
      .values({
        userId: viewer.userId, weekOf, title: draft.story.title, narrative: draft.story.narrative, evidence: draft.story.evidence,
        provider: draft.story.provider, partial: draft.partial, runId: meta.runId ?? null, generatedAt,
      })
      .onConflictDoUpdate({
        target: [weeklyHealthStories.userId, weeklyHealthStories.weekOf],
        set: {
          title: draft.story.title, narrative: draft.story.narrative, evidence: draft.story.evidence, provider: draft.story.provider,
          partial: draft.partial, runId: meta.runId ?? null, generatedAt,
        },
      })
      .returning({ id: weeklyHealthStories.id });
    const week = (t: typeof healthInsights | typeof healthPredictions | typeof shadowPatterns | typeof strategicMoves) =>
      and(eq(t.userId, viewer.userId), eq(t.weekOf, weekOf));
    await tx.delete(healthInsights).where(week(healthInsights));
    await tx.delete(healthPredictions).where(week(healthPredictions));
    await tx.delete(shadowPatterns).where(week(shadowPatterns));
    await tx.delete(strategicMoves).where(week(strategicMoves));
    const base = { userId: viewer.userId, storyId: story.id, weekOf };
    if (draft.insights.length) await tx.insert(healthInsights).values(draft.insights.map((i) => ({ ...base, ...i })));
    if (draft.predictions.length) await tx.insert(healthPredictions).values(draft.predictions.map((p) => ({ ...base, ...p })));
    if (draft.shadowPatterns.length) await tx.insert(shadowPatterns).values(draft.shadowPatterns.map((p) => ({ ...base, ...p })));
    if (draft.strategicMoves.length) await tx.insert(strategicMoves).values(draft.strategicMoves.map((m) => ({ ...base, ...m })));
    return story.id;
  });
}

export type WeeklyBrief = {
  story: typeof weeklyHealthStories.$inferSelect;
  insights: (typeof healthInsights.$inferSelect)[];
  predictions: (typeof healthPredictions.$inferSelect)[];
  shadowPatterns: (typeof shadowPatterns.$inferSelect)[];
  strategicMoves: (typeof strategicMoves.$inferSelect)[];
};

/** A week's brief for its owner, or null when that week has none. */
export async function getWeeklyBrief(viewer: Viewer, weekOf: string): Promise<WeeklyBrief | null> {
  return withViewer(viewer, async (tx) => {
    const [story] = await tx.select().from(weeklyHealthStories).where(and(eq(weeklyHealthStories.userId, viewer.userId), eq(weeklyHealthStories.weekOf, weekOf)));
    if (!story) return null;
    const byStory = { insights: healthInsights, predictions: healthPredictions, shadows: shadowPatterns, moves: strategicMoves };
    // One after another: a transaction is one connection, and pg will not pipeline queries on it.
    const insights = await tx.select().from(byStory.insights).where(eq(byStory.insights.storyId, story.id)).orderBy(desc(byStory.insights.confidence));
    const predictions = await tx.select().from(byStory.predictions).where(eq(byStory.predictions.storyId, story.id)).orderBy(desc(byStory.predictions.probability));
    const shadows = await tx.select().from(byStory.shadows).where(eq(byStory.shadows.storyId, story.id));
    const moves = await tx.select().from(byStory.moves).where(eq(byStory.moves.storyId, story.id)).orderBy(desc(byStory.moves.priority));
    return { story, insights, predictions, shadowPatterns: shadows, strategicMoves: moves };
  });
}

/** The weeks that have a brief, newest first (for history navigation). */
export async function listBriefWeeks(viewer: Viewer): Promise<{ weekOf: string; title: string; partial: boolean; generatedAt: Date }[]> {
  return withViewer(viewer, (tx) =>
    tx
      .select({ weekOf: weeklyHealthStories.weekOf, title: weeklyHealthStories.title, partial: weeklyHealthStories.partial, generatedAt: weeklyHealthStories.generatedAt })
      .from(weeklyHealthStories)
      .where(eq(weeklyHealthStories.userId, viewer.userId))
      .orderBy(desc(weeklyHealthStories.weekOf)),
  );
}

/** The person's own note on a week's story (it goes into the PDF). */
export async function updatePersonalNote(viewer: Viewer, weekOf: string, note: string): Promise<void> {
  const rows = await withViewer(viewer, (tx) =>
    tx
      .update(weeklyHealthStories)
      .set({ personalNote: note.trim() === "" ? null : note.trim() })
      .where(and(eq(weeklyHealthStories.userId, viewer.userId), eq(weeklyHealthStories.weekOf, weekOf)))
      .returning({ id: weeklyHealthStories.id }),
  );
  if (rows.length === 0) throw new AppError("not_found:brief", "There is no brief for that week yet.");
}

/**
 * Who gets a brief for the week of `weekOf`, honouring each person's frequency: weekly every Monday,
 * biweekly on even ISO weeks, monthly on the first Monday of a month, never not at all.
 */
export async function listBriefRecipients(weekOf: string): Promise<string[]> {
  const monday = DateTime.fromISO(weekOf);
  const isEvenWeek = monday.weekNumber % 2 === 0;
  const isFirstMondayOfMonth = monday.day <= 7;
  const rows = await withSystem((tx) =>
    tx
      .select({ id: users.id, frequency: sql<string | null>`${userPreferences.weeklyBriefFrequency}` })
      .from(users)
      .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
      .where(eq(users.role, "patient"))
      .orderBy(asc(users.id)),
  );
  return rows
    .filter((r) => {
      const f = r.frequency ?? "weekly";
      return f === "weekly" || (f === "biweekly" && isEvenWeek) || (f === "monthly" && isFirstMondayOfMonth);
    })
    .map((r) => r.id);
}
