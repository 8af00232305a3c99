// Benchmark: every glucose metric and the AGP on 90 days of 5-minute CGM (25,920 readings).
// Run: npx tsx bench/glucose-metrics.ts   (prints figures; never part of the tests)
import { mulberry32 } from "@/lib/seeded-random";
import { computeAgp } from "../lib/analytics/glucose/agp";
import { computeGlucoseMetrics } from "../lib/analytics/glucose/compute-glucose-metrics";
import { computeDailyProfiles } from "../lib/analytics/glucose/daily-profiles";
import { buildDayGrid } from "../lib/analytics/glucose/day-grid";
import { computeEpisodes } from "../lib/analytics/glucose/episodes";
import { computeMage } from "../lib/analytics/glucose/mage";
import type { GlucoseSeries } from "../lib/analytics/glucose/types";


/**
 * A plausible type-1 trace: a slow baseline drift, a dawn rise, three meal peaks a day of varying
 * size and timing, occasional sudden lows, sensor noise and a few seconds of timestamp jitter.
 * Clamped to the 40–400 mg/dL sensor range.
 */
function syntheticCgm(days: number, seed: number): GlucoseSeries {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const start = Date.UTC(2024, 0, 1);
  const times: number[] = [];
  const values: number[] = [];
  let drift = 0;
  const meals: { day: number; minute: number; size: number }[] = [];
  for (let d = 0; d < days; d++) {
    for (const base of [7.5 * 60, 12.5 * 60, 19 * 60]) meals.push({ day: d, minute: base + 60 * gauss(), size: 40 + 60 * rand() });
  }
  for (let i = 0; i < days * 288; i++) {
    const minuteOfRun = i * 5;
    const day = Math.floor(minuteOfRun / 1440);
    const minute = minuteOfRun % 1440;
    drift = 0.995 * drift + 1.2 * gauss();
    let g = 125 + drift + 15 * Math.exp(-(((minute - 6 * 60) / 90) ** 2));
    for (const meal of meals) {
      const dt = (day - meal.day) * 1440 + minute - meal.minute;
      if (dt > 0 && dt < 300) g += meal.size * (dt / 60) * Math.exp(1 - dt / 60);
    }
    if (rand() < 0.002) g -= 60;
    g += 3 * gauss();
    times.push(start + minuteOfRun * 60_000 + Math.round(20_000 * rand()));
    values.push(Math.min(400, Math.max(40, Math.round(g))));
  }
  return { times: Float64Array.from(times), values: Float64Array.from(values) };
}

type Timing = { wallMs: number; cpuMs: number };

/**
 * Median over `runs` of the time per call (each run = `repeat` calls, after 3 warm-up calls), as
 * wall-clock ms and as process CPU ms: on the shared 2-core machine the CPU figure is the one that
 * does not grow when other jobs compete for the cores.
 */
function measure(fn: () => unknown, runs: number, repeat = 1): Timing {
  for (let i = 0; i < 3; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let k = 0; k < repeat; k++) fn();
    wall.push((performance.now() - t0) / repeat);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / repeat);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

function main(): void {
  const series = syntheticCgm(90, 42);
  const n = series.values.length;
  const grid = buildDayGrid(series);

  let sink = 0;
  const baseline = measure(
    () => {
      let sum = 0;
      let ss = 0;
      for (let i = 0; i < n; i++) sum += series.values[i];
      const mean = sum / n;
      for (let i = 0; i < n; i++) ss += (series.values[i] - mean) ** 2;
      sink += Math.sqrt(ss / (n - 1));
    },
    51,
    200,
  );

  const metrics = computeGlucoseMetrics(series);
  const rows: [string, Timing][] = [
    ["baseline: plain mean + SD pass", baseline],
    ["computeGlucoseMetrics (all metrics)", measure(() => computeGlucoseMetrics(series), 15)],
    ["  buildDayGrid (CGMS2DayByDay)", measure(() => buildDayGrid(series), 31)],
    ["  computeMage", measure(() => computeMage(series), 15)],
    ["  computeEpisodes (on a built grid)", measure(() => computeEpisodes(grid), 15)],
    ["computeAgp, last 14 days, UTC", measure(() => computeAgp(series), 31)],
    ["computeAgp, all 90 days, Europe/Paris", measure(() => computeAgp(series, { days: 90, timezone: "Europe/Paris" }), 15)],
    ["computeDailyProfiles, America/New_York", measure(() => computeDailyProfiles(series, { timezone: "America/New_York" }), 15)],
  ];

  console.log(`glucose-metrics bench: ${n} readings (90 days, 5-minute CGM, seed 42), median of N runs`);
  console.log(
    `mean ${metrics.mean.toFixed(1)} mg/dL, CV ${metrics.cv.toFixed(1)} %, TIR ${metrics.timeInRanges.inRange70to180.toFixed(1)} %, ` +
      `MAGE ${metrics.mage?.toFixed(1)}, CONGA24 ${metrics.conga?.toFixed(1)}, active ${metrics.activePercent.toFixed(1)} %`,
  );
  console.log("");
  console.log(`${"operation".padEnd(42)} ${"wall ms".padStart(9)} ${"cpu ms".padStart(9)} ${"cpu × baseline".padStart(15)}`);
  for (const [name, t] of rows) {
    console.log(`${name.padEnd(42)} ${t.wallMs.toFixed(3).padStart(9)} ${t.cpuMs.toFixed(3).padStart(9)} ${(t.cpuMs / baseline.cpuMs).toFixed(0).padStart(15)}`);
  }
  if (sink === 42) console.log("");
}

main();
