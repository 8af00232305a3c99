import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseLibreView } from "./libreview";
import { countBy, readFixture } from "./testing/fixtures";
import { MGDL_PER_MMOLL } from "./units";

const NOW = new Date("2026-01-01T00:00:00Z");
const US_HEADER =
  "Device,Serial Number,Device Timestamp,Record Type,Historic Glucose mg/dL,Scan Glucose mg/dL,Non-numeric Rapid-Acting Insulin,Rapid-Acting Insulin (units),Non-numeric Food,Carbohydrates (grams),Carbohydrates (servings),Non-numeric Long-Acting Insulin,Long-Acting Insulin (units),Notes,Strip Glucose mg/dL,Ketone mmol/L,Meal Insulin (units),Correction Insulin (units),User Change Insulin (units)";
const libreRow = (time: string, type: number, cells: Partial<Record<"historic" | "scan" | "carbs" | "notes" | "strip", string>> = {}) =>
  ["FreeStyle LibreLink", "ABC", time, type, cells.historic ?? "", cells.scan ?? "", "", "", "", cells.carbs ?? "", "", "", "", cells.notes ?? "", cells.strip ?? "", "", "", "", ""].join(",");

describe("parseLibreView — us-mgdl-small.csv (US, month-first, title row)", () => {
  const result = parseLibreView(readFixture("libreview/us-mgdl-small.csv"), { timezone: "America/Los_Angeles", now: NOW });

  it("skips the title row and reads 6 historic, 4 scan and 4 note rows", () => {
    expect(countBy(result.glucose, (g) => g.kind)).toEqual({ cgm: 6, scan: 4 });
    expect(result.notes).toHaveLength(4);
    expect(result.notes.map((n) => n.text)).toEqual(["typical note", null, "zoodles ground beef cupcake", null]);
    expect(result.meals).toHaveLength(0);
    expect(result.rejected).toHaveLength(0);
    expect(result.stats).toMatchObject({ format: "libreview", rowsRead: 14, unit: "mg/dL", dateOrder: "month-first" });
  });

  it("reads M/D/YY wall-clock times in the given zone (PDT = UTC−7)", () => {
    expect(result.notes[0].time).toEqual(new Date("2021-05-30T22:57:00Z"));
    expect(result.glucose[0]).toEqual({
      time: new Date("2021-05-30T23:58:00Z"),
      mgdl: 50,
      source: "libreview",
      device: "FreeStyle LibreLink",
      kind: "scan",
      flag: null,
    });
    expect(result.glucose.at(-1)).toMatchObject({ time: new Date("2021-06-08T00:20:00Z"), mgdl: 67, kind: "cgm" });
  });
});

describe("parseLibreView — eu-mmol-dayfirst.csv (EU, DD-MM-YYYY, mmol/L, CRLF, a year)", () => {
  const file = readFixture("libreview/eu-mmol-dayfirst.csv");
  const result = parseLibreView(file, { timezone: "Europe/Paris", now: NOW });

  it("detects day-first dates and mmol/L from the data and header", () => {
    expect(result.stats).toMatchObject({ format: "libreview", unit: "mmol/L", dateOrder: "day-first", rowsRead: 11099, rejectedCount: 0 });
  });

  it("reads 8,372 historic and 1,962 scan readings, 749 notes and 16 food rows", () => {
    expect(countBy(result.glucose, (g) => g.kind)).toEqual({ cgm: 8372, scan: 1962 });
    expect(result.notes).toHaveLength(749);
    expect(result.notes.filter((n) => n.text !== null)).toHaveLength(166);
    expect(result.meals).toHaveLength(16);
    expect(result.meals.filter((m) => m.carbsG !== null).map((m) => m.carbsG)).toEqual([2, 6]);
    expect(result.rejected).toHaveLength(0);
  });

  it("converts every value with 18.0156 and keeps the instants right across the March DST gap", () => {
    expect(result.stats.firstTime).toEqual(new Date("2019-12-05T14:24:00Z")); // a note at 15:24 CET
    expect(result.glucose[0]).toEqual({
      time: new Date("2019-12-05T15:25:00Z"), // 16:25 CET
      mgdl: 6.3 * MGDL_PER_MMOLL,
      source: "libreview",
      device: "FreeStyle LibreLink",
      kind: "cgm",
      flag: null,
    });
    expect(result.glucose[0].mgdl).toBeCloseTo(113.49828, 10);
    const totalMmol = result.glucose.reduce((s, g) => s + g.mgdl, 0) / MGDL_PER_MMOLL;
    expect(totalMmol).toBeCloseTo(55452.5, 6);
    // 29-03-2020: 01:54 CET is followed by 03:09 CEST, 15 minutes later (02:00–02:59 never existed).
    const before = result.glucose.find((g) => g.time.getTime() === Date.parse("2020-03-29T00:54:00Z"));
    const after = result.glucose.find((g) => g.time.getTime() === Date.parse("2020-03-29T01:09:00Z"));
    expect(before?.mgdl).toBeCloseTo(4.8 * MGDL_PER_MMOLL, 10);
    expect(after?.mgdl).toBeCloseTo(4.7 * MGDL_PER_MMOLL, 10);
    expect(result.glucose.at(-1)).toMatchObject({ time: new Date("2020-11-28T22:34:00Z"), kind: "scan" });
  });

  it("is deterministic", () => {
    expect(parseLibreView(file, { timezone: "Europe/Paris", now: NOW })).toEqual(result);
  });
});

describe("parseLibreView — cgmanalysis/libre-deidentified.csv (old 'Patient report')", () => {
  const result = parseLibreView(readFixture("cgmanalysis/libre-deidentified.csv"), { timezone: "America/Denver", now: NOW });

  it("finds the Meter Timestamp header below two title rows and reads the historic column", () => {
    expect(result.stats).toMatchObject({ format: "libre-patient-report", unit: "mg/dL", dateOrder: "month-first", rowsRead: 1337 });
    expect(result.glucose).toHaveLength(1337);
    expect(countBy(result.glucose, (g) => g.kind)).toEqual({ cgm: 1337 });
    expect(result.glucose[0]).toEqual({
      time: new Date("2018-08-01T18:00:00Z"),
      mgdl: 117,
      source: "libre-patient-report",
      device: null,
      kind: "cgm",
      flag: null,
    });
    expect(result.glucose.at(-1)).toMatchObject({ time: new Date("2018-08-15T15:59:00Z"), mgdl: 99 });
    expect(result.rejected).toHaveLength(0);
  });
});

describe("parseLibreView — rules on synthetic rows", () => {
  it("maps HI/LO to 501/39 with flags, strip values to manual, and rejects what it cannot read", () => {
    const csv = [
      "Glucose Data,Generated on,01-02-2024 10:00 UTC,Generated by,Someone",
      US_HEADER,
      libreRow("01-13-2024 08:00", 1, { scan: "HI" }),
      libreRow("01-13-2024 08:05", 1, { scan: "LO" }),
      libreRow("01-13-2024 08:10", 2, { strip: "104" }),
      libreRow("01-13-2024 08:15", 0, {}),
      libreRow("01-13-2024 25:00", 0, { historic: "100" }),
      libreRow("01-13-2024 08:20", 4),
      libreRow("01-13-2024 08:25", 3),
      libreRow("01-13-2024 08:30", 5, { carbs: "40" }),
    ].join("\n");
    const r = parseLibreView(csv, { timezone: "UTC", now: NOW });
    expect(r.glucose.map((g) => [g.mgdl, g.flag, g.kind])).toEqual([
      [501, "high", "scan"],
      [39, "low", "scan"],
      [104, null, "manual"],
    ]);
    expect(r.rejected).toEqual([
      { line: 6, reason: "The row has no glucose value." },
      { line: 7, reason: 'The time "01-13-2024 25:00" could not be read.' },
    ]);
    expect(r.stats.skipped).toEqual({ insulin: 1, ketone: 1 });
    expect(r.meals).toEqual([{ time: new Date("2024-01-13T08:30:00Z"), carbsG: 40, kcal: null, description: null, source: "libreview", device: "FreeStyle LibreLink" }]);
  });

  it("decides an all-ambiguous file from the compactness of its timeline", () => {
    // Three days read day-first (1–3 Feb) or month-first (Jan 2, Feb 2, Mar 2): day-first is compact.
    const csv = [US_HEADER, libreRow("01-02-2024 08:00", 0, { historic: "100" }), libreRow("02-02-2024 08:00", 0, { historic: "101" }), libreRow("03-02-2024 08:00", 0, { historic: "102" })].join("\n");
    const r = parseLibreView(csv, { timezone: "UTC", now: NOW });
    expect(r.stats.dateOrder).toBe("day-first");
    expect(r.glucose.map((g) => g.time.toISOString().slice(0, 10))).toEqual(["2024-02-01", "2024-02-02", "2024-02-03"]);
  });

  it("uses the title's Generated-on date when the rows cannot tell, and asks when nothing can", () => {
    const rows = [libreRow("03-04-2024 08:00", 0, { historic: "100" }), libreRow("03-04-2024 08:15", 0, { historic: "101" })];
    const withTitle = ["Glucose Data,Generated on,04-25-2024 10:00 AM UTC,Generated by,Someone", US_HEADER, ...rows].join("\n");
    expect(parseLibreView(withTitle, { timezone: "UTC", now: NOW }).glucose[0].time).toEqual(new Date("2024-03-04T08:00:00Z"));
    const withoutTitle = [US_HEADER, ...rows].join("\n");
    expect(() => parseLibreView(withoutTitle, { timezone: "UTC", now: NOW })).toThrow(/day-first or month-first/);
    expect(parseLibreView(withoutTitle, { timezone: "UTC", now: NOW, dateOrder: "day-first" }).glucose[0].time).toEqual(new Date("2024-04-03T08:00:00Z"));
  });

  it("reads 12-hour times", () => {
    const csv = [US_HEADER, libreRow("06-29-2021 03:30 PM", 0, { historic: "90" }), libreRow("06-30-2021 12:05 AM", 0, { historic: "91" })].join("\n");
    expect(parseLibreView(csv, { timezone: "UTC", now: NOW }).glucose.map((g) => g.time.toISOString())).toEqual([
      "2021-06-29T15:30:00.000Z",
      "2021-06-30T00:05:00.000Z",
    ]);
  });

  it("refuses a CSV without a LibreView header", () => {
    const notes = readFixture("libreview/us-notes.csv");
    expect(() => parseLibreView(notes, { timezone: "UTC" })).toThrow(AppError);
    expect(() => parseLibreView(notes, { timezone: "UTC" })).toThrow(/not a LibreView or Libre export/);
  });
});
