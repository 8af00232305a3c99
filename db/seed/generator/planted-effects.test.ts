import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { generateDemoPatient } from "./demo-patient";
import { PLANTED_EFFECTS } from "./planted-effects";
import { checkPlantedEffects, mean, studentTTwoSidedP, welchTTest, type PlantedEffectChecks, type WelchResult } from "./planted-effect-checks";

// jStat has no type declarations; loading it through require keeps an ambient module
// declaration out of the shared type space (another module may declare its own).
const { jStat } = createRequire(import.meta.url)("jstat") as { jStat: { studentt: { cdf(t: number, df: number): number } } };

const END = "2026-03-15";
const analyse = (seed: string) => checkPlantedEffects(generateDemoPatient({ seed, endDate: END }));

const SEEDS = Array.from({ length: 30 }, (_, i) => `planted-${i}`);
const results = SEEDS.map(analyse);
const demo = analyse("demo");
const share = (pick: (r: PlantedEffectChecks) => WelchResult, alpha: number) => results.filter((r) => pick(r).p < alpha).length / results.length;
const pooled = (pick: (r: PlantedEffectChecks) => WelchResult) => mean(results.map((r) => pick(r).difference));

describe("Welch's t-test used by these checks", () => {
  it("gives p-values that agree with jStat's Student t distribution and with tables", () => {
    for (const [t, df] of [[0.5, 10], [2.042, 30], [3.1, 57.3], [-1.2, 88.8], [6, 40]]) {
      const expected = 2 * (1 - jStat.studentt.cdf(Math.abs(t), df));
      expect(studentTTwoSidedP(t, df)).toBeCloseTo(expected, 8);
    }
    expect(studentTTwoSidedP(2.0423, 30)).toBeCloseTo(0.05, 4); // t(0.975, 30) = 2.0423
    expect(studentTTwoSidedP(0, 12)).toBeCloseTo(1, 10);
  });

  it("computes the difference, t and Welch–Satterthwaite df of a worked example", () => {
    // a: mean 3, var 2.5, n 5; b: mean 6, var 10, n 5 → t = −3/√2.5, df = 2.5² / ((0.5² + 2²)/4) = 5.882…
    const r = welchTTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(r.difference).toBe(-3);
    expect(r.t).toBeCloseTo(-3 / Math.sqrt(2.5), 12);
    expect(r.df).toBeCloseTo(6.25 / (4.25 / 4), 12);
  });
});

describe("planted effect 1: a night under 6 h raises the next day's mean glucose by ~15 mg/dL", () => {
  it("shows +15 ± 5 and p < 0.001 in the demo seed", () => {
    expect(demo.shortSleep.difference).toBeGreaterThan(10);
    expect(demo.shortSleep.difference).toBeLessThan(20);
    expect(demo.shortSleep.p).toBeLessThan(0.001);
    expect(demo.shortSleep.nA).toBe(20); // 22 % of 90 nights
  });

  it("is significant in every one of 30 seeds, 15 ± 5 in each, and averages the documented 15", () => {
    expect(share((r) => r.shortSleep, 0.001)).toBe(1);
    for (const r of results) expect(Math.abs(r.shortSleep.difference - PLANTED_EFFECTS.shortSleep.deltaMgdl)).toBeLessThan(5);
    expect(pooled((r) => r.shortSleep)).toBeCloseTo(PLANTED_EFFECTS.shortSleep.deltaMgdl, 0);
  });

  it("does not reach back to the day before the short night", () => {
    expect(Math.abs(pooled((r) => r.shortSleepDayBefore))).toBeLessThan(1.5);
    expect(share((r) => r.shortSleepDayBefore, 0.05)).toBeLessThanOrEqual(0.15);
  });
});

describe("planted effect 2: an evening walk lowers that night's 00:00–06:00 mean by ~12 mg/dL", () => {
  it("shows −12 ± 5 and p < 0.001 in the demo seed", () => {
    expect(demo.eveningWalk.difference).toBeGreaterThan(-17);
    expect(demo.eveningWalk.difference).toBeLessThan(-7);
    expect(demo.eveningWalk.p).toBeLessThan(0.001);
  });

  it("is significant in every one of 30 seeds, −12 ± 5 in each, and averages the documented −12", () => {
    expect(share((r) => r.eveningWalk, 0.001)).toBe(1);
    for (const r of results) expect(Math.abs(r.eveningWalk.difference - PLANTED_EFFECTS.eveningWalk.deltaMgdl)).toBeLessThan(5);
    expect(pooled((r) => r.eveningWalk)).toBeCloseTo(PLANTED_EFFECTS.eveningWalk.deltaMgdl, 0);
  });

  it("does not lower the night before the walk", () => {
    expect(Math.abs(pooled((r) => r.walkNightBefore))).toBeLessThan(1.5);
    expect(share((r) => r.walkNightBefore, 0.05)).toBeLessThanOrEqual(0.15);
  });
});

describe("planted effect 3: days over 250 g of carbs spend more time above 180", () => {
  it("adds ~9 percentage points (± 4) with p < 0.01 in the demo seed and in every one of 30 seeds", () => {
    expect(demo.highCarb.p).toBeLessThan(0.01);
    expect(share((r) => r.highCarb, 0.01)).toBe(1);
    for (const r of results) expect(Math.abs(r.highCarb.difference - PLANTED_EFFECTS.highCarb.deltaTimeAbove180Points)).toBeLessThan(4);
    expect(Math.abs(pooled((r) => r.highCarb) - PLANTED_EFFECTS.highCarb.deltaTimeAbove180Points)).toBeLessThan(1);
  });
});

describe("factors that were not planted show nothing", () => {
  it("finds no weekday-parity effect in the demo seed (p > 0.05, |difference| < 3 mg/dL)", () => {
    expect(demo.weekdayParity.p).toBeGreaterThan(0.05);
    expect(Math.abs(demo.weekdayParity.difference)).toBeLessThan(3);
  });

  it.each([
    ["weekday parity", (r: PlantedEffectChecks) => r.weekdayParity],
    ["weekend", (r: PlantedEffectChecks) => r.weekend],
    ["background steps", (r: PlantedEffectChecks) => r.backgroundSteps],
    ["late dinner → next night", (r: PlantedEffectChecks) => r.lateDinnerNight],
  ])("%s: p < 0.05 in at most 15 %% of 30 seeds (nominal 5 %%), pooled difference under 1.5 mg/dL", (_name, pick) => {
    expect(share(pick, 0.05)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(pooled(pick))).toBeLessThan(1.5);
  });

  it("keeps the acute effect of other workouts on the day mean small (pooled under 2 mg/dL, rarely significant)", () => {
    // Exercise lowers glucose during and ~2 h after a session (asked-for physiology), which
    // moves a whole day's mean by about −1 mg/dL: far below the planted effects.
    expect(pooled((r) => r.otherActivity)).toBeLessThan(0);
    expect(pooled((r) => r.otherActivity)).toBeGreaterThan(-2);
    expect(share((r) => r.otherActivity, 0.05)).toBeLessThanOrEqual(0.2);
  });
});
