import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseDexcomClarity } from "./dexcom-clarity";
import { countBy, readFixture } from "./testing/fixtures";
import { MGDL_PER_MMOLL } from "./units";

const NOW = new Date("2026-01-01T00:00:00Z");
const HEADER =
  "Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,Device Info,Source Device ID,Glucose Value (mg/dL),Insulin Value (u),Carb Value (grams),Duration (hh:mm:ss),Glucose Rate of Change (mg/dL/min),Transmitter Time (Long Integer),Transmitter ID";

describe("parseDexcomClarity — g6-android-mgdl.csv (G6 app, mg/dL, BOM, CRLF)", () => {
  const file = readFixture("dexcom-clarity/g6-android-mgdl.csv");
  const result = parseDexcomClarity(file, { timezone: "UTC", now: NOW });

  it("reads every EGV row, including the 13 High and 2 Low", () => {
    expect(result.glucose).toHaveLength(3913);
    expect(countBy(result.glucose, (g) => g.flag)).toEqual({ null: 3898, high: 13, low: 2 });
    expect(result.glucose.filter((g) => g.flag === "high").every((g) => g.mgdl === 401)).toBe(true);
    expect(result.glucose.filter((g) => g.flag === "low").every((g) => g.mgdl === 39)).toBe(true);
    expect(countBy(result.glucose, (g) => g.kind)).toEqual({ cgm: 3913 });
    expect(new Set(result.glucose.map((g) => g.device))).toEqual(new Set(["Dexcom G6 Mobile App"]));
  });

  it("keeps first and last readings as local wall-clock read in the given zone", () => {
    expect(result.glucose[0]).toEqual({
      time: new Date("2019-10-14T16:42:37Z"),
      mgdl: 55,
      source: "dexcom-clarity",
      device: "Dexcom G6 Mobile App",
      kind: "cgm",
      flag: null,
    });
    expect(result.glucose.at(-1)?.time).toEqual(new Date("2019-10-28T23:57:11Z"));
    expect(result.glucose.at(-1)?.mgdl).toBe(176);
  });

  it("turns Carbs into meals and Exercise into activities, skipping and counting the rest", () => {
    expect(result.meals.map((m) => m.carbsG)).toEqual([15, 15, 15, 80]);
    expect(result.meals[0].time).toEqual(new Date("2019-10-15T21:50:00Z"));
    expect(result.activities).toHaveLength(3);
    expect(result.activities[0]).toEqual({
      time: new Date("2019-10-15T19:03:00Z"),
      end: new Date("2019-10-15T19:48:00Z"),
      type: "exercise",
      durationMin: 45,
      kcal: null,
      distanceKm: null,
      source: "dexcom-clarity",
      device: "Dexcom G6 Mobile App",
      intensity: "light",
    });
    expect(result.notes).toHaveLength(0);
    expect(result.sleep).toHaveLength(0);
    expect(result.rejected).toEqual([]);
    expect(result.stats.skipped).toEqual({ insulin: 73, calibration: 9, alert: 7, device: 1, "patient-info": 2 });
    expect(result.stats.rowsRead).toBe(4012);
    expect(result.stats.unit).toBe("mg/dL");
  });

  it("resolves the repeated DST hour with the transmitter clock (Europe/Helsinki, 2019-10-27)", () => {
    const helsinki = parseDexcomClarity(file, { timezone: "Europe/Helsinki", now: NOW });
    expect(helsinki.glucose).toHaveLength(3913);
    // 03:00–03:59 happened twice that night; rows 3515 and 3516 both read 03:02:18.
    const at = (iso: string) => helsinki.glucose.find((g) => g.time.getTime() === Date.parse(iso));
    expect(at("2019-10-27T00:02:18Z")?.mgdl).toBe(312); // first pass, EEST (+03:00), transmitter 1081573
    expect(at("2019-10-27T01:02:18Z")?.mgdl).toBe(296); // second pass, EET (+02:00), transmitter 1085173
    expect(new Set(helsinki.glucose.map((g) => g.time.getTime())).size).toBe(3913);
    // Once resolved, the series is strictly increasing and no gap exceeds the file's own gaps.
    const gaps = helsinki.glucose.slice(1).map((g, i) => g.time.getTime() - helsinki.glucose[i].time.getTime());
    expect(Math.min(...gaps)).toBeGreaterThan(0);
    expect(helsinki.stats.localTime).toEqual({ timezone: "Europe/Helsinki", ambiguous: 24, resolvedByTransmitterTime: 24, nonexistent: 0 });
    expect(helsinki.glucose[0].time).toEqual(new Date("2019-10-14T13:42:37Z"));
  });

  it("gives identical records when the same file is parsed twice", () => {
    expect(parseDexcomClarity(file, { timezone: "UTC", now: NOW })).toEqual(result);
  });
});

describe("parseDexcomClarity — g6-receiver-mmol.csv (receiver, mmol/L)", () => {
  const result = parseDexcomClarity(readFixture("dexcom-clarity/g6-receiver-mmol.csv"), { timezone: "UTC", now: NOW });

  it("converts mmol/L with the one factor, unrounded", () => {
    expect(result.glucose).toHaveLength(299);
    expect(result.stats.unit).toBe("mmol/L");
    expect(result.glucose[0].mgdl).toBe(6.7 * MGDL_PER_MMOLL);
    expect(result.glucose[0].mgdl).toBeCloseTo(120.70452, 10);
    const meanMmol = result.glucose.reduce((s, g) => s + g.mgdl, 0) / result.glucose.length / MGDL_PER_MMOLL;
    expect(meanMmol).toBeCloseTo(6.97993, 5);
  });

  it("has the expected first/last instants, device and skips", () => {
    expect(result.glucose[0].time).toEqual(new Date("2019-03-14T16:16:28Z"));
    expect(result.glucose.at(-1)?.time).toEqual(new Date("2019-03-15T17:06:27Z"));
    expect(result.glucose.at(-1)?.mgdl).toBeCloseTo(6.5 * 18.0156, 10);
    expect(result.glucose[0].device).toBe("Dexcom Receiver with G6");
    expect(result.meals).toHaveLength(0);
    expect(result.activities).toHaveLength(0);
    expect(result.rejected).toHaveLength(0);
    expect(result.stats.skipped).toEqual({ "patient-info": 2, device: 1, alert: 7 });
  });
});

describe("parseDexcomClarity — cgmanalysis/dexcom-deidentified.txt (tab-separated G5)", () => {
  const result = parseDexcomClarity(readFixture("cgmanalysis/dexcom-deidentified.txt"), { timezone: "UTC", now: NOW });

  it("reads the tab-separated export", () => {
    expect(result.glucose).toHaveLength(1411);
    expect(result.glucose[0]).toMatchObject({ time: new Date("2018-11-01T00:02:05Z"), mgdl: 115, device: "Dexcom G5 Mobile" });
    expect(result.glucose.at(-1)).toMatchObject({ time: new Date("2018-11-06T01:31:50Z"), mgdl: 89 });
    expect(Math.min(...result.glucose.map((g) => g.mgdl))).toBe(34);
    expect(Math.max(...result.glucose.map((g) => g.mgdl))).toBe(203);
    expect(result.activities).toEqual([
      expect.objectContaining({ type: "exercise", durationMin: 30, intensity: "medium", time: new Date("2018-11-04T20:25:18Z") }),
    ]);
    expect(result.rejected).toHaveLength(0);
    expect(result.stats.skipped).toEqual({ "patient-info": 4, device: 2, alert: 10, calibration: 12 });
  });
});

describe("parseDexcomClarity — edge cases", () => {
  const row = (i: number, ts: string, event: string, value = "", extra: Partial<{ subtype: string; carbs: string; duration: string; tt: string }> = {}) =>
    [i, ts, event, extra.subtype ?? "", "", "", "iPhone G6", value, "", extra.carbs ?? "", extra.duration ?? "", "", extra.tt ?? "", extra.tt ? "8ABCDE" : ""].join(",");

  it("rejects future times, implausible values and unreadable rows with reasons", () => {
    const csv = [
      HEADER,
      row(1, "2025-12-31T23:00:00", "EGV", "100"),
      row(2, "2026-01-01T00:04:00", "EGV", "101"), // within the 5-minute tolerance
      row(3, "2026-01-01T00:06:00", "EGV", "102"),
      row(4, "2025-12-31T23:05:00", "EGV", "700"),
      row(5, "2025-12-31T23:10:00", "EGV", "12"),
      row(6, "not a time", "EGV", "100"),
      row(7, "2025-12-31T23:15:00", "EGV", "n/a"),
      row(8, "2025-12-31T23:20:00", "Health", "", { subtype: "Illness" }),
    ].join("\n");
    const r = parseDexcomClarity(csv, { timezone: "UTC", now: NOW });
    expect(r.glucose.map((g) => g.mgdl)).toEqual([100, 101]);
    expect(r.rejected).toEqual([
      { line: 4, reason: "The time 2026-01-01T00:06:00.000Z is more than 5 minutes in the future." },
      { line: 5, reason: "Glucose 700 mg/dL is outside the 20–600 mg/dL range a sensor or meter can report." },
      { line: 6, reason: "Glucose 12 mg/dL is outside the 20–600 mg/dL range a sensor or meter can report." },
      { line: 7, reason: 'The time "not a time" could not be read.' },
      { line: 8, reason: 'The glucose value "n/a" could not be read.' },
    ]);
    expect(r.stats.rejectedCount).toBe(5);
    expect(r.notes).toEqual([{ time: new Date("2025-12-31T23:20:00Z"), text: "Illness", source: "dexcom-clarity", device: "iPhone G6" }]);
  });

  it("without a transmitter clock, takes the earlier instant of a repeated hour and shifts a skipped one forward", () => {
    const csv = [
      HEADER,
      row(1, "2024-11-03T01:30:00", "EGV", "110"), // America/New_York: 01:30 happens twice
      row(2, "2024-03-10T02:30:00", "EGV", "120"), // 02:30 never happens
    ].join("\r\n");
    const r = parseDexcomClarity(csv, { timezone: "America/New_York", now: NOW });
    expect(r.glucose.map((g) => g.time.toISOString())).toEqual(["2024-03-10T07:30:00.000Z", "2024-11-03T05:30:00.000Z"]);
    expect(r.stats.localTime).toEqual({ timezone: "America/New_York", ambiguous: 1, resolvedByTransmitterTime: 0, nonexistent: 1 });
  });

  it("maps High/Low in an mmol/L export to the same sentinels", () => {
    const csv = [HEADER.replace(/mg\/dL/g, "mmol/L"), row(1, "2024-01-01T08:00:00", "EGV", "High"), row(2, "2024-01-01T08:05:00", "EGV", "Low"), row(3, "2024-01-01T08:10:00", "EGV", "5.5")].join("\n");
    const r = parseDexcomClarity(csv, { timezone: "UTC", now: NOW });
    expect(r.glucose.map((g) => [g.mgdl, g.flag])).toEqual([
      [401, "high"],
      [39, "low"],
      [5.5 * 18.0156, null],
    ]);
  });

  it("refuses a file that is not a Clarity export, and an unknown time zone", () => {
    expect(() => parseDexcomClarity("a,b,c\n1,2,3", { timezone: "UTC" })).toThrow(AppError);
    expect(() => parseDexcomClarity("a,b,c\n1,2,3", { timezone: "UTC" })).toThrow(/not a Dexcom Clarity export/);
    expect(() => parseDexcomClarity(HEADER, { timezone: "Mars/Olympus" })).toThrow(/not a known time zone/);
  });
});
