import { MIN_READINGS_FOR_DAILY_OUTCOME, type DailyRow } from "@/lib/analytics/discovery/daily-features";
import { addDays, daysBetween, hasActivityData, hasAnyData } from "@/lib/analytics/predictions";

/** A daily row that may also carry time below 70 mg/dL (daily_aggregates.tbr_percent). */
export type WeeklyInputDay = DailyRow & { tbrPercent?: number | null };

/**
 * Everything the brief says about one span of days (this week, the week before, the 4 weeks before).
 * Glucose figures are reading-weighted over the days' aggregates, which equals computing them over
 * all the span's readings at once; null when the span has no glucose. Never NaN.
 */
export type WindowStats = {
  from: string;
  to: string;
  calendarDays: number;
  daysWithData: number;
  /** Days with any CGM reading, and days with ≥ 70 % wear (the consensus minimum). */
  daysWithGlucose: number;
  completeGlucoseDays: number;
  readings: number;
  /** readings / (288 × calendar days): the share of the span the sensor covered. */
  cgmCoverage: number;
  meanGlucose: number | null;
  sdGlucose: number | null;
  cvPercent: number | null;
  tirPercent: number | null;
  tarPercent: number | null;
  tbrPercent: number | null;
  /** GMI (%) = 3.31 + 0.02392 × mean (Bergenstal et al. 2018; iglu::gmi). */
  gmiPercent: number | null;
  overnightMean: number | null;
  nightsWithSleep: number;
  sleepHoursAvg: number | null;
  nightsUnder6h: number;
  nightsAtLeast7h: number;
  /** Days an activity tracker was worn (exercise or steps recorded); activity figures are over these days. */
  daysWithActivityData: number;
  /** On a tracked day, no recorded exercise counts as 0 minutes (as lib/analytics/discovery does). */
  exerciseMinutesTotal: number;
  exerciseMinutesAvg: number | null;
  activeDays: number;
  eveningActivityDays: number;
  daysWithSteps: number;
  stepsAvg: number | null;
  daysWithCarbs: number;
  carbsGAvg: number | null;
  dinnersLogged: number;
  lateDinners: number;
};

export const ACTIVE_DAY_MINUTES = 30;
export const EVENING_ACTIVITY_MINUTES = 15;

export function daysInRange(days: readonly WeeklyInputDay[], from: string, to: string): WeeklyInputDay[] {
  return days.filter((d) => d.date >= from && d.date <= to);
}

export function computeWindowStats(allDays: readonly WeeklyInputDay[], from: string, to: string): WindowStats {
  const days = daysInRange(allDays, from, to).filter(hasAnyData);
  const calendarDays = daysBetween(from, to) + 1;
  const glucoseDays = days.filter((d) => d.readings > 0 && d.meanMgdl !== null);
  const readings = glucoseDays.reduce((s, d) => s + d.readings, 0);

  const weighted = (pick: (d: WeeklyInputDay) => number | null | undefined): number | null => {
    let w = 0, s = 0;
    for (const d of glucoseDays) {
      const v = pick(d);
      if (v === null || v === undefined) continue;
      w += d.readings;
      s += d.readings * v;
    }
    return w > 0 ? s / w : null;
  };
  const meanGlucose = weighted((d) => d.meanMgdl);
  const sdGlucose = pooledSd(glucoseDays);

  const sleep = days.map((d) => d.sleepMinutes).filter((m): m is number => m !== null);
  const activityDays = days.filter(hasActivityData);
  const exercise = activityDays.map((d) => d.exerciseMinutes ?? 0);
  const steps = days.map((d) => d.steps).filter((s): s is number => s !== null);
  const carbs = days.map((d) => d.carbsG).filter((c): c is number => c !== null);
  const dinners = days.map((d) => d.lateDinner).filter((l): l is boolean => l !== null);
  const overnight = glucoseDays.map((d) => d.overnightMeanMgdl).filter((o): o is number => o !== null);

  return {
    from,
    to,
    calendarDays,
    daysWithData: days.length,
    daysWithGlucose: glucoseDays.length,
    completeGlucoseDays: glucoseDays.filter((d) => d.readings >= MIN_READINGS_FOR_DAILY_OUTCOME).length,
    readings,
    cgmCoverage: Math.min(1, readings / (288 * calendarDays)),
    meanGlucose,
    sdGlucose,
    cvPercent: meanGlucose && sdGlucose !== null ? (100 * sdGlucose) / meanGlucose : null,
    tirPercent: weighted((d) => d.tirPercent),
    tarPercent: weighted((d) => d.tarPercent),
    tbrPercent: weighted((d) => d.tbrPercent),
    gmiPercent: meanGlucose === null ? null : 3.31 + 0.02392 * meanGlucose,
    overnightMean: average(overnight),
    nightsWithSleep: sleep.length,
    sleepHoursAvg: sleep.length ? average(sleep)! / 60 : null,
    nightsUnder6h: sleep.filter((m) => m < 360).length,
    nightsAtLeast7h: sleep.filter((m) => m >= 420).length,
    daysWithActivityData: activityDays.length,
    exerciseMinutesTotal: exercise.reduce((s, m) => s + m, 0),
    exerciseMinutesAvg: average(exercise),
    activeDays: exercise.filter((m) => m >= ACTIVE_DAY_MINUTES).length,
    eveningActivityDays: activityDays.filter((d) => (d.eveningExerciseMinutes ?? 0) >= EVENING_ACTIVITY_MINUTES).length,
    daysWithSteps: steps.length,
    stepsAvg: average(steps),
    daysWithCarbs: carbs.length,
    carbsGAvg: average(carbs),
    dinnersLogged: dinners.length,
    lateDinners: dinners.filter(Boolean).length,
  };
}

/**
 * SD of all readings from per-day means and sample SDs: total sum of squares
 * Σ[(nᵢ − 1)·sdᵢ² + nᵢ·meanᵢ²] − N·mean², over N − 1 (exact when sdᵢ are sample SDs, as iglu's sd).
 */
function pooledSd(days: readonly WeeklyInputDay[]): number | null {
  const usable = days.filter((d) => d.meanMgdl !== null && d.sdMgdl !== null && d.readings >= 2);
  if (usable.length === 0 || usable.length !== days.length) return null;
  let n = 0, sum = 0, ss = 0;
  for (const d of usable) {
    n += d.readings;
    sum += d.readings * d.meanMgdl!;
    ss += (d.readings - 1) * d.sdMgdl! ** 2 + d.readings * d.meanMgdl! ** 2;
  }
  const mean = sum / n;
  const variance = (ss - n * mean * mean) / (n - 1);
  return Math.sqrt(Math.max(0, variance));
}

function average(values: readonly number[]): number | null {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

/** The Monday-to-Sunday weeks before `weekOf`, newest first: [[from, to], …]. */
export function previousWeeks(weekOf: string, count: number): [string, string][] {
  return Array.from({ length: count }, (_, i) => {
    const from = addDays(weekOf, -7 * (i + 1));
    return [from, addDays(from, 6)] as [string, string];
  });
}
