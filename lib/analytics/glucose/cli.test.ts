import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run as runAgp } from "../cli/agp";
import { run as runGlucose } from "../cli/glucose";
import { parseCgmCsv, parseTimestamp } from "./csv-input";
import { IGLU_FIVE_SUBJECT_CSV, IGLU_SIMPLE_TEST_CSV } from "./fixtures/shared-data";

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempCsv(content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "glucose-cli-"));
  tempDirs.push(dir);
  const file = path.join(dir, "data.csv");
  writeFileSync(file, content);
  return file;
}

describe("CSV input (iglu layout: optional unnamed index, id, time, gl)", () => {
  it("parses naive times as wall-clock in the given zone, or UTC by default", () => {
    expect(parseTimestamp("2015-06-06 16:50:27")).toBe(Date.UTC(2015, 5, 6, 16, 50, 27));
    expect(parseTimestamp("2015-06-06T16:50")).toBe(Date.UTC(2015, 5, 6, 16, 50));
    expect(parseTimestamp("2015-06-06 16:50:27", "Asia/Jerusalem")).toBe(Date.UTC(2015, 5, 6, 13, 50, 27));
    expect(parseTimestamp("2015-06-06T16:50:27+02:00")).toBe(Date.UTC(2015, 5, 6, 14, 50, 27));
    expect(Number.isNaN(parseTimestamp("yesterday"))).toBe(true);
  });

  it("groups rows by subject, skips unreadable rows and reports them", () => {
    const parsed = parseCgmCsv(
      ['"","id","time","gl"', '"1","A",2020-01-01 00:05:00,100', '"2","A",2020-01-01 00:10:00,NA', '"3","B",2020-01-01 00:05:00,150', '"4","A",not a date,120'].join(
        "\n",
      ),
    );
    expect([...parsed.subjects.keys()]).toEqual(["A", "B"]);
    expect(Array.from(parsed.subjects.get("A")!.values)).toEqual([100]);
    expect(parsed.rejectedRows).toEqual([2, 4]);
  });

  it("refuses a CSV without the gl column", () => {
    expect(() => parseCgmCsv("id,time,glucose\nA,2020-01-01 00:00:00,100\n")).toThrow(
      'The CSV needs the columns id, time and gl; "gl" is missing.',
    );
  });
});

describe("CLI modules (called as the lead's dispatcher will)", () => {
  it("glucose: per-subject metrics for the 5-subject iglu file, JSON-able", async () => {
    const out = await runGlucose([IGLU_FIVE_SUBJECT_CSV]);
    expect(out.timezone).toBe("UTC");
    expect(out.rejectedRows).toEqual([]);
    expect(out.subjects.map((s) => s.id)).toEqual(["Subject 1", "Subject 2", "Subject 3", "Subject 4", "Subject 5"]);
    const first = out.subjects[0];
    if (!("result" in first)) throw new Error(first.error);
    expect(first.result.readings).toBe(2915);
    expect(first.result.mage).toBeCloseTo(72.4243, 4);
    const json = JSON.stringify(out);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(json).subjects[4].result.modd).toBeCloseTo(59.3864, 4);
  });

  it("glucose: a subject with one reading gets an error sentence, the others their metrics", async () => {
    const file = tempCsv("id,time,gl\nA,2020-01-01 00:00:00,100\nB,2020-01-01 00:00:00,100\nB,2020-01-01 00:05:00,120\n");
    const out = await runGlucose([file, "--timezone", "Europe/Paris"]);
    expect(out.timezone).toBe("Europe/Paris");
    expect(out.subjects[0]).toEqual({ id: "A", error: "The series has 1 reading: at least 2 are needed." });
    const b = out.subjects[1];
    expect("result" in b && b.result.mean).toBe(110);
  });

  it("glucose: the simple test file gives mean 115 and MAG 120", async () => {
    const out = await runGlucose([IGLU_SIMPLE_TEST_CSV]);
    const s = out.subjects[0];
    if (!("result" in s)) throw new Error(s.error);
    expect(s.result.mean).toBe(115);
    expect(s.result.mag).toBe(120);
  });

  it("agp: 288 smoothed bins per subject over the last 14 days", async () => {
    const out = await runAgp([IGLU_FIVE_SUBJECT_CSV, "--days=7"]);
    expect(out.days).toBe(7);
    const s3 = out.subjects[2];
    if (!("result" in s3)) throw new Error(s3.error);
    expect(s3.result.smoothed.p50).toHaveLength(288);
    expect(s3.result.daysWithData).toBe(7);
    expect(s3.result.counts.reduce((a, b) => a + b, 0)).toBe(s3.result.readings);
    expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
  });

  it("usage and file errors are AppErrors with a sentence", async () => {
    await expect(runGlucose([])).rejects.toThrow(/^Give exactly one CSV file\. Usage: glucose FILE\.csv/);
    await expect(runAgp(["/nonexistent/file.csv"])).rejects.toThrow("Cannot read the file /nonexistent/file.csv.");
    await expect(runAgp([IGLU_SIMPLE_TEST_CSV, "--days", "zero"])).rejects.toThrow("--days must be a whole number of at least 1.");
  });
});
