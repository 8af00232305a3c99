import { describe, expect, it } from "vitest";
import { richFacts } from "@/lib/intelligence/testing/fixtures";
import { checkEvidence } from "./evidence-check";
import { findForbiddenClaim } from "./forbidden-claims";
import { buildNumberAllowList, extractNumbers, findUnsupportedNumbers, matchesWithinRounding } from "./number-check";

describe("findForbiddenClaim", () => {
  it.each([
    "You have type 2 diabetes.",
    "You may have insulin resistance, given these nights.",
    "These swings show signs of gastroparesis.",
    "A diagnosis is likely.",
    "You're prediabetic.",
    "Neuropathy is likely developing.",
    "Double your basal dose tonight.",
    "Skip your metformin on rest days.",
  ])("flags %j", (text) => expect(findForbiddenClaim(text)).not.toBeNull());

  it.each([
    "Time in range slipped to 64 %.",
    "Lows are worth raising with your care team, especially if they cluster at night.",
    "Bring this brief to your next appointment.",
    "People who live with diabetes often see higher readings after short nights.",
    "Aim to finish dinner before 21:00 on most evenings next week.",
  ])("accepts %j", (text) => expect(findForbiddenClaim(text)).toBeNull());
});

describe("numbers in sentences", () => {
  it("extracts statistics with their unit, skipping dates, times and years", () => {
    expect(extractNumbers("Friday 4 July at 21:00 in 2025 (2025-07-04): 8,493 steps, 0.8 h, 64 % and 70–180 mg/dL.").map((n) => [n.value, n.decimals, n.kind])).toEqual([
      [8493, 0, "steps"], [0.8, 1, "hours"], [64, 0, "percent"], [70, 0, "plain"], [180, 0, "mgdl"],
    ]);
    expect(extractNumbers("lag1 and v2").length).toBe(0);
  });

  it("matches within rounding, never more loosely than one decimal", () => {
    expect(matchesWithinRounding(64, 0, 64.4, 0)).toBe(true);
    expect(matchesWithinRounding(65, 0, 64, 0)).toBe(false);
    expect(matchesWithinRounding(0.4, 1, 0.41, 2)).toBe(true);
    expect(matchesWithinRounding(0, 0, 0.41, 2)).toBe(false);
    expect(matchesWithinRounding(1, 0, 0.8, 1)).toBe(true);
    expect(matchesWithinRounding(6.7, 1, 6.7, 1)).toBe(true);
    expect(matchesWithinRounding(6.8, 1, 6.7, 1)).toBe(false);
    // no invented precision
    expect(matchesWithinRounding(64.3, 1, 64, 0)).toBe(false);
    expect(matchesWithinRounding(64.0, 1, 64, 0)).toBe(true);
    expect(matchesWithinRounding(0.97, 2, 1, 0)).toBe(false);
  });

  it("accepts the week's figures and the consensus thresholds, nothing else", () => {
    const allow = buildNumberAllowList(richFacts());
    const unsupported = (t: string) => findUnsupportedNumbers(t, allow).map((n) => n.text);
    expect(unsupported("64 % in range, average 164 mg/dL, 8 points below 72 %; target above 70 %.")).toEqual([]);
    expect(unsupported("6.7 h of sleep, 0.8 h less than your usual 7.5 h, 3 nights under 6 h.")).toEqual([]);
    expect(unsupported("Time in range was 81 % and the average 142 mg/dL.")).toEqual(["81", "142"]);
    expect(unsupported("You slept 9.5 h.")).toEqual(["9.5"]);
  });
});

describe("checkEvidence", () => {
  const facts = richFacts();
  it("accepts matching values (dates exactly) and returns the canonical items", () => {
    const ok = checkEvidence([{ metric: "best_day.date", value: "2025-07-04" }, { metric: "week.mean_glucose", value: 164 }], facts);
    expect(ok).toEqual({ ok: true, evidence: [
      { metric: "best_day.date", value: "2025-07-04" },
      { metric: "week.mean_glucose", value: 164, unit: "mg/dL", n: 7 },
    ] });
  });
  it("rejects empty evidence, a wrong date and a wrong sign", () => {
    expect(checkEvidence([], facts)).toEqual({ ok: false, problem: "cites no evidence" });
    expect(checkEvidence([{ metric: "best_day.date", value: "2025-07-05" }], facts).ok).toBe(false);
    expect(checkEvidence([{ metric: "correlation.evening_exercise_minutes.overnight_mean.lag1", value: 0.33 }], facts)).toEqual({
      ok: false, problem: "states correlation.evening_exercise_minutes.overnight_mean.lag1 = 0.33, but the computed value is -0.33",
    });
  });
});
