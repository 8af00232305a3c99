import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { NBSP } from "./chart-format";
import {
  buildTraceTable,
  computeMedianIntervalMinutes,
  describeEvents,
  describeTrace,
  prepareEvents,
  prepareTraceData,
  summarizeTrace,
} from "./trace-data";
import { generateSyntheticGlucose } from "./testing/synthetic-glucose";

const MIN = 60_000;
const T0 = Date.UTC(2024, 2, 4, 0, 0); // Mon 4 Mar 2024, 00:00 UTC
const every5 = (n: number, from = T0) => Array.from({ length: n }, (_, i) => from + i * 5 * MIN);
const nb = (s: string) => s.replace(/ (%|mg\/dL|mmol\/L)/g, `${NBSP}$1`);

describe("prepareTraceData", () => {
  it("puts x in seconds and keeps a regular 5-minute series unbroken", () => {
    const d = prepareTraceData({ times: every5(4), values: [100, 110, 120, 130] });
    expect(d.xs).toEqual([T0 / 1000, T0 / 1000 + 300, T0 / 1000 + 600, T0 / 1000 + 900]);
    expect(d.ys).toEqual([100, 110, 120, 130]);
    expect(d.gaps).toBe(0);
    expect(d.maxGapMinutes).toBe(15);
  });

  it("inserts a null in the middle of a gap so uPlot breaks the line", () => {
    // 08:00, 08:05, then nothing until 10:05: a 2-hour sensor gap.
    const times = [T0, T0 + 5 * MIN, T0 + 125 * MIN, T0 + 130 * MIN];
    const d = prepareTraceData({ times, values: [100, 105, 160, 165] });
    expect(d.gaps).toBe(1);
    expect(d.ys).toEqual([100, 105, null, 160, 165]);
    expect(d.xs[2]).toBe((T0 + 65 * MIN) / 1000);
  });

  it("scales the gap rule with the sampling interval (15-minute Libre history is not a gap)", () => {
    const libre = Array.from({ length: 6 }, (_, i) => T0 + i * 15 * MIN);
    const d = prepareTraceData({ times: libre, values: [90, 95, 100, 105, 110, 115] });
    expect(d.maxGapMinutes).toBe(45);
    expect(d.gaps).toBe(0);
    // A 20-minute hole in a 5-minute series is one (3 × 5 = 15 min).
    const dexcom = [T0, T0 + 5 * MIN, T0 + 10 * MIN, T0 + 30 * MIN, T0 + 35 * MIN];
    expect(prepareTraceData({ times: dexcom, values: [1, 2, 3, 4, 5] }).gaps).toBe(1);
    expect(prepareTraceData({ times: dexcom, values: [1, 2, 3, 4, 5] }, { maxGapMinutes: 30 }).gaps).toBe(0);
  });

  it("treats a null or non-finite value as a missing reading", () => {
    const times = every5(8);
    const values = [100, 101, null, null, Number.NaN, 105, 106, 107];
    const d = prepareTraceData({ times, values });
    // 101 at 00:05 and 105 at 00:25: 20 min apart → a gap.
    expect(d.ys).toEqual([100, 101, null, 105, 106, 107]);
    expect(d.gaps).toBe(1);
  });

  it("sorts unsorted input and rejects unpaired arrays", () => {
    const d = prepareTraceData({ times: [T0 + 10 * MIN, T0, T0 + 5 * MIN], values: [3, 1, 2] });
    expect(d.ys).toEqual([1, 2, 3]);
    expect(() => prepareTraceData({ times: [T0, T0 + MIN], values: [1] })).toThrow(AppError);
  });

  it("draws 90 days of 5-minute readings as 25,920 points", () => {
    const { times, values } = generateSyntheticGlucose({ days: 90, startMs: T0, seed: 7 });
    const d = prepareTraceData({ times, values });
    expect(d.xs.length).toBe(25_920);
    expect(d.gaps).toBe(0);
    expect(computeMedianIntervalMinutes(times)).toBe(5);
  });

  it("returns nothing to draw for an empty series", () => {
    expect(prepareTraceData({ times: [], values: [] })).toEqual({ xs: [], ys: [], gaps: 0, maxGapMinutes: 15 });
    expect(computeMedianIntervalMinutes([T0])).toBeNull();
  });
});

describe("summarizeTrace and describeTrace", () => {
  // 10 readings: 2 below 70, 6 in 70–180 (70 and 180 count as in range, as iglu), 2 above.
  const values = [60, 65, 70, 100, 120, 140, 160, 180, 200, 250];
  const input = { times: every5(10), values };

  it("computes the mean and the shares in, below and above the target band", () => {
    const s = summarizeTrace(input);
    expect(s).toEqual({
      readings: 10,
      startMs: T0,
      endMs: T0 + 45 * MIN,
      mean: 134.5,
      min: 60,
      max: 250,
      inRangePercent: 60,
      belowPercent: 20,
      abovePercent: 20,
    });
    expect(summarizeTrace(input, 80, 140)?.inRangePercent).toBe(30);
  });

  it("says what the chart shows in one sentence, in the person's unit and timezone", () => {
    const s = summarizeTrace(input);
    expect(describeTrace(s, { unit: "mg/dL", timezone: "UTC", title: "Glucose over the last hour" })).toBe(
      nb("Glucose over the last hour: mean 135 mg/dL, 60 % in range 70–180 mg/dL, 20 % below, 20 % above; 10 readings from Mon 4 Mar 00:00 to Mon 4 Mar 00:45 (UTC)."),
    );
    expect(describeTrace(s, { unit: "mmol/L", timezone: "Europe/Paris" })).toBe(
      nb("Glucose over 45 minutes: mean 7.5 mmol/L, 60 % in range 3.9–10.0 mmol/L, 20 % below, 20 % above; 10 readings from Mon 4 Mar 01:00 to Mon 4 Mar 01:45 (Europe/Paris)."),
    );
  });

  it("describes a day of synthetic CGM data with its events", () => {
    const day = generateSyntheticGlucose({ days: 1, startMs: T0, seed: 3 });
    const s = summarizeTrace(day);
    expect(s?.readings).toBe(288);
    const events = [
      { time: T0 + 7.5 * 60 * MIN, kind: "meal" as const, label: "Breakfast" },
      { time: T0 + 13 * 60 * MIN, kind: "meal" as const, label: "Lunch" },
      { time: T0 + 18 * 60 * MIN, end: T0 + 18.75 * 60 * MIN, kind: "workout" as const, label: "Run" },
    ];
    const text = describeTrace(s, { unit: "mg/dL", timezone: "UTC", events, title: "Glucose over the last 24 hours" });
    expect(text.startsWith("Glucose over the last 24 hours: mean ")).toBe(true);
    expect(text.endsWith("288 readings from Mon 4 Mar 00:00 to Mon 4 Mar 23:55 (UTC); 2 meals and 1 workout marked.")).toBe(true);
    expect(text).not.toMatch(/NaN|undefined/);
  });

  it("has a sentence, not NaN, for an empty period", () => {
    expect(summarizeTrace({ times: [], values: [] })).toBeNull();
    expect(summarizeTrace({ times: [T0], values: [null] })).toBeNull();
    expect(describeTrace(null, { unit: "mg/dL", timezone: "UTC" })).toBe("Glucose: no readings in this period.");
    expect(buildTraceTable(null, "mg/dL")).toEqual([]);
  });

  it("fills the visually hidden table", () => {
    const rows = buildTraceTable(summarizeTrace(input), "mmol/L");
    expect(rows).toEqual([
      { label: "Readings", value: "10" },
      { label: "Mean", value: nb("7.5 mmol/L") },
      { label: "Lowest", value: nb("3.3 mmol/L") },
      { label: "Highest", value: nb("13.9 mmol/L") },
      { label: nb("In range 3.9–10.0 mmol/L"), value: nb("60 %") },
      { label: "Below range", value: nb("20 %") },
      { label: "Above range", value: nb("20 %") },
    ]);
  });
});

describe("events", () => {
  it("converts to seconds, sorts, keeps spans with an end after the start", () => {
    const events = prepareEvents([
      { time: T0 + 60 * MIN, end: T0 + 30 * MIN, kind: "workout", label: "Bad end" },
      { time: T0, end: T0 + 8 * 60 * MIN, kind: "sleep", label: "Night" },
      { time: Number.NaN, kind: "meal", label: "Broken" },
    ]);
    expect(events).toEqual([
      { start: T0 / 1000, end: (T0 + 8 * 60 * MIN) / 1000, kind: "sleep", label: "Night" },
      { start: (T0 + 60 * MIN) / 1000, end: null, kind: "workout", label: "Bad end" },
    ]);
    expect(prepareEvents(undefined)).toEqual([]);
  });

  it("counts them in words", () => {
    expect(describeEvents([])).toBe("");
    expect(describeEvents([{ time: 0, kind: "sleep", label: "Night" }])).toBe("1 sleep period marked");
    expect(
      describeEvents([
        { time: 0, kind: "meal", label: "a" },
        { time: 1, kind: "meal", label: "b" },
        { time: 2, kind: "workout", label: "c" },
        { time: 3, kind: "sleep", label: "d" },
        { time: 4, kind: "sleep", label: "e" },
      ]),
    ).toBe("2 meals, 1 workout and 2 sleep periods marked");
  });
});
