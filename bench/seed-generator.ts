/**
 * Benchmark of the demo-data generator (db/seed/generator): speed, and how reliably the planted
 * effects show up across seeds. Prints figures; never part of the test pass/fail.
 *
 *   npx tsx bench/seed-generator.ts [seeds=200]
 */
import { generateCohort } from "../db/seed/generator/cohort";
import { generateDemoPatient } from "../db/seed/generator/demo-patient";
import { createWallClock, localInstant } from "../db/seed/generator/local-time";
import { checkPlantedEffects, mean, type PlantedEffectChecks } from "../db/seed/generator/planted-effect-checks";
import { createRng } from "../db/seed/generator/prng";

const END = "2026-03-15";
const seeds = Number(process.argv[2] ?? 200);

function timeMs(run: () => unknown, repeats: number): { median: number; min: number } {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0] };
}

/** The irreducible cost of the output: 25,920 readings as {time: Date, mgdl} plus one AR(1) pass. */
function buildOutputFloor(): number {
  const rng = createRng("floor");
  const out: Array<{ time: Date; mgdl: number }> = [];
  let noise = 0;
  for (let k = 0; k < 25_920; k++) {
    noise = 0.94 * noise + rng.normal(0, 2);
    out.push({ time: new Date(1_760_000_000_000 + k * 300_000), mgdl: Math.round(120 + noise) });
  }
  return out.length;
}

console.log("== speed (warm, this machine) ==");
for (let i = 0; i < 3; i++) generateDemoPatient({ seed: `warm-${i}`, endDate: END });
let r = 0;
const patient = timeMs(() => generateDemoPatient({ seed: `speed-${r++}`, endDate: END }), 15);
const floor = timeMs(buildOutputFloor, 15);
const cohort = timeMs(() => generateCohort({ seed: `cohort-${r++}`, endDate: END }), 5);
console.log(`generateDemoPatient, 90 days: median ${patient.median.toFixed(1)} ms, min ${patient.min.toFixed(1)} ms`);
console.log(`output floor (25,920 readings + AR(1)): median ${floor.median.toFixed(1)} ms → generator / floor = ${(patient.median / floor.median).toFixed(1)}×`);
console.log(`generateCohort (90 + 3 × 14 days, goals, check-ins, journal): median ${cohort.median.toFixed(1)} ms`);

const zone = "America/New_York";
const clock = createWallClock(zone);
const dates = Array.from({ length: 100 }, (_, i) => `2026-03-${String(1 + (i % 28)).padStart(2, "0")}`);
const luxon = timeMs(() => dates.forEach((d, i) => localInstant(d, (i * 37) % 1440, zone)), 20);
const fast = timeMs(() => dates.forEach((d, i) => clock.instant(d, (i * 37) % 1440)), 20);
console.log(`100 wall-clock conversions: luxon ${luxon.median.toFixed(2)} ms, wall clock ${fast.median.toFixed(3)} ms → ${(luxon.median / Math.max(fast.median, 1e-3)).toFixed(0)}× faster`);

console.log(`\n== planted effects over ${seeds} seeds (90 days, end ${END}) ==`);
const all: PlantedEffectChecks[] = [];
const bands = [0, 0, 0, 0, 0];
let readings = 0;
let seedsWithAllBands = 0;
for (let s = 0; s < seeds; s++) {
  const data = generateDemoPatient({ seed: `bench-${s}`, endDate: END });
  all.push(checkPlantedEffects(data));
  const b = [0, 0, 0, 0, 0];
  for (const { mgdl: v } of data.glucose) b[v < 54 ? 0 : v < 70 ? 1 : v <= 180 ? 2 : v <= 250 ? 3 : 4]++;
  b.forEach((x, i) => (bands[i] += x));
  readings += data.glucose.length;
  if (b.every((x) => x > 0)) seedsWithAllBands++;
}
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
const expected: Partial<Record<keyof PlantedEffectChecks, number>> = { shortSleep: 15, eveningWalk: -12, highCarb: 9 };
console.log("check                 mean diff (SE)    sd     min     max    p<0.05  p<0.001  within ±5 of planted");
for (const key of Object.keys(all[0]) as Array<keyof PlantedEffectChecks>) {
  const d = all.map((x) => x[key].difference);
  const p = all.map((x) => x[key].p);
  const target = expected[key];
  const within = target === undefined ? "" : `${((100 * d.filter((x) => Math.abs(x - target) < 5).length) / d.length).toFixed(1)} %`;
  console.log(
    `${key.padEnd(20)} ${mean(d).toFixed(2).padStart(8)} (${(sd(d) / Math.sqrt(d.length)).toFixed(2)}) ${sd(d).toFixed(2).padStart(6)} ${Math.min(...d).toFixed(1).padStart(6)} ${Math.max(...d).toFixed(1).padStart(7)}` +
      `  ${((100 * p.filter((x) => x < 0.05).length) / p.length).toFixed(1).padStart(5)} % ${((100 * p.filter((x) => x < 0.001).length) / p.length).toFixed(1).padStart(6)} %  ${within}`,
  );
}
console.log("(units: mg/dL, except highCarb in percentage points of time above 180; non-planted rows should sit near 5 % at p<0.05)");
const pct = bands.map((b) => ((100 * b) / readings).toFixed(2));
console.log(`bands over all readings: <54 ${pct[0]} %, 54–69 ${pct[1]} %, 70–180 ${pct[2]} %, 181–250 ${pct[3]} %, >250 ${pct[4]} %`);
console.log(`seeds with all five bands: ${seedsWithAllBands} / ${seeds}`);
