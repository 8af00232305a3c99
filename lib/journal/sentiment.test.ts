import { describe, expect, it } from "vitest";
import { moodLabel, MOOD_THRESHOLDS } from "./mood";
import { scoreSentiment } from "./sentiment";

describe("scoreSentiment (AFINN-165 through the sentiment package)", () => {
  it("scores per word: the sum of AFINN values over the number of tokens", () => {
    // great +3, proud +2 over 6 tokens.
    expect(scoreSentiment("Great day! Really proud of myself.")).toEqual({ comparative: 5 / 6, score: 5, mood: "very_positive" });
    // tired −2, stressed −2, bad −3 over 5 tokens.
    expect(scoreSentiment("Tired and stressed, bad day.")).toEqual({ comparative: -7 / 5, score: -7, mood: "very_negative" });
  });

  it("reads a text without lexicon words as neutral, and never returns −0", () => {
    const s = scoreSentiment("Went to the store, made dinner.");
    expect(s).toEqual({ comparative: 0, score: 0, mood: "neutral" });
    expect(Object.is(s.comparative, -0)).toBe(false);
    expect(scoreSentiment("")).toEqual({ comparative: 0, score: 0, mood: "neutral" });
  });

  it("follows the library's negation: 'not happy' counts against", () => {
    expect(scoreSentiment("I am not happy today").score).toBe(-3);
  });

  it("one faint word in a long entry is negative, not very negative", () => {
    const s = scoreSentiment("Had the usual breakfast and lunch, then a meeting that ran until six and I was a bit tired afterwards but okay");
    expect(s.comparative).toBeCloseTo(-2 / 22, 10);
    expect(s.mood).toBe("negative");
  });
});

describe("moodLabel thresholds", () => {
  it.each([
    [-2, "very_negative"],
    [-MOOD_THRESHOLDS.strong, "very_negative"],
    [-0.49, "negative"],
    [-0.051, "negative"],
    [-MOOD_THRESHOLDS.faint, "neutral"],
    [0, "neutral"],
    [MOOD_THRESHOLDS.faint, "neutral"],
    [0.051, "positive"],
    [0.49, "positive"],
    [MOOD_THRESHOLDS.strong, "very_positive"],
    [3, "very_positive"],
  ] as const)("%s → %s", (score, label) => expect(moodLabel(score)).toBe(label));
});
