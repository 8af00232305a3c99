import {
  pgTable, pgEnum, uuid, text, timestamp, integer, doublePrecision, bigint, date, index, uniqueIndex, boolean,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { ownerOnly, ownerWithMentorRead } from "./rls";

const userRef = () => uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" });
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const glucoseKind = pgEnum("glucose_kind", ["cgm", "scan", "manual"]);
export const glucoseFlag = pgEnum("glucose_flag", ["high", "low"]);

/**
 * CGM and meter readings in mg/dL, unrounded (mmol/L input is converted with 18.0156; rounding is for
 * display only). Unique on (user, time, source): re-sending or re-importing stores nothing twice.
 */
export const glucoseReadings = pgTable(
  "glucose_readings",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: userRef(),
    time: timestamp("time", { withTimezone: true, mode: "date" }).notNull(),
    mgdl: doublePrecision("mgdl").notNull(),
    kind: glucoseKind("kind").notNull().default("cgm"),
    /** A device's "High"/"Low" text stored as a documented value and flagged. */
    flag: glucoseFlag("flag"),
    source: text("source").notNull(),
    device: text("device"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("glucose_user_time_source_idx").on(t.userId, t.time, t.source), ...ownerOnly("glucose", t.userId)],
).enableRLS();

export const sleepSessions = pgTable(
  "sleep_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    start: timestamp("start", { withTimezone: true, mode: "date" }).notNull(),
    end: timestamp("end", { withTimezone: true, mode: "date" }).notNull(),
    asleepMinutes: integer("asleep_minutes"),
    inBedMinutes: integer("in_bed_minutes"),
    deepMinutes: integer("deep_minutes"),
    remMinutes: integer("rem_minutes"),
    coreMinutes: integer("core_minutes"),
    awakeMinutes: integer("awake_minutes"),
    /** 0–10; computed from efficiency and stages when the source gives none. */
    qualityScore: doublePrecision("quality_score"),
    source: text("source").notNull(),
    device: text("device"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sleep_user_start_source_idx").on(t.userId, t.start, t.source), ...ownerOnly("sleep", t.userId)],
).enableRLS();

export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    time: timestamp("time", { withTimezone: true, mode: "date" }).notNull(),
    end: timestamp("end", { withTimezone: true, mode: "date" }),
    type: text("type").notNull(),
    durationMin: doublePrecision("duration_min"),
    intensity: text("intensity"),
    kcal: doublePrecision("kcal"),
    distanceKm: doublePrecision("distance_km"),
    steps: integer("steps"),
    heartRateAvg: doublePrecision("heart_rate_avg"),
    source: text("source").notNull(),
    device: text("device"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("activities_user_time_source_idx").on(t.userId, t.time, t.source), ...ownerOnly("activities", t.userId)],
).enableRLS();

export const meals = pgTable(
  "meals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    time: timestamp("time", { withTimezone: true, mode: "date" }).notNull(),
    mealType: text("meal_type"),
    carbsG: doublePrecision("carbs_g"),
    proteinG: doublePrecision("protein_g"),
    fatG: doublePrecision("fat_g"),
    kcal: doublePrecision("kcal"),
    description: text("description"),
    source: text("source").notNull(),
    device: text("device"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("meals_user_time_source_idx").on(t.userId, t.time, t.source), ...ownerOnly("meals", t.userId)],
).enableRLS();

/** One row per person and local calendar day (their timezone), recomputed for the days an import touches. */
export const dailyAggregates = pgTable(
  "daily_aggregates",
  {
    userId: userRef(),
    date: date("date", { mode: "string" }).notNull(),
    readings: integer("readings").notNull().default(0),
    meanMgdl: doublePrecision("mean_mgdl"),
    minMgdl: doublePrecision("min_mgdl"),
    maxMgdl: doublePrecision("max_mgdl"),
    sdMgdl: doublePrecision("sd_mgdl"),
    tirPercent: doublePrecision("tir_percent"),
    tarPercent: doublePrecision("tar_percent"),
    tbrPercent: doublePrecision("tbr_percent"),
    overnightMeanMgdl: doublePrecision("overnight_mean_mgdl"),
    sleepMinutes: integer("sleep_minutes"),
    sleepQuality: doublePrecision("sleep_quality"),
    deepSleepMinutes: integer("deep_sleep_minutes"),
    remSleepMinutes: integer("rem_sleep_minutes"),
    exerciseMinutes: doublePrecision("exercise_minutes"),
    /** Minutes of activity starting at or after 17:00 local time (an evening walk after dinner…). */
    eveningExerciseMinutes: doublePrecision("evening_exercise_minutes"),
    steps: integer("steps"),
    carbsG: doublePrecision("carbs_g"),
    kcal: doublePrecision("kcal"),
    lateDinner: boolean("late_dinner"),
    /** Local clock time of the day's last meal, in hours (21.5 = 21:30). */
    lastMealHour: doublePrecision("last_meal_hour"),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("daily_user_date_idx").on(t.userId, t.date), index("daily_user_date_desc_idx").on(t.userId, t.date.desc()), ...ownerWithMentorRead("daily", t.userId, "glucose")],
).enableRLS();

/** Free-text notes that devices log beside readings (LibreView type 6, Nightscout notes). */
export const healthNotes = pgTable(
  "health_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    time: timestamp("time", { withTimezone: true, mode: "date" }).notNull(),
    text: text("text"),
    source: text("source").notNull(),
    device: text("device"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("notes_user_time_source_idx").on(t.userId, t.time, t.source), ...ownerOnly("notes", t.userId)],
).enableRLS();

/** Daily step totals (Apple Health: the largest single source's total, never a sum across devices). */
export const dailySteps = pgTable(
  "daily_steps",
  {
    userId: userRef(),
    date: date("date", { mode: "string" }).notNull(),
    steps: integer("steps").notNull(),
    source: text("source").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("daily_steps_user_date_source_idx").on(t.userId, t.date, t.source), ...ownerOnly("daily_steps", t.userId)],
).enableRLS();
