/**
 * The CGM trace of the demo person: a sum of physiological components on a 5-minute grid.
 *
 *   glucose = day baseline (interpolated between local noons) + sensor calibration bias
 *           + dawn phenomenon (rise 04:00 → 07:30 local, gone by 10:00)
 *           + meal excursions (gamma-shaped, peak 45–60 min after the meal, back in 2–3 h)
 *           + exercise (falls while active, recovers with a 40-minute time constant)
 *           + planted effects (see planted-effects.ts)
 *           + AR(1) noise (smooth, as CGM noise is: φ = 0.94 per 5 min, stationary SD 6 mg/dL)
 *           + hypoglycaemia episodes (scaled to reach a chosen nadir, so lows < 54 always occur)
 * then rounded and clamped to 40–400, with readings removed inside sensor warm-ups and signal losses.
 *
 * The meal curve is the gamma-variate shape used for post-prandial glucose and glucose
 * appearance (e.g. Dalla Man et al. 2007's oral glucose absorption has the same rise-and-decay):
 * g(x) = x^k·e^{k(1−x)} with k = 2.5, x = minutes since the meal / minutes to peak, so g(1) = 1,
 * the curve is above half its peak from 0.47 to 1.75 peak-times and back to 10 % of it at 3
 * peak-times (2.25–3 h).
 */
import { DRIVER_PREVALENCE, PLANTED_EFFECTS } from "./planted-effects";
import { addDays, HOUR_MS, MINUTE_MS, type LocalDay, type WallClock } from "./local-time";
import { deriveRng, type Rng } from "./prng";
import type { DayPlan } from "./daily-plan";
import type { GlucoseReading, SensorGap } from "./types";

export const READING_INTERVAL_MS = 5 * MINUTE_MS;

/** The grid: readingTime(k) = firstMs + k·5 min, for k in [0, count). */
export interface ReadingGrid {
  firstMs: number;
  count: number;
}

export interface GlucoseTrace {
  glucose: GlucoseReading[];
  sensorGaps: SensorGap[];
  /** Day baseline per plan (mg/dL), and hypo episodes per plan. */
  baselines: number[];
  hypoEventsPerDay: number[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A sensor reading phase: real CGMs read every 5 min at seconds that depend on the sensor start. */
export function buildReadingGrid(days: LocalDay[], phaseSeconds: number): ReadingGrid {
  const startMs = days[0].startMs;
  const endMs = days[days.length - 1].endMs;
  // Local midnights are whole hours apart even across DST, so the span is a multiple of 5 minutes.
  return { firstMs: startMs + phaseSeconds * 1000, count: Math.round((endMs - startMs) / READING_INTERVAL_MS) };
}

/** Adds `amount(t)` to every grid point with fromMs <= t < toMs. */
function addOver(signal: Float64Array, grid: ReadingGrid, fromMs: number, toMs: number, amount: (t: number) => number) {
  const first = Math.max(0, Math.ceil((fromMs - grid.firstMs) / READING_INTERVAL_MS));
  const last = Math.min(grid.count, Math.ceil((toMs - grid.firstMs) / READING_INTERVAL_MS));
  for (let k = first; k < last; k++) signal[k] += amount(grid.firstMs + k * READING_INTERVAL_MS);
}

/** Piecewise-linear trapezoid: 0 before a, up to 1 at b, 1 until c, down to 0 at d. */
function trapezoid(t: number, a: number, b: number, c: number, d: number): number {
  if (t < a || t >= d) return 0;
  if (t < b) return (t - a) / (b - a);
  if (t < c) return 1;
  return (d - t) / (d - c);
}

/** Shape k of g(x) = x^k·e^{k(1−x)}: 2.5 gives the broad, slow return of type 2 excursions. */
const MEAL_SHAPE = 2.5;

export function mealResponse(minutesSinceMeal: number, minutesToPeak: number): number {
  if (minutesSinceMeal <= 0) return 0;
  const x = minutesSinceMeal / minutesToPeak;
  return Math.pow(x, MEAL_SHAPE) * Math.exp(MEAL_SHAPE * (1 - x));
}

/**
 * Peak rise = gain × carbs^0.65 mg/dL: 30 g → ~60, 60 g → ~95, 100 g → ~130. The response grows
 * less than linearly because a bigger meal empties from the stomach more slowly. Breakfast
 * has the larger gain (morning insulin resistance in type 2 diabetes).
 */
const MEAL_GAIN = { breakfast: 7.6, lunch: 6.6, dinner: 6.6, snack: 6.2 } as const;
const MEAL_EXPONENT = 0.65;

/** Fall at the end of a session, mg/dL (negative lowers glucose). */
function exerciseDrop(rng: Rng, type: string, durationMinutes: number): number {
  switch (type) {
    case "walking":
      return -(8 + 0.3 * durationMinutes) * Math.exp(rng.normal(0, 0.15));
    case "running":
      return -rng.uniform(24, 34);
    case "cycling":
      return -rng.uniform(20, 30);
    default:
      return -rng.uniform(4, 8);
  }
}

function placeSensorGaps(rng: Rng, days: LocalDay[], clock: WallClock): SensorGap[] {
  const gaps: SensorGap[] = [];
  const life = DRIVER_PREVALENCE.sensorLifeDays;
  for (let i = rng.int(0, life - 1); i < days.length; i += life) {
    const start = clock.instant(days[i].date, rng.int(7 * 60 + 30, 10 * 60));
    gaps.push({ start: new Date(start), end: new Date(start + DRIVER_PREVALENCE.sensorWarmupMinutes * MINUTE_MS), reason: "sensor_warmup" });
  }
  const windowStart = days[0].startMs;
  const windowEnd = days[days.length - 1].endMs;
  const wanted = Math.max(1, Math.round(days.length / DRIVER_PREVALENCE.daysPerSignalLoss));
  for (let placed = 0, attempts = 0; placed < wanted && attempts < 200; attempts++) {
    const minutes = rng.int(90, 240);
    const start = windowStart + Math.floor(rng.next() * ((windowEnd - windowStart) / MINUTE_MS - minutes)) * MINUTE_MS;
    const end = start + minutes * MINUTE_MS;
    const margin = 3 * HOUR_MS;
    if (gaps.some((g) => start < g.end.getTime() + margin && end > g.start.getTime() - margin)) continue;
    gaps.push({ start: new Date(start), end: new Date(end), reason: "signal_loss" });
    placed++;
  }
  return gaps.sort((a, b) => a.start.getTime() - b.start.getTime());
}

export function simulateGlucose(seed: string | number, plans: DayPlan[], clock: WallClock, baselineMgdl: number): GlucoseTrace {
  const days = plans.map((p) => p.day);
  const gridRng = deriveRng(seed, "sensor");
  const grid = buildReadingGrid(days, gridRng.int(0, 299));
  const sensorGaps = placeSensorGaps(gridRng, days, clock);
  const at = (date: string, minute: number) => clock.instant(date, minute);
  const signal = new Float64Array(grid.count);

  // Day baselines, linearly interpolated between local noons so no step shows at midnight.
  const levelRng = deriveRng(seed, "baseline");
  const baselines = plans.map(() => Math.round((baselineMgdl + levelRng.normal(0, 3)) * 10) / 10);
  const noons = days.map((d) => at(d.date, 12 * 60));
  for (let k = 0, j = 0; k < grid.count; k++) {
    const t = grid.firstMs + k * READING_INTERVAL_MS;
    while (j < noons.length - 1 && t >= noons[j + 1]) j++;
    if (t <= noons[0]) signal[k] += baselines[0];
    else if (j >= noons.length - 1) signal[k] += baselines[noons.length - 1];
    else signal[k] += baselines[j] + ((baselines[j + 1] - baselines[j]) * (t - noons[j])) / (noons[j + 1] - noons[j]);
  }

  // Each sensor reads a little high or low until it is replaced.
  const sensorStarts = [grid.firstMs, ...sensorGaps.filter((g) => g.reason === "sensor_warmup").map((g) => g.start.getTime()), Infinity];
  for (let s = 0; s < sensorStarts.length - 1; s++) {
    const bias = levelRng.normal(0, 2.5);
    addOver(signal, grid, sensorStarts[s], sensorStarts[s + 1], () => bias);
  }

  const physiology = deriveRng(seed, "physiology");
  for (const plan of plans) {
    const { date } = plan.day;
    // Dawn phenomenon: counter-regulatory hormones raise hepatic glucose output before waking.
    const dawnStart = at(date, 4 * 60);
    const dawnPeak = at(date, 7 * 60 + 30);
    const dawnEnd = at(date, 10 * 60);
    const dawn = clamp(physiology.normal(20, 4), 8, 32);
    addOver(signal, grid, dawnStart, dawnEnd, (t) =>
      t < dawnPeak
        ? (dawn * (1 - Math.cos((Math.PI * (t - dawnStart)) / (dawnPeak - dawnStart)))) / 2
        : (dawn * (1 + Math.cos((Math.PI * (t - dawnPeak)) / (dawnEnd - dawnPeak)))) / 2,
    );

    // Planted effect 3: on a high-carb day every excursion is taller than its carbs alone predict
    // (post-prandial insulin secretion cannot keep up with a day-long carbohydrate load).
    const dayGain = plan.highCarb ? PLANTED_EFFECTS.highCarb.excursionGain : 1;
    for (const meal of plan.meals) {
      const peakMinutes = physiology.uniform(45, 60);
      const amplitude = dayGain * MEAL_GAIN[meal.type] * Math.pow(meal.carbsG, MEAL_EXPONENT) * Math.exp(physiology.normal(0, 0.15));
      addOver(signal, grid, meal.timeMs, meal.timeMs + 5 * HOUR_MS, (t) => amplitude * mealResponse((t - meal.timeMs) / MINUTE_MS, peakMinutes));
    }

    for (const activity of plan.activities) {
      const drop = exerciseDrop(physiology, activity.type, activity.durationMinutes);
      const start = activity.startMs;
      const end = start + activity.durationMinutes * MINUTE_MS;
      // Strength work raises glucose a little while lifting (catecholamines), then it settles below.
      const during = activity.type === "strength" ? -drop * 0.8 : drop;
      addOver(signal, grid, start, end, (t) => (during * (t - start)) / (end - start));
      addOver(signal, grid, end, end + 3 * HOUR_MS, (t) => drop * Math.exp(-(t - end) / (40 * MINUTE_MS)));
    }

    if (plan.shortSleep) {
      // Planted effect 1; amplitude chosen so the day's mean moves by exactly deltaMgdl.
      const { deltaMgdl, rampMinutes } = PLANTED_EFFECTS.shortSleep;
      const ramp = rampMinutes * MINUTE_MS;
      const length = plan.day.endMs - plan.day.startMs;
      const amplitude = (deltaMgdl * length) / (length - ramp);
      const { startMs, endMs } = plan.day;
      addOver(signal, grid, startMs, endMs, (t) => amplitude * trapezoid(t, startMs, startMs + ramp, endMs - ramp, endMs));
    }

    if (plan.eveningWalk) {
      // Planted effect 2, on the night after the walk.
      const e = PLANTED_EFFECTS.eveningWalk;
      const next = addDays(date, 1);
      const a = at(next, e.rampInFromMinute);
      const b = at(next, e.windowStartMinute);
      const c = at(next, e.windowEndMinute);
      const d = at(next, e.rampOutUntilMinute);
      addOver(signal, grid, a, d, (t) => e.deltaMgdl * trapezoid(t, a, b, c, d));
    }
  }

  // AR(1) noise: glucose wanders smoothly between readings rather than jumping.
  const noiseRng = deriveRng(seed, "noise");
  const phi = 0.94;
  const stationarySd = 6;
  const innovationSd = stationarySd * Math.sqrt(1 - phi * phi);
  let noise = noiseRng.normal(0, stationarySd);
  for (let k = 0; k < grid.count; k++) {
    signal[k] += noise;
    noise = phi * noise + noiseRng.normal(0, innovationSd);
  }

  const hypoEventsPerDay = placeHypoglycaemia(deriveRng(seed, "hypoglycaemia"), signal, grid, plans, sensorGaps, clock);

  const missing = new Uint8Array(grid.count);
  for (const gap of sensorGaps) {
    const first = Math.max(0, Math.ceil((gap.start.getTime() - grid.firstMs) / READING_INTERVAL_MS));
    const last = Math.min(grid.count, Math.ceil((gap.end.getTime() - grid.firstMs) / READING_INTERVAL_MS));
    missing.fill(1, first, last);
  }
  const glucose: GlucoseReading[] = [];
  for (let k = 0; k < grid.count; k++) {
    if (missing[k]) continue;
    glucose.push({ time: new Date(grid.firstMs + k * READING_INTERVAL_MS), mgdl: clamp(Math.round(signal[k]), 40, 400) });
  }
  return { glucose, sensorGaps, baselines, hypoEventsPerDay };
}

/**
 * Lows: a fall over 35 minutes, 20 minutes at the bottom, a quick recovery after treatment.
 * Each episode's depth is set from the trace at that moment so it reaches its chosen nadir:
 * the first one goes below 54 (level 2), the others to 54–66 (level 1). Episodes avoid sensor
 * gaps (a low nobody saw would prove nothing) and moments when glucose is above 150.
 */
function placeHypoglycaemia(rng: Rng, signal: Float64Array, grid: ReadingGrid, plans: DayPlan[], gaps: SensorGap[], clock: WallClock): number[] {
  const perDay = plans.map(() => 0);
  const wanted = Math.max(1, Math.round(plans.length / DRIVER_PREVALENCE.daysPerHypoEvent));
  const taken = new Set<number>();
  for (let placed = 0, attempts = 0; placed < wanted && attempts < 500; attempts++) {
    const dayIndex = rng.int(0, plans.length - 1);
    if (taken.has(dayIndex)) continue;
    const u = rng.next();
    const minute = u < 0.25 ? rng.int(90, 210) : u < 0.6 ? rng.int(10 * 60 + 30, 11 * 60 + 30) : rng.int(15 * 60 + 30, 17 * 60);
    const centre = clock.instant(plans[dayIndex].day.date, minute);
    const from = centre - 45 * MINUTE_MS;
    const to = centre + 40 * MINUTE_MS;
    if (from < grid.firstMs || to > grid.firstMs + grid.count * READING_INTERVAL_MS) continue;
    if (gaps.some((g) => from < g.end.getTime() + HOUR_MS && to > g.start.getTime() - HOUR_MS)) continue;
    const k = Math.round((centre - grid.firstMs) / READING_INTERVAL_MS);
    if (signal[k] > 150) continue;
    const nadir = placed === 0 ? rng.uniform(45, 51) : rng.uniform(54, 66);
    const depth = Math.max(0, signal[k] - nadir);
    const t0 = grid.firstMs + k * READING_INTERVAL_MS;
    addOver(signal, grid, t0 - 45 * MINUTE_MS, t0 + 40 * MINUTE_MS, (t) => -depth * trapezoid(t, t0 - 45 * MINUTE_MS, t0 - 10 * MINUTE_MS, t0 + 10 * MINUTE_MS + 1, t0 + 40 * MINUTE_MS));
    taken.add(dayIndex);
    perDay[dayIndex]++;
    placed++;
  }
  return perDay;
}
