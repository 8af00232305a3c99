import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { generateDemoPatient } from "./demo-patient";
import { createWallClock, HOUR_MS, MINUTE_MS } from "./local-time";
import type { DemoPatientData } from "./types";

const END = "2026-03-15"; // the 90 days include the spring-forward Sunday 2026-03-08
const FIVE_MIN = 5 * MINUTE_MS;
const demo = generateDemoPatient({ seed: "demo", endDate: END });

const digest = (d: DemoPatientData) => createHash("sha256").update(JSON.stringify(d)).digest("hex");
const localHour = (date: Date, zone: string) => {
  const t = DateTime.fromJSDate(date, { zone });
  return t.hour + t.minute / 60;
};

/** Grid slots (5-minute reading times) that fall inside the sensor gaps. */
function countSlotsInGaps(data: DemoPatientData, firstSlotMs: number): number {
  let n = 0;
  for (const g of data.sensorGaps) {
    const from = Math.ceil((g.start.getTime() - firstSlotMs) / FIVE_MIN);
    const to = Math.ceil((g.end.getTime() - firstSlotMs) / FIVE_MIN);
    n += Math.max(0, to - from);
  }
  return n;
}

function readingsByLocalDate(data: DemoPatientData): Map<string, number> {
  const clock = createWallClock(data.timezone);
  const out = new Map<string, number>();
  for (const t of data.dailyTruth) {
    const { startMs, endMs } = clock.dayBounds(t.date);
    out.set(t.date, data.glucose.filter((r) => r.time.getTime() >= startMs && r.time.getTime() < endMs).length);
  }
  return out;
}

describe("generateDemoPatient: determinism", () => {
  it("gives byte-identical output for the same seed and end date", () => {
    const again = generateDemoPatient({ seed: "demo", endDate: END });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    expect(digest(again)).toBe(digest(demo));
  });

  it("gives different data for another seed or another end date", () => {
    const other = generateDemoPatient({ seed: "demo-2", endDate: END });
    expect(digest(other)).not.toBe(digest(demo));
    const sameTimes = other.glucose.slice(0, 500).filter((r, i) => r.mgdl === demo.glucose[i]?.mgdl).length;
    expect(sameTimes).toBeLessThan(100);
    expect(generateDemoPatient({ seed: "demo", endDate: "2026-03-16" }).startDate).toBe("2025-12-17");
  });
});

describe("generateDemoPatient: CGM readings", () => {
  it("has 288 readings per day on a 5-minute grid minus exactly the slots inside warm-ups and gaps", () => {
    // A window without DST: 90 × 288 = 25,920 slots.
    const d = generateDemoPatient({ seed: "counts", endDate: "2026-02-28" });
    const startMs = createWallClock(d.timezone).dayBounds(d.startDate).startMs;
    const phase = (d.glucose[0].time.getTime() - startMs) % FIVE_MIN;
    const missing = countSlotsInGaps(d, startMs + phase);
    expect(90 * 288).toBe(25_920);
    expect(d.glucose.length).toBe(25_920 - missing);
    expect(missing).toBeGreaterThan(9 * 24); // nine 2-hour warm-ups alone remove 216 slots
    let offGrid = 0;
    let unordered = 0;
    for (let i = 1; i < d.glucose.length; i++) {
      if ((d.glucose[i].time.getTime() - d.glucose[0].time.getTime()) % FIVE_MIN !== 0) offGrid++;
      if (d.glucose[i].time.getTime() <= d.glucose[i - 1].time.getTime()) unordered++;
    }
    expect({ offGrid, unordered }).toEqual({ offGrid: 0, unordered: 0 });
  });

  it("covers a DST window: slots = Σ day lengths / 5 min, and no reading falls inside a gap", () => {
    const hours = demo.dailyTruth.reduce((s, t) => s + t.dayLengthHours, 0);
    expect(hours).toBe(90 * 24 - 1);
    const startMs = createWallClock(demo.timezone).dayBounds(demo.startDate).startMs;
    const phase = (demo.glucose[0].time.getTime() - startMs) % FIVE_MIN;
    expect(demo.glucose.length).toBe((hours * 12) - countSlotsInGaps(demo, startMs + phase));
    for (const g of demo.sensorGaps) {
      const inside = demo.glucose.filter((r) => r.time >= g.start && r.time < g.end);
      expect(inside).toHaveLength(0);
    }
  });

  it("changes the sensor every 10 days with a 2-hour warm-up, and loses signal a few times for 1.5–4 h", () => {
    const warmups = demo.sensorGaps.filter((g) => g.reason === "sensor_warmup");
    const losses = demo.sensorGaps.filter((g) => g.reason === "signal_loss");
    expect(warmups.length).toBe(9);
    for (const w of warmups) expect(w.end.getTime() - w.start.getTime()).toBe(2 * HOUR_MS);
    const warmupDates = warmups.map((w) => DateTime.fromJSDate(w.start, { zone: demo.timezone }).toISODate()!);
    for (let i = 1; i < warmupDates.length; i++) {
      expect(DateTime.fromISO(warmupDates[i]).diff(DateTime.fromISO(warmupDates[i - 1]), "days").days).toBe(10);
    }
    expect(losses.length).toBe(4);
    for (const l of losses) {
      const minutes = (l.end.getTime() - l.start.getTime()) / MINUTE_MS;
      expect(minutes).toBeGreaterThanOrEqual(90);
      expect(minutes).toBeLessThanOrEqual(240);
    }
  });

  it("reports integer mg/dL clamped to 40–400 around a 115–125 baseline", () => {
    const invalid = demo.glucose.filter((r) => !Number.isInteger(r.mgdl) || r.mgdl < 40 || r.mgdl > 400);
    expect(invalid).toEqual([]);
    // Clamping keeps the CGM's limits: a big spike would read 400, never more.
    expect(Math.max(...demo.glucose.map((r) => r.mgdl))).toBeLessThanOrEqual(400);
    const baselines = demo.dailyTruth.map((t) => t.baselineMgdl);
    const meanBaseline = baselines.reduce((a, b) => a + b, 0) / baselines.length;
    expect(meanBaseline).toBeGreaterThan(117);
    expect(meanBaseline).toBeLessThan(123);
    expect(baselines.filter((b) => b >= 115 && b <= 125).length / baselines.length).toBeGreaterThan(0.85);
  });

  it.each(["demo", "alpha", "bravo", "charlie", "delta"])("visits all five consensus bands (seed %s)", (seed) => {
    const d = seed === "demo" ? demo : generateDemoPatient({ seed, endDate: END });
    const bands = [0, 0, 0, 0, 0];
    for (const { mgdl: v } of d.glucose) bands[v < 54 ? 0 : v < 70 ? 1 : v <= 180 ? 2 : v <= 250 ? 3 : 4]++;
    const pct = bands.map((b) => (100 * b) / d.glucose.length);
    expect(bands.every((b) => b > 0)).toBe(true);
    // A type 2 profile: mostly in range, a fifth or less above, lows rare.
    expect(pct[2]).toBeGreaterThan(75);
    expect(pct[2]).toBeLessThan(90);
    expect(pct[3] + pct[4]).toBeGreaterThan(10);
    expect(pct[0] + pct[1]).toBeLessThan(1);
    expect(pct[4]).toBeLessThan(5);
  });

  it("rises with the dawn phenomenon between 03:00 and 06:00", () => {
    const clock = createWallClock(demo.timezone);
    const byTime = new Map(demo.glucose.map((r) => [r.time.getTime(), r.mgdl]));
    const phase = (demo.glucose[0].time.getTime() - clock.dayBounds(demo.startDate).startMs) % FIVE_MIN;
    const rises: number[] = [];
    for (const t of demo.dailyTruth) {
      const at3 = byTime.get(clock.instant(t.date, 180) + phase);
      const at6 = byTime.get(clock.instant(t.date, 360) + phase);
      if (at3 !== undefined && at6 !== undefined) rises.push(at6 - at3);
    }
    rises.sort((a, b) => a - b);
    const median = rises[Math.floor(rises.length / 2)];
    expect(rises.length).toBeGreaterThan(80);
    expect(median).toBeGreaterThan(6);
    expect(median).toBeLessThan(20);
  });

  it("peaks 40–70 minutes after an isolated meal and is mostly back 3 hours later", () => {
    const byTime = new Map(demo.glucose.map((r) => [r.time.getTime(), r.mgdl]));
    const firstMs = demo.glucose[0].time.getTime();
    const snap = (ms: number) => firstMs + Math.round((ms - firstMs) / FIVE_MIN) * FIVE_MIN;
    const events = [...demo.meals.map((m) => m.time.getTime()), ...demo.activities.map((a) => a.start.getTime())];
    const isolated = demo.meals.filter((m) => {
      const t = m.time.getTime();
      return m.carbsG >= 40 && events.every((e) => e === t || Math.abs(e - t) > 3.5 * HOUR_MS);
    });
    expect(isolated.length).toBeGreaterThan(30);
    const rise = Array.from({ length: 37 }, () => ({ sum: 0, n: 0 }));
    for (const m of isolated) {
      const t0 = snap(m.time.getTime());
      const base = byTime.get(t0);
      if (base === undefined) continue;
      for (let k = 0; k <= 36; k++) {
        const v = byTime.get(t0 + k * FIVE_MIN);
        if (v === undefined) continue;
        rise[k].sum += v - base;
        rise[k].n++;
      }
    }
    const curve = rise.map((r) => r.sum / r.n);
    const peakIndex = curve.indexOf(Math.max(...curve));
    expect(peakIndex * 5).toBeGreaterThanOrEqual(40);
    expect(peakIndex * 5).toBeLessThanOrEqual(70);
    expect(curve[peakIndex]).toBeGreaterThan(50);
    expect(curve[36]).toBeLessThan(0.3 * curve[peakIndex]);
  });

  it("falls during runs and rides", () => {
    const byTime = new Map(demo.glucose.map((r) => [r.time.getTime(), r.mgdl]));
    const firstMs = demo.glucose[0].time.getTime();
    const snap = (ms: number) => firstMs + Math.round((ms - firstMs) / FIVE_MIN) * FIVE_MIN;
    const changes = demo.activities
      .filter((a) => a.type === "running" || a.type === "cycling")
      .map((a) => [byTime.get(snap(a.start.getTime())), byTime.get(snap(a.end.getTime()))])
      .filter((p): p is [number, number] => p[0] !== undefined && p[1] !== undefined)
      .map(([a, b]) => b - a);
    expect(changes.length).toBeGreaterThan(5);
    expect(changes.reduce((a, b) => a + b, 0) / changes.length).toBeLessThan(-10);
  });
});

describe("generateDemoPatient: DST days", () => {
  it.each([
    ["2025-11-05", "2025-11-02", 25],
    ["2026-03-12", "2026-03-08", 23],
  ])("ending %s, %s has %i hours of slots and every other day 24", (endDate, dstDate, hours) => {
    const d = generateDemoPatient({ seed: "dst", endDate, days: 10 });
    expect(d.dailyTruth.find((t) => t.date === dstDate)!.dayLengthHours).toBe(hours);
    const clock = createWallClock(d.timezone);
    const phase = (d.glucose[0].time.getTime() - clock.dayBounds(d.startDate).startMs) % FIVE_MIN;
    const readings = readingsByLocalDate(d);
    const slotsPerDay = d.dailyTruth.map((t) => {
      const { startMs, endMs } = clock.dayBounds(t.date);
      // Slots of the day hidden by a gap, with the gap clipped to the day.
      let hidden = 0;
      for (const g of d.sensorGaps) {
        const from = Math.max(g.start.getTime(), startMs);
        const to = Math.min(g.end.getTime(), endMs);
        if (to > from) hidden += Math.ceil((to - startMs - phase) / FIVE_MIN) - Math.ceil((from - startMs - phase) / FIVE_MIN);
      }
      return readings.get(t.date)! + hidden;
    });
    expect(slotsPerDay).toEqual(d.dailyTruth.map((t) => (t.date === dstDate ? hours * 12 : 288)));
  });
});

describe("generateDemoPatient: sleep, activities and meals", () => {
  it("has one sleep session a night, attributed to its wake-up date, ~22 % under 6 h and most 6.5–8 h", () => {
    expect(demo.sleep).toHaveLength(90);
    demo.sleep.forEach((s, i) => {
      expect(s.date).toBe(demo.dailyTruth[i].date);
      expect(DateTime.fromJSDate(s.end, { zone: demo.timezone }).toISODate()).toBe(s.date);
      expect(s.deepMinutes + s.remMinutes + s.coreMinutes).toBe(s.asleepMinutes);
      expect((s.end.getTime() - s.start.getTime()) / MINUTE_MS).toBe(s.asleepMinutes + s.awakeMinutes);
      expect(s.deepMinutes).toBeGreaterThan(0);
      expect(s.remMinutes).toBeGreaterThan(0);
      const bedHour = localHour(s.start, demo.timezone);
      expect(bedHour >= 22 || bedHour <= 1).toBe(true);
      expect(demo.dailyTruth[i].shortSleep).toBe(s.asleepMinutes < 360);
    });
    const hours = demo.sleep.map((s) => s.asleepMinutes / 60);
    const short = hours.filter((h) => h < 6).length / hours.length;
    expect(short).toBeGreaterThanOrEqual(0.2);
    expect(short).toBeLessThanOrEqual(0.25);
    expect(hours.filter((h) => h >= 6.5 && h <= 8).length / hours.length).toBeGreaterThan(0.6);
    expect(Math.min(...hours)).toBeGreaterThan(4);
    expect(Math.max(...hours)).toBeLessThan(9);
  });

  it("has walks, runs, rides and strength, and an evening walk of 30–45 min after dinner exactly on eveningWalk days", () => {
    const types = new Set(demo.activities.map((a) => a.type));
    expect([...types].sort()).toEqual(["cycling", "running", "strength", "walking"]);
    const evening = demo.activities.filter((a) => a.type === "walking" && localHour(a.start, demo.timezone) >= 18);
    const walkDates = evening.map((a) => DateTime.fromJSDate(a.start, { zone: demo.timezone }).toISODate());
    expect(walkDates).toEqual(demo.dailyTruth.filter((t) => t.eveningWalk).map((t) => t.date));
    expect(evening.length).toBe(36); // 40 % of 90 days
    for (const w of evening) {
      expect(w.durationMinutes).toBeGreaterThanOrEqual(30);
      expect(w.durationMinutes).toBeLessThanOrEqual(45);
      const date = DateTime.fromJSDate(w.start, { zone: demo.timezone }).toISODate();
      const dinner = demo.meals.find((m) => m.type === "dinner" && DateTime.fromJSDate(m.time, { zone: demo.timezone }).toISODate() === date)!;
      expect(w.start.getTime()).toBeGreaterThan(dinner.time.getTime());
    }
    for (const a of demo.activities) {
      expect(a.end.getTime() - a.start.getTime()).toBe(a.durationMinutes * MINUTE_MS);
      expect(a.kcal).toBeGreaterThan(0);
      expect(a.avgHeartRate).toBeGreaterThan(80);
      if (a.type === "strength") expect(a.distanceKm).toBeNull();
    }
  });

  it("has breakfast, lunch and dinner every day, snacks some days, and day carbs equal to the truth", () => {
    const clock = createWallClock(demo.timezone);
    for (const t of demo.dailyTruth) {
      const { startMs, endMs } = clock.dayBounds(t.date);
      const meals = demo.meals.filter((m) => m.time.getTime() >= startMs && m.time.getTime() < endMs);
      expect(meals.filter((m) => m.type === "breakfast")).toHaveLength(1);
      expect(meals.filter((m) => m.type === "lunch")).toHaveLength(1);
      expect(meals.filter((m) => m.type === "dinner")).toHaveLength(1);
      expect(meals.filter((m) => m.type === "snack").length).toBeLessThanOrEqual(2);
      expect(meals.reduce((s, m) => s + m.carbsG, 0)).toBe(t.carbsG);
      expect(t.highCarb).toBe(t.carbsG > 250);
      const dinner = meals.find((m) => m.type === "dinner")!;
      expect(localHour(dinner.time, demo.timezone) >= 20.5).toBe(t.lateDinner);
    }
    expect(demo.dailyTruth.filter((t) => t.highCarb)).toHaveLength(14); // 15 % of 90, rounded
    expect(demo.dailyTruth.filter((t) => t.lateDinner)).toHaveLength(14);
    expect(demo.meals.some((m) => m.type === "snack")).toBe(true);
    for (const m of demo.meals) {
      expect(m.kcal).toBe(Math.round(4 * m.carbsG + 4 * m.proteinG + 9 * m.fatG));
      expect(m.description.length).toBeGreaterThan(3);
    }
  });
});

describe("generateDemoPatient: options", () => {
  it("honours days, timezone and baseline", () => {
    const d = generateDemoPatient({ seed: "opts", endDate: END, days: 14, timezone: "Europe/London", baselineMgdl: 140 });
    expect(d.dailyTruth).toHaveLength(14);
    expect(d.startDate).toBe("2026-03-02");
    expect(d.timezone).toBe("Europe/London");
    const mean = d.dailyTruth.reduce((s, t) => s + t.baselineMgdl, 0) / 14;
    expect(mean).toBeGreaterThan(136);
    expect(mean).toBeLessThan(144);
    expect(generateDemoPatient({ seed: "one", endDate: END, days: 1 }).sleep).toHaveLength(1);
  });

  it("rejects impossible options with a bad_request AppError", () => {
    expect(() => generateDemoPatient({ seed: 1, endDate: END, days: 0 })).toThrow(AppError);
    expect(() => generateDemoPatient({ seed: 1, endDate: END, days: 2.5 })).toThrow(/whole number/);
    expect(() => generateDemoPatient({ seed: 1, endDate: "2026-13-01" })).toThrow(/calendar date/);
    expect(() => generateDemoPatient({ seed: 1, endDate: END, timezone: "Nowhere/City" })).toThrow(/time zone/);
    expect(() => generateDemoPatient({ seed: 1, endDate: END, baselineMgdl: 20 })).toThrow(/baseline/);
  });
});
