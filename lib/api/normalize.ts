import { DateTime } from "luxon";
import { z } from "zod";
import { convertMmolToMgdl, readAppleGlucoseUnit } from "@/lib/ingest/units";
import { DEXCOM_HIGH_MGDL, DEXCOM_LOW_MGDL, LIBRE_HIGH_MGDL, LIBRE_LOW_MGDL, explainFutureTime, explainImplausibleGlucose } from "@/lib/ingest/glucose-limits";
import { mergeSleepSessions } from "@/lib/ingest/sleep-sessions";
import type { SleepRecord } from "@/lib/ingest/types";
import { emptyBatch, type StoreBatch } from "@/db/queries/ingest";
import type {
  activityBatchInput, appleHealthBatchInput, glucoseBulkInput, glucoseReadingInput, mealBatchInput, sleepBatchInput,
} from "./schemas";

export type Rejected = { index: number; reason: string };
export type Normalized = { batch: StoreBatch; rejected: Rejected[] };

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const YEAR_2000 = Date.UTC(2000, 0, 1);

/**
 * A time as the API accepts it: ISO 8601 with an offset, an ISO local time read in the person's
 * timezone (DST gaps move forward, as clocks do), or epoch milliseconds. Null with a reason otherwise.
 */
export function readApiTime(value: string | number, timezone: string): { time: Date } | { reason: string } {
  // Fast path for the common case (ISO with an offset): the engine's parser, no DateTime object.
  if (typeof value === "string" && ISO_WITH_OFFSET.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms < YEAR_2000 ? { reason: `${value} is before 2000: check the clock of the device.` } : { time: new Date(ms) };
  }
  let dt: DateTime;
  if (typeof value === "number") dt = DateTime.fromMillis(value, { zone: "utc" });
  else if (OFFSET.test(value.trim())) dt = DateTime.fromISO(value.trim(), { setZone: true });
  else dt = DateTime.fromISO(value.trim(), { zone: timezone });
  if (!dt.isValid) return { reason: `"${String(value).slice(0, 40)}" is not a time: use ISO 8601, like 2026-03-01T07:05:00-05:00.` };
  if (dt.year < 2000) return { reason: `${dt.toISO()} is before 2000: check the clock of the device.` };
  return { time: dt.toJSDate() };
}

/** Device words for out-of-range readings → the stored sentinel and flag (lib/ingest/glucose-limits.ts). */
function readGlucoseValue(value: number | string, unit: "mg/dL" | "mmol/L"): { mgdl: number; flag: "high" | "low" | null } {
  switch (value) {
    case "High":
    case "high":
      return { mgdl: DEXCOM_HIGH_MGDL, flag: "high" };
    case "HI":
      return { mgdl: LIBRE_HIGH_MGDL, flag: "high" };
    case "Low":
    case "low":
      return { mgdl: DEXCOM_LOW_MGDL, flag: "low" };
    case "LO":
      return { mgdl: LIBRE_LOW_MGDL, flag: "low" };
    default: {
      const n = Number(value);
      return { mgdl: unit === "mmol/L" ? convertMmolToMgdl(n) : n, flag: null };
    }
  }
}

function checkTime(value: string | number, timezone: string, now: Date): { time: Date } | { reason: string } {
  const t = readApiTime(value, timezone);
  if ("reason" in t) return t;
  const future = explainFutureTime(t.time, now);
  return future ? { reason: future } : t;
}

type ReadingInput = z.infer<typeof glucoseReadingInput>;

export function normalizeGlucose(
  readings: Omit<ReadingInput, "source">[],
  defaults: { unit: "mg/dL" | "mmol/L"; source: string; device?: string },
  timezone: string,
  now = new Date(),
): Normalized {
  const batch = emptyBatch();
  const rejected: Rejected[] = [];
  readings.forEach((r, index) => {
    const t = checkTime(r.time, timezone, now);
    if ("reason" in t) return rejected.push({ index, reason: t.reason });
    const { mgdl, flag } = readGlucoseValue(r.value, r.unit ?? defaults.unit);
    const implausible = explainImplausibleGlucose(mgdl);
    if (implausible && flag === null) return rejected.push({ index, reason: `${implausible}${(r.unit ?? defaults.unit) === "mg/dL" && mgdl < 35 ? " Was it in mmol/L? Set \"unit\": \"mmol/L\"." : ""}` });
    batch.glucose.push({ time: t.time, mgdl, kind: r.kind ?? "cgm", flag, source: defaults.source, device: r.device ?? defaults.device ?? null });
  });
  return { batch, rejected };
}

export function normalizeGlucoseBulk(input: z.infer<typeof glucoseBulkInput>, timezone: string, now = new Date()): Normalized {
  return normalizeGlucose(input.readings, { unit: input.unit, source: input.source, device: input.device }, timezone, now);
}

export function normalizeSleep(input: z.infer<typeof sleepBatchInput>, timezone: string, now = new Date()): Normalized {
  const batch = emptyBatch();
  const rejected: Rejected[] = [];
  input.sessions.forEach((s, index) => {
    const start = checkTime(s.start, timezone, now);
    const end = checkTime(s.end, timezone, now);
    if ("reason" in start) return rejected.push({ index, reason: `start: ${start.reason}` });
    if ("reason" in end) return rejected.push({ index, reason: `end: ${end.reason}` });
    const span = (end.time.getTime() - start.time.getTime()) / 60_000;
    if (span <= 0) return rejected.push({ index, reason: "The sleep ends before it starts." });
    if (span > 24 * 60) return rejected.push({ index, reason: "A sleep session cannot last more than 24 hours." });
    const stages = [s.deepMinutes, s.remMinutes, s.coreMinutes].filter((v): v is number => v !== undefined);
    const asleep = s.asleepMinutes ?? (stages.length ? stages.reduce((a, b) => a + b, 0) : span - (s.awakeMinutes ?? 0));
    if (asleep > span + 1) return rejected.push({ index, reason: "More minutes asleep than the session lasts." });
    batch.sleep.push({
      start: start.time, end: end.time, asleepMinutes: Math.round(asleep), inBedMinutes: Math.round(span),
      deepMinutes: s.deepMinutes ?? null, remMinutes: s.remMinutes ?? null, coreMinutes: s.coreMinutes ?? null, awakeMinutes: s.awakeMinutes ?? null,
      qualityScore: s.qualityScore ?? null, source: input.source, device: s.device ?? null,
    });
  });
  return { batch, rejected };
}

export function normalizeActivities(input: z.infer<typeof activityBatchInput>, timezone: string, now = new Date()): Normalized {
  const batch = emptyBatch();
  const rejected: Rejected[] = [];
  input.activities.forEach((a, index) => {
    const start = checkTime(a.time, timezone, now);
    if ("reason" in start) return rejected.push({ index, reason: start.reason });
    let end: Date | null = null;
    if (a.end !== undefined) {
      const e = checkTime(a.end, timezone, now);
      if ("reason" in e) return rejected.push({ index, reason: `end: ${e.reason}` });
      if (e.time <= start.time) return rejected.push({ index, reason: "The activity ends before it starts." });
      end = e.time;
    }
    const durationMin = a.durationMin ?? (end ? (end.getTime() - start.time.getTime()) / 60_000 : null);
    batch.activities.push({
      time: start.time, end, type: a.type.toLowerCase().replace(/\s+/g, "_"), durationMin, intensity: a.intensity ?? null, kcal: a.kcal ?? null,
      distanceKm: a.distanceKm ?? null, steps: a.steps ?? null, heartRateAvg: a.heartRateAvg ?? null, source: input.source, device: a.device ?? null,
    });
  });
  return { batch, rejected };
}

export function normalizeMeals(input: z.infer<typeof mealBatchInput>, timezone: string, now = new Date()): Normalized {
  const batch = emptyBatch();
  const rejected: Rejected[] = [];
  input.meals.forEach((m, index) => {
    const t = checkTime(m.time, timezone, now);
    if ("reason" in t) return rejected.push({ index, reason: t.reason });
    if (m.carbsG === undefined && m.kcal === undefined && !m.description) {
      return rejected.push({ index, reason: "A meal needs carbs, calories or a description." });
    }
    batch.meals.push({
      time: t.time, mealType: m.mealType ?? null, carbsG: m.carbsG ?? null, proteinG: m.proteinG ?? null, fatG: m.fatG ?? null,
      kcal: m.kcal ?? null, description: m.description ?? null, source: input.source, device: m.device ?? null,
    });
  });
  return { batch, rejected };
}

/**
 * A HealthKit batch. Indexes in `rejected` are prefixed by the list they come from
 * (glucose 0…, then sleep, workouts, carbs, energy) and reported as "<list>[i]" in the reason.
 */
export function normalizeAppleHealthBatch(input: z.infer<typeof appleHealthBatchInput>, timezone: string, now = new Date()): Normalized {
  const batch = emptyBatch();
  const rejected: Rejected[] = [];
  const source = "apple-health";
  const device = input.device ?? null;
  const reject = (list: string, index: number, reason: string) => rejected.push({ index, reason: `${list}[${index}]: ${reason}` });

  input.glucose.forEach((g, i) => {
    const unit = readAppleGlucoseUnit(g.unit);
    if (!unit) return reject("glucose", i, `Unknown glucose unit "${g.unit}": use mg/dL or mmol/L.`);
    const t = checkTime(g.time, timezone, now);
    if ("reason" in t) return reject("glucose", i, t.reason);
    const mgdl = unit === "mmol/L" ? convertMmolToMgdl(g.value) : g.value;
    const implausible = explainImplausibleGlucose(mgdl);
    if (implausible) return reject("glucose", i, implausible);
    batch.glucose.push({ time: t.time, mgdl, kind: "cgm", flag: null, source, device });
  });

  const segments: SleepRecord[] = [];
  input.sleep.forEach((s, i) => {
    const start = checkTime(s.start, timezone, now);
    const end = checkTime(s.end, timezone, now);
    if ("reason" in start) return reject("sleep", i, start.reason);
    if ("reason" in end) return reject("sleep", i, end.reason);
    if (end.time <= start.time) return reject("sleep", i, "The sleep segment ends before it starts.");
    segments.push({ start: start.time, end: end.time, stage: s.stage, source, device });
  });
  for (const session of mergeSleepSessions(segments)) {
    batch.sleep.push({
      start: session.start, end: session.end, asleepMinutes: Math.round(session.asleepMin), inBedMinutes: Math.round(session.inBedMin) || null,
      deepMinutes: Math.round(session.deepMin), remMinutes: Math.round(session.remMin), coreMinutes: Math.round(session.coreMin),
      awakeMinutes: Math.round(session.awakeMin), qualityScore: null, source, device,
    });
  }

  input.workouts.forEach((w, i) => {
    const start = checkTime(w.start, timezone, now);
    const end = checkTime(w.end, timezone, now);
    if ("reason" in start) return reject("workouts", i, start.reason);
    if ("reason" in end) return reject("workouts", i, end.reason);
    if (end.time <= start.time) return reject("workouts", i, "The workout ends before it starts.");
    batch.activities.push({
      time: start.time, end: end.time, type: w.type.toLowerCase().replace(/^hkworkoutactivitytype/, "").replace(/\s+/g, "_"),
      durationMin: (end.time.getTime() - start.time.getTime()) / 60_000, intensity: null, kcal: w.kcal ?? null, distanceKm: w.distanceKm ?? null,
      steps: null, heartRateAvg: null, source, device,
    });
  });

  // Carbohydrate and energy samples logged at the same instant are one meal.
  const mealsByTime = new Map<number, StoreBatch["meals"][number]>();
  const mealAt = (time: Date) => {
    let meal = mealsByTime.get(time.getTime());
    if (!meal) {
      meal = { time, mealType: null, carbsG: null, proteinG: null, fatG: null, kcal: null, description: null, source, device };
      mealsByTime.set(time.getTime(), meal);
    }
    return meal;
  };
  input.carbs.forEach((c, i) => {
    const t = checkTime(c.time, timezone, now);
    if ("reason" in t) return reject("carbs", i, t.reason);
    const meal = mealAt(t.time);
    meal.carbsG = (meal.carbsG ?? 0) + c.grams;
  });
  input.energy.forEach((e, i) => {
    const t = checkTime(e.time, timezone, now);
    if ("reason" in t) return reject("energy", i, t.reason);
    const meal = mealAt(t.time);
    meal.kcal = (meal.kcal ?? 0) + e.kcal;
  });
  batch.meals.push(...mealsByTime.values());
  return { batch, rejected };
}
