import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { run, type MotifsCliOutput } from "../cli/motifs";
import { placeOnRegularGrid } from "./regular-grid";
import { parseTime } from "./read-series-csv";
import { mulberry32 } from "@/lib/seeded-random";
import { createNormal } from "./synthetic-series";

const IGLU = "/work/shared/data/cgm/iglu-example-5-subject.csv";

function zDistance(values: ArrayLike<number>, m: number, i: number, j: number): number {
  const z = (s: number) => {
    const w = Array.from({ length: m }, (_, t) => values[s + t]);
    const mu = w.reduce((a, v) => a + v, 0) / m;
    const sd = Math.sqrt(w.reduce((a, v) => a + (v - mu) ** 2, 0) / m);
    return w.map((v) => (v - mu) / sd);
  };
  const a = z(i);
  const b = z(j);
  return Math.sqrt(a.reduce((s, v, t) => s + (v - b[t]) ** 2, 0));
}

function expectJsonSafe(out: unknown): void {
  const text = JSON.stringify(out);
  expect(text).not.toMatch(/NaN|Infinity/);
  expect(JSON.parse(text)).toEqual(out); // nothing was silently turned into null by JSON.stringify
}

describe("motifs CLI on iglu's example data", () => {
  let out: MotifsCliOutput;
  beforeAll(async () => {
    out = await run([IGLU, "--m", "288", "--k", "3", "--workers", "0"]);
  });

  it("analyses the first subject on a 5-minute grid", () => {
    expect(out.id).toBe("Subject 1");
    expect(out.series).toMatchObject({ readings: 2915, intervalMinutes: 5, windowMinutes: 1440, firstTime: "2015-06-06 16:55" });
    // 2015-06-06 16:55 … 2015-06-19 08:55 every 5 minutes
    expect(out.series.length).toBe(3649);
    expect(out.series.interpolatedPoints + out.series.missingPoints).toBeLessThanOrEqual(out.series.length);
    expect(out.summary.windows).toBe(3649 - 288 + 1);
    expect(out.summary.exclusionZone).toBe(72);
    expect(out.notes.some((n) => n.includes("5 subjects"))).toBe(true);
    expectJsonSafe(out);
  });

  it("reports motifs whose distances are the direct z-normalized distances on the grid", async () => {
    const text = await import("node:fs/promises").then((fs) => fs.readFile(IGLU, "utf8"));
    const rows = text
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","))
      .filter((cells) => cells[1] === '"Subject 1"');
    const grid = placeOnRegularGrid(
      rows.map((c) => parseTime(c[2], "UTC")),
      rows.map((c) => Number(c[3])),
    );
    expect(out.motifs.length).toBeGreaterThanOrEqual(1);
    const top = out.motifs[0];
    expect(top.rank).toBe(1);
    expect(top.belowStumpyCutoff).toBe(true);
    expect(top.distance).toBe(out.summary.profileMin);
    expect(top.distance).toBeCloseTo(zDistance(grid.values, 288, top.start, top.neighbour), 5);
    expect(top.matches[0]).toEqual({ start: top.start, time: top.time, distance: 0 });
    for (const match of top.matches.slice(1)) expect(match.distance).toBeCloseTo(zDistance(grid.values, 288, top.start, match.start), 5);
    expect(top.time).toMatch(/^2015-06-\d\d \d\d:\d\d$/);
    for (let r = 1; r < out.motifs.length; r++) expect(out.motifs[r].distance).toBeGreaterThanOrEqual(out.motifs[r - 1].distance);
  });

  it("reports discords from the largest profile value down, with their times", () => {
    expect(out.discords.length).toBe(3);
    expect(out.discords[0].distance).toBe(out.summary.profileMax);
    for (const d of out.discords) {
      expect(d.time).toMatch(/^2015-06-\d\d \d\d:\d\d$/);
      expect(d.neighbourTime).not.toBeNull();
    }
    for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) expect(Math.abs(out.discords[a].start - out.discords[b].start)).toBeGreaterThanOrEqual(288);
  });

  it("gives the same answer on worker threads", async () => {
    const parallel = await run([IGLU, "--m", "288", "--k", "3", "--workers", "2"]);
    expect(parallel).toEqual(out);
  });

  it("takes another subject with --id and rejects an unknown one", async () => {
    const third = await run([IGLU, "--m", "144", "--id", "Subject 3", "--workers", "0"]);
    expect(third.id).toBe("Subject 3");
    expect(third.series.readings).toBe(1533);
    expectJsonSafe(third);
    await expect(run([IGLU, "--m", "144", "--id", "Subject 9", "--workers", "0"])).rejects.toThrow(/Subject 9/);
  });
});

describe("motifs CLI on other files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "motifs-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a plain value column without times and finds a planted motif", async () => {
    const normal = createNormal(mulberry32(5));
    const values = Array.from({ length: 600 }, () => 100 + 5 * normal());
    const shape = Array.from({ length: 30 }, (_, t) => 100 + 40 * Math.sin(t / 4));
    shape.forEach((v, t) => {
      values[100 + t] = v;
      values[450 + t] = v;
    });
    const file = join(dir, "values.csv");
    await writeFile(file, "value\n" + values.map((v) => v.toFixed(6)).join("\n") + "\n");
    const out = await run([file, "--m", "30", "--k", "2", "--workers", "0"]);
    expect(out.id).toBeNull();
    expect(out.series).toEqual({ readings: 600, length: 600, intervalMinutes: null, windowMinutes: null, interpolatedPoints: 0, missingPoints: 0, firstTime: null });
    expect([out.motifs[0].start, out.motifs[0].neighbour].sort((a, b) => a - b)).toEqual([100, 450]);
    expect(out.motifs[0].time).toBeNull();
    expect(out.motifs[0].distance).toBeLessThan(1e-5);
    expect(out.discords.length).toBe(2);
    expectJsonSafe(out);
  });

  it("returns nulls and a note, never NaN, when no window can be compared", async () => {
    const file = join(dir, "gappy.csv");
    const lines = ["time,gl"];
    // readings every 5 minutes but a 2-hour hole every 3 hours: no 4-hour window is complete
    for (let minute = 0; minute < 3 * 24 * 60; minute += 5) {
      if (minute % 180 < 120) continue;
      const h = String(Math.floor(minute / 60) % 24).padStart(2, "0");
      const d = String(1 + Math.floor(minute / 1440)).padStart(2, "0");
      lines.push(`2024-03-${d} ${h}:${String(minute % 60).padStart(2, "0")}:00,${120 + (minute % 7)}`);
    }
    await writeFile(file, lines.join("\n") + "\n");
    const out = await run([file, "--m", "48", "--workers", "0"]);
    expect(out.summary.comparableWindows).toBe(0);
    expect(out.summary.profileMin).toBeNull();
    expect(out.summary.profileMedian).toBeNull();
    expect(out.summary.motifCutoff).toBeNull();
    expect(out.motifs).toEqual([]);
    expect(out.discords).toEqual([]);
    expect(out.notes.some((n) => n.startsWith("No window could be compared"))).toBe(true);
    expectJsonSafe(out);
  });

  it("rejects bad arguments and files with a sentence", async () => {
    await expect(run([])).rejects.toBeInstanceOf(AppError);
    await expect(run([IGLU, "--m", "2", "--workers", "0"])).rejects.toMatchObject({ code: "bad_request:analytics" });
    await expect(run([IGLU, "--m", "abc"])).rejects.toThrow("--m must be a whole number of at least 3.");
    await expect(run([IGLU, "--m", "5000", "--workers", "0"])).rejects.toThrow(/half of the/);
    await expect(run([join(dir, "missing.csv")])).rejects.toThrow(/Cannot read the file/);
    await expect(run([IGLU, "--timezone", "Mars/Olympus"])).rejects.toThrow(/time zone/);
    const file = join(dir, "no-value.csv");
    await writeFile(file, "time,glucose\n2024-01-01 00:00,100\n");
    await expect(run([file])).rejects.toThrow("The CSV needs a column named gl or value.");
  });
});
