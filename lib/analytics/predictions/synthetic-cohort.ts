import { mulberry32 } from "@/lib/seeded-random";
import type { DailyRow } from "../discovery/daily-features";
import { addDays } from "./day-math";

/**
 * A seeded generator of daily rows for a cohort of synthetic people, for the calibration bench and
 * tests. Each person has their own habits (sleep length, late-dinner and evening-walk frequency,
 * carbohydrate intake) and their own sensitivity to them; the day's glucose level is a latent mean
 * that these habits push up or down, and TIR/TAR follow from a normal distribution of readings
 * around it. Nothing here claims physiological accuracy: it is a world where the truth is known.
 */
export type SyntheticPerson = {
  id: number;
  days: (DailyRow & { tbrPercent: number | null })[];
  /** The person's true effects (mg/dL on the latent daily mean), for checks. */
  effects: { shortSleep: number; lateDinnerOvernight: number; eveningWalkOvernight: number; carbsPer50g: number; lowSteps: number };
};

export type CohortOptions = { people: number; weeks: number; seed: number; startMonday?: string };

function createNormal(random: () => number): (mean: number, sd: number) => number {
  return (mean, sd) => {
    // Box–Muller; 1 − u keeps log away from 0.
    const u = 1 - random();
    const v = random();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf; error < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152073) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

export function generateCohort(options: CohortOptions): SyntheticPerson[] {
  const random = mulberry32(options.seed);
  const normal = createNormal(random);
  const start = options.startMonday ?? "2025-01-06";
  const people: SyntheticPerson[] = [];
  for (let id = 0; id < options.people; id++) {
    const effects = {
      shortSleep: normal(14, 10),
      lateDinnerOvernight: normal(18, 12),
      eveningWalkOvernight: normal(-10, 6),
      carbsPer50g: normal(6, 4),
      lowSteps: normal(6, 5),
    };
    const person = {
      baseMean: normal(150, 22),
      cv: clamp(normal(0.3, 0.05), 0.18, 0.45),
      sleepMean: normal(6.9, 0.6),
      sleepSd: clamp(normal(0.9, 0.25), 0.4, 1.6),
      lateDinnerP: 0.05 + 0.4 * random(),
      walkP: 0.1 + 0.5 * random(),
      stepsMean: normal(7000, 2000),
      carbsMean: normal(190, 35),
      sensorWear: 0.8 + 0.2 * random(),
      sleepTracking: 0.75 + 0.25 * random(),
      carbLogging: 0.3 + 0.65 * random(),
    };
    let drift = 0;
    let prevLateDinner = false;
    let prevWalk = false;
    const days: SyntheticPerson["days"] = [];
    for (let d = 0; d < options.weeks * 7; d++) {
      if (d % 7 === 0) drift = 0.8 * drift + normal(0, 5); // slow week-to-week drift (AR(1))
      const date = addDays(start, d);
      const sleepH = clamp(normal(person.sleepMean, person.sleepSd), 3, 10.5);
      const steps = Math.max(300, Math.round(normal(person.stepsMean, 2500)));
      const carbs = Math.max(40, normal(person.carbsMean, 45));
      const lateDinner = random() < person.lateDinnerP;
      const walk = random() < person.walkP;
      const eveningMin = walk ? Math.round(clamp(normal(30, 10), 15, 75)) : random() < 0.2 ? Math.round(5 + 8 * random()) : 0;
      const exerciseMin = eveningMin + (random() < 0.35 ? Math.round(clamp(normal(35, 15), 10, 90)) : 0);

      let mean = person.baseMean + drift + normal(0, 12);
      if (sleepH < 6) mean += effects.shortSleep;
      if (steps < 5000) mean += effects.lowSteps;
      mean += (effects.carbsPer50g * (carbs - person.carbsMean)) / 50;
      if (prevLateDinner) mean += effects.lateDinnerOvernight / 3;
      mean = clamp(mean, 80, 320);
      let overnight = mean - 8 + normal(0, 14);
      if (prevLateDinner) overnight += effects.lateDinnerOvernight;
      if (prevWalk) overnight += effects.eveningWalkOvernight;
      overnight = clamp(overnight, 70, 330);

      const sd = mean * person.cv;
      const tir = 100 * (normalCdf((180 - mean) / sd) - normalCdf((70 - mean) / sd));
      const tar = 100 * (1 - normalCdf((180 - mean) / sd));
      const tbr = 100 * normalCdf((70 - mean) / sd);
      const wearing = random() < person.sensorWear;
      const readings = wearing ? (random() < 0.1 ? 120 + Math.floor(random() * 80) : 288) : 0;
      const tracked = random() < person.sleepTracking;
      const logged = random() < person.carbLogging;

      days.push({
        date,
        readings,
        meanMgdl: readings ? round1(mean) : null,
        sdMgdl: readings ? round1(sd) : null,
        tirPercent: readings ? round1(tir) : null,
        tarPercent: readings ? round1(tar) : null,
        tbrPercent: readings ? round1(tbr) : null,
        overnightMeanMgdl: readings ? round1(overnight) : null,
        sleepMinutes: tracked ? Math.round(sleepH * 60) : null,
        deepSleepMinutes: tracked ? Math.round(sleepH * 60 * 0.17) : null,
        remSleepMinutes: tracked ? Math.round(sleepH * 60 * 0.22) : null,
        exerciseMinutes: exerciseMin,
        eveningExerciseMinutes: eveningMin,
        steps,
        carbsG: logged ? Math.round(carbs) : null,
        lateDinner: logged ? lateDinner : null,
        lastMealHour: logged ? (lateDinner ? 21.5 + random() : 18 + 2.5 * random()) : null,
      });
      prevLateDinner = lateDinner;
      prevWalk = eveningMin >= 15;
    }
    people.push({ id, days, effects });
  }
  return people;
}
