import { sql } from "drizzle-orm";
import {
  pgTable, pgEnum, uuid, text, timestamp, integer, doublePrecision, date, jsonb, boolean, index, uniqueIndex, check,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { ownerOnly } from "./rls";

const userRef = () => uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" });
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
/** Monday of the week an item belongs to (ISO week, in the person's timezone). */
const weekOf = () => date("week_of", { mode: "string" }).notNull();
/** The statistics an item rests on: [{ metric, value, unit?, n? }]. Every AI item names its evidence. */
export type Evidence = { metric: string; value: number | string; unit?: string; n?: number; detail?: string }[];
const evidence = () => jsonb("evidence").$type<Evidence>().notNull().default([]);
/** Which provider wrote the item: "grounded" or "model:<name>". */
const provider = () => text("provider").notNull().default("grounded");

/** The weekly story: one per person and week. A re-run replaces it atomically (same row key). */
export const weeklyHealthStories = pgTable(
  "weekly_health_stories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    weekOf: weekOf(),
    title: text("title").notNull(),
    narrative: text("narrative").notNull(),
    personalNote: text("personal_note"),
    evidence: evidence(),
    provider: provider(),
    /** True when a fallback or a failed step left the brief incomplete; the UI says so. */
    partial: boolean("partial").notNull().default(false),
    runId: uuid("run_id"),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("stories_user_week_idx").on(t.userId, t.weekOf), ...ownerOnly("stories", t.userId)],
).enableRLS();

const storyRef = () => uuid("story_id").notNull().references(() => weeklyHealthStories.id, { onDelete: "cascade" });

export const insightType = pgEnum("insight_type", ["positive", "warning", "neutral"]);
export const healthInsights = pgTable(
  "health_insights",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    storyId: storyRef(),
    insightType: insightType("insight_type").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    confidence: integer("confidence").notNull(),
    evidence: evidence(),
    provider: provider(),
    weekOf: weekOf(),
    createdAt: createdAt(),
  },
  (t) => [
    index("insights_user_week_idx").on(t.userId, t.weekOf),
    index("insights_story_idx").on(t.storyId),
    check("insights_confidence_range", sql`${t.confidence} between 0 and 100`),
    ...ownerOnly("insights", t.userId),
  ],
).enableRLS();

export const healthPredictions = pgTable(
  "health_predictions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    storyId: storyRef(),
    eventDescription: text("event_description").notNull(),
    /** Percent 0–100: an empirical, smoothed frequency from the person's own history. */
    probability: integer("probability").notNull(),
    sampleSize: integer("sample_size"),
    timeframe: text("timeframe").notNull(),
    preventable: boolean("preventable").notNull().default(false),
    reasoning: text("reasoning"),
    evidence: evidence(),
    provider: provider(),
    weekOf: weekOf(),
    createdAt: createdAt(),
  },
  (t) => [
    index("predictions_user_week_idx").on(t.userId, t.weekOf),
    check("predictions_probability_range", sql`${t.probability} between 0 and 100`),
    ...ownerOnly("predictions", t.userId),
  ],
).enableRLS();

export const significance = pgEnum("significance", ["high", "medium", "low"]);
export const shadowPatterns = pgTable(
  "shadow_patterns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    storyId: uuid("story_id").references(() => weeklyHealthStories.id, { onDelete: "cascade" }),
    patternName: text("pattern_name").notNull(),
    lastSeenDescription: text("last_seen_description").notNull(),
    significance: significance("significance").notNull(),
    lastMentionedDate: date("last_mentioned_date", { mode: "string" }),
    evidence: evidence(),
    provider: provider(),
    weekOf: weekOf(),
    createdAt: createdAt(),
  },
  (t) => [index("shadow_user_week_idx").on(t.userId, t.weekOf), ...ownerOnly("shadow", t.userId)],
).enableRLS();

export const strategyType = pgEnum("strategy_type", ["discovery", "pattern", "prevention"]);
export const strategicMoves = pgTable(
  "strategic_moves",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    storyId: uuid("story_id").references(() => weeklyHealthStories.id, { onDelete: "cascade" }),
    strategy: text("strategy").notNull(),
    strategyType: strategyType("strategy_type").notNull(),
    priority: integer("priority").notNull().default(5),
    evidence: evidence(),
    provider: provider(),
    actedOnAt: timestamp("acted_on_at", { withTimezone: true }),
    weekOf: weekOf(),
    createdAt: createdAt(),
  },
  (t) => [
    index("moves_user_week_idx").on(t.userId, t.weekOf),
    check("moves_priority_range", sql`${t.priority} between 1 and 10`),
    ...ownerOnly("moves", t.userId),
  ],
).enableRLS();

export const briefFrequency = pgEnum("brief_frequency", ["weekly", "biweekly", "monthly", "never"]);

/** Weekly-brief preferences (seeds/weekly-intelligence.md "Settings Schema Addition"). */
export const userPreferences = pgTable(
  "user_preferences",
  {
    userId: uuid("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
    weeklyBriefEnabled: boolean("weekly_brief_enabled").notNull().default(true),
    weeklyBriefFrequency: briefFrequency("weekly_brief_frequency").notNull().default("weekly"),
    lastBriefDismissedAt: timestamp("last_brief_dismissed_at", { withTimezone: true }),
    totalBriefsDismissed: integer("total_briefs_dismissed").notNull().default(0),
    avgEngagementSeconds: doublePrecision("avg_engagement_seconds").notNull().default(0),
    dailyReminders: boolean("daily_reminders").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [...ownerOnly("prefs", t.userId)],
).enableRLS();

/** The overlay's state per person and week ("NotificationState" in the seed). */
export const weeklyBriefState = pgTable(
  "weekly_brief_state",
  {
    userId: userRef(),
    weekOf: weekOf(),
    storyId: uuid("story_id").references(() => weeklyHealthStories.id, { onDelete: "set null" }),
    firstShownAt: timestamp("first_shown_at", { withTimezone: true }),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
    engagementSeconds: doublePrecision("engagement_seconds").notNull().default(0),
    impressions: integer("impressions").notNull().default(0),
    engagedViews: integer("engaged_views").notNull().default(0),
    meaningfulEngagements: integer("meaningful_engagements").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("brief_state_user_week_idx").on(t.userId, t.weekOf), ...ownerOnly("brief_state", t.userId)],
).enableRLS();

/** Engagement analytics per person and week (seeds/weekly-intelligence.md "intelligence_analytics"). */
export const intelligenceAnalytics = pgTable(
  "intelligence_analytics",
  {
    userId: userRef(),
    weekOf: weekOf(),
    briefViewSeconds: doublePrecision("brief_view_seconds").notNull().default(0),
    briefScrollDepth: doublePrecision("brief_scroll_depth").notNull().default(0),
    patternsClicked: integer("patterns_clicked").notNull().default(0),
    recommendationsActioned: integer("recommendations_actioned").notNull().default(0),
    velocityInteractions: integer("velocity_interactions").notNull().default(0),
    totalPageSeconds: doublePrecision("total_page_seconds").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("intel_analytics_user_week_idx").on(t.userId, t.weekOf), ...ownerOnly("intel_analytics", t.userId)],
).enableRLS();

/** Manual refreshes per person and week, counted with an atomic conditional upsert (limit 10). */
export const briefRefreshUsage = pgTable(
  "brief_refresh_usage",
  {
    userId: userRef(),
    weekOf: weekOf(),
    used: integer("used").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("refresh_user_week_idx").on(t.userId, t.weekOf), ...ownerOnly("refresh", t.userId)],
).enableRLS();
