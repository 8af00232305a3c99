import type { DailyRow } from "../discovery/daily-features";
import { addDays } from "./day-math";

/** A complete, unremarkable day (full CGM wear, 7 h sleep, in range), for hand-built test histories. */
export function makeDay(date: string, overrides: Partial<DailyRow> = {}): DailyRow {
  return {
    date,
    readings: 288,
    meanMgdl: 130,
    sdMgdl: 35,
    tirPercent: 80,
    tarPercent: 12,
    overnightMeanMgdl: 120,
    sleepMinutes: 420,
    deepSleepMinutes: 70,
    remSleepMinutes: 90,
    exerciseMinutes: 30,
    eveningExerciseMinutes: 20,
    steps: 8000,
    carbsG: 180,
    lateDinner: false,
    lastMealHour: 19.5,
    ...overrides,
  };
}

/** `count` consecutive days from `start`, each shaped by `shape(i)`. */
export function makeDays(start: string, count: number, shape: (i: number) => Partial<DailyRow> = () => ({})): DailyRow[] {
  return Array.from({ length: count }, (_, i) => makeDay(addDays(start, i), shape(i)));
}
