import { describe, expect, it } from "vitest";
import { buildDayGrid, detectSamplingIntervalMin, gridTimeAt } from "./day-grid";
import { computeConga, computeMag, computeModd } from "./grid-variability";
import { toSeries } from "./series";

const MIN = 60_000;
const T0 = Date.UTC(2020, 0, 1);

describe("buildDayGrid (iglu CGMS2DayByDay)", () => {
  it("starts each day at 00:00 + dt0, interpolates linearly and leaves NaN outside the data", () => {
    // 08:02 → 100, 08:12 → 120: grid 08:05 = 106, 08:10 = 116
    const s = toSeries([
      { time: T0 + (8 * 60 + 2) * MIN, value: 100 },
      { time: T0 + (8 * 60 + 7) * MIN, value: 110 },
      { time: T0 + (8 * 60 + 12) * MIN, value: 120 },
    ]);
    const grid = buildDayGrid(s);
    expect(grid.dt0Min).toBe(5);
    expect(grid.pointsPerDay).toBe(288);
    // ceiling(10 min in days + 1) = 2 rows: iglu always adds a day
    expect(grid.dayCount).toBe(2);
    expect(grid.values).toHaveLength(2 * 288);
    expect(grid.firstDayStartMs).toBe(T0);
    expect(gridTimeAt(grid, 0)).toBe(T0 + 5 * MIN);
    const k = (8 * 60 + 5) / 5 - 1;
    expect(grid.values[k]).toBeCloseTo(106, 12);
    expect(grid.values[k + 1]).toBeCloseTo(116, 12);
    expect(Number.isNaN(grid.values[k - 1])).toBe(true);
    expect(Number.isNaN(grid.values[k + 2])).toBe(true);
  });

  it("does not interpolate across a gap longer than 45 minutes, but does across 45 minutes exactly", () => {
    // every 5 min from 01:00 to 01:45 (100 → 145), then 02:30 (45 min later, 190), then 03:20 (50 min later, 140)
    const rows = Array.from({ length: 10 }, (_, i) => ({ time: T0 + (60 + 5 * i) * MIN, value: 100 + 5 * i }));
    rows.push({ time: T0 + 150 * MIN, value: 190 }, { time: T0 + 200 * MIN, value: 140 });
    const grid = buildDayGrid(toSeries(rows));
    expect(grid.dt0Min).toBe(5);
    const at = (minute: number) => grid.values[minute / 5 - 1];
    expect(at(105)).toBe(145);
    expect(at(120)).toBeCloseTo(145 + (45 * 15) / 45, 12);
    expect(at(150)).toBe(190);
    expect(Number.isNaN(at(155))).toBe(true);
    expect(Number.isNaN(at(195))).toBe(true);
    expect(at(200)).toBe(140);
  });

  it("detects dt0 as the rounded median interval and aligns it to divide a day (iglu)", () => {
    const every = (minutes: number, n: number) =>
      toSeries(Array.from({ length: n }, (_, i) => ({ time: T0 + i * minutes * MIN + (i % 2) * 1000, value: 100 + i })));
    expect(detectSamplingIntervalMin(every(5, 20))).toBe(5);
    expect(buildDayGrid(every(15, 20)).dt0Min).toBe(15);
    // 7 min does not divide 1440: iglu rounds to the nearest multiple of 5 (remainder 2 → down to 5)
    expect(buildDayGrid(every(7, 20)).dt0Min).toBe(5);
    // 14 min → remainder 4 → up to 15
    expect(buildDayGrid(every(14, 20)).dt0Min).toBe(15);
    // 25 min (> 20, does not divide 1440) → 20
    expect(buildDayGrid(every(25, 20)).dt0Min).toBe(20);
  });

  it("uses ceiling(span in days + 1) rows, as iglu", () => {
    const every5 = (fromMin: number, toMin: number) =>
      Array.from({ length: (toMin - fromMin) / 5 + 1 }, (_, i) => ({ time: T0 + (fromMin + 5 * i) * MIN, value: 100 }));
    // 01:00–23:00 on one calendar day: span 0.917 days → ceiling(1.917) = 2 rows
    expect(buildDayGrid(toSeries(every5(60, 23 * 60))).dayCount).toBe(2);
    // 23:00 day 1 to 01:00 day 3: span 1.083 days → 3 rows, one per calendar day touched
    expect(buildDayGrid(toSeries(every5(23 * 60, 49 * 60))).dayCount).toBe(3);
  });

  it("starts days at local midnight in the requested timezone", () => {
    const s = toSeries([
      { time: Date.UTC(2020, 0, 1, 12), value: 100 },
      { time: Date.UTC(2020, 0, 1, 12, 5), value: 110 },
    ]);
    // 12:00 UTC is 13:00 in Paris (UTC+1 in winter): Paris midnight is 23:00 UTC the day before
    expect(buildDayGrid(s, { timezone: "Europe/Paris" }).firstDayStartMs).toBe(Date.UTC(2019, 11, 31, 23));
    expect(buildDayGrid(s, { timezone: "UTC" }).firstDayStartMs).toBe(Date.UTC(2020, 0, 1));
  });

  it("refuses readings further apart than the interpolation gap", () => {
    const s = toSeries([
      { time: T0, value: 100 },
      { time: T0 + 60 * MIN, value: 110 },
      { time: T0 + 120 * MIN, value: 120 },
    ]);
    expect(() => buildDayGrid(s)).toThrow("The readings are 60 minutes apart, more than the largest interpolation gap of 45 minutes.");
  });
});

describe("grid metrics on constructed days", () => {
  // Three days of the same daily shape, each day 10 mg/dL higher: every 24 h difference is +10.
  const readings: { time: number; value: number }[] = [];
  for (let d = 0; d < 3; d++) {
    for (let k = 0; k < 288; k++) {
      const minute = k * 5;
      readings.push({ time: T0 + (d * 1440 + minute) * MIN, value: 120 + 30 * Math.sin((2 * Math.PI * minute) / 1440) + 10 * d });
    }
  }
  const s = toSeries(readings);

  it("CONGA24 is 0 when every 24-hour difference is the same (+10)", () => {
    const conga = computeConga(s);
    expect(conga.value).toBeCloseTo(0, 9);
  });

  it("MODD is 10: the mean absolute day-to-day difference", () => {
    expect(computeModd(s).value).toBeCloseTo(10, 9);
  });

  it("CONGA1 of a straight line rising 12 mg/dL per hour is 0; MAG is 12 mg/dL/h", () => {
    const line = toSeries(Array.from({ length: 48 }, (_, i) => ({ time: T0 + i * 5 * MIN, value: 100 + i })));
    expect(computeConga(line, { hours: 1 }).value).toBeCloseTo(0, 9);
    expect(computeMag(line).value).toBeCloseTo(12, 9);
  });

  it("MODD and CONGA24 are null with a reason on a single day", () => {
    const oneDay = toSeries(readings.slice(0, 288));
    expect(computeModd(oneDay)).toEqual({ value: null, reason: "MODD needs readings at the same time of day on at least two days; there are none." });
    expect(computeConga(oneDay).value).toBeNull();
  });
});
