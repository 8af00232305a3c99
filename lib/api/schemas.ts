import { z } from "zod";

/**
 * The /api/v1 request and response shapes. The same schemas validate requests and generate the
 * OpenAPI 3.1 document (lib/api/openapi.ts), so the docs cannot drift from the code.
 */

export const MAX_BATCH_READINGS = 50_000;
export const MAX_BATCH_ITEMS = 10_000;
export const MAX_BODY_BYTES = 10_000_000;

const time = z
  .union([z.string().min(1).max(40), z.number().int().positive()])
  .describe("ISO 8601 with an offset (2026-03-01T07:05:00-05:00 or …Z), an ISO local time read in your timezone (2026-03-01T07:05:00), or epoch milliseconds");

const sourceLabel = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, "Use a short lower-case label such as api, dexcom-share or my-app.")
  .describe("Who sends the data; (time, source) identifies a reading, so re-sending it stores nothing twice");

export const glucoseUnitSchema = z.enum(["mg/dL", "mmol/L"], { message: "unit must be \"mg/dL\" or \"mmol/L\"." });

const glucoseValue = z
  .union([z.number(), z.enum(["High", "Low", "HI", "LO", "high", "low"])])
  .describe('A number in the given unit, or a device\'s "High"/"Low" (stored as 401/39 mg/dL, Libre HI as 501, and flagged)');

export const glucoseReadingInput = z.object({
  time,
  value: glucoseValue,
  unit: glucoseUnitSchema.optional().describe("Defaults to the batch unit, then mg/dL"),
  kind: z.enum(["cgm", "scan", "manual"]).optional(),
  device: z.string().max(100).optional(),
  source: sourceLabel.optional(),
});

export const glucoseBulkInput = z.object({
  unit: glucoseUnitSchema.default("mg/dL"),
  source: sourceLabel.default("api"),
  device: z.string().max(100).optional(),
  readings: z
    .array(glucoseReadingInput.omit({ source: true }))
    .min(1, "Send at least one reading.")
    .max(MAX_BATCH_READINGS, `Send at most ${MAX_BATCH_READINGS.toLocaleString("en")} readings per batch.`),
});

const minutes = z.number().min(0).max(24 * 60);

export const sleepSessionInput = z.object({
  start: time,
  end: time,
  asleepMinutes: minutes.optional(),
  deepMinutes: minutes.optional(),
  remMinutes: minutes.optional(),
  coreMinutes: minutes.optional(),
  awakeMinutes: minutes.optional(),
  qualityScore: z.number().min(0).max(10).optional().describe("0–10"),
  device: z.string().max(100).optional(),
});
export const sleepBatchInput = z.object({
  source: sourceLabel.default("api"),
  sessions: z.array(sleepSessionInput).min(1).max(MAX_BATCH_ITEMS),
});

export const activityInput = z.object({
  time,
  end: time.optional(),
  type: z.string().min(1).max(60).describe("walking, running, cycling, strength…"),
  durationMin: z.number().min(0).max(24 * 60).optional(),
  intensity: z.enum(["light", "moderate", "vigorous"]).optional(),
  kcal: z.number().min(0).max(20_000).optional(),
  distanceKm: z.number().min(0).max(1_000).optional(),
  steps: z.number().int().min(0).max(200_000).optional(),
  heartRateAvg: z.number().min(20).max(250).optional(),
  device: z.string().max(100).optional(),
});
export const activityBatchInput = z.object({
  source: sourceLabel.default("api"),
  activities: z.array(activityInput).min(1).max(MAX_BATCH_ITEMS),
});

export const mealInput = z.object({
  time,
  mealType: z.enum(["breakfast", "lunch", "dinner", "snack"]).optional(),
  carbsG: z.number().min(0).max(2_000).optional(),
  proteinG: z.number().min(0).max(2_000).optional(),
  fatG: z.number().min(0).max(2_000).optional(),
  kcal: z.number().min(0).max(20_000).optional(),
  description: z.string().max(500).optional(),
  device: z.string().max(100).optional(),
});
export const mealBatchInput = z.object({
  source: sourceLabel.default("api"),
  meals: z.array(mealInput).min(1).max(MAX_BATCH_ITEMS),
});

/** A HealthKit batch from a phone app: samples as HealthKit names them, in one request. */
export const appleHealthBatchInput = z.object({
  glucose: z
    .array(z.object({ time, value: z.number(), unit: z.string().max(40).describe('"mg/dL", "mmol/L" or HealthKit\'s "mmol<180.1558800000541>/L"') }))
    .max(MAX_BATCH_READINGS)
    .default([]),
  sleep: z
    .array(z.object({ start: time, end: time, stage: z.enum(["in_bed", "asleep", "core", "deep", "rem", "awake"]) }))
    .max(MAX_BATCH_ITEMS)
    .default([]),
  workouts: z
    .array(z.object({ start: time, end: time, type: z.string().min(1).max(60), kcal: z.number().min(0).optional(), distanceKm: z.number().min(0).optional() }))
    .max(MAX_BATCH_ITEMS)
    .default([]),
  carbs: z.array(z.object({ time, grams: z.number().min(0).max(2_000) })).max(MAX_BATCH_ITEMS).default([]),
  energy: z.array(z.object({ time, kcal: z.number().min(0).max(20_000) })).max(MAX_BATCH_ITEMS).default([]),
  device: z.string().max(100).optional(),
});

export const rejectedRow = z.object({ index: z.number().int(), reason: z.string() });
export const batchResult = z.object({
  inserted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(rejectedRow),
  rejectedCount: z.number().int(),
  daysRecomputed: z.number().int(),
});

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});

export const dashboardDaysQuery = z.object({ days: z.enum(["7", "30", "90"], { message: "days must be 7, 30 or 90." }).default("7") });
export const readingsQuery = z.object({ start: z.string().min(10), end: z.string().min(10) });
export const dailySummaryQuery = z.object({ date: z.iso.date("date must be a real day written YYYY-MM-DD.") });

export type GlucoseBulkInput = z.infer<typeof glucoseBulkInput>;
export type AppleHealthBatchInput = z.infer<typeof appleHealthBatchInput>;
