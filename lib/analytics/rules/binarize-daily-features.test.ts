import { describe, expect, it } from "vitest";
import { findFrequentItemsets } from "./apriori";
import { generateAssociationRules } from "./association-rules";
import { binarizeDailyFeatures, type DailyFeatureRecord } from "./binarize-daily-features";

/** Ten days worked by hand: sleep and exercise go with good glucose days. */
const DAYS: DailyFeatureRecord[] = [
  { date: "2025-04-01", timeInRangePercent: 82, sleepMinutes: 450, exerciseMinutes: 40, steps: null },
  { date: "2025-04-02", timeInRangePercent: 75, sleepMinutes: 430, exerciseMinutes: 35 },
  { date: "2025-04-03", timeInRangePercent: 55, sleepMinutes: 360, exerciseMinutes: 0 },
  { date: "2025-04-04", timeInRangePercent: 71, sleepMinutes: 480, exerciseMinutes: 30 },
  { date: "2025-04-05", timeInRangePercent: 60, sleepMinutes: 390, exerciseMinutes: 45 },
  { date: "2025-04-06", timeInRangePercent: 90, sleepMinutes: 425, exerciseMinutes: 50 },
  { date: "2025-04-07", timeInRangePercent: 68, sleepMinutes: 440, exerciseMinutes: 10 },
  { date: "2025-04-08", timeInRangePercent: 77, sleepMinutes: 420, exerciseMinutes: 31 },
  { date: "2025-04-09", timeInRangePercent: 50, sleepMinutes: 300, exerciseMinutes: 5 },
  { date: "2025-04-10", timeInRangePercent: null, sleepMinutes: 500, exerciseMinutes: 60, steps: 9000 },
];

describe("binarizeDailyFeatures", () => {
  it("applies the documented thresholds (inclusive) and drops days missing a kept feature", () => {
    const table = binarizeDailyFeatures(DAYS);
    expect(table.columns).toEqual(["good_glucose_day", "slept_7h", "exercised_30min"]);
    expect(table.droppedDates).toEqual(["2025-04-10"]);
    expect(table.dates).toHaveLength(9);
    // 71 % ≥ 70, 420 min ≥ 420, 30 min ≥ 30 are all "true": the thresholds are inclusive.
    expect(table.rows[3]).toEqual([true, true, true]);
    expect(table.rows[7]).toEqual([true, true, true]);
    expect(table.rows[6]).toEqual([false, true, false]);
    expect(table.omittedFeatures).toEqual([
      { feature: "stable_glucose", reason: "no_data", missingDays: 10 },
      { feature: "walked_8k_steps", reason: "too_sparse", missingDays: 9 },
      { feature: "high_carbs", reason: "no_data", missingDays: 10 },
      { feature: "late_dinner", reason: "no_data", missingDays: 10 },
    ]);
  });

  it("feeds apriori and association rules to a hand-checked rule", () => {
    const table = binarizeDailyFeatures(DAYS);
    const itemsets = findFrequentItemsets(table, { minSupport: 0.4 });
    const rules = generateAssociationRules(itemsets, { metric: "confidence", minThreshold: 0.9 });
    const rule = rules.find(
      (r) => r.antecedents.join("+") === "slept_7h+exercised_30min" && r.consequents.join() === "good_glucose_day",
    )!;
    // Of 9 days: slept ≥ 7 h and exercised ≥ 30 min on 01, 02, 04, 06, 08 (5 days), all good
    // glucose days; good glucose days are those 5 too. support = 5/9, confidence = 1,
    // lift = 1 / (5/9) = 1.8, leverage = 5/9 − (5/9)(5/9) = 20/81, conviction = ∞.
    expect(rule.support).toBeCloseTo(5 / 9, 14);
    expect(rule.confidence).toBe(1);
    expect(rule.lift).toBeCloseTo(1.8, 14);
    expect(rule.leverage).toBeCloseTo(20 / 81, 14);
    expect(rule.conviction).toBe(Infinity);
    // Zhang: leverage / max(sAC(1 − sA), sA(sC − sAC)) = (20/81) / ((5/9)(4/9)) = 1.
    expect(rule.zhangsMetric).toBeCloseTo(1, 14);
  });

  it("keeps days as false when asked, adds negations, and accepts custom thresholds", () => {
    const table = binarizeDailyFeatures(DAYS, {
      missing: "as-false",
      includeNegations: true,
      thresholds: { sleepMinMinutes: 480 },
      maxMissingShare: 1,
    });
    expect(table.columns).toEqual([
      "good_glucose_day",
      "slept_7h",
      "exercised_30min",
      "walked_8k_steps",
      "not_good_glucose_day",
      "not_slept_7h",
      "not_exercised_30min",
      "not_walked_8k_steps",
    ]);
    expect(table.dates).toHaveLength(10);
    // 2025-04-10: TIR missing → neither good nor not-good; 500 min ≥ 480; 9,000 steps ≥ 8,000.
    expect(table.rows[9]).toEqual([false, true, true, true, false, false, false, false]);
    // 2025-04-04: 480 min is exactly the custom threshold.
    expect(table.rows[3].slice(0, 2)).toEqual([true, true]);
    expect(table.rows[0].slice(4, 6)).toEqual([false, true]); // 450 min < 480
    expect(table.thresholds.sleepMinMinutes).toBe(480);
    expect(table.thresholds.goodGlucoseMinTirPercent).toBe(70);
  });

  it("handles an empty list and late dinners", () => {
    expect(binarizeDailyFeatures([]).rows).toEqual([]);
    const late = binarizeDailyFeatures([
      { date: "2025-04-01", lastMealHour: 21 },
      { date: "2025-04-02", lastMealHour: 20.75 },
    ]);
    expect(late.columns).toEqual(["late_dinner"]);
    expect(late.rows).toEqual([[true], [false]]);
  });
});
