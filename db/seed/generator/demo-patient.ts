/**
 * generateDemoPatient: a person with type 2 diabetes on a CGM, `days` local days ending on
 * `endDate`, with the effects of planted-effects.ts built in. Pure and deterministic: the same
 * options always give the same records, byte for byte.
 */
import { AppError } from "@/lib/errors";
import { planDays, type DayPlan } from "./daily-plan";
import { assertDateAndZone, createWallClock, HOUR_MS, listLocalDays, MINUTE_MS } from "./local-time";
import { PLANTED_EFFECTS } from "./planted-effects";
import { simulateGlucose } from "./glucose-signal";
import type { Activity, DailyTruth, DemoPatientData, DemoPatientOptions, Meal, SleepSession } from "./types";

export const DEFAULT_TIMEZONE = "America/New_York";
export const DEFAULT_DAYS = 90;
export const DEFAULT_BASELINE_MGDL = 120;
/** Body mass used for workout energy (kcal = MET × kg × hours, Ainsworth Compendium METs). */
const BODY_MASS_KG = 88;

const METS = { walking: 3.5, running: 9, cycling: 7, strength: 5 } as const;
const SPEED_KMH = { walking: 5, running: 9.5, cycling: 19, strength: 0 } as const;
const CADENCE_STEPS_PER_MIN = { walking: 105, running: 160 } as const;

function validateOptions(o: DemoPatientOptions): Required<DemoPatientOptions> {
  const timezone = o.timezone ?? DEFAULT_TIMEZONE;
  const days = o.days ?? DEFAULT_DAYS;
  const baselineMgdl = o.baselineMgdl ?? DEFAULT_BASELINE_MGDL;
  assertDateAndZone(o.endDate, timezone);
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    throw new AppError("bad_request:seed", "The number of days must be a whole number from 1 to 3660.");
  }
  if (!Number.isFinite(baselineMgdl) || baselineMgdl < 80 || baselineMgdl > 200) {
    throw new AppError("bad_request:seed", "The baseline glucose must be between 80 and 200 mg/dL.");
  }
  return { seed: o.seed, endDate: o.endDate, days, timezone, baselineMgdl };
}

function toActivities(plan: DayPlan): Activity[] {
  return plan.activities.map((a) => {
    const hours = a.durationMinutes / 60;
    const moving = a.type === "walking" || a.type === "running";
    return {
      type: a.type,
      start: new Date(a.startMs),
      end: new Date(a.startMs + a.durationMinutes * MINUTE_MS),
      durationMinutes: a.durationMinutes,
      intensity: a.intensity,
      kcal: Math.round(METS[a.type] * BODY_MASS_KG * hours),
      avgHeartRate: a.avgHeartRate,
      distanceKm: a.type === "strength" ? null : Math.round(SPEED_KMH[a.type] * hours * 100) / 100,
      steps: moving ? Math.round(CADENCE_STEPS_PER_MIN[a.type as "walking" | "running"] * a.durationMinutes) : null,
    };
  });
}

function toSleep(plan: DayPlan): SleepSession {
  const s = plan.sleep;
  return {
    date: plan.day.date,
    start: new Date(s.startMs),
    end: new Date(s.endMs),
    asleepMinutes: s.asleepMinutes,
    deepMinutes: s.deepMinutes,
    remMinutes: s.remMinutes,
    coreMinutes: s.coreMinutes,
    awakeMinutes: s.awakeMinutes,
  };
}

function toMeals(plan: DayPlan): Meal[] {
  return plan.meals.map((m) => ({
    type: m.type,
    time: new Date(m.timeMs),
    description: m.description,
    carbsG: m.carbsG,
    proteinG: m.proteinG,
    fatG: m.fatG,
    kcal: m.kcal,
  }));
}

export function generateDemoPatient(options: DemoPatientOptions): DemoPatientData {
  const { seed, endDate, days, timezone, baselineMgdl } = validateOptions(options);
  const clock = createWallClock(timezone);
  const localDays = listLocalDays(endDate, days, clock);
  const plans = planDays(seed, localDays, clock);
  const trace = simulateGlucose(seed, plans, clock, baselineMgdl);

  const dailyTruth: DailyTruth[] = plans.map((p, i) => ({
    date: p.day.date,
    weekday: p.day.weekday,
    dayLengthHours: (p.day.endMs - p.day.startMs) / HOUR_MS,
    sleepHours: Math.round((p.sleep.asleepMinutes / 60) * 100) / 100,
    shortSleep: p.sleep.asleepMinutes < PLANTED_EFFECTS.shortSleep.thresholdHours * 60,
    eveningWalk: p.eveningWalk,
    lateDinner: p.lateDinner,
    carbsG: p.carbsG,
    highCarb: p.highCarb,
    otherActivityMinutes: p.activities.filter((a) => !a.eveningWalk).reduce((sum, a) => sum + a.durationMinutes, 0),
    backgroundSteps: p.backgroundSteps,
    hypoEvents: trace.hypoEventsPerDay[i],
    baselineMgdl: trace.baselines[i],
  }));

  return {
    timezone,
    startDate: localDays[0].date,
    endDate: localDays[localDays.length - 1].date,
    glucose: trace.glucose,
    sleep: plans.map(toSleep),
    activities: plans.flatMap(toActivities),
    meals: plans.flatMap(toMeals),
    sensorGaps: trace.sensorGaps,
    dailyTruth,
  };
}
