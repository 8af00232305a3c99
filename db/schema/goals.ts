import { sql } from "drizzle-orm";
import {
  pgTable, pgEnum, uuid, text, timestamp, integer, doublePrecision, date, jsonb, index, uniqueIndex, pgPolicy, boolean, type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { appUser, currentUserId, mentorCan, ownerOnly, ownerWithMentorRead } from "./rls";

const userRef = () => uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" });
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const goalStatus = pgEnum("goal_status", ["draft", "active", "paused", "completed", "archived"]);
export const subgoalStatus = pgEnum("subgoal_status", ["todo", "in_progress", "done"]);

/** A member's goal with the AI plan that proposed its subgoals and habits (kept as proposed). */
export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    title: text("title").notNull(),
    description: text("description"),
    theme: text("theme"),
    constraints: jsonb("constraints").$type<Record<string, unknown>>(),
    aiPlan: jsonb("ai_plan").$type<Record<string, unknown>>(),
    planProvider: text("plan_provider"),
    status: goalStatus("status").notNull().default("active"),
    targetDate: date("target_date", { mode: "string" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("goals_user_idx").on(t.userId), ...ownerWithMentorRead("goals", t.userId, "goals")],
).enableRLS();

export const subgoals = pgTable(
  "subgoals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    goalId: uuid("goal_id").notNull().references(() => goals.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    position: integer("position").notNull().default(0),
    status: subgoalStatus("status").notNull().default("todo"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("subgoals_goal_idx").on(t.goalId), ...ownerWithMentorRead("subgoals", t.userId, "goals")],
).enableRLS();

/** Daily, or N times a week (optionally on named ISO weekdays, 1 = Monday), with a weekly skip budget. */
export type HabitSchedule = { kind: "daily" } | { kind: "weekly"; timesPerWeek: number; weekdays?: number[] };

/** A pause of a habit, in local days, inclusive; `to` is null while the pause lasts. */
export type HabitPause = { from: string; to: string | null };

export const habits = pgTable(
  "habits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    /** Every habit belongs to a goal: it is made from an accepted plan or an accepted suggestion. */
    goalId: uuid("goal_id").notNull().references(() => goals.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    schedule: jsonb("schedule").$type<HabitSchedule>().notNull(),
    skipBudgetPerWeek: integer("skip_budget_per_week").notNull().default(1),
    active: boolean("active").notNull().default(true),
    /** Local days the habit's goal was paused (`to` null while it still is): nothing is due then, nothing counts as missed. */
    pauses: jsonb("pauses").$type<HabitPause[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index("habits_user_idx").on(t.userId), ...ownerWithMentorRead("habits", t.userId, "goals")],
).enableRLS();

export const checkInStatus = pgEnum("check_in_status", ["done", "skipped", "missed"]);

/** One check-in per habit and local day. */
export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    habitId: uuid("habit_id").notNull().references(() => habits.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    status: checkInStatus("status").notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("check_ins_habit_day_idx").on(t.habitId, t.day), index("check_ins_user_day_idx").on(t.userId, t.day), ...ownerWithMentorRead("check_ins", t.userId, "goals")],
).enableRLS();

export const journalEntries = pgTable(
  "journal_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    text: text("text").notNull(),
    /** Comparative sentiment score from the sentiment library (AFINN-based), roughly −5…5. */
    sentiment: doublePrecision("sentiment"),
    mood: text("mood"),
    /** Whether a consented mentor may read this entry's text (also needs the link's journal consent). */
    sharedWithMentor: boolean("shared_with_mentor").notNull().default(false),
    tags: text("tags").array().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    index("journal_user_time_idx").on(t.userId, t.createdAt),
    ...ownerOnly("journal", t.userId),
    // A mentor reads an entry only when the link has journal consent AND the member shared that entry.
    pgPolicy("journal_mentor_read", { for: "select", to: appUser, using: sql`${t.sharedWithMentor} and ${mentorCan(t.userId, "journal")}` }),
  ],
).enableRLS();

export const messageRole = pgEnum("message_role", ["user", "assistant"]);

/** The member's conversation with the coach. */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    role: messageRole("role").notNull(),
    content: text("content").notNull(),
    provider: text("provider"),
    /** The chat's own id for a member's message: sending it again (a retry) keeps it once. */
    clientId: text("client_id"),
    /** For the coach's answer: the member's message it answers (a retry of that message replays it). */
    replyTo: uuid("reply_to").references((): AnyPgColumn => messages.id, { onDelete: "cascade" }),
    /** False for an answer cut short (the member left, or the model failed mid-way): a retry asks again. */
    complete: boolean("complete").notNull().default(true),
    /** For a member's message: until when one request holds the right to answer it (a second waits). */
    answeringUntil: timestamp("answering_until", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("messages_user_time_idx").on(t.userId, t.createdAt),
    uniqueIndex("messages_user_client_id_idx").on(t.userId, t.clientId),
    index("messages_reply_to_idx").on(t.replyTo),
    ...ownerOnly("messages", t.userId),
  ],
).enableRLS();

/** A mentor's group feed: the mentor and their consenting mentees read it; each writes their own posts. */
export const groupFeedPosts = pgTable(
  "group_feed_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mentorId: uuid("mentor_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("feed_mentor_time_idx").on(t.mentorId, t.createdAt),
    pgPolicy("feed_group_read", { for: "select", to: appUser, using: sql`${t.mentorId} = ${currentUserId} or app_is_mentee_of(${t.mentorId})` }),
    pgPolicy("feed_author_write", { for: "insert", to: appUser, withCheck: sql`${t.authorId} = ${currentUserId} and (${t.mentorId} = ${currentUserId} or app_is_mentee_of(${t.mentorId}))` }),
    pgPolicy("feed_author_delete", { for: "delete", to: appUser, using: sql`${t.authorId} = ${currentUserId}` }),
  ],
).enableRLS();

export const suggestionStatus = pgEnum("suggestion_status", ["pending", "accepted", "rejected"]);

/** Wednesday's AI proposals to adjust a plan; the member accepts or rejects each. */
export const planSuggestions = pgTable(
  "plan_suggestions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    goalId: uuid("goal_id").notNull().references(() => goals.id, { onDelete: "cascade" }),
    weekOf: date("week_of", { mode: "string" }).notNull(),
    suggestion: jsonb("suggestion").$type<Record<string, unknown>>().notNull(),
    rationale: text("rationale"),
    provider: text("provider"),
    status: suggestionStatus("status").notNull().default("pending"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("plan_suggestions_goal_week_idx").on(t.goalId, t.weekOf), ...ownerWithMentorRead("plan_suggestions", t.userId, "goals")],
).enableRLS();

/**
 * The mentor copilot's audit trail: every question, answer and the context it was given. The mentor
 * who asked and the mentee it concerns can read it; nobody can change it.
 */
export const mentorInteractions = pgTable(
  "mentor_interactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mentorId: uuid("mentor_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    menteeId: uuid("mentee_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    contextUsed: jsonb("context_used").$type<Record<string, unknown>>().notNull(),
    provider: text("provider"),
    createdAt: createdAt(),
  },
  (t) => [
    index("mentor_interactions_pair_idx").on(t.mentorId, t.menteeId),
    pgPolicy("mentor_interactions_read", { for: "select", to: appUser, using: sql`${currentUserId} in (${t.mentorId}, ${t.menteeId})` }),
    pgPolicy("mentor_interactions_insert", { for: "insert", to: appUser, withCheck: sql`${t.mentorId} = ${currentUserId} and app_mentor_can(${t.menteeId}, 'goals')` }),
  ],
).enableRLS();

/** In-app notifications (daily reminders, brief ready, plan suggestions). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    /** Makes a scheduled notification idempotent, e.g. `reminder:2026-11-23`. */
    dedupeKey: text("dedupe_key").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("notifications_dedupe_idx").on(t.userId, t.dedupeKey), ...ownerOnly("notifications", t.userId)],
).enableRLS();
