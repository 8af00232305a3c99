import { describe, expect, it } from "vitest";
import type { DailyRow } from "@/lib/analytics/discovery/daily-features";
import type { StoredCorrelation } from "@/lib/analytics/discovery/recommendations";
import { addDays } from "@/lib/analytics/predictions";
import { makeDays } from "@/lib/analytics/predictions/testing-rows";
import { findShadowPatterns } from "./shadow-patterns";

const WEEK = "2025-06-09";

/** 4 weeks with evening walks on Tue and Thu (25 min), 7 h nights and TIR 80 %; `thisWeek` shapes the last 7 days. */
function history(thisWeek: (i: number) => Partial<DailyRow>, weeksWithWalks = 4) {
  const before = makeDays(addDays(WEEK, -28), 28, (i) => {
    const week = Math.floor(i / 7);
    const walks = week >= 4 - weeksWithWalks && (i % 7 === 1 || i % 7 === 3);
    return { eveningExerciseMinutes: walks ? 25 : 0 };
  });
  return [...before, ...makeDays(WEEK, 7, thisWeek)];
}

const walkCorrelation: StoredCorrelation = {
  factor: "evening_exercise_minutes", outcome: "overnight_mean", lagDays: 1, spearmanRho: -0.35, qValue: 0.01, sampleSize: 120, significant: true, confidence: "medium",
};

describe("findShadowPatterns", () => {
  it("finds the evening walks that stopped this week, with when they were last seen", () => {
    const shadows = findShadowPatterns({ weekOf: WEEK, days: history(() => ({ eveningExerciseMinutes: 0 })), correlations: [] });
    expect(shadows).toHaveLength(1);
    const [walks] = shadows;
    expect(walks.id).toBe("evening_walks");
    expect(walks.patternName).toBe("Evening walks");
    expect(walks.weeksPresent).toBe(4);
    expect(walks.thisWeek).toEqual({ value: 0, unit: "evenings", description: "0 evenings with 15 min or more of activity after 17:00" });
    // the last walk: Thursday of the week before (2025-06-05)
    expect(walks.lastSeen).toEqual({ date: "2025-06-05", description: "Thursday 5 June: 25 min of activity after 17:00" });
    // regularity 4/4 → 2 points, no correlation → medium
    expect(walks.score).toBe(2);
    expect(walks.significance).toBe("medium");
  });

  it("a correlation saying walks help raises the significance; one saying the opposite does not", () => {
    const days = history(() => ({ eveningExerciseMinutes: 0 }));
    const [helped] = findShadowPatterns({ weekOf: WEEK, days, correlations: [walkCorrelation] });
    expect(helped.score).toBe(4);
    expect(helped.significance).toBe("high");
    expect(helped.supportingCorrelation).toBe(walkCorrelation);
    const [opposite] = findShadowPatterns({ weekOf: WEEK, days, correlations: [{ ...walkCorrelation, spearmanRho: 0.35 }] });
    expect(opposite.supportingCorrelation).toBeNull();
    expect(opposite.significance).toBe("medium");
  });

  it("needs ≥ 3 of the last 4 weeks: 3 is a low-significance shadow, 2 is none", () => {
    const three = findShadowPatterns({ weekOf: WEEK, days: history(() => ({ eveningExerciseMinutes: 0 }), 3), correlations: [] });
    expect(three.map((s) => [s.id, s.weeksPresent, s.significance])).toEqual([["evening_walks", 3, "low"]]);
    expect(findShadowPatterns({ weekOf: WEEK, days: history(() => ({ eveningExerciseMinutes: 0 }), 2), correlations: [] })).toEqual([]);
  });

  it("one walk this week is not enough (the habit is 2 evenings), and the last seen is this week's", () => {
    const [walks] = findShadowPatterns({ weekOf: WEEK, days: history((i) => ({ eveningExerciseMinutes: i === 2 ? 30 : 0 })), correlations: [] });
    expect(walks.thisWeek.value).toBe(1);
    expect(walks.lastSeen?.date).toBe("2025-06-11");
  });

  it("an untracked habit is not a missing one: no activity data this week, no shadow", () => {
    const days = history(() => ({ eveningExerciseMinutes: null, exerciseMinutes: null, steps: null }));
    expect(findShadowPatterns({ weekOf: WEEK, days, correlations: [] }).map((s) => s.id)).toEqual([]);
  });

  it("glucose patterns: time in range and sensor wear, ranked by score, at most 4", () => {
    const days = history((i) => ({
      eveningExerciseMinutes: 0, exerciseMinutes: 0, steps: 3000, sleepMinutes: 330, lateDinner: true,
      readings: i < 4 ? 288 : 0, tirPercent: 55,
    }));
    const shadows = findShadowPatterns({ weekOf: WEEK, days, correlations: [walkCorrelation] });
    expect(shadows).toHaveLength(4);
    // tir_70 (4/4 + glucose = 3, high), evening_walks (4/4 + correlation = 4, high), cgm_wear (3, high), then 2-point habits in order
    expect(shadows.map((s) => [s.id, s.score])).toEqual([["evening_walks", 4], ["tir_70", 3], ["cgm_wear", 3], ["sleep_7h", 2]]);
    const tir = shadows.find((s) => s.id === "tir_70")!;
    expect(tir.thisWeek.description).toBe("55 % of readings in 70–180 mg/dL");
    expect(tir.lastSeen).toEqual({ date: "2025-06-02", description: "Week of Monday 2 June: 80 % in range" });
    const all = findShadowPatterns({ weekOf: WEEK, days, correlations: [walkCorrelation], limit: 10 }).map((s) => s.id);
    expect(all.sort()).toEqual(["active_days", "cgm_wear", "daily_steps", "evening_walks", "no_late_dinners", "sleep_7h", "tir_70"]);
  });
});
