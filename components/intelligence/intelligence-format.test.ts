import { describe, expect, it } from "vitest";
import { fitLinearTrend, type VelocityMetric } from "@/lib/analytics/velocity";
import {
  describeAge, describeCorrelation, describeStrength, describeTrend, describeTrendHeadline, formatDateSpan, formatMetricValue, formatProbabilityValue,
  formatPValue, formatQValue, formatRho, formatSigned, formatSlope, formatSlopeInterval, isStale, labelConfidence, labelTrendConfidence, sparklineDomain,
  toDisplayValues, trendTone,
} from "./intelligence-format";

const NB = "\u00a0";

describe("numbers", () => {
  it("signs with a real minus, rounds, and never prints NaN or Infinity", () => {
    expect(formatSigned(-0.4512, 2)).toBe("\u22120.45");
    expect(formatSigned(2.06, 1, true)).toBe("+2.1");
    expect(formatSigned(-0.0004, 2)).toBe("0.00");
    expect(formatSigned(Number.NaN, 2)).toBe("—");
    expect(formatSigned(Number.POSITIVE_INFINITY, 2)).toBe("—");
    expect(formatRho(-0.45)).toBe("ρ = \u22120.45");
  });

  it("p- and q-values: < 0.001 for tiny ones, 3 decimals under 0.1, 2 above", () => {
    expect(formatQValue(0.00002)).toBe("q < 0.001");
    expect(formatQValue(0.0123)).toBe("q = 0.012");
    expect(formatPValue(0.4321)).toBe("p = 0.43");
    expect(formatQValue(null)).toBe("q —");
    expect(formatProbabilityValue(0.00002)).toBe("< 0.001");
    expect(formatProbabilityValue(Number.NaN)).toBe("—");
  });

  it("metric values in the person's unit", () => {
    expect(formatMetricValue("tir", 71.6, "mg/dL")).toBe(`72${NB}%`);
    expect(formatMetricValue("cv", 31.26, "mg/dL")).toBe(`31.3${NB}%`);
    expect(formatMetricValue("mean", 142.4, "mg/dL")).toBe(`142${NB}mg/dL`);
    // 142.4 / 18.0156 = 7.904…
    expect(formatMetricValue("mean", 142.4, "mmol/L")).toBe(`7.9${NB}mmol/L`);
    expect(formatMetricValue("mean", null, "mmol/L")).toBe("—");
  });

  it("slopes with their unit and interval", () => {
    expect(formatSlope("tir", 2.06, "mg/dL")).toBe("+2.1 points a week");
    expect(formatSlope("mean", -3, "mg/dL")).toBe("\u22123.0 mg/dL a week");
    // −3 mg/dL = −0.1665 mmol/L.
    expect(formatSlope("mean", -3, "mmol/L")).toBe("\u22120.17 mmol/L a week");
    expect(formatSlopeInterval("cv", { low: -0.84, high: 0.31 }, "mg/dL")).toBe(`95${NB}% CI \u22120.8 to +0.3 points a week`);
    expect(formatSlopeInterval("cv", { low: -0.84, high: 0.31 }, "mg/dL", { label: false })).toBe("\u22120.8 to +0.3 points a week");
  });
});

describe("correlations in words", () => {
  it("says which way the outcome moved and when, without claiming a cause", () => {
    expect(describeCorrelation({ factor: "sleep_hours", outcome: "mean_glucose", lagDays: 0, spearmanRho: -0.45 })).toBe(
      "On days with more hours of sleep, your mean glucose was lower the same day.",
    );
    expect(describeCorrelation({ factor: "evening_exercise_minutes", outcome: "overnight_mean", lagDays: 1, spearmanRho: -0.3 })).toBe(
      "After days with more minutes of evening exercise (after 17:00), your overnight glucose (00:00–06:00) was lower the next day.",
    );
    expect(describeCorrelation({ factor: "late_dinner", outcome: "time_in_range", lagDays: 0, spearmanRho: -0.3 })).toBe(
      "On days with a late dinner (after 21:00), your time in range 70–180 was lower the same day.",
    );
    expect(describeCorrelation({ factor: "carbs_g", outcome: "time_above_180", lagDays: 2, spearmanRho: null })).toBe(
      "After days with more grams of carbohydrate, your time above 180 did not move 2 days later.",
    );
  });

  it("names strength and confidence levels", () => {
    expect([0.05, -0.2, 0.35, -0.7, Number.NaN].map(describeStrength)).toEqual(["negligible", "weak", "moderate", "strong", "—"]);
    expect(["high", "medium", "low", "none", null].map(labelConfidence)).toEqual(["High confidence", "Medium confidence", "Low confidence", "Not significant", "Not significant"]);
  });
});

describe("trends in words", () => {
  const metric = (values: (number | null)[], betterDirection: "up" | "down" | null): VelocityMetric => ({
    id: "tir", values, latest: values[values.length - 1], trend: fitLinearTrend(values), betterDirection,
  });

  it("a clear rise: headline, speed, interval, p and confidence in one sentence", () => {
    const m = metric([55, 57, 58, 61, 63, 64, 67, 69], "up");
    if (m.trend.kind !== "fitted") throw new Error("expected a fit");
    expect(describeTrendHeadline(m.trend)).toBe("Rising");
    const text = describeTrend("tir", m.trend, "mg/dL");
    expect(text).toMatch(/^Rising \+2\.0 points a week \(95\u00a0% CI \+1\.\d to \+2\.\d points a week; p < 0\.001, 8 weeks, high confidence\)\.$/);
    expect(trendTone(m)).toBe("better");
    expect(trendTone({ ...m, betterDirection: "down" })).toBe("worse");
    expect(trendTone({ ...m, betterDirection: null })).toBe("neutral");
  });

  it("noise: no clear trend, neutral tone; too few weeks: says how many are needed", () => {
    const noisy = metric([60, 70, 58, 69, 61, 68, 60, 66], "up");
    expect(describeTrendHeadline(noisy.trend)).toBe("No clear trend");
    expect(describeTrend("tir", noisy.trend, "mg/dL")).toMatch(/^No clear trend: [+\u2212]\d\.\d points a week \(95\u00a0% CI .* p = 0\.\d\d, 8 weeks\)\.$/);
    expect(trendTone(noisy)).toBe("neutral");
    const few = metric([null, null, null, null, null, null, 70, 72], "up");
    expect(describeTrendHeadline(few.trend)).toBe("Not enough weeks yet");
    expect(describeTrend("tir", few.trend, "mg/dL")).toBe("A trend needs 4 weeks with readings on at least 3 days; there are 2 so far.");
    expect(describeTrend("tir", fitLinearTrend([]), "mg/dL")).toBe("A trend needs 4 weeks with readings on at least 3 days; there are none yet.");
  });

  it("trend confidence words, and sparkline domains that do not magnify noise", () => {
    expect(["high", "medium", "low", "none"].map(labelTrendConfidence)).toEqual(["High confidence", "Medium confidence", "Low confidence", "None: could be chance"]);
    // Time in range 82–87: widened to a 20-point span around 84.5.
    expect(sparklineDomain("tir", [82, 86, null, 87], "mg/dL")).toEqual([74.5, 94.5]);
    // A real swing keeps its own range.
    expect(sparklineDomain("tir", [50, 80], "mg/dL")).toEqual([50, 80]);
    const mmol = sparklineDomain("mean", [7.8, 8.0], "mmol/L")!;
    expect(mmol[1] - mmol[0]).toBeCloseTo(30 / 18.0156, 9);
    expect(sparklineDomain("cv", [null, null], "mg/dL")).toBeUndefined();
  });

  it("mean glucose sparkline values follow the person's unit", () => {
    const m: VelocityMetric = { id: "mean", values: [180.156, null], latest: 180.156, trend: fitLinearTrend([]), betterDirection: null };
    expect(toDisplayValues(m, "mmol/L")[0]).toBeCloseTo(10, 6);
    expect(toDisplayValues(m, "mmol/L")[1]).toBeNull();
    expect(toDisplayValues(m, "mg/dL")).toBe(m.values);
  });
});

describe("freshness and dates", () => {
  const now = new Date("2026-03-20T15:00:00Z");
  it("is stale after 8 days, not at 8", () => {
    expect(isStale(new Date("2026-03-12T15:00:00Z"), now)).toBe(false);
    expect(isStale(new Date("2026-03-12T14:59:00Z"), now)).toBe(true);
  });

  it("counts local calendar days for the age", () => {
    expect(describeAge(new Date("2026-03-20T05:00:00Z"), now, "America/New_York")).toBe("today");
    // 03:00 UTC on the 20th is still the 19th in New York.
    expect(describeAge(new Date("2026-03-20T03:00:00Z"), now, "America/New_York")).toBe("yesterday");
    expect(describeAge(new Date("2026-03-08T12:00:00Z"), now, "America/New_York")).toBe("12 days ago");
  });

  it("writes week spans short", () => {
    expect(formatDateSpan("2026-03-14", "2026-03-20")).toBe("14–20 Mar");
    expect(formatDateSpan("2026-02-28", "2026-03-06")).toBe("28 Feb – 6 Mar");
    expect(formatDateSpan("junk", "2026-03-06")).toBe("—");
  });
});
