import { describe, expect, it } from "vitest";
import { estimateCalibratedPredictions, selectWeeklyPredictions, type CalibratedPrediction, type PredictionResult } from "./calibrated-predictions";
import { laplaceRate, shrinkTowardBaseRate } from "./smoothing";
import { PREDICTION_TEMPLATES } from "./templates";
import { makeDays } from "./testing-rows";
import { addDays, daysBetween, isIsoDate, isoWeekday, mondayOfDate } from "./day-math";

const byId = (results: PredictionResult[], id: string) => results.find((r) => r.templateId === id)!;
const ok = (r: PredictionResult) => {
  if (r.status !== "ok") throw new Error(`expected an estimate, got: ${r.reason}`);
  return r;
};

describe("smoothing", () => {
  it("Laplace base rate: (x + 1) / (n + 2)", () => {
    expect(laplaceRate(6, 20)).toBeCloseTo(7 / 22, 12);
    expect(laplaceRate(0, 0)).toBe(0.5);
    expect(laplaceRate(10, 10)).toBeCloseTo(11 / 12, 12);
  });

  it("shrinks toward the base rate with a prior worth m days", () => {
    // (5 + 4 × 0.25) / (10 + 4) = 6 / 14
    expect(shrinkTowardBaseRate(5, 10, 0.25, 4)).toBeCloseTo(6 / 14, 12);
    // m = 0 is the raw frequency; no trials and no prior falls back to the base rate
    expect(shrinkTowardBaseRate(3, 12, 0.5, 0)).toBe(0.25);
    expect(shrinkTowardBaseRate(0, 0, 0.3, 0)).toBe(0.3);
  });

  it("rejects impossible counts instead of returning NaN", () => {
    expect(() => laplaceRate(3, 2)).toThrow(RangeError);
    expect(() => shrinkTowardBaseRate(1, 2, 1.5)).toThrow(RangeError);
  });
});

describe("day math", () => {
  it("adds days across month ends and finds Mondays", () => {
    expect(addDays("2025-02-27", 3)).toBe("2025-03-02");
    expect(daysBetween("2025-03-01", "2025-03-31")).toBe(30);
    expect(isoWeekday("2025-03-09")).toBe(7);
    expect(mondayOfDate("2025-03-09")).toBe("2025-03-03");
    expect(isIsoDate("2025-02-30")).toBe(false);
    expect(isIsoDate("2025-02-28")).toBe(true);
  });
});

describe("estimateCalibratedPredictions", () => {
  // 20 complete days. Short nights (5 h) on days 0–9; time in range < 70 % on days 0–5 and on day 12.
  const days = makeDays("2025-03-03", 20, (i) => ({
    sleepMinutes: i < 10 ? 300 : 450,
    tirPercent: i < 6 || i === 12 ? 55 : 82,
  }));

  it("P(TIR < 70 % | short night): hand-computed smoothing toward the base rate", () => {
    const r = ok(byId(estimateCalibratedPredictions(days), "low_tir__short_sleep"));
    // base: 7 of 20 days → (7 + 1) / (20 + 2) = 0.363636…
    expect(r.baseEvents).toBe(7);
    expect(r.baseSampleSize).toBe(20);
    expect(r.baseRate).toBeCloseTo(8 / 22, 12);
    expect(r.baseRatePercent).toBe(36);
    // conditional: 6 of 10 short-night days → (6 + 4 × 8/22) / (10 + 4) = 0.532468…
    expect(r.sampleSize).toBe(10);
    expect(r.events).toBe(6);
    expect(r.observedFrequency).toBe(0.6);
    expect(r.probability).toBeCloseTo((6 + (4 * 8) / 22) / 14, 12);
    expect(r.probabilityPercent).toBe(53);
    expect(r.otherDays).toEqual({ sampleSize: 10, events: 1 });
    expect(r.lift).toBeCloseTo(((6 + (4 * 8) / 22) / 14) / (8 / 22), 12);
    expect(r.riskDifference).toBeCloseTo(0.532468 - 0.363636, 5);
    expect(r.preventable).toBe(true);
    expect(r.description).toBe("time in range below 70 % on a day after a night under 6 h of sleep");
    // every one of the 20 days is within the 28-day recent window; 10 of 20 had a short night
    expect(r.recentConditionShare).toBe(0.5);
  });

  it("the unconditional event is the Laplace base rate itself", () => {
    const r = ok(byId(estimateCalibratedPredictions(days), "low_tir__any_day"));
    expect(r.probability).toBeCloseTo(8 / 22, 12);
    expect(r.sampleSize).toBe(20);
    expect(r.conditionId).toBeNull();
    expect(r.preventable).toBe(false);
    expect(r.lift).toBe(1);
  });

  it("answers 'insufficient history' with the reason when fewer than 8 conditioning days", () => {
    const few = makeDays("2025-03-03", 20, (i) => ({ sleepMinutes: i < 7 ? 300 : 450 }));
    const r = byId(estimateCalibratedPredictions(few), "low_tir__short_sleep");
    expect(r.status).toBe("insufficient");
    if (r.status !== "insufficient") return;
    expect(r.sampleSize).toBe(7);
    expect(r.minimum).toBe(8);
    expect(r.reason).toBe("Only 7 of your nights under 6 h of sleep are followed by a day with complete glucose data; 8 are needed before a probability means anything.");
  });

  it("does not even estimate a base rate from fewer than 14 complete days", () => {
    const results = estimateCalibratedPredictions(makeDays("2025-03-03", 10));
    expect(results.every((r) => r.status === "insufficient")).toBe(true);
    expect(results[0].status === "insufficient" && results[0].reason).toBe("Only 10 days have complete glucose data; 14 are needed to know your usual rate.");
  });

  it("pairs a late dinner with the NEXT night's overnight glucose (lag 1)", () => {
    // Late dinner on even days; overnight > 140 on the day after each of them (odd days) only.
    const rows = makeDays("2025-03-03", 24, (i) => ({ lateDinner: i % 2 === 0, overnightMeanMgdl: i % 2 === 1 ? 160 : 115 }));
    const r = ok(byId(estimateCalibratedPredictions(rows), "overnight_over_140__late_dinner"));
    // outcome days 1..23 have a condition day; late-dinner predecessors: the 12 odd days, all high
    expect(r.sampleSize).toBe(12);
    expect(r.events).toBe(12);
    expect(r.otherDays).toEqual({ sampleSize: 11, events: 0 });
    // base: 12 of 24 → 13/26 = 0.5; p = (12 + 4 × 0.5) / 16 = 0.875
    expect(r.probability).toBeCloseTo(0.875, 12);
  });

  it("ignores partial-wear days as outcomes and rows after asOf", () => {
    const rows = makeDays("2025-03-03", 30, (i) => ({
      readings: i === 3 ? 100 : 288, // 100 < 202 readings: not a complete day
      tirPercent: i === 3 || i >= 20 ? 40 : 85,
    }));
    const r = ok(byId(estimateCalibratedPredictions(rows, { asOf: "2025-03-22" }), "low_tir__any_day"));
    // days 0..19 are ≤ asOf; day 3 is partial → 19 known days, none below 70 %
    expect(r.baseSampleSize).toBe(19);
    expect(r.baseEvents).toBe(0);
    expect(r.probability).toBeCloseTo(1 / 21, 12);
  });

  it("defines a high-carbohydrate day from the person's own top quarter", () => {
    const rows = makeDays("2025-03-03", 20, (i) => ({ carbsG: 100 + 10 * i }));
    const r = byId(estimateCalibratedPredictions(rows), "tar_over_25__high_carbs");
    // carbs 100..290: type-7 75th percentile = 100 + 10 × 14.25 = 242.5 → 243 g (rounded)
    expect(r.description).toBe("more than 25 % of readings above 180 mg/dL on a day with more than 243 g of carbohydrate");
    // days with > 243 g: 250..290 → 5 days, below the minimum of 8
    expect(r.status).toBe("insufficient");
    expect(r.sampleSize).toBe(5);
  });

  it("covers every template and never returns NaN", () => {
    const results = estimateCalibratedPredictions(makeDays("2025-03-03", 40, (i) => ({ sleepMinutes: i % 3 ? 450 : 320, steps: i % 4 ? 9000 : 3000 })));
    expect(results.map((r) => r.templateId)).toEqual(PREDICTION_TEMPLATES.map((t) => t.id));
    for (const r of results) if (r.status === "ok") expect(Number.isFinite(r.probability) && Number.isFinite(r.lift)).toBe(true);
  });
});

describe("selectWeeklyPredictions", () => {
  const estimate = (templateId: string, conditionId: string | null, probability: number, baseRate: number, share: number): CalibratedPrediction => ({
    status: "ok", templateId, eventId: templateId.split("__")[0], conditionId, description: templateId, eventLabel: "e", conditionLabel: conditionId, conditionPlural: conditionId,
    timeframe: "Next week", preventable: conditionId !== null, lagDays: 0, probability, probabilityPercent: Math.round(100 * probability),
    sampleSize: 12, events: 6, observedFrequency: 0.5, baseRate, baseRatePercent: Math.round(100 * baseRate), baseSampleSize: 60, baseEvents: 20,
    otherDays: null, lift: probability / baseRate, riskDifference: probability - baseRate, recentConditionShare: share,
  });

  it("ranks by recent share × |risk difference|, one per condition, at most 3", () => {
    const { chosen, notChosen } = selectWeeklyPredictions([
      estimate("a__short_sleep", "short_sleep", 0.6, 0.3, 0.2), // 0.06
      estimate("b__short_sleep", "short_sleep", 0.55, 0.3, 0.2), // 0.05, same condition
      estimate("c__late_dinner", "late_dinner", 0.5, 0.3, 0.5), // 0.10
      estimate("d__low_steps", "low_steps", 0.32, 0.3, 0.9), // |rd| 0.02 < 0.05: no lift
      estimate("e__no_evening_activity", "no_evening_activity", 0.2, 0.4, 0.4), // 0.08 (protective counts too)
      estimate("f__high_carbs", "high_carbs", 0.5, 0.3, 0.1), // 0.02, 4th
      estimate("g__any_day", null, 0.3, 0.3, 1),
    ]);
    expect(chosen.map((p) => p.templateId)).toEqual(["c__late_dinner", "e__no_evening_activity", "a__short_sleep"]);
    expect(notChosen.find((n) => n.templateId === "b__short_sleep")).toEqual({ templateId: "b__short_sleep", kind: "same_condition", reason: "Another prediction already covers this condition." });
    expect(notChosen.find((n) => n.templateId === "d__low_steps")?.reason).toBe("Changes the odds by less than 5 points against your usual rate.");
    expect(notChosen.find((n) => n.templateId === "f__high_carbs")?.reason).toBe("Less informative than the predictions chosen.");
  });

  it("fills up to 2 with base rates, the most uncertain event first", () => {
    const { chosen } = selectWeeklyPredictions([
      estimate("x__any_day", null, 0.1, 0.1, 1),
      estimate("y__any_day", null, 0.45, 0.45, 1),
      estimate("z__any_day", null, 0.8, 0.8, 1),
    ]);
    expect(chosen.map((p) => p.templateId)).toEqual(["y__any_day", "z__any_day"]);
  });

  it("chooses nothing from an insufficient history, and says why", () => {
    const results = estimateCalibratedPredictions(makeDays("2025-03-03", 5));
    const { chosen, notChosen } = selectWeeklyPredictions(results);
    expect(chosen).toEqual([]);
    expect(notChosen).toHaveLength(PREDICTION_TEMPLATES.length);
    expect(notChosen[0].reason).toMatch(/^Only 5 days have complete glucose data/);
    expect(notChosen.every((n) => n.kind === "insufficient_history")).toBe(true);
  });
});
