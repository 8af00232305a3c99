import { describe, expect, it } from "vitest";
import { recommendFromCorrelations } from "./recommendations";

const row = (factor: string, outcome: string, lagDays: number, rho: number, q: number, significant = true) => ({
  factor, outcome, lagDays, spearmanRho: rho, qValue: q, sampleSize: 88, significant, confidence: q < 0.01 ? "high" : "medium",
});

describe("recommendations from correlations", () => {
  it("one per factor, strongest first, with the evidence and honest wording", () => {
    const recs = recommendFromCorrelations([
      row("sleep_hours", "mean_glucose", 0, -0.45, 0.0001),
      row("sleep_hours", "time_in_range", 0, 0.3, 0.01),
      row("evening_exercise_minutes", "overnight_mean", 1, -0.4, 0.0005),
      row("carbs_g", "time_above_180", 0, 0.35, 0.002),
      row("steps", "mean_glucose", 2, -0.2, 0.4, false),
    ]);
    expect(recs.map((r) => r.evidence.factor)).toEqual(["sleep_hours", "evening_exercise_minutes", "carbs_g"]);
    expect(recs[0].title).toMatch(/7 hours/);
    expect(recs[0].detail).toBe("More hours of sleep goes with lower mean glucose the same day (Spearman ρ = -0.45, q < 0.001, 88 days).");
    expect(recs[1].detail).toMatch(/the next day/);
    expect(recs[2].title).toMatch(/high-carb days/);
  });

  it("says nothing without significant findings", () => {
    expect(recommendFromCorrelations([row("steps", "mean_glucose", 0, -0.1, 0.5, false)])).toEqual([]);
  });
});
