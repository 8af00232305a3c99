// Benchmark: the doctor's PDF (lib/reports) for 90 days of 5-minute CGM with 12 weekly stories.
// Run: npx tsx bench/report-pdf.ts   (prints figures; never part of the tests)
//
// "Build" is computeReportAnalytics + buildReportData on the 90-day series (what the route does
// after loading rows); "render" is renderReportPdf (react-pdf layout + PDF bytes). Cold = the first
// PDF of a fresh process (fonts parsed, code not yet optimised), measured in child processes; warm
// = later PDFs in one process; "after warm-up" = the first real report of a fresh process that ran
// warmUpReportRenderer() first, as the server does at start (instrumentation.ts). Baseline, measured
// in the same run: a one-page, text-only document.
import { spawnSync } from "node:child_process";

const COLD_RUNS = 5;
const WARM_RUNS = 9;
const GOAL_MS = 2000;

type ColdResult = { importMs: number; warmUpMs: number; buildMs: number; renderMs: number; bytes: number; pages: number };
type Target = "report" | "report-after-warm-up" | "baseline-standard" | "baseline-report";

async function loadModules() {
  const t0 = performance.now();
  // lib/reports is ESM (its package.json): import() it from this CommonJS script.
  const reports = await import("../lib/reports/index");
  const synthetic = await import("../lib/reports/testing/synthetic-report");
  const baseline = await import("../lib/reports/testing/baseline-document");
  return { reports, synthetic, baseline, importMs: performance.now() - t0 };
}

type Modules = Awaited<ReturnType<typeof loadModules>>;

function makeSeries(m: Modules) {
  const { generateSyntheticCgm, SYNTHETIC_PERIOD, SYNTHETIC_TIMEZONE } = m.synthetic;
  return generateSyntheticCgm({ from: SYNTHETIC_PERIOD.from, days: 90, timezone: SYNTHETIC_TIMEZONE, seed: 20250301, missingDates: ["2025-05-21"] });
}

function buildData(m: Modules, series: ReturnType<typeof makeSeries>) {
  const s = m.synthetic;
  return m.reports.buildReportData({
    ...m.reports.computeReportAnalytics(series, { timezone: s.SYNTHETIC_TIMEZONE, period: s.SYNTHETIC_PERIOD }),
    patient: s.SYNTHETIC_PATIENT,
    period: s.SYNTHETIC_PERIOD,
    timezone: s.SYNTHETIC_TIMEZONE,
    unit: "mg/dL",
    generatedAt: new Date(),
    stories: s.makeSyntheticStories(12),
    insights: s.SYNTHETIC_INSIGHTS,
    predictions: s.SYNTHETIC_PREDICTIONS,
    notablePatterns: s.SYNTHETIC_PATTERNS,
    options: { includeAnalysis: true, includeNotes: true },
  });
}

function countPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** Child process: one cold measurement, printed as JSON on stdout. */
async function runColdChild(target: Target): Promise<void> {
  const m = await loadModules();
  const result: ColdResult = { importMs: m.importMs, warmUpMs: 0, buildMs: 0, renderMs: 0, bytes: 0, pages: 0 };
  let pdf: Buffer;
  if (target === "report" || target === "report-after-warm-up") {
    const series = makeSeries(m);
    if (target === "report-after-warm-up") {
      const tw = performance.now();
      await m.reports.warmUpReportRenderer();
      result.warmUpMs = performance.now() - tw;
    }
    const tb = performance.now();
    const data = buildData(m, series);
    result.buildMs = performance.now() - tb;
    const tr = performance.now();
    pdf = await m.reports.renderReportPdf(data);
    result.renderMs = performance.now() - tr;
  } else {
    const t0 = performance.now();
    pdf = await m.baseline.renderBaselinePdf(target === "baseline-report" ? "report" : "standard");
    result.renderMs = performance.now() - t0;
  }
  result.bytes = pdf.length;
  result.pages = countPages(pdf);
  process.stdout.write(JSON.stringify(result));
}

function runColdInChild(target: Target): ColdResult {
  // the same loader flags tsx gave this process, so the child runs this file the same way
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, "--cold", target], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`cold run of ${target} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string) as ColdResult;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
const ratio = (x: number, base: number) => `${(x / base).toFixed(1).padStart(5)}×`;

async function main(): Promise<void> {
  const coldIndex = process.argv.indexOf("--cold");
  if (coldIndex >= 0) return runColdChild(process.argv[coldIndex + 1] as Target);

  console.log(`Doctor's PDF report: 90 days of 5-minute CGM, 12 weekly stories, 3 insights, 3 predictions`);
  console.log(`Node ${process.version}, ${process.platform}; cold: median of ${COLD_RUNS} fresh processes; warm: median of ${WARM_RUNS} runs\n`);

  // Cold, interleaved so a busy machine slows both alike.
  const cold: Record<Target, ColdResult[]> = { report: [], "report-after-warm-up": [], "baseline-standard": [], "baseline-report": [] };
  for (let i = 0; i < COLD_RUNS; i++) {
    for (const target of Object.keys(cold) as Target[]) cold[target].push(runColdInChild(target));
  }
  const c = (t: Target, k: keyof ColdResult) => median(cold[t].map((r) => r[k]));

  // Warm, in this process.
  const m = await loadModules();
  const series = makeSeries(m);
  for (let i = 0; i < 2; i++) {
    await m.baseline.renderBaselinePdf("standard");
    await m.baseline.renderBaselinePdf("report");
    await m.reports.renderReportPdf(buildData(m, series));
  }
  const warm = { baseStd: [] as number[], baseFont: [] as number[], build: [] as number[], render: [] as number[] };
  let pdf: Buffer = Buffer.alloc(0);
  for (let i = 0; i < WARM_RUNS; i++) {
    let t = performance.now();
    await m.baseline.renderBaselinePdf("standard");
    warm.baseStd.push(performance.now() - t);
    t = performance.now();
    await m.baseline.renderBaselinePdf("report");
    warm.baseFont.push(performance.now() - t);
    t = performance.now();
    const data = buildData(m, series);
    warm.build.push(performance.now() - t);
    t = performance.now();
    pdf = await m.reports.renderReportPdf(data);
    warm.render.push(performance.now() - t);
  }

  const coldBase = c("baseline-standard", "renderMs");
  const coldTotal = c("report", "buildMs") + c("report", "renderMs");
  const warmBase = median(warm.baseStd);
  const warmTotal = median(warm.build) + median(warm.render);
  console.log("                                          cold (ratio)          warm (ratio)");
  console.log(`baseline: 1 page text, Helvetica      ${ms(coldBase)}  ${ratio(1, 1)}     ${ms(warmBase)}  ${ratio(1, 1)}`);
  console.log(`baseline: 1 page text, report font    ${ms(c("baseline-report", "renderMs"))}  ${ratio(c("baseline-report", "renderMs"), coldBase)}     ${ms(median(warm.baseFont))}  ${ratio(median(warm.baseFont), warmBase)}`);
  console.log(`report: build (analytics + data)      ${ms(c("report", "buildMs"))}            ${ms(median(warm.build))}`);
  console.log(`report: render to PDF                 ${ms(c("report", "renderMs"))}  ${ratio(c("report", "renderMs"), coldBase)}     ${ms(median(warm.render))}  ${ratio(median(warm.render), warmBase)}`);
  console.log(`report: build + render                ${ms(coldTotal)}  ${ratio(coldTotal, coldBase)}     ${ms(warmTotal)}  ${ratio(warmTotal, warmBase)}`);
  const afterWarmUp = c("report-after-warm-up", "buildMs") + c("report-after-warm-up", "renderMs");
  console.log(`first report after warm-up            ${ms(afterWarmUp)}  ${ratio(afterWarmUp, coldBase)}     (${(afterWarmUp / coldTotal).toFixed(2)}× the cold report's ${coldTotal.toFixed(0)} ms)`);
  console.log(`  warmUpReportRenderer() itself       ${ms(c("report-after-warm-up", "warmUpMs"))}            (at server start, in the background: instrumentation.ts)`);
  console.log(`\nmodule import (cold, once per process) ${ms(c("report", "importMs"))}   (tsx transpiling included; bundled in Next)`);
  console.log(`report: ${countPages(pdf)} pages, ${(pdf.length / 1024).toFixed(0)} KiB`);
  console.log(`goal < ${GOAL_MS} ms for build + render: cold ${coldTotal < GOAL_MS ? "met" : "NOT met"}, after warm-up ${afterWarmUp < GOAL_MS ? "met" : "NOT met"}, warm ${warmTotal < GOAL_MS ? "met" : "NOT met"}`);
  console.log(`cold render runs (ms): ${cold.report.map((r) => r.renderMs.toFixed(0)).join(", ")}; warm render runs (ms): ${warm.render.map((x) => x.toFixed(0)).join(", ")}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
