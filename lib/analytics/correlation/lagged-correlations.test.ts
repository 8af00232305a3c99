import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { classifyConfidence } from "./confidence-level";
import { computeLaggedCorrelations, type LaggedCorrelationRow } from "./lagged-correlations";

/**
 * 21 days of March 2025 with the 5th, 12th and 13th missing, given in shuffled order, one null
 * sleep (9th) and one null glucose (17th). Glucose was generated as 150 − 8·(sleep the night
 * before − 6.5) + noise, so the lag-1 link is the real one. Reference values: scipy 1.17
 * pearsonr / spearmanr on pairs formed by calendar date, false_discovery_control for q.
 */
const FIXTURE = {
  dates: [
    "2025-03-02", "2025-03-19", "2025-03-10", "2025-03-22", "2025-03-09", "2025-03-08", "2025-03-18",
    "2025-03-21", "2025-03-03", "2025-03-06", "2025-03-01", "2025-03-14", "2025-03-07", "2025-03-04",
    "2025-03-24", "2025-03-23", "2025-03-15", "2025-03-16", "2025-03-20", "2025-03-17", "2025-03-11",
  ],
  sleep: [6.9, 5.5, 5.9, 6.8, null, 5.0, 7.2, 8.0, 6.3, 7.2, 5.8, 8.5, 5.2, 7.1, 7.3, 7.6, 6.6, 7.9, 7.2, 6.7, 5.8],
  glucose: [
    159.6, 139.5, 156.9, 141.2, 163.6, 151.0, 159.7, 146.3, 142.5, 161.8, 159.3, 155.3, 146.7, 148.8, 133.4, 162.8,
    131.1, 151.2, 160.7, null, 148.2,
  ],
};

const SCIPY = [
  { lag: 0, n: 19, r: 0.19116550682972394, pr: 0.4330562100566274, rho: 0.27780286874339866, ps: 0.24950490512777015 },
  { lag: 1, n: 16, r: -0.7585093443636881, pr: 0.000659416017607938, rho: -0.8082631036314596, ps: 0.00015130811677801394 },
  { lag: 2, n: 14, r: 0.08941068680472643, pr: 0.7611565722818833, rho: 0.20088496007425613, ps: 0.49105221872305266 },
  { lag: 3, n: 14, r: -0.21594528956313797, pr: 0.4584033135208165, rho: -0.1370186657872378, ps: 0.6404341647230511 },
];
const Q_SPEARMAN = [0.4990098102555403, 0.0006052324671120558, 0.6404341647230511, 0.6404341647230511];
const Q_PEARSON = [0.6112044180277553, 0.002637664070431752, 0.7611565722818833, 0.6112044180277553];

function rowAtLag(rows: LaggedCorrelationRow[], lag: number): LaggedCorrelationRow {
  const row = rows.find((r) => r.lag === lag);
  if (!row) throw new Error(`no row at lag ${lag}`);
  return row;
}

describe("computeLaggedCorrelations", () => {
  const input = { dates: FIXTURE.dates, factors: { sleep_hours: FIXTURE.sleep }, outcomes: { mean_glucose: FIXTURE.glucose } };

  it("pairs by calendar date across gaps and shuffled order, matching scipy", () => {
    const result = computeLaggedCorrelations(input);
    expect(result.testsRun).toBe(4);
    expect(result.skipped).toEqual([]);
    for (const [i, ref] of SCIPY.entries()) {
      const row = rowAtLag(result.rows, ref.lag);
      expect(row.n).toBe(ref.n);
      expect(row.pearson.r).toBeCloseTo(ref.r, 12);
      expect(row.pearson.p).toBeCloseTo(ref.pr, 12);
      expect(row.spearman.rho).toBeCloseTo(ref.rho, 12);
      expect(row.spearman.p).toBeCloseTo(ref.ps, 12);
      expect(row.q).toBeCloseTo(Q_SPEARMAN[i], 12);
    }
  });

  it("flags the lag-1 link only, negative, with the documented confidence rule", () => {
    const result = computeLaggedCorrelations(input);
    const best = result.rows[0];
    expect(best).toMatchObject({ factor: "sleep_hours", outcome: "mean_glucose", lag: 1, significant: true, direction: "negative" });
    // q = 0.0006 < 0.01 but only 16 days (< 20): "low".
    expect(best.confidence).toBe("low");
    expect(result.rows.filter((r) => r.significant)).toHaveLength(1);
    expect(result.rows.slice(1).every((r) => r.confidence === "none")).toBe(true);
    expect(result.rows.map((r) => r.lag)).toEqual([1, 0, 2, 3]);
  });

  it("uses Pearson p-values for q when asked", () => {
    const result = computeLaggedCorrelations(input, { primary: "pearson" });
    for (const [i, ref] of SCIPY.entries()) expect(rowAtLag(result.rows, ref.lag).q).toBeCloseTo(Q_PEARSON[i], 12);
    expect(result.primary).toBe("pearson");
  });

  it("skips tests under the minimum sample size and leaves them out of the BH family", () => {
    const result = computeLaggedCorrelations(input, { minSamples: 15 });
    expect(result.rows.map((r) => r.lag).sort()).toEqual([0, 1]);
    expect(result.skipped.map((s) => [s.lag, s.n, s.reason])).toEqual([
      [2, 14, "too_few_pairs"],
      [3, 14, "too_few_pairs"],
    ]);
    // Two tests: q(lag 1) = 2·p, q(lag 0) = max(p0, 2·p1 capped by running min) = p0.
    expect(rowAtLag(result.rows, 1).q).toBeCloseTo(2 * SCIPY[1].ps, 14);
    expect(rowAtLag(result.rows, 0).q).toBeCloseTo(SCIPY[0].ps, 14);
    expect(result.skipped[0].message).toContain("at least 15");
  });

  it("skips constant columns with a reason instead of producing NaN", () => {
    const n = FIXTURE.dates.length;
    const result = computeLaggedCorrelations({
      dates: FIXTURE.dates,
      factors: { steps: new Array(n).fill(8000), sleep_hours: FIXTURE.sleep },
      outcomes: { flat: new Array(n).fill(0.1), mean_glucose: FIXTURE.glucose },
    });
    const reasons = result.skipped.map((s) => `${s.factor}/${s.outcome}/${s.reason}`);
    expect(reasons.filter((r) => r.startsWith("steps/"))).toHaveLength(8);
    expect(reasons).toContain("steps/mean_glucose/constant_factor");
    expect(reasons).toContain("sleep_hours/flat/constant_outcome");
    expect(result.testsRun).toBe(4);
    expect(JSON.stringify(result)).not.toContain("NaN");
    expect(result.rows.every((r) => Number.isFinite(r.pearson.r) && Number.isFinite(r.q))).toBe(true);
  });

  it("recovers an exact lag-2 relation only at lag 2, despite a gap", () => {
    const dates: string[] = [];
    const factor: number[] = [];
    const outcome: number[] = [];
    // Day d (1 = 2024-01-01) holds f(d) = 7d mod 11 and o(d) = 3·f(d − 2) + 1; day 10 is missing.
    const f = (d: number) => (d * 7) % 11;
    for (let d = 1; d <= 40; d++) {
      if (d === 10) continue;
      dates.push(new Date(Date.UTC(2024, 0, d)).toISOString().slice(0, 10));
      factor.push(f(d));
      outcome.push(3 * f(d - 2) + 1);
    }
    const result = computeLaggedCorrelations({ dates, factors: { f: factor }, outcomes: { o: outcome } });
    const lag2 = rowAtLag(result.rows, 2);
    expect(lag2.pearson.r).toBeCloseTo(1, 12);
    expect(lag2.spearman.rho).toBeCloseTo(1, 12);
    // Factor days 1..38 whose outcome day d + 2 exists, minus d = 10 (no factor) and d = 8 (no outcome).
    expect(lag2.n).toBe(36);
    expect(lag2.confidence).toBe("high");
    expect(result.rows[0].lag).toBe(2);
  });

  it("rejects malformed input with a clear AppError", () => {
    expect(() => computeLaggedCorrelations({ dates: ["2025-02-30"], factors: {}, outcomes: {} })).toThrow(AppError);
    expect(() => computeLaggedCorrelations({ dates: ["2025-03-01", "2025-03-01"], factors: {}, outcomes: {} })).toThrow(
      /more than once/,
    );
    expect(() =>
      computeLaggedCorrelations({ dates: ["2025-03-01"], factors: { a: [1, 2] }, outcomes: {} }),
    ).toThrow(/2 values for 1 dates/);
    expect(() => computeLaggedCorrelations(input, { lags: [-1] })).toThrow(/whole numbers/);
    expect(() => computeLaggedCorrelations(input, { minSamples: 2 })).toThrow(/at least 3/);
  });
});

describe("classifyConfidence", () => {
  it("applies the documented thresholds", () => {
    expect(classifyConfidence(0.009, 30, true)).toBe("high");
    expect(classifyConfidence(0.009, 29, true)).toBe("medium");
    expect(classifyConfidence(0.049, 20, true)).toBe("medium");
    expect(classifyConfidence(0.049, 19, true)).toBe("low");
    expect(classifyConfidence(0.07, 90, true)).toBe("low");
    expect(classifyConfidence(0.001, 90, false)).toBe("none");
  });
});
