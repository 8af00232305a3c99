import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { AGP_BINS, computeAgp, smoothCircular } from "./agp";
import { computeDailyProfiles } from "./daily-profiles";
import { IGLU_FIVE_SUBJECT_CSV, loadSubjects } from "./fixtures/shared-data";
import { toSeries } from "./series";

const MIN = 60_000;
const T0 = Date.UTC(2020, 0, 1);

/** `days` days of 5-minute readings from 2020-01-01 00:00 UTC, valued by (day, minute of day). */
function days(count: number, value: (day: number, minute: number) => number) {
  const rows = [];
  for (let d = 0; d < count; d++) for (let m = 0; m < 1440; m += 5) rows.push({ time: T0 + (d * 1440 + m) * MIN, value: value(d, m) });
  return toSeries(rows);
}

describe("computeAgp", () => {
  it("per-bin type-7 percentiles across 14 days: values 100, 110, …, 230 give 106.5 / 132.5 / 165 / 197.5 / 223.5", () => {
    const agp = computeAgp(days(14, (d) => 100 + 10 * d));
    expect(agp.binStartMinutes).toHaveLength(AGP_BINS);
    expect(agp.binStartMinutes[96]).toBe(480);
    expect(agp.readings).toBe(14 * 288);
    expect(agp.daysWithData).toBe(14);
    expect(agp.counts.every((c) => c === 14)).toBe(true);
    for (const curves of [agp.raw, agp.smoothed]) {
      expect(curves.p5[0]).toBeCloseTo(106.5, 10);
      expect(curves.p25[100]).toBeCloseTo(132.5, 10);
      expect(curves.p50[200]).toBeCloseTo(165, 10);
      expect(curves.p75[287]).toBeCloseTo(197.5, 10);
      expect(curves.p95[50]).toBeCloseTo(223.5, 10);
    }
  });

  it("keeps only the last 14 calendar days by default, or the requested number", () => {
    const s = days(20, (d) => (d < 6 ? 300 : 100));
    const agp = computeAgp(s);
    expect(agp.daysWithData).toBe(14);
    expect(agp.windowStartMs).toBe(T0 + 6 * 86_400_000);
    expect(agp.windowEndMs).toBe(T0 + 20 * 86_400_000);
    expect(agp.smoothed.p95[10]).toBe(100);
    const week = computeAgp(s, { days: 7 });
    expect(week.readings).toBe(7 * 288);
  });

  it("accepts an explicit [start, end) range", () => {
    const s = days(10, (d) => 100 + d);
    const agp = computeAgp(s, { startMs: T0 + 2 * 86_400_000, endMs: T0 + 4 * 86_400_000 });
    expect(agp.readings).toBe(2 * 288);
    expect(agp.raw.p50[0]).toBeCloseTo(102.5, 10);
  });

  it("bins by wall-clock time across DST changes (America/New_York, March and November 2021)", () => {
    // value = 10 + 10 · local hour, so the 08:00 bin must hold 90 on every day whatever the UTC offset
    const rows = [];
    const from = DateTime.fromISO("2021-03-12T00:00", { zone: "America/New_York" }).toMillis();
    const to = DateTime.fromISO("2021-03-17T00:00", { zone: "America/New_York" }).toMillis();
    for (let t = from; t < to; t += 5 * MIN) {
      rows.push({ time: t, value: 10 + 10 * DateTime.fromMillis(t, { zone: "America/New_York" }).hour });
    }
    const agp = computeAgp(toSeries(rows), { timezone: "America/New_York" });
    expect(agp.raw.p50[96]).toBe(90);
    expect(agp.raw.p5[96]).toBe(90);
    expect(agp.raw.p95[96]).toBe(90);
    // five local days (a 23-hour one included); 02:00–02:55 does not exist on 2021-03-14
    expect(agp.daysWithData).toBe(5);
    expect(agp.counts[0]).toBe(5);
    expect(agp.counts[24]).toBe(4);

    const fallRows = [];
    const fallFrom = DateTime.fromISO("2021-11-06T00:00", { zone: "America/New_York" }).toMillis();
    for (let t = fallFrom; t < fallFrom + 3 * 86_400_000; t += 5 * MIN) fallRows.push({ time: t, value: 100 });
    const fall = computeAgp(toSeries(fallRows), { timezone: "America/New_York" });
    // 01:00–01:55 happens twice on 2021-11-07
    expect(fall.counts[12]).toBe(fall.counts[100] + 1);
  });

  it("smoothed curves stay ordered p5 ≤ p25 ≤ p50 ≤ p75 ≤ p95 on real data (iglu Subject 1)", () => {
    const s = loadSubjects(IGLU_FIVE_SUBJECT_CSV).get("Subject 1")!;
    const agp = computeAgp(s);
    expect(agp.readings).toBe(2915);
    for (let b = 0; b < AGP_BINS; b++) {
      const { p5, p25, p50, p75, p95 } = agp.smoothed;
      expect(p5[b]! <= p25[b]! && p25[b]! <= p50[b]! && p50[b]! <= p75[b]! && p75[b]! <= p95[b]!).toBe(true);
    }
    expect(agp.smoothed.p50.every((v) => v !== null && v > 60 && v < 280)).toBe(true);
  });

  it("refuses a window without readings", () => {
    const s = days(2, () => 100);
    expect(() => computeAgp(s, { startMs: T0 - 10 * 86_400_000, endMs: T0 - 9 * 86_400_000 })).toThrow(
      "There is no glucose reading in the AGP period.",
    );
  });
});

describe("smoothCircular (1-2-3-4-3-2-1 weights over ±15 minutes)", () => {
  it("spreads a single spike with triangular weights, wrapping around midnight", () => {
    const values: (number | null)[] = new Array(288).fill(0);
    values[0] = 16;
    const out = smoothCircular(values);
    expect(out[0]).toBe(4);
    expect(out[1]).toBe(3);
    expect(out[287]).toBe(3);
    expect(out[3]).toBe(1);
    expect(out[285]).toBe(1);
    expect(out[4]).toBe(0);
  });

  it("skips empty bins and renormalises; null where no neighbour within ±15 min has data", () => {
    const values: (number | null)[] = new Array(288).fill(null);
    values[100] = 150;
    values[102] = 110;
    const out = smoothCircular(values);
    // bin 101 sees 150 (weight 3) and 110 (weight 3)
    expect(out[101]).toBe(130);
    // bin 100 sees 150 (weight 4) and 110 (weight 2)
    expect(out[100]).toBeCloseTo((4 * 150 + 2 * 110) / 6, 12);
    expect(out[96]).toBeNull();
    expect(out[97]).toBe(150);
  });
});

describe("computeDailyProfiles", () => {
  it("one profile per calendar day, empty days kept, with per-day mean, min, max and TIR", () => {
    const s = toSeries([
      { time: T0 + 60 * MIN, value: 60 },
      { time: T0 + 120 * MIN, value: 100 },
      { time: T0 + 2 * 1440 * MIN + 30 * MIN, value: 200 },
    ]);
    const profiles = computeDailyProfiles(s);
    expect(profiles.map((p) => p.date)).toEqual(["2020-01-01", "2020-01-02", "2020-01-03"]);
    expect(profiles[0]).toMatchObject({ hours: 24, values: [60, 100], elapsedMinutes: [60, 120], mean: 80, min: 60, max: 100, inRange70to180: 50 });
    expect(profiles[1]).toMatchObject({ values: [], mean: null, min: null, max: null, inRange70to180: null });
    expect(profiles[2]).toMatchObject({ values: [200], wallMinutes: [30], inRange70to180: 0 });
  });

  it("DST days in Europe/Paris last 23 h (2021-03-28) and 25 h (2021-10-31)", () => {
    const spring = DateTime.fromISO("2021-03-28T00:00", { zone: "Europe/Paris" }).toMillis();
    const springRows = Array.from({ length: 23 * 12 }, (_, i) => ({ time: spring + i * 5 * MIN, value: 100 }));
    const [springDay] = computeDailyProfiles(toSeries(springRows), { timezone: "Europe/Paris" });
    expect(springDay.date).toBe("2021-03-28");
    expect(springDay.hours).toBe(23);
    expect(springDay.values).toHaveLength(276);
    expect(springDay.elapsedMinutes[275]).toBe(1375);
    // 03:00 local comes right after 01:55: the wall clock skips 02:xx
    expect(springDay.wallMinutes[24]).toBe(180);

    const fall = DateTime.fromISO("2021-10-31T00:00", { zone: "Europe/Paris" }).toMillis();
    const fallRows = Array.from({ length: 25 * 12 }, (_, i) => ({ time: fall + i * 5 * MIN, value: 100 }));
    const fallDays = computeDailyProfiles(toSeries(fallRows), { timezone: "Europe/Paris" });
    expect(fallDays).toHaveLength(1);
    expect(fallDays[0].hours).toBe(25);
    expect(fallDays[0].values).toHaveLength(300);
    expect(fallDays[0].elapsedMinutes[299]).toBe(1495);
    // 02:00–02:55 repeats: the wall-clock minute of reading 36 (03:00 elapsed) is 02:00 again
    expect(fallDays[0].wallMinutes[36]).toBe(120);
  });
});
