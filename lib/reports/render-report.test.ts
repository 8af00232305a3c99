import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { MGDL_PER_MMOLL } from "@/lib/ingest/units";
import { buildReportData } from "./build-report-data";
import type { ReportData } from "./report-data";
import { getReportFonts } from "./report-fonts";
import { describeTarget, formatTarget, formatTargetValue } from "./report-format";
import { renderReportPdf, renderReportPdfStream } from "./render-report";
import { buildSyntheticReportData, SYNTHETIC_PATIENT, SYNTHETIC_PREDICTIONS } from "./testing/synthetic-report";
import { buildWarmUpReportData, warmUpReportRenderer } from "./warm-up";
import { parseReportData } from "./report-data";

/** poppler-utils is installed here and in CI; without it only the text assertions are skipped. */
const hasPoppler = spawnSync("pdftotext", ["-v"]).error === undefined;
if (!hasPoppler) {
  console.warn("lib/reports: pdftotext not found; install poppler-utils to run the PDF text assertions (skipped).");
}
const withPoppler = it.skipIf(!hasPoppler);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "proxima-report-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writePdf(name: string, pdf: Buffer | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

/** `pdftotext -layout`: table rows stay on one line, so a row can be checked as a line. */
function extractText(file: string): string {
  const r = spawnSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

function pageCount(file: string): number {
  const r = spawnSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1]);
}

/** The first line holding `needle` and a percentage (a table row, not a heading or a tile label). */
function lineWith(text: string, needle: string): string {
  const line = text.split("\n").find((l) => l.includes(needle) && /\d%/.test(l));
  if (!line) throw new Error(`no line contains "${needle}"`);
  return line;
}

/** What must never reach a doctor. */
function expectNoBrokenValues(text: string): void {
  expect(text).not.toMatch(/NaN|Infinity|undefined|\bnull\b|\[object/);
}

describe("the full 90-day report (mg/dL)", () => {
  let data: ReportData;
  let file: string;
  let text: string;

  beforeAll(async () => {
    data = buildSyntheticReportData({ unit: "mg/dL", stories: 4 });
    const pdf = await renderReportPdf(data);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    file = writePdf("full.pdf", pdf);
    text = hasPoppler ? extractText(file) : "";
  });

  withPoppler("names the patient exactly (Unicode font), the period and the unit", () => {
    expect(getReportFonts().unicode).toBe(true);
    expect(text).toContain(SYNTHETIC_PATIENT.name); // "Zoë Łukasiewicz"
    expect(text).toContain("Date of birth 2 Jul 1984");
    expect(text).toContain("1 Mar 2025 – 29 May 2025 (90 days)");
    expect(text).toContain("30 May 2025, 10:15"); // generatedAt in Europe/Paris
    expect(text).toContain("mg/dL · Europe/Paris");
    expect(text).not.toContain("mmol/L");
  });

  withPoppler("prints every consensus target on one row: value, target and a met / not met mark", () => {
    const m = data.metrics!;
    expect(m.targets).toHaveLength(7);
    for (const t of m.targets) {
      const row = lineWith(text, describeTarget(t.id, "mg/dL"));
      expect(row).toContain(formatTargetValue(t));
      expect(row).toContain(formatTarget(t, true));
      expect(row).toMatch(t.met ? /\bMet\b/ : /Not met/);
      if (t.met) expect(row).not.toContain("Not met");
    }
    // the synthetic patient meets the TIR target (independently recounted in build-report-data.test.ts)
    const tir = lineWith(text, "Time in range (70–180 mg/dL)");
    expect(tir).toMatch(new RegExp(`${(Math.round(m.ranges.inRange * 10) / 10).toFixed(1)}%\\s+> 70%\\s+Met`));
    expect(text).toContain(`${Math.round(m.mean)} mg/dL`);
    expect(text).toContain(`${(Math.round(m.gmi * 10) / 10).toFixed(1)}%`);
  });

  withPoppler("draws the AGP and the daily profiles with their axes and labels", () => {
    expect(text).toContain("Ambulatory glucose profile (AGP)");
    expect(text).toContain("over 88 days with data (1 Mar 2025 – 29 May 2025)");
    for (const label of ["00:00", "12:00", "24:00", "95%", "75%", "50%", "25%", "5%"]) expect(text).toContain(label);
    expect(text).toMatch(/^\s*350\s*$/m); // top of the glucose axis
    expect(text).toContain("Daily glucose profiles");
    expect(text).toContain("Fri 16 May");
    expect(text).toContain("Thu 29 May");
    expect(text.match(/No data/g)).toHaveLength(2); // 21 and 22 May have no readings
  });

  withPoppler("holds the stories, the personal notes, the insights and the outlook with n", () => {
    for (const s of data.stories) expect(text).toContain(s.title);
    expect(text).toContain("Personal note from the patient");
    expect(text).toContain("Started the new basal dose on Tuesday of week 4; felt shaky twice at night.");
    expect(text).toContain("Walks after lunch help");
    const row = lineWith(text, SYNTHETIC_PREDICTIONS[0].eventDescription);
    expect(row).toMatch(/53%\s+n = 10 days\s+Next few days/);
    expect(text).toContain("Lows are concentrated between 01:00 and 05:00.");
  });

  withPoppler("puts the footer on every page: what the report is and is not, and Page x of y", () => {
    const pages = pageCount(file);
    expect(pages).toBe(3);
    const footers = text.split("\f").filter((p) => p.trim() !== "");
    expect(footers).toHaveLength(pages);
    footers.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
      expect(page).toContain("Generated from the patient's own device data by Proxima. Not a diagnosis; review with the full clinical picture.");
      expect(page).toContain("Zoë Łukasiewicz · 1 Mar 2025 – 29 May 2025 (90 days)");
    });
    expectNoBrokenValues(text);
  });
});

describe("variants", () => {
  withPoppler("mmol/L: every glucose value and limit is converted for display", async () => {
    const data = buildSyntheticReportData({ unit: "mmol/L", stories: 1 });
    const text = extractText(writePdf("mmol.pdf", await renderReportPdf(data)));
    const m = data.metrics!;
    expect(text).toContain(`${(m.mean / MGDL_PER_MMOLL).toFixed(1)} mmol/L`);
    expect(text).toContain(`SD ${(m.sd / MGDL_PER_MMOLL).toFixed(1)} mmol/L`);
    expect(lineWith(text, "Time in range (3.9–10.0 mmol/L)")).toMatch(/> 70%\s+(Met|Not met)/);
    expect(text).toContain("Time very low (<3.0 mmol/L)");
    expect(text).toContain("10.1–13.9 mmol/L");
    expect(text).toMatch(/^\s*21\.0\s*$/m); // AGP axis top, 21 mmol/L
    // the analytics pages carry no mg/dL at all (the stories are the narrator's text, as written)
    const analyticsPages = text.slice(0, text.indexOf("Weekly stories"));
    expect(analyticsPages).toContain("Daily glucose profiles");
    expect(analyticsPages).not.toContain("mg/dL");
    expectNoBrokenValues(text);
  });

  withPoppler("an empty period renders one page of sentences, never NaN", async () => {
    const data = buildReportData({
      metrics: null,
      agp: null,
      dailyProfiles: [],
      patient: { name: "Jane Doe" },
      period: { from: "2025-05-01", to: "2025-05-14" },
      timezone: "UTC",
      unit: "mg/dL",
      generatedAt: "2025-05-15T12:00:00Z",
      options: { includeAnalysis: true },
    });
    const file = writePdf("empty.pdf", await renderReportPdf(data));
    const text = extractText(file);
    expect(pageCount(file)).toBe(1);
    expect(text).toContain("Jane Doe");
    expect(text).toContain("Fewer than 2 CGM readings in this period");
    expect(text).toContain("This period has fewer than 2 CGM readings, so the consensus metrics");
    expect(text).toContain("No weekly stories were selected for this report.");
    expect(text).toContain("No insights were generated for the selected weeks.");
    expect(text).toContain("No predictions: there is not enough history to estimate any yet.");
    expect(text).toContain("Page 1 of 1");
    expect(text).not.toContain("Consensus targets");
    expectNoBrokenValues(text);
  });

  withPoppler("too few days for an AGP: metrics shown, the AGP replaced by a sentence", async () => {
    const full = buildSyntheticReportData({ stories: 0, reportOptions: { includeAnalysis: false, includeNotes: false, pageSize: "LETTER" } });
    const data: ReportData = { ...full, agp: null };
    const file = writePdf("no-agp.pdf", await renderReportPdf(data));
    const text = extractText(file);
    expect(text).toContain("The AGP needs readings on at least 5 different days");
    expect(text).toContain("Consensus targets");
    expect(text).not.toContain("Health outlook");
    expect(text).not.toContain("Personal note");
    expect(spawnSync("pdfinfo", [file], { encoding: "utf8" }).stdout).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expectNoBrokenValues(text);
  });

  withPoppler("the stream variant is a web ReadableStream of the same document", async () => {
    const data = buildSyntheticReportData({ stories: 1 });
    const stream = await renderReportPdfStream(data);
    expect(stream).toBeInstanceOf(ReadableStream);
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = extractText(writePdf("stream.pdf", pdf));
    expect(text).toContain("Zoë Łukasiewicz");
    expect(text).toContain(data.stories[0].title);
  });

  withPoppler("the warm-up document is valid, complete and carries no person's data", async () => {
    const data = buildWarmUpReportData();
    expect(parseReportData(data)).toEqual(data);
    await expect(warmUpReportRenderer()).resolves.toBeUndefined();
    const text = extractText(writePdf("warm-up.pdf", await renderReportPdf(data)));
    for (const section of ["Consensus targets", "Ambulatory glucose profile (AGP)", "Daily glucose profiles", "Weekly stories", "Health outlook"]) {
      expect(text).toContain(section);
    }
    expect(text).toContain("Page 2 of 2");
  });

  it("invalid data is refused before rendering, with the field named", async () => {
    const data = buildSyntheticReportData({ stories: 0 });
    const bad = { ...data, metrics: { ...data.metrics!, gmi: Number.NaN } };
    await expect(renderReportPdf(bad)).rejects.toSatisfy((e) => isAppError(e) && e.code === "bad_request:report" && e.details?.field === "metrics.gmi");
    await expect(renderReportPdfStream({ ...data, period: { from: "1 May", to: "2025-05-14" } })).rejects.toSatisfy(
      (e) => isAppError(e) && e.details?.field === "period.from",
    );
  });
});
