import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import {
  classifyTrendConfidence, computeVelocity, fitLinearTrend, studentTQuantile975, summarizeWeeks, type VelocityDay,
} from "./velocity";

/** A small deterministic generator (LCG, Numerical Recipes constants): tests never depend on Math.random. */
function makeRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Direct statistics of a set of readings: mean, sample SD (R's sd), CV and % in 70–180. */
function direct(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { mean, cv: (100 * sd) / mean, tir: (100 * values.filter((v) => v >= 70 && v <= 180).length) / n };
}

/** What recomputeDailyAggregates stores for one day's readings (stddev_samp, avg of the in-range indicator). */
function aggregateDay(date: string, values: number[]): VelocityDay {
  if (values.length === 0) return { date, readings: 0, meanMgdl: null, sdMgdl: null, tirPercent: null };
  const d = direct(values);
  return { date, readings: values.length, meanMgdl: d.mean, sdMgdl: values.length > 1 ? (d.cv * d.mean) / 100 : null, tirPercent: d.tir };
}

describe("summarizeWeeks", () => {
  it("cuts rolling 7-day blocks ending on the end date, oldest first", () => {
    const weeks = summarizeWeeks([], { endDate: "2026-03-20", weeks: 3 });
    expect(weeks.map((w) => [w.start, w.end])).toEqual([
      ["2026-02-28", "2026-03-06"],
      ["2026-03-07", "2026-03-13"],
      ["2026-03-14", "2026-03-20"],
    ]);
    expect(weeks.every((w) => !w.enough && w.tirPercent === null && w.meanMgdl === null && w.cvPercent === null)).toBe(true);
  });

  it("weights by readings: the week's figures equal those of all its readings at once", () => {
    const random = makeRandom(7);
    const start = DateTime.fromISO("2026-03-07", { zone: "utc" });
    const byDay: number[][] = [];
    // Uneven days on purpose: a full day, a 40-reading day, a one-reading day (no SD), a day off.
    const counts = [288, 40, 288, 1, 0, 200, 288, 288, 150, 288, 288, 12, 288, 288];
    for (const count of counts) {
      const level = 90 + random() * 120;
      byDay.push(Array.from({ length: count }, () => Math.max(40, level + (random() - 0.5) * 160)));
    }
    const days = byDay.map((values, i) => aggregateDay(start.plus({ days: i }).toISODate()!, values));
    const weeks = summarizeWeeks(days, { endDate: "2026-03-20", weeks: 2 });

    for (const [k, week] of weeks.entries()) {
      const all = byDay.slice(7 * k, 7 * k + 7).flat();
      const expected = direct(all);
      expect(week.readings).toBe(all.length);
      expect(week.enough).toBe(true);
      expect(week.meanMgdl!).toBeCloseTo(expected.mean, 9);
      expect(week.cvPercent!).toBeCloseTo(expected.cv, 9);
      expect(week.tirPercent!).toBeCloseTo(expected.tir, 9);
    }
    expect(weeks[0].daysWithData).toBe(6); // the day off has no readings
    // A plain mean of daily means would differ: the 40- and 1-reading days would weigh like full days.
    const unweighted = days.slice(0, 7).filter((d) => d.readings > 0).reduce((s, d) => s + d.meanMgdl!, 0) / 6;
    expect(Math.abs(unweighted - weeks[0].meanMgdl!)).toBeGreaterThan(0.5);
  });

  it("leaves a week with readings on fewer than 3 days empty, and rejects a malformed end date", () => {
    const days = [aggregateDay("2026-03-19", [100, 120, 140]), aggregateDay("2026-03-20", [200, 210])];
    const [week] = summarizeWeeks(days, { endDate: "2026-03-20", weeks: 1 });
    expect(week).toMatchObject({ daysWithData: 2, readings: 5, enough: false, tirPercent: null, meanMgdl: null, cvPercent: null });
    const [lenient] = summarizeWeeks(days, { endDate: "2026-03-20", weeks: 1, minDaysPerWeek: 2 });
    expect(lenient.meanMgdl).toBeCloseTo(154, 12);
    expect(lenient.tirPercent).toBeCloseTo(60, 12);
    expect(() => summarizeWeeks(days, { endDate: "20/03/2026" })).toThrow(/2026-03-20/);
  });
});

describe("fitLinearTrend", () => {
  it("matches the textbook least-squares fit and its t-test (df = 2 has a closed form)", () => {
    const trend = fitLinearTrend([1, 2, 3, 5]);
    if (trend.kind !== "fitted") throw new Error("expected a fit");
    expect(trend.slopePerWeek).toBeCloseTo(1.3, 12);
    expect(trend.intercept).toBeCloseTo(0.8, 12);
    // SSR = 0.30, s² = 0.15, Sxx = 5 → SE = √0.03.
    expect(trend.standardError).toBeCloseTo(Math.sqrt(0.03), 12);
    expect(trend.tStatistic!).toBeCloseTo(1.3 / Math.sqrt(0.03), 10);
    // Student's t with 2 df: P(|T| > t) = 1 − t / √(2 + t²).
    const t = 1.3 / Math.sqrt(0.03);
    expect(trend.pValue).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 10);
    expect(trend.pValue).toBeCloseTo(0.01729, 4);
    expect(trend.df).toBe(2);
    expect(trend.ci95.low).toBeCloseTo(1.3 - 4.302652729749464 * Math.sqrt(0.03), 8);
    expect(trend.ci95.high).toBeCloseTo(1.3 + 4.302652729749464 * Math.sqrt(0.03), 8);
    expect(trend.confidence).toBe("medium");
    expect(trend.direction).toBe("up");
  });

  it("df = 1 agrees with the Cauchy closed form: y = 1, 3, 2 gives t = 1/√3 and p = 2/3", () => {
    const trend = fitLinearTrend([1, 3, 2], { minWeeks: 3 });
    if (trend.kind !== "fitted") throw new Error("expected a fit");
    expect(trend.slopePerWeek).toBeCloseTo(0.5, 12);
    expect(trend.tStatistic!).toBeCloseTo(1 / Math.sqrt(3), 10);
    expect(trend.pValue).toBeCloseTo(2 / 3, 10);
    expect(trend.confidence).toBe("none");
  });

  it("keeps a missing week's place on the time axis, and an exact line has SE 0 and p 0 (never NaN)", () => {
    // Weeks 0, 2, 3, 4: y = 1 + x exactly. Dropping the gap would give a slope of 4/3, not 1.
    const trend = fitLinearTrend([1, null, 3, 4, 5]);
    if (trend.kind !== "fitted") throw new Error("expected a fit");
    expect(trend.n).toBe(4);
    expect(trend.slopePerWeek).toBeCloseTo(1, 12);
    expect(trend).toMatchObject({ standardError: 0, tStatistic: null, pValue: 0, confidence: "high", direction: "up" });
    expect(trend.ci95.low).toBeCloseTo(1, 12);
    expect(trend.ci95.high).toBeCloseTo(1, 12);
  });

  it("a perfectly flat series is flat with p = 1; too few weeks is 'insufficient'; NaN and Infinity are skipped", () => {
    expect(fitLinearTrend([150, 150, 150, 150, 150])).toMatchObject({ kind: "fitted", slopePerWeek: 0, pValue: 1, direction: "flat", confidence: "none", tStatistic: null });
    expect(fitLinearTrend([1, null, null, 2, 3])).toEqual({ kind: "insufficient", n: 3, minWeeks: 4 });
    expect(fitLinearTrend([Number.NaN, 1, Number.POSITIVE_INFINITY, 2, 3])).toEqual({ kind: "insufficient", n: 3, minWeeks: 4 });
    expect(fitLinearTrend([])).toEqual({ kind: "insufficient", n: 0, minWeeks: 4 });
  });

  it("a falling noisy series: negative slope, CI around it, a p-value in (0, 1)", () => {
    const trend = fitLinearTrend([72, 70, 71, 66, 67, 63, 64, 60]);
    if (trend.kind !== "fitted") throw new Error("expected a fit");
    // Σ(x − 3.5)·y = −68.5, Sxx = 42.
    expect(trend.slopePerWeek).toBeCloseTo(-68.5 / 42, 12);
    expect(trend.direction).toBe("down");
    expect(trend.df).toBe(6);
    expect(trend.ci95.low).toBeLessThan(trend.slopePerWeek);
    expect(trend.ci95.high).toBeLessThan(0);
    expect(trend.pValue).toBeGreaterThan(0);
    expect(trend.pValue).toBeLessThan(0.001);
    expect(trend.confidence).toBe("high");
  });
});

describe("studentTQuantile975 and classifyTrendConfidence", () => {
  it("reproduces scipy.stats.t.ppf(0.975, df)", () => {
    expect(studentTQuantile975(1)).toBeCloseTo(12.706204736174707, 8);
    expect(studentTQuantile975(2)).toBeCloseTo(4.302652729749464, 9);
    expect(studentTQuantile975(6)).toBeCloseTo(2.4469118511449692, 9);
    expect(studentTQuantile975(30)).toBeCloseTo(2.0422724563012373, 9);
    expect(() => studentTQuantile975(0)).toThrow(/df > 0/);
  });

  it("maps p-values onto the documented levels", () => {
    expect([0.001, 0.0099, 0.01, 0.049, 0.05, 0.099, 0.1, 0.8].map(classifyTrendConfidence)).toEqual(["high", "high", "medium", "medium", "low", "low", "none", "none"]);
  });
});

describe("computeVelocity", () => {
  it("gives weekly values, the latest one and a trend per metric, with the better direction for wording", () => {
    // Eight weeks; time in range climbs 2 points a week, mean falls 3 mg/dL a week, all days full.
    const end = DateTime.fromISO("2026-03-20", { zone: "utc" });
    const days: VelocityDay[] = [];
    for (let i = 0; i < 56; i++) {
      const week = Math.floor(i / 7);
      days.push({ date: end.minus({ days: 55 - i }).toISODate()!, readings: 288, meanMgdl: 170 - 3 * week, sdMgdl: 50, tirPercent: 55 + 2 * week });
    }
    const v = computeVelocity(days, { endDate: "2026-03-20" });
    expect(v.weeks).toHaveLength(8);
    expect(v.metrics.tir.values).toEqual([55, 57, 59, 61, 63, 65, 67, 69].map((x) => expect.closeTo(x, 9)));
    expect(v.metrics.tir.latest).toBeCloseTo(69, 9);
    expect(v.metrics.tir.trend).toMatchObject({ kind: "fitted", n: 8, direction: "up", confidence: "high" });
    expect(v.metrics.tir.trend.kind === "fitted" && v.metrics.tir.trend.slopePerWeek).toBeCloseTo(2, 9);
    expect(v.metrics.mean.trend.kind === "fitted" && v.metrics.mean.trend.slopePerWeek).toBeCloseTo(-3, 9);
    // Every day has SD 50 around one shared mean: the week's sample SD is 50·√(7·287 / 2015) (the
    // days' n − 1 against the week's N − 1), so CV = 100 · that / 170.
    expect(v.metrics.cv.values[0]).toBeCloseTo((100 * 50 * Math.sqrt((7 * 287) / 2015)) / 170, 9);
    expect([v.metrics.tir.betterDirection, v.metrics.mean.betterDirection, v.metrics.cv.betterDirection]).toEqual(["up", null, "down"]);
  });

  it("with data in only the last two weeks: values for those weeks, no trend", () => {
    const days: VelocityDay[] = Array.from({ length: 14 }, (_, i) => ({
      date: DateTime.fromISO("2026-03-07", { zone: "utc" }).plus({ days: i }).toISODate()!, readings: 288, meanMgdl: 140, sdMgdl: 40, tirPercent: 75,
    }));
    const v = computeVelocity(days, { endDate: "2026-03-20" });
    expect(v.metrics.tir.values).toEqual([null, null, null, null, null, null, 75, 75]);
    expect(v.metrics.mean.trend).toEqual({ kind: "insufficient", n: 2, minWeeks: 4 });
  });
});
