import { describe, expect, it } from "vitest";
import { computeActivePercent } from "./active-percent";
import { computeCv, computeIqr, computeMad, computeMean, computeMedian, computeQuantiles, computeRange, computeSd } from "./basic-statistics";
import { computeCogi, computeGri } from "./composite-indices";
import { computeGlucoseMetrics } from "./compute-glucose-metrics";
import { IGLU_SIMPLE_TEST_CSV, loadSubjects } from "./fixtures/shared-data";
import { computeGrade, computeGradeShares, gradeOfReading } from "./grade";
import { computeAdrr, computeHbgi, computeHyperIndex, computeHypoIndex, computeJIndex, computeLbgi, computeMValue } from "./risk-indices";
import { toSeries } from "./series";
import { computePercentAbove, computePercentBelow, computePercentInRange, computePercentInRanges } from "./time-in-ranges";

const MIN = 60_000;
const T0 = Date.UTC(2020, 0, 1);

/** A series of readings every `stepMin` minutes from 2020-01-01 00:00 UTC. */
function regular(values: number[], stepMin = 5, start = T0) {
  return toSeries(values.map((value, i) => ({ time: start + i * stepMin * MIN, value })));
}

describe("iglu-simple-test-1.csv (100, 110, 120, 130 mg/dL, 5 minutes apart), by hand", () => {
  const series = loadSubjects(IGLU_SIMPLE_TEST_CSV).get("subject1")!;
  const m = computeGlucoseMetrics(series);

  it("reads the four readings at 00:00–00:15 on 2020-01-01", () => {
    expect(Array.from(series.values)).toEqual([100, 110, 120, 130]);
    expect(series.times[0]).toBe(T0);
    expect(series.times[3] - series.times[0]).toBe(15 * MIN);
  });

  it("location and spread: mean 115, SD √(500/3), CV 11.23 %, type-7 quartiles 107.5 / 122.5", () => {
    expect(m.mean).toBe(115);
    expect(m.median).toBe(115);
    expect(m.sd).toBeCloseTo(Math.sqrt(500 / 3), 12);
    expect(m.cv).toBeCloseTo((100 * Math.sqrt(500 / 3)) / 115, 12);
    expect(m.quantiles).toEqual({ p0: 100, p5: 101.5, p25: 107.5, p50: 115, p75: 122.5, p95: 128.5, p100: 130 });
    expect(m.range).toBe(30);
    expect(m.iqr).toBe(15);
    // |x − 115| = 15, 5, 5, 15 → median 10 → 1.4826 · 10
    expect(m.mad).toBeCloseTo(14.826, 12);
  });

  it("A1c estimates and J-index from the mean: GMI 3.31 + 0.02392·115, eA1c 161.7 / 28.7", () => {
    expect(m.gmi).toBeCloseTo(6.0608, 12);
    expect(m.ea1c).toBeCloseTo(161.7 / 28.7, 12);
    expect(m.jIndex).toBeCloseTo(0.001 * (115 + Math.sqrt(500 / 3)) ** 2, 12);
  });

  it("all readings in 70–180 and 63–140: TIR 100 %, no TAR/TBR, GRI 0, COGI 100", () => {
    expect(m.timeInRanges.inRange70to180).toBe(100);
    expect(m.timeInRanges.inRange63to140).toBe(100);
    expect(m.timeInRanges.above180).toBe(0);
    expect(m.timeInRanges.below70).toBe(0);
    expect(m.gri).toBe(0);
    // 0.5·100 + 0.35·100 (TBR 0 of 15 %) + 0.15·100 (SD 12.9 < 18)
    expect(m.cogi).toBe(100);
  });

  it("risk indices by hand: LBGI 0.125, HBGI 0.218, ADRR 1.208, M-value 1.695", () => {
    // f(gl) = ln(gl)^1.084 − 5.381: f(100) = −0.145498, f(110) = −0.027939, f(120) = 0.079559, f(130) = 0.178593
    expect(m.lbgi).toBeCloseTo((22.77 * (0.145498 ** 2 + 0.027939 ** 2)) / 4, 5);
    expect(m.hbgi).toBeCloseTo((22.77 * (0.079559 ** 2 + 0.178593 ** 2)) / 4, 5);
    // one day: low risk of its minimum plus high risk of its maximum
    expect(m.adrr).toBeCloseTo(22.77 * (0.145498 ** 2 + 0.178593 ** 2), 5);
    // 1000 · mean |log10(gl / 90)|³ with |log10| = 0.045757, 0.087150, 0.124939, 0.159701
    expect(m.mValue).toBeCloseTo((1000 * (0.045757 ** 3 + 0.08715 ** 3 + 0.124939 ** 3 + 0.159701 ** 3)) / 4, 5);
    expect(m.hyperIndex).toBe(0);
    expect(m.hypoIndex).toBe(0);
  });

  it("GRADE by hand: 425·(log10(log10(gl/18)) + 0.16)² averages 1.983; all of it euglycemic", () => {
    expect(gradeOfReading(100)).toBeCloseTo(0.43513, 5);
    expect(gradeOfReading(130)).toBeCloseTo(3.74147, 5);
    expect(m.grade).toBeCloseTo((0.43513 + 1.30858 + 2.447 + 3.74147) / 4, 5);
    expect(m.gradeEuglycemia).toBe(100);
    expect(m.gradeHyperglycemia).toBe(0);
  });

  it("MAG on the 5-minute grid (00:05 → 110, 00:10 → 120, 00:15 → 130): 20 mg/dL over 10 min = 120 mg/dL/h", () => {
    expect(m.mag).toBe(120);
  });

  it("day-based metrics are null with reasons; the CGM was 100 % active over 0 days", () => {
    expect(m.mage).toBeNull();
    expect(m.conga).toBeNull();
    expect(m.modd).toBeNull();
    expect(m.unavailable.map((u) => u.metric)).toEqual(["mage", "conga", "modd"]);
    expect(m.unavailable[0].reason).toBe("MAGE needs at least 32 five-minute points (2 h 40 min) of interpolated data; there are 3.");
    expect(m.unavailable[1].reason).toBe("CONGA24 needs at least two pairs of readings exactly 24 hours apart; there are 0.");
    expect(m.activePercent).toBe(100);
    expect(m.daysCovered).toBe(0);
    expect(m.episodes?.every((e) => e.totalEpisodes === 0 && e.avgGlucose === null)).toBe(true);
  });

  it("reports custom ranges (lower ≤ gl ≤ upper) next to the standard ones", () => {
    const custom = computeGlucoseMetrics(series, { customRanges: [{ lower: 100, upper: 115 }, { lower: 125, upper: 400 }] });
    expect(custom.timeInRanges.custom).toEqual([
      { lower: 100, upper: 115, percent: 50 },
      { lower: 125, upper: 400, percent: 25 },
    ]);
  });

  it("serialises to JSON without NaN or Infinity", () => {
    expect(JSON.stringify(m)).not.toMatch(/NaN|Infinity/);
  });
});

describe("small hand-computed cases", () => {
  it("percent thresholds follow iglu: above is >, below is <, in range is inclusive", () => {
    const s = regular([54, 70, 180, 250, 100]);
    expect(computePercentBelow(s, 54)).toBe(0);
    expect(computePercentBelow(s, 70)).toBe(20);
    expect(computePercentAbove(s, 180)).toBe(20);
    expect(computePercentAbove(s, 250)).toBe(0);
    expect(computePercentInRange(s, 70, 180)).toBe(60);
    expect(computePercentInRanges(s, [{ lower: 54, upper: 70 }, { lower: 181, upper: 400 }])).toEqual([
      { lower: 54, upper: 70, percent: 40 },
      { lower: 181, upper: 400, percent: 20 },
    ]);
  });

  it("GRI = 3.0·VLow + 2.4·Low + 1.6·VHigh + 0.8·High, capped at 100", () => {
    // 10 readings: 1 < 54, 1 in 54–70, 2 > 250, 1 in 180–250 → 10 %, 10 %, 20 %, 10 %
    const s = regular([40, 60, 300, 320, 200, 100, 100, 100, 100, 100]);
    const gri = computeGri(s);
    expect(gri.gri).toBeCloseTo(3 * 10 + 2.4 * 10 + 1.6 * 20 + 0.8 * 10, 10);
    expect(gri.hypoComponent).toBeCloseTo(10 + 0.8 * 10, 10);
    expect(gri.hyperComponent).toBeCloseTo(20 + 0.5 * 10, 10);
    expect(computeGri(regular([40, 40, 40])).gri).toBe(100);
  });

  it("COGI scales TIR 0–100 ↑, TBR 0–15 % ↓ and SD 18–108 ↓", () => {
    // TIR 50 %, TBR 50 % (≥ 15 → 0), SD of (60, 100) = 28.28 → (108 − 28.28) / 90
    const s = regular([60, 100]);
    const sd = Math.sqrt(800);
    expect(computeCogi(s)).toBeCloseTo(0.5 * 50 + 0.35 * 0 + 0.15 * ((108 - sd) / 90) * 100, 10);
  });

  it("hyper and hypo indices (Rodbard): Σ(gl − 140)^1.1 / (n·30) and Σ(80 − gl)² / (n·30)", () => {
    const s = regular([150, 60, 100, 100]);
    expect(computeHyperIndex(s)).toBeCloseTo(10 ** 1.1 / (4 * 30), 12);
    expect(computeHypoIndex(s)).toBeCloseTo(400 / (4 * 30), 12);
  });

  it("GRADE shares count 70–80 mg/dL both as euglycemic and hypoglycemic, as iglu", () => {
    const s = regular([75, 200]);
    const shares = computeGradeShares(s);
    const g75 = gradeOfReading(75);
    const g200 = gradeOfReading(200);
    expect(shares.euglycemia).toBeCloseTo((100 * g75) / (g75 + g200), 10);
    expect(shares.hypoglycemia).toBeCloseTo((100 * g75) / (g75 + g200), 10);
    expect(shares.hyperglycemia).toBeCloseTo((100 * g200) / (g75 + g200), 10);
    expect(shares.euglycemia + shares.hyperglycemia + shares.hypoglycemia).toBeGreaterThan(100);
  });

  it("GRADE caps each reading at 50, including the undefined region ≤ 18 mg/dL", () => {
    expect(gradeOfReading(20)).toBe(50);
    expect(gradeOfReading(18)).toBe(50);
    expect(gradeOfReading(800)).toBe(50);
    // 600 mg/dL scores 49.90, just under the cap
    expect(gradeOfReading(600)).toBeCloseTo(49.9033, 4);
    expect(computeGrade(regular([10, 800]))).toBe(50);
  });

  it("ADRR averages each calendar day's (low risk of its min + high risk of its max)", () => {
    const day1 = [T0 + 60 * MIN, T0 + 120 * MIN];
    const day2 = [T0 + 25 * 60 * MIN, T0 + 26 * 60 * MIN];
    const s = toSeries([
      { time: day1[0], value: 60 },
      { time: day1[1], value: 250 },
      { time: day2[0], value: 110 },
      { time: day2[1], value: 112 },
    ]);
    const risk = (gl: number) => 22.77 * (Math.log(gl) ** 1.084 - 5.381) ** 2;
    const expected = (risk(60) + risk(250) + (risk(110) + 0)) / 2;
    expect(computeAdrr(s)).toBeCloseTo(expected, 10);
    // In New York the four readings (01:00–02:00 UTC) fall on the previous local evening: one day per pair still.
    expect(computeAdrr(s, "America/New_York")).toBeCloseTo(expected, 10);
  });

  it("J-index, LBGI, HBGI, M-value on a constant 90 mg/dL series", () => {
    const s = regular([90, 90, 90]);
    expect(computeJIndex(s)).toBeCloseTo(8.1, 12);
    expect(computeMValue(s)).toBe(0);
    expect(computeLbgi(s)).toBeCloseTo(22.77 * (Math.log(90) ** 1.084 - 5.381) ** 2, 12);
    expect(computeHbgi(s)).toBe(0);
  });

  it("constant series: SD 0, CV 0, MAD 0, range 0, IQR 0 (documented, never NaN)", () => {
    const s = regular([120, 120, 120, 120]);
    expect(computeSd(s)).toBe(0);
    expect(computeCv(s)).toBe(0);
    expect(computeMad(s)).toBe(0);
    expect(computeRange(s)).toBe(0);
    expect(computeIqr(s)).toBe(0);
    expect(computeMean(s)).toBe(120);
    expect(computeMedian(s)).toBe(120);
    expect(computeQuantiles(s).p100).toBe(120);
  });

  it("active percent: a 60-minute hole in 5-minute data misses 11 of 37 expected readings", () => {
    // readings at 0..60 min, then 120..180 min: span 180 min → 37 expected; one 60-min gap → (60 − 5)/5 = 11 missing
    const times = [...Array.from({ length: 13 }, (_, i) => i * 5), ...Array.from({ length: 13 }, (_, i) => 120 + i * 5)];
    const s = toSeries(times.map((t) => ({ time: T0 + t * MIN, value: 100 })));
    const active = computeActivePercent(s);
    expect(active.activePercent).toBeCloseTo((100 * (37 - 11)) / 37, 12);
    expect(active.days).toBe(0.1);
  });
});
