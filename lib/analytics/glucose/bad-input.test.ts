import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { computeAgp } from "./agp";
import { computeCv, computeMean, computeSd } from "./basic-statistics";
import { computeGlucoseMetrics } from "./compute-glucose-metrics";
import { computeDailyProfiles } from "./daily-profiles";
import { computeMage } from "./mage";
import { toSeries } from "./series";
import type { GlucoseSeries } from "./types";

const MIN = 60_000;
const T0 = Date.UTC(2020, 0, 1);

function expectAppError(fn: () => unknown, message: string) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("bad_request:analytics");
    expect((e as AppError).status).toBe(400);
    expect((e as AppError).message).toBe(message);
    return;
  }
  throw new Error("expected an AppError");
}

const raw = (times: number[], values: number[]): GlucoseSeries => ({ times: Float64Array.from(times), values: Float64Array.from(values) });

describe("bad input gives a clear AppError or a documented null, never NaN", () => {
  it("empty series", () => {
    const empty = toSeries([]);
    expectAppError(() => computeGlucoseMetrics(empty), "The series is empty: at least 2 readings are needed.");
    expectAppError(() => computeMean(empty), "The series is empty: at least 1 reading is needed.");
    expectAppError(() => computeAgp(empty), "The series is empty: at least 1 reading is needed.");
    expectAppError(() => computeDailyProfiles(empty), "The series is empty: at least 1 reading is needed.");
  });

  it("a single reading: mean works, SD/CV and the full metric set need two", () => {
    const one = toSeries([{ time: T0, value: 120 }]);
    expect(computeMean(one)).toBe(120);
    expectAppError(() => computeSd(one), "The series has 1 reading: at least 2 are needed.");
    expectAppError(() => computeCv(one), "The series has 1 reading: at least 2 are needed.");
    expectAppError(() => computeGlucoseMetrics(one), "The series has 1 reading: at least 2 are needed.");
    expect(computeAgp(one).readings).toBe(1);
  });

  it("NaN, infinite and non-positive values are refused by the metrics and dropped by toSeries", () => {
    expectAppError(
      () => computeMean(raw([T0, T0 + 5 * MIN], [100, NaN])),
      "The series contains a glucose value that is missing, not a number or not positive: clean it with toSeries first.",
    );
    const cleaned = toSeries([
      { time: T0, value: 100 },
      { time: T0 + 5 * MIN, value: NaN },
      { time: T0 + 10 * MIN, value: Infinity },
      { time: T0 + 15 * MIN, value: 0 },
      { time: NaN, value: 120 },
      { time: T0 + 20 * MIN, value: 110 },
    ]);
    expect(Array.from(cleaned.values)).toEqual([100, 110]);
    expect(computeMean(cleaned)).toBe(105);
  });

  it("duplicate or unsorted timestamps are refused by the metrics; toSeries sorts and keeps the last duplicate", () => {
    expectAppError(
      () => computeMean(raw([T0, T0], [100, 110])),
      "The series times must be strictly increasing (sorted, without duplicate timestamps): clean it with toSeries first.",
    );
    expectAppError(
      () => computeMean(raw([T0 + MIN, T0], [100, 110])),
      "The series times must be strictly increasing (sorted, without duplicate timestamps): clean it with toSeries first.",
    );
    const s = toSeries([
      { time: new Date(T0 + 10 * MIN), value: 130 },
      { time: T0, value: 100 },
      { time: T0 + 5 * MIN, value: 110 },
      { time: T0 + 5 * MIN, value: 115 },
    ]);
    expect(Array.from(s.times)).toEqual([T0, T0 + 5 * MIN, T0 + 10 * MIN]);
    expect(Array.from(s.values)).toEqual([100, 115, 130]);
  });

  it("mismatched lengths are refused", () => {
    expectAppError(() => computeMean(raw([T0, T0 + MIN], [100])), "Times and glucose values must have the same length.");
  });

  it("constant values: SD and CV 0, MAGE 0, every output finite", () => {
    const flat = toSeries(Array.from({ length: 3 * 288 }, (_, i) => ({ time: T0 + i * 5 * MIN, value: 110 })));
    const m = computeGlucoseMetrics(flat);
    expect(m.sd).toBe(0);
    expect(m.cv).toBe(0);
    expect(m.mage).toBe(0);
    expect(m.conga).toBe(0);
    expect(m.modd).toBe(0);
    expect(m.mag).toBe(0);
    expect(m.jIndex).toBeCloseTo(12.1, 12);
    expect(m.unavailable).toEqual([]);
    // the only nulls are the mean glucose of episode kinds that never happened
    expect(m.episodes?.every((e) => e.totalEpisodes === 0 && e.avgGlucose === null)).toBe(true);
    expect(JSON.stringify(m)).not.toMatch(/NaN|Infinity/);
  });

  it("gaps of days: day-based metrics still work from the days that overlap, MAGE skips the gap", () => {
    // two days of data, 5 days of nothing, two more days
    const rows = [];
    for (const startDay of [0, 7]) {
      for (let i = 0; i < 2 * 288; i++) {
        const minute = startDay * 1440 + i * 5;
        rows.push({ time: T0 + minute * MIN, value: 140 + 40 * Math.sin((2 * Math.PI * minute) / 360) });
      }
    }
    const m = computeGlucoseMetrics(toSeries(rows));
    expect(m.readings).toBe(4 * 288);
    expect(m.modd).toBeCloseTo(0, 6);
    expect(m.conga).toBeCloseTo(0, 6);
    expect(m.mage as number).toBeGreaterThan(75);
    expect(m.mage as number).toBeLessThan(81);
    // 9 days span with 5 missing: far below the 70 % wear target
    expect(m.activePercent).toBeCloseTo((100 * 4 * 288) / (8 * 288 + 287 + 1), 0);
    expect(m.consensus.find((t) => t.id === "active")?.met).toBe(false);
    expect(JSON.stringify(m)).not.toMatch(/NaN|Infinity/);
  });

  it("sparse readings (every 60 min) cannot be put on the grid: grid metrics null with the reason", () => {
    const hourly = toSeries(Array.from({ length: 48 }, (_, i) => ({ time: T0 + i * 60 * MIN, value: 100 + (i % 5) * 10 })));
    const m = computeGlucoseMetrics(hourly);
    const reason = "The readings are 60 minutes apart, more than the largest interpolation gap of 45 minutes.";
    expect(m.conga).toBeNull();
    expect(m.modd).toBeNull();
    expect(m.mag).toBeNull();
    expect(m.mage).toBeNull();
    expect(m.episodes).toBeNull();
    expect(m.unavailable).toContainEqual({ metric: "conga", reason });
    expect(m.unavailable).toContainEqual({ metric: "mage", reason });
    // 9 cycles of 100…140 plus 100, 110, 120: (45 · 120 + 330) / 48
    expect(m.mean).toBe(119.375);
  });

  it("invalid options are refused with a sentence", () => {
    const s = toSeries(Array.from({ length: 40 }, (_, i) => ({ time: T0 + i * 5 * MIN, value: 100 + i })));
    expectAppError(() => computeGlucoseMetrics(s, { timezone: "Mars/Olympus" }), '"Mars/Olympus" is not a known IANA timezone (for example Europe/Paris).');
    expectAppError(() => computeMage(s, { shortMa: 0 }), "MAGE moving-average windows must be whole, positive numbers of points.");
    expectAppError(() => computeAgp(s, { days: 0 }), "The AGP needs a whole, positive number of days.");
    expectAppError(() => computeAgp(s, { startMs: T0 + 10, endMs: T0 }), "The AGP range is empty: its start must be before its end.");
  });
});
