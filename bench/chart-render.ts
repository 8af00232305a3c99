// npx tsx bench/chart-render.ts [--no-screens]
// Time from data to a drawn glucose trace in headless Chromium, with the uPlot options the
// GlucoseTraceChart component uses (components/charts/trace-options.ts, bundled into the page
// next to uPlot's own dist/uPlot.iife.min.js): 90 days of 5-minute readings (25,920 points,
// seeded synthetic), against a 288-point day drawn with the same options in the same run.
// Timed: performance.now() before preparing the series → after `new uPlot(...)` and one
// requestAnimationFrame (the frame the canvas is presented in). Median of 9 runs after 2 warm-ups.
// Goal: 90 days under 300 ms.
// Then renders every chart kind with the real React components (bundled with esbuild, styled with
// the app's Tailwind build of app/globals.css) and writes screenshots to /tmp/proxima-charts/.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { compile } from "@tailwindcss/node";
import { Scanner } from "@tailwindcss/oxide";
import { build, type Plugin } from "esbuild";
import { chromium, type Page } from "playwright-core";
import { computeAgp } from "../lib/analytics/glucose/agp";
import { computeGlucoseMetrics } from "../lib/analytics/glucose/compute-glucose-metrics";
import { computeDailyProfiles } from "../lib/analytics/glucose/daily-profiles";
import { toSeriesFromArrays } from "../lib/analytics/glucose/series";
import type { ChartEvent } from "../components/charts/trace-data";
import { generateSyntheticGlucose } from "../components/charts/testing/synthetic-glucose";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = "/tmp/proxima-charts";
const RUNS = 9;
const WARMUPS = 2;
const TIMEZONE = "Europe/Paris";
// Local midnight of Wed 1 May 2024 in Paris (UTC+2): the synthetic days start at local midnight.
const START = Date.UTC(2024, 3, 30, 22);
const DAY = 86_400_000;

/** uPlot is not bundled: the page gets uPlot's own IIFE build, and `import uPlot from "uplot"` reads its global. */
const uplotGlobal: Plugin = {
  name: "uplot-global",
  setup(b) {
    b.onResolve({ filter: /^uplot$/ }, () => ({ path: "uplot", namespace: "uplot-global" }));
    b.onLoad({ filter: /.*/, namespace: "uplot-global" }, () => ({ contents: "module.exports = window.uPlot;", loader: "js" }));
    // The CSS is inlined into the page from node_modules, as Next would bundle it.
    b.onResolve({ filter: /uPlot\.min\.css$/ }, () => ({ path: "uplot-css", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

/**
 * The page side, bundled by esbuild into the harness (plain JS: tsx compiles this file with
 * esbuild's keepNames, whose __name helper would not exist in a function passed to page.evaluate).
 */
const PAGE_ENTRY = `
  import { createElement } from "react";
  import { createRoot } from "react-dom/client";
  import * as charts from "./components/charts/index";
  import { buildTraceOptions } from "./components/charts/trace-options";
  import { prepareTraceData, prepareEvents, summarizeTrace } from "./components/charts/trace-data";
  import { computeTraceYRange } from "./components/charts/glucose-axis";

  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));

  // prepare + new uPlot + one animation frame, runs times after warmups; every run's figures.
  async function timeTrace({ times, values, events, runs, warmups, timezone }) {
    const el = document.getElementById("bench");
    const out = [];
    for (let i = 0; i < warmups + runs; i++) {
      await frame();
      const t0 = performance.now();
      const trace = prepareTraceData({ times, values });
      const summary = summarizeTrace({ times, values });
      const opts = buildTraceOptions(
        { width: 1000, height: 320, unit: "mg/dL", timezone, low: 70, high: 180,
          yRange: computeTraceYRange(summary.min, summary.max), events: prepareEvents(events), zoomable: true },
        window.uPlot,
      );
      const t1 = performance.now();
      const u = new window.uPlot(opts, [trace.xs, trace.ys], el);
      const t2 = performance.now();
      await frame();
      const t3 = performance.now();
      u.destroy();
      if (i >= warmups) out.push({ prep: t1 - t0, construct: t2 - t0, frame: t3 - t0 });
    }
    return out;
  }

  // Renders a titled card holding the listed chart components, with React, as the app does.
  async function renderScene(scene) {
    const host = document.getElementById("root");
    host.innerHTML = "";
    const mount = document.createElement("div");
    host.appendChild(mount);
    const h = createElement;
    createRoot(mount).render(
      h("section", { id: "scene", className: "m-4 space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200", style: { width: scene.width } },
        h("h2", { className: "text-base font-semibold text-slate-900" }, scene.title),
        ...scene.items.map((item, i) => h("div", { key: i }, h(charts[item.component], item.props)))),
    );
    await frame();
    await frame();
    await frame();
  }

  window.ProximaBench = { timeTrace, renderScene };
`;

async function bundleCharts(): Promise<string> {
  const result = await build({
    stdin: { contents: PAGE_ENTRY, resolveDir: ROOT, loader: "js", sourcefile: "bench-entry.js" },
    bundle: true,
    format: "iife",
    write: false,
    minify: true,
    jsx: "automatic",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [uplotGlobal],
    logLevel: "error",
  });
  return result.outputFiles[0].text;
}

/** The app's Tailwind build (app/globals.css) for the classes the chart components use. */
async function buildTailwind(): Promise<string> {
  const css = readFileSync(path.join(ROOT, "app/globals.css"), "utf8");
  const compiler = await compile(css, { base: path.join(ROOT, "app"), onDependency: () => {} });
  const scanner = new Scanner({ sources: [{ base: path.join(ROOT, "components/charts"), pattern: "**/*.tsx", negated: false }] });
  // The harness's own card (the scene wrapper in PAGE_ENTRY) uses classes too.
  const candidates = [...scanner.scan(), ...scanner.scanFiles([{ content: PAGE_ENTRY, extension: "js" }])];
  return compiler.build(candidates);
}

async function buildPage(): Promise<string> {
  const uplotJs = readFileSync(path.join(ROOT, "node_modules/uplot/dist/uPlot.iife.min.js"), "utf8");
  const uplotCss = readFileSync(path.join(ROOT, "node_modules/uplot/dist/uPlot.min.css"), "utf8");
  const [bundle, tailwind] = await Promise.all([bundleCharts(), buildTailwind()]);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${tailwind}</style><style>${uplotCss}</style></head>
<body class="bg-slate-50"><div id="root"></div><div id="bench" style="width:1000px"></div>
<script>${uplotJs}</script><script>${bundle}</script></body></html>`;
}

type Timing = { prep: number; construct: number; frame: number };

/** The page-side timing loop; arguments go in as JSON (25,920 numbers is ~400 kB). */
async function timeTrace(page: Page, times: number[], values: number[], events: ChartEvent[], runs: number, warmups: number): Promise<Timing[]> {
  const args = JSON.stringify({ times, values, events, runs, warmups, timezone: TIMEZONE });
  return page.evaluate(`window.ProximaBench.timeTrace(${args})`) as Promise<Timing[]>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Meals, an evening workout and the night's sleep for each day, as the timeline would pass them. */
function makeEvents(days: number, start: number): ChartEvent[] {
  const events: ChartEvent[] = [];
  const h = 3_600_000;
  for (let d = 0; d < days; d++) {
    const t = start + d * DAY;
    events.push({ time: t, end: t + 6.75 * h, kind: "sleep", label: "Sleep" });
    events.push({ time: t + 7.5 * h, kind: "meal", label: "Breakfast" });
    events.push({ time: t + 12.75 * h, kind: "meal", label: "Lunch" });
    if (d % 2 === 0) events.push({ time: t + 17.5 * h, end: t + 18.25 * h, kind: "workout", label: "Run" });
    events.push({ time: t + 19.25 * h, kind: "meal", label: "Dinner" });
    events.push({ time: t + 23 * h, end: t + 24 * h, kind: "sleep", label: "Sleep" });
  }
  return events;
}

type Scene = { name: string; width: number; title: string; items: { component: string; props: Record<string, unknown> }[] };

async function renderScene(page: Page, scene: Scene): Promise<void> {
  await page.setViewportSize({ width: Math.max(scene.width + 32, 390), height: 900 });
  await page.evaluate(`window.ProximaBench.renderScene(${JSON.stringify(scene)})`);
  await page.waitForSelector("#scene");
}

async function main(): Promise<void> {
  const screens = !process.argv.includes("--no-screens");
  mkdirSync(OUT, { recursive: true });
  const html = await buildPage();
  const pagePath = path.join(OUT, "harness.html");
  writeFileSync(pagePath, html);

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`file://${pagePath}`);

    const ninety = generateSyntheticGlucose({ days: 90, startMs: START, seed: 42 });
    const day = { times: ninety.times.slice(-288), values: ninety.values.slice(-288) };
    const events90 = makeEvents(90, START);
    console.log(`chart render bench: headless Chromium, uPlot ${JSON.parse(readFileSync(path.join(ROOT, "node_modules/uplot/package.json"), "utf8")).version}, load ${loadavg()[0].toFixed(2)}`);
    console.log(`median of ${RUNS} runs after ${WARMUPS} warm-ups; ms from data to drawn (prepare + new uPlot + 1 animation frame)`);

    const base = await timeTrace(page, day.times, day.values, [], RUNS, WARMUPS);
    const big = await timeTrace(page, ninety.times, ninety.values, [], RUNS, WARMUPS);
    const bigEvents = await timeTrace(page, ninety.times, ninety.values, events90, RUNS, WARMUPS);
    const row = (label: string, t: Timing[]) => {
      const f = median(t.map((x) => x.frame));
      const c = median(t.map((x) => x.construct));
      const p = median(t.map((x) => x.prep));
      console.log(
        `${label.padEnd(44)} prepare ${p.toFixed(1).padStart(6)} ms  to new uPlot ${c.toFixed(1).padStart(6)} ms  to frame ${f.toFixed(1).padStart(6)} ms  (min ${Math.min(...t.map((x) => x.frame)).toFixed(1)}, max ${Math.max(...t.map((x) => x.frame)).toFixed(1)})`,
      );
      return f;
    };
    const fBase = row("baseline: 1 day, 288 points", base);
    const fBig = row(`90 days, ${ninety.values.length.toLocaleString("en")} points`, big);
    const fBigEvents = row(`90 days + ${events90.length} events (meals, runs, sleep)`, bigEvents);
    console.log(`ratio 90 days / 1 day: ${(fBig / fBase).toFixed(2)}×; with events: ${(fBigEvents / fBase).toFixed(2)}×`);
    console.log(`goal 90 days < 300 ms: ${fBigEvents < 300 ? "met" : "NOT met"} (${fBigEvents.toFixed(1)} ms with events)`);

    if (screens) {
      const series14 = toSeriesFromArrays(ninety.times.slice(-14 * 288), ninety.values.slice(-14 * 288));
      const agp = computeAgp(series14, { timezone: TIMEZONE });
      const metrics = computeGlucoseMetrics(series14, { timezone: TIMEZONE });
      const profiles = computeDailyProfiles(series14, { timezone: TIMEZONE });
      // A 24-hour day with a 90-minute sensor gap at 03:00 to show a gap.
      const dayStart = day.times[0];
      const gapped = { times: [] as number[], values: [] as number[] };
      day.times.forEach((t, i) => {
        if (t >= dayStart + 3 * 3_600_000 && t < dayStart + 4.5 * 3_600_000) return;
        gapped.times.push(t);
        gapped.values.push(day.values[i]);
      });
      const dayEvents = makeEvents(1, dayStart);
      const highlight = [profiles[2].date, profiles[6].date, profiles[11].date];
      const scenes: Scene[] = [
        {
          name: "trace-24h-390",
          width: 358,
          title: "Last 24 hours",
          items: [{ component: "GlucoseTraceChart", props: { ...gapped, timezone: TIMEZONE, events: dayEvents, title: "Glucose over the last 24 hours", height: 240 } }],
        },
        {
          name: "trace-90d-1000",
          width: 1000,
          title: "90-day timeline",
          items: [{ component: "GlucoseTraceChart", props: { ...ninety, timezone: TIMEZONE, events: events90, height: 320 } }],
        },
        {
          name: "trace-24h-mmol-800",
          width: 800,
          title: "Last 24 hours (mmol/L)",
          items: [{ component: "GlucoseTraceChart", props: { ...gapped, unit: "mmol/L", timezone: TIMEZONE, events: dayEvents, height: 280 } }],
        },
        { name: "agp-800", width: 800, title: "Ambulatory glucose profile, 14 days", items: [{ component: "AgpChart", props: { agp } }] },
        { name: "agp-390", width: 358, title: "AGP (mmol/L)", items: [{ component: "AgpChart", props: { agp, unit: "mmol/L", height: 260 } }] },
        {
          name: "time-in-ranges-390",
          width: 358,
          title: "Time in ranges",
          items: [{ component: "TimeInRangesBar", props: { ranges: metrics.timeInRanges, title: "Last 14 days" } }],
        },
        {
          name: "time-in-ranges-edge-390",
          width: 358,
          title: "Time in ranges (targets missed)",
          items: [{ component: "TimeInRangesBar", props: { ranges: { below54: 1.4, below70: 6.2, inRange70to180: 58.3, above180: 35.5, above250: 9.8 }, unit: "mmol/L" } }],
        },
        {
          name: "daily-profiles-1000",
          width: 1000,
          title: "Daily profiles (motif days highlighted)",
          items: [{ component: "DailyProfilesGrid", props: { profiles, highlight, highlightLabel: "Motif" } }],
        },
        {
          name: "daily-profiles-390",
          width: 358,
          title: "Daily profiles",
          items: [{ component: "DailyProfilesGrid", props: { profiles: profiles.slice(0, 6), highlight } }],
        },
        {
          name: "sparklines",
          width: 358,
          title: "Sparklines",
          items: [
            { component: "Sparkline", props: { label: "Adherence over 14 days", values: [0.5, 0.6, 0.55, 0.7, 0.8, 0.75, 0.9, 0.85, 0.8, 0.95, 0.9, 1, 0.9, 0.95], format: "percent", domain: [0, 1] } },
            { component: "Sparkline", props: { label: "Mood this week", values: [3, 2, null, 4, 4, 5, 3], suffix: "/5", domain: [1, 5], width: 200, height: 40 } },
            { component: "Sparkline", props: { label: "Mood", values: [] } },
          ],
        },
      ];
      for (const scene of scenes) {
        await renderScene(page, scene);
        await page.locator("#scene").screenshot({ path: path.join(OUT, `${scene.name}.png`) });
      }

      // Keyboard zoom on the 90-day timeline: focus the chart, + four times (90 → 5.6 days), then Escape.
      await renderScene(page, scenes[1]);
      const chart = page.locator('#scene [role="img"][tabindex="0"]');
      await chart.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press("+");
      await page.keyboard.press("ArrowLeft");
      const zoomedButton = await page.getByRole("button", { name: "Reset zoom" }).count();
      await page.locator("#scene").screenshot({ path: path.join(OUT, "trace-90d-zoomed.png") });
      await page.keyboard.press("Escape");
      const afterReset = await page.getByRole("button", { name: "Reset zoom" }).count();
      // Resize: the ResizeObserver must follow the container.
      await page.evaluate(`document.getElementById("scene").style.width = "600px"`);
      await page.evaluate(`new Promise((r) => setTimeout(r, 150))`);
      const canvasWidth = (await page.evaluate(`document.querySelector("#scene canvas").getBoundingClientRect().width`)) as number;
      const boxWidth = (await page.evaluate(`document.querySelector('#scene [role="img"]').getBoundingClientRect().width`)) as number;
      console.log(
        `keyboard zoom: reset button ${zoomedButton === 1 ? "shown" : "MISSING"} after + and ←, ${afterReset === 0 ? "gone" : "STILL SHOWN"} after Escape; ` +
          `resize: card 1000 → 600 px, chart box ${boxWidth.toFixed(0)} px, canvas ${canvasWidth.toFixed(0)} px`,
      );
      console.log(`screenshots: ${scenes.map((s) => s.name).join(", ")}, trace-90d-zoomed → ${OUT}/*.png`);
    }
    console.log(errors.length ? `page errors: ${errors.join(" | ")}` : "page errors: none");
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
