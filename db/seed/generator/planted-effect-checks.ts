/**
 * Checks of the planted effects the way an analyst would make them: per-day summaries of the
 * readings, then Welch's unequal-variance t-test between days with and without a cause. Used by
 * the generator's tests and by bench/seed-generator.ts. Not the app's analytics (those live in
 * lib/analytics); kept here so the generator's answer key does not depend on them.
 */
import { createWallClock } from "./local-time";
import type { DailyTruth, DemoPatientData } from "./types";

export interface DaySummary {
  date: string;
  /** Mean of the day's readings (NaN-free: null when the day has no reading). */
  meanMgdl: number | null;
  /** Mean of readings 00:00–06:00 local. */
  overnightMeanMgdl: number | null;
  /** Percent of the day's readings above 180 mg/dL. */
  percentAbove180: number | null;
  readings: number;
}

/** Per local day: mean, overnight (00:00–06:00) mean and time above 180, from the readings. */
export function summarizeDays(data: DemoPatientData): DaySummary[] {
  const clock = createWallClock(data.timezone);
  const readings = data.glucose;
  let k = 0;
  return data.dailyTruth.map(({ date }) => {
    const { startMs, endMs } = clock.dayBounds(date);
    const nightEnd = clock.instant(date, 6 * 60);
    let sum = 0;
    let n = 0;
    let nightSum = 0;
    let nightN = 0;
    let above = 0;
    while (k < readings.length && readings[k].time.getTime() < startMs) k++;
    for (; k < readings.length && readings[k].time.getTime() < endMs; k++) {
      const v = readings[k].mgdl;
      sum += v;
      n++;
      if (v > 180) above++;
      if (readings[k].time.getTime() < nightEnd) {
        nightSum += v;
        nightN++;
      }
    }
    return {
      date,
      meanMgdl: n ? sum / n : null,
      overnightMeanMgdl: nightN ? nightSum / nightN : null,
      percentAbove180: n ? (100 * above) / n : null,
      readings: n,
    };
  });
}

export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function sampleVariance(xs: number[]): number {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9), as in Numerical Recipes §6.1. */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz, Numerical Recipes betacf). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Two-sided p-value of Student's t with df degrees of freedom: I_{df/(df+t²)}(df/2, 1/2). */
export function studentTTwoSidedP(t: number, df: number): number {
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

export interface WelchResult {
  /** mean(a) − mean(b). */
  difference: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  p: number;
  nA: number;
  nB: number;
}

/** Welch's t-test (Welch 1947), as R's t.test(a, b) with var.equal = FALSE. Needs ≥ 2 values per group. */
export function welchTTest(a: number[], b: number[]): WelchResult {
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const difference = mean(a) - mean(b);
  const t = difference / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { difference, t, df, p: studentTTwoSidedP(t, df), nA: a.length, nB: b.length };
}

/** Splits values by a yes/no label and runs Welch's test (yes − no); null values are dropped. */
export function compareGroups<T>(rows: T[], value: (row: T) => number | null, inGroup: (row: T) => boolean): WelchResult {
  const yes: number[] = [];
  const no: number[] = [];
  for (const row of rows) {
    const v = value(row);
    if (v === null) continue;
    (inGroup(row) ? yes : no).push(v);
  }
  return welchTTest(yes, no);
}

export interface PlantedEffectChecks {
  /** Planted 1: day mean after a night < 6 h, minus other days (expect ≈ +15 mg/dL). */
  shortSleep: WelchResult;
  /** Planted 2: 00:00–06:00 mean after an evening walk, minus other nights (expect ≈ −12 mg/dL). */
  eveningWalk: WelchResult;
  /** Planted 3: % time above 180 on days > 250 g carbs, minus other days (expect ≈ +9 points). */
  highCarb: WelchResult;
  /** Not planted: day mean on even ISO weekdays (Tue, Thu, Sat) minus odd ones. */
  weekdayParity: WelchResult;
  /** Not planted: day mean on Saturday and Sunday minus weekdays. */
  weekend: WelchResult;
  /** Not planted: day mean on days with more than 5,200 background steps minus the others. */
  backgroundSteps: WelchResult;
  /**
   * Physiology, not a planted effect: day mean with a workout other than the evening walk minus
   * days without. Exercise lowers glucose for ~2 h, so expect a small negative difference (~−1).
   */
  otherActivity: WelchResult;
  /** Not planted: the night after a late dinner minus other nights. */
  lateDinnerNight: WelchResult;
  /** Wrong way in time: the day BEFORE a short night (must show nothing). */
  shortSleepDayBefore: WelchResult;
  /** Wrong way in time: the night BEFORE an evening walk (must show nothing). */
  walkNightBefore: WelchResult;
}

interface Row extends DaySummary {
  truth: DailyTruth;
  next: (DaySummary & { truth: DailyTruth }) | null;
}

/** Runs every check on one generated person (needs a few days of each kind; 90 days is ample). */
export function checkPlantedEffects(data: DemoPatientData): PlantedEffectChecks {
  const days = summarizeDays(data);
  const rows: Row[] = days.map((d, i) => ({
    ...d,
    truth: data.dailyTruth[i],
    next: i + 1 < days.length ? { ...days[i + 1], truth: data.dailyTruth[i + 1] } : null,
  }));
  const withNext = rows.filter((r) => r.next !== null);
  return {
    shortSleep: compareGroups(rows, (r) => r.meanMgdl, (r) => r.truth.shortSleep),
    eveningWalk: compareGroups(withNext, (r) => r.next!.overnightMeanMgdl, (r) => r.truth.eveningWalk),
    highCarb: compareGroups(rows, (r) => r.percentAbove180, (r) => r.truth.highCarb),
    weekdayParity: compareGroups(rows, (r) => r.meanMgdl, (r) => r.truth.weekday % 2 === 0),
    weekend: compareGroups(rows, (r) => r.meanMgdl, (r) => r.truth.weekday >= 6),
    backgroundSteps: compareGroups(rows, (r) => r.meanMgdl, (r) => r.truth.backgroundSteps > 5200),
    otherActivity: compareGroups(rows, (r) => r.meanMgdl, (r) => r.truth.otherActivityMinutes > 0),
    lateDinnerNight: compareGroups(withNext, (r) => r.next!.overnightMeanMgdl, (r) => r.truth.lateDinner),
    shortSleepDayBefore: compareGroups(withNext, (r) => r.meanMgdl, (r) => r.next!.truth.shortSleep),
    walkNightBefore: compareGroups(rows, (r) => r.overnightMeanMgdl, (r) => r.truth.eveningWalk),
  };
}
