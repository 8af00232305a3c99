import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseExportBytes, parseExportFile } from "./parse-export";
import { fixturePath, readFixture } from "./testing/fixtures";
import { writeZip } from "./testing/zip-writer";

const NOW = new Date("2026-06-01T00:00:00Z");
const dir = mkdtempSync(path.join(tmpdir(), "proxima-ingest-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * One line per fixture: what the whole pipeline (detect + parse) must yield from it.
 * glucose, meals, activities, sleep segments, notes, rejected.
 */
const EXPECTED: [string, string, { glucose: number; meals: number; activities: number; sleep: number; notes: number; rejected: number }][] = [
  ["dexcom-clarity/g6-android-mgdl.csv", "dexcom-clarity", { glucose: 3913, meals: 4, activities: 3, sleep: 0, notes: 0, rejected: 0 }],
  ["dexcom-clarity/g6-receiver-mmol.csv", "dexcom-clarity", { glucose: 299, meals: 0, activities: 0, sleep: 0, notes: 0, rejected: 0 }],
  ["cgmanalysis/dexcom-deidentified.txt", "dexcom-clarity", { glucose: 1411, meals: 0, activities: 1, sleep: 0, notes: 0, rejected: 0 }],
  ["cgmanalysis/libre-deidentified.csv", "libre-patient-report", { glucose: 1337, meals: 0, activities: 0, sleep: 0, notes: 0, rejected: 0 }],
  ["libreview/us-mgdl-small.csv", "libreview", { glucose: 10, meals: 0, activities: 0, sleep: 0, notes: 4, rejected: 0 }],
  ["libreview/eu-mmol-dayfirst.csv", "libreview", { glucose: 10334, meals: 16, activities: 0, sleep: 0, notes: 749, rejected: 0 }],
  ["nightscout/entries-200.json", "nightscout", { glucose: 200, meals: 0, activities: 0, sleep: 0, notes: 0, rejected: 0 }],
  ["nightscout/example.json", "nightscout", { glucose: 18, meals: 0, activities: 0, sleep: 0, notes: 0, rejected: 12 }],
  ["nightscout/oref0-glucose.json", "nightscout", { glucose: 6, meals: 0, activities: 0, sleep: 0, notes: 0, rejected: 0 }],
  ["apple-health/glucose-sleep-workouts.xml", "apple-health-xml", { glucose: 2, meals: 0, activities: 2, sleep: 2, notes: 0, rejected: 0 }],
  ["apple-health/sleep-stages-dst.xml", "apple-health-xml", { glucose: 0, meals: 0, activities: 1, sleep: 4, notes: 0, rejected: 0 }],
  ["apple-health/workout-inline-route.xml", "apple-health-xml", { glucose: 0, meals: 0, activities: 1, sleep: 0, notes: 0, rejected: 0 }],
];

const countsOf = (r: Awaited<ReturnType<typeof parseExportFile>>) => ({
  glucose: r.glucose.length,
  meals: r.meals.length,
  activities: r.activities.length,
  sleep: r.sleep.length,
  notes: r.notes.length,
  rejected: r.rejected.length,
});

describe("parseExportFile — every fixture end to end", () => {
  it.each(EXPECTED)("%s → %s", async (file, detected, counts) => {
    const result = await parseExportFile(fixturePath(file), { timezone: "UTC", now: NOW });
    expect(result.detected).toBe(detected);
    expect(countsOf(result)).toEqual(counts);
    expect(result.stats.rejectedCount).toBe(counts.rejected);
  });

  it("reads an Apple export.zip from disk", async () => {
    const zip = path.join(dir, "export.zip");
    writeFileSync(zip, writeZip([{ name: "apple_health_export/export.xml", data: readFixture("apple-health/sleep-stages-dst.xml") }]));
    const result = await parseExportFile(zip, { now: NOW });
    expect(result.detected).toBe("apple-health-zip");
    expect(result.sleep).toHaveLength(4);
    expect(result.dailySteps.map((d) => d.steps)).toEqual([6000, 8500]);
  });

  it("needs a time zone for local-time formats and refuses non-exports", async () => {
    await expect(parseExportFile(fixturePath("libreview/us-mgdl-small.csv"), { now: NOW })).rejects.toThrow(/time zone of the device is needed/);
    await expect(parseExportFile(fixturePath("libreview/us-notes.csv"), { timezone: "UTC" })).rejects.toBeInstanceOf(AppError);
    await expect(parseExportFile(path.join(dir, "missing.csv"), { timezone: "UTC" })).rejects.toThrow(/could not be opened/);
  });

  it("parses bytes already in memory the same way", async () => {
    const bytes = readFixture("nightscout/example.json");
    const fromBytes = await parseExportBytes("example.json", bytes, { now: NOW });
    const fromFile = await parseExportFile(fixturePath("nightscout/example.json"), { now: NOW });
    const { detected, ...rest } = fromFile;
    expect(detected).toBe("nightscout");
    expect(fromBytes).toEqual(rest);
  });
});
