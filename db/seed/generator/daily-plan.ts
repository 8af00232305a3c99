/**
 * The latent life of the demo person, one local day at a time: when they slept and for how long,
 * what and when they ate, when they moved. Everything is drawn on the wall clock of the person's
 * zone and converted to UTC instants once, here. Glucose is computed from these plans elsewhere.
 *
 * Which days carry a planted cause (short night, evening walk, high-carb day, late dinner) is an
 * exact count placed on random days, drawn from its own stream: the causes are independent of
 * each other and of the weekday, and every run has the same share of them.
 */
import { DRIVER_PREVALENCE, PLANTED_EFFECTS } from "./planted-effects";
import { computeKcal, MENU, type MenuItem } from "./menu";
import { MINUTE_MS, type LocalDay, type WallClock } from "./local-time";
import { deriveRng, type Rng } from "./prng";
import type { ActivityIntensity, ActivityType, MealType } from "./types";

export interface PlannedMeal {
  type: MealType;
  timeMs: number;
  description: string;
  carbsG: number;
  proteinG: number;
  fatG: number;
  kcal: number;
}

export interface PlannedActivity {
  type: ActivityType;
  startMs: number;
  durationMinutes: number;
  intensity: ActivityIntensity;
  avgHeartRate: number;
  eveningWalk: boolean;
}

export interface PlannedSleep {
  startMs: number;
  endMs: number;
  asleepMinutes: number;
  deepMinutes: number;
  remMinutes: number;
  coreMinutes: number;
  awakeMinutes: number;
}

export interface DayPlan {
  day: LocalDay;
  /** The night that ended on this day's morning. */
  sleep: PlannedSleep;
  meals: PlannedMeal[];
  activities: PlannedActivity[];
  shortSleep: boolean;
  eveningWalk: boolean;
  lateDinner: boolean;
  highCarb: boolean;
  carbsG: number;
  backgroundSteps: number;
}

/** round(share × n) distinct day indexes, placed at random. */
function pickDayIndexes(rng: Rng, n: number, share: number): Set<number> {
  const all = Array.from({ length: n }, (_, i) => i);
  return new Set(rng.sample(all, Math.round(share * n)));
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function planSleep(rng: Rng, short: boolean, earliestBedMinute: number): Omit<PlannedSleep, "startMs" | "endMs"> & { bedMinute: number } {
  // Short nights are cut at both ends (later to bed, earlier alarm), as in real short sleepers.
  const asleepHours = short ? rng.uniform(4.4, 5.75) : clamp(rng.normal(7.25, 0.42), 6.25, 8.6);
  const asleepMinutes = Math.round(asleepHours * 60);
  const awakeMinutes = Math.round(clamp(rng.normal(24, 8), 8, 50));
  const bedMinute = Math.round(Math.max(clamp(short ? rng.normal(23 * 60 + 45, 25) : rng.normal(23 * 60 + 5, 28), 22 * 60, 24 * 60 + 50), earliestBedMinute));
  // Deep sleep sits early in the night and REM late, so a short night loses mostly REM.
  const deepMinutes = Math.round(asleepMinutes * rng.uniform(0.13, 0.22));
  const remMinutes = Math.round(asleepMinutes * (short ? rng.uniform(0.15, 0.2) : rng.uniform(0.2, 0.25)));
  return { bedMinute, asleepMinutes, awakeMinutes, deepMinutes, remMinutes, coreMinutes: asleepMinutes - deepMinutes - remMinutes };
}

function pickMeal(rng: Rng, type: MealType): MenuItem & { portion: number } {
  return { ...rng.pick(MENU[type]), portion: Math.exp(rng.normal(0, 0.1)) };
}

type WorkoutSlot = "morning" | "lunch" | "afternoon";

interface WorkoutDraft {
  type: ActivityType;
  slot: WorkoutSlot;
  durationMinutes: number;
  intensity: ActivityIntensity;
  avgHeartRate: number;
}

function draftWorkout(rng: Rng): WorkoutDraft {
  const u = rng.next();
  if (u < 0.3) return { type: "walking", slot: "lunch", durationMinutes: rng.int(15, 30), intensity: "light", avgHeartRate: rng.int(92, 108) };
  const slot: WorkoutSlot = rng.chance(0.5) ? "morning" : "afternoon";
  if (u < 0.5) {
    const vigorous = rng.chance(0.5);
    return { type: "running", slot, durationMinutes: rng.int(25, 45), intensity: vigorous ? "vigorous" : "moderate", avgHeartRate: vigorous ? rng.int(150, 165) : rng.int(135, 150) };
  }
  if (u < 0.75) return { type: "cycling", slot, durationMinutes: rng.int(30, 60), intensity: "moderate", avgHeartRate: rng.int(122, 142) };
  return { type: "strength", slot, durationMinutes: rng.int(30, 50), intensity: "moderate", avgHeartRate: rng.int(102, 122) };
}

/** Scales every meal of a day by one factor (bigger or smaller portions). */
function scalePortions(meals: Array<MenuItem & { portion: number }>, factor: number) {
  for (const m of meals) m.portion *= factor;
}

export function planDays(seed: string | number, days: LocalDay[], clock: WallClock): DayPlan[] {
  const n = days.length;
  const pick = deriveRng(seed, "cause-days");
  const shortNights = pickDayIndexes(pick, n, DRIVER_PREVALENCE.shortSleepNights);
  const walkDays = pickDayIndexes(pick, n, DRIVER_PREVALENCE.eveningWalkDays);
  const highCarbDays = pickDayIndexes(pick, n, DRIVER_PREVALENCE.highCarbDays);
  const lateDinnerDays = pickDayIndexes(pick, n, DRIVER_PREVALENCE.lateDinnerDays);
  const sleepRng = deriveRng(seed, "sleep");
  const mealRng = deriveRng(seed, "meals");
  const moveRng = deriveRng(seed, "activities");
  const stepRng = deriveRng(seed, "background-steps");

  const plans: DayPlan[] = [];
  // Minutes after the previous date's midnight when that evening's dinner and walk were over.
  let previousEveningEnd = 0;

  for (let i = 0; i < n; i++) {
    const day = days[i];
    const at = (minute: number) => clock.instant(day.date, minute);

    const short = shortNights.has(i);
    const s = planSleep(sleepRng, short, previousEveningEnd + 20);
    const bedMinute = s.bedMinute - 1440;
    const wakeMinute = bedMinute + s.asleepMinutes + s.awakeMinutes;
    const sleep: PlannedSleep = {
      startMs: at(bedMinute),
      endMs: at(bedMinute) + (s.asleepMinutes + s.awakeMinutes) * MINUTE_MS,
      asleepMinutes: s.asleepMinutes,
      deepMinutes: s.deepMinutes,
      remMinutes: s.remMinutes,
      coreMinutes: s.coreMinutes,
      awakeMinutes: s.awakeMinutes,
    };

    const workout = moveRng.chance(DRIVER_PREVALENCE.otherActivityPerDay) ? draftWorkout(moveRng) : null;
    const activities: Array<{ draft: WorkoutDraft | null; startMinute: number; evening: boolean; durationMinutes: number }> = [];

    const lunchMinute = mealRng.int(12 * 60, 13 * 60 + 30);
    let breakfastMinute: number;
    // Nothing the person does starts before 06:00, so the overnight window (00:00–06:00) of
    // planted effect 2 holds only the night: an early riser's run or breakfast would otherwise
    // tie that window to wake-up time, and wake-up time to the previous evening.
    if (workout?.slot === "morning") {
      const start = Math.max(6 * 60, wakeMinute + moveRng.int(15, 30));
      activities.push({ draft: workout, startMinute: start, evening: false, durationMinutes: workout.durationMinutes });
      breakfastMinute = start + workout.durationMinutes + mealRng.int(20, 40);
    } else {
      breakfastMinute = Math.max(6 * 60 + 5, wakeMinute + mealRng.int(30, 70));
    }
    // A late riser still has breakfast well before lunch.
    breakfastMinute = Math.min(breakfastMinute, lunchMinute - 120);
    if (workout?.slot === "lunch") {
      activities.push({ draft: workout, startMinute: lunchMinute + moveRng.int(35, 50), evening: false, durationMinutes: workout.durationMinutes });
    }
    let dinnerEarliest = 18 * 60;
    if (workout?.slot === "afternoon") {
      const start = moveRng.int(16 * 60 + 30, 17 * 60);
      activities.push({ draft: workout, startMinute: start, evening: false, durationMinutes: workout.durationMinutes });
      dinnerEarliest = Math.max(dinnerEarliest, start + workout.durationMinutes + 20);
    }
    const late = lateDinnerDays.has(i);
    const dinnerMinute = late ? mealRng.int(20 * 60 + 30, 21 * 60 + 15) : Math.max(dinnerEarliest, mealRng.int(18 * 60, 19 * 60 + 30));

    const drafts: Array<{ type: MealType; minute: number; item: MenuItem & { portion: number } }> = [
      { type: "breakfast", minute: breakfastMinute, item: pickMeal(mealRng, "breakfast") },
      { type: "lunch", minute: lunchMinute, item: pickMeal(mealRng, "lunch") },
      { type: "dinner", minute: dinnerMinute, item: pickMeal(mealRng, "dinner") },
    ];
    const morningSnack = mealRng.chance(0.35) ? mealRng.int(10 * 60, 11 * 60) : null;
    if (morningSnack !== null && morningSnack > breakfastMinute + 90) drafts.push({ type: "snack", minute: morningSnack, item: pickMeal(mealRng, "snack") });
    const afternoonSnack = mealRng.chance(0.4) ? mealRng.int(15 * 60, 16 * 60 + 15) : null;
    if (afternoonSnack !== null) drafts.push({ type: "snack", minute: afternoonSnack, item: pickMeal(mealRng, "snack") });
    drafts.sort((a, b) => a.minute - b.minute);

    // Day totals are pushed into their band so "> 250 g" separates the two kinds of day cleanly.
    const items = drafts.map((d) => d.item);
    const rawCarbs = items.reduce((sum, m) => sum + m.carbsG * m.portion, 0);
    const high = highCarbDays.has(i);
    if (high) scalePortions(items, mealRng.uniform(262, 330) / rawCarbs);
    else if (rawCarbs > 235) scalePortions(items, mealRng.uniform(205, 235) / rawCarbs);
    else if (rawCarbs < 140) scalePortions(items, mealRng.uniform(140, 160) / rawCarbs);

    const meals: PlannedMeal[] = drafts.map(({ type, minute, item }) => {
      const carbsG = Math.round(item.carbsG * item.portion);
      const proteinG = Math.round(item.proteinG * item.portion);
      const fatG = Math.round(item.fatG * item.portion);
      return { type, timeMs: at(minute), description: item.description, carbsG, proteinG, fatG, kcal: computeKcal(carbsG, proteinG, fatG) };
    });
    const carbsG = meals.reduce((sum, m) => sum + m.carbsG, 0);

    const walk = walkDays.has(i);
    let eveningEnd = dinnerMinute + 25;
    if (walk) {
      const start = dinnerMinute + moveRng.int(25, 45);
      const durationMinutes = moveRng.int(30, 45);
      activities.push({ draft: null, startMinute: start, evening: true, durationMinutes });
      eveningEnd = start + durationMinutes;
    }
    previousEveningEnd = eveningEnd;

    plans.push({
      day,
      sleep,
      meals,
      activities: activities.map((a) => ({
        type: a.draft?.type ?? "walking",
        startMs: at(a.startMinute),
        durationMinutes: a.durationMinutes,
        intensity: a.draft?.intensity ?? "light",
        avgHeartRate: a.draft?.avgHeartRate ?? moveRng.int(95, 108),
        eveningWalk: a.evening,
      })),
      shortSleep: short,
      eveningWalk: walk,
      lateDinner: late,
      highCarb: carbsG > PLANTED_EFFECTS.highCarb.thresholdG,
      carbsG,
      backgroundSteps: Math.round(clamp(stepRng.normal(5200, 1500), 1200, 11000)),
    });
  }
  return plans;
}
