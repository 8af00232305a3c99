import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configureReportFonts, getReportFonts, REPORT_FONT_FAMILY } from "./report-fonts";
import { renderReportPdf } from "./render-report";
import { buildSyntheticReportData } from "./testing/synthetic-report";

const hasPoppler = spawnSync("pdftotext", ["-v"]).error === undefined;

describe("report fonts", () => {
  it("finds the bundled DejaVu files next to the module", () => {
    expect(getReportFonts()).toEqual({ family: REPORT_FONT_FAMILY, unicode: true });
  });

  it.skipIf(!hasPoppler)("embeds them as subsets (regular and bold)", async () => {
    const fonts = await listPdfFonts(await renderReportPdf(buildSyntheticReportData({ stories: 0 })));
    const lines = fonts.split("\n").filter((l) => l.includes("DejaVuSansCondensed"));
    expect(lines.some((l) => /\+DejaVuSansCondensed\s/.test(l))).toBe(true);
    expect(lines.some((l) => /\+DejaVuSansCondensed-Bold\s/.test(l))).toBe(true);
    // columns "emb sub uni": every DejaVu font embedded, subset, with a ToUnicode map (text extractable)
    for (const l of lines) expect(l).toMatch(/yes\s+yes\s+yes/);
  });

  // Runs last in this file: the font choice is process-wide (vitest isolates each test file).
  it.skipIf(!hasPoppler)("falls back to Helvetica when the files are missing, with ASCII comparators", async () => {
    expect(configureReportFonts({ directory: "/nonexistent/fonts" })).toEqual({ family: "Helvetica", unicode: false });
    const pdf = await renderReportPdf(buildSyntheticReportData({ stories: 0 }));
    const text = await withTempPdf(pdf, (file) => spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout);
    expect(text).toMatch(/Glucose variability \(CV\)\s+\d+\.\d%\s+<= 36%/);
    expect(text).toMatch(/Time CGM active\s+\d+\.\d%\s+>= 70%\s+Met/);
    expect(text).not.toContain("≤");
    const fonts = await listPdfFonts(pdf);
    expect(fonts).toContain("Helvetica");
    expect(fonts).not.toContain("DejaVu");
  });
});

async function withTempPdf<T>(pdf: Buffer, read: (file: string) => T): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), "proxima-fonts-"));
  try {
    const file = path.join(dir, "report.pdf");
    writeFileSync(file, pdf);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listPdfFonts(pdf: Buffer): Promise<string> {
  return withTempPdf(pdf, (file) => spawnSync("pdffonts", [file], { encoding: "utf8" }).stdout);
}
