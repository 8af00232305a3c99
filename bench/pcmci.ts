/**
 * Benchmark: PCMCI (4 variables × 1000 steps, tau_max 8, the tigramite tutorial process) and lagged
 * correlations (90 days × 10 factors × 4 outcomes × 4 lags). Prints medians in ms and ratios
 * against baselines measured in the same run:
 *   - PCMCI vs "one OLS partial-correlation test (fresh residuals, at the run's mean number of
 *     conditions) × the number of tests run", and vs the same PCMCI with fresh residuals per test;
 *   - lagged correlations vs 160 bare Pearson coefficients on pre-paired arrays.
 * Run: npx tsx bench/pcmci.ts
 */
import { runPcmci } from "@/lib/analytics/causal/pcmci";
import { testPartialCorrelation } from "@/lib/analytics/causal/partial-correlation";
import { createSeededRandom } from "@/lib/seeded-random";
import { simulateLinearProcess, TUTORIAL_PROCESS_LINKS } from "@/lib/analytics/causal/var-process";
import { pearsonCorrelation } from "@/lib/analytics/correlation/coefficients";
import { computeLaggedCorrelations } from "@/lib/analytics/correlation/lagged-correlations";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median wall time of `runs` calls after `warmup` untimed ones. */
function time(fn: () => unknown, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const fmt = (ms: number) => ms.toFixed(3).padStart(9);

// ————— PCMCI —————
const names = ["X0", "X1", "X2", "X3"];
const series = simulateLinearProcess({ variables: 4, links: TUTORIAL_PROCESS_LINKS, length: 1000, seed: 1 });
const options = { tauMax: 8, alpha: 0.01 } as const;
const reference = runPcmci({ names, series }, options);
const tests = reference.testsRun.pc + reference.testsRun.mci;

// Mean number of conditions per test, from the parents (PC1 sizes vary; MCI uses |P(Y)| + |P(X)|).
const parentCounts = Object.values(reference.parents).map((list) => list.length);
const mciConditions = parentCounts.reduce((sum, py) => sum + parentCounts.reduce((s, px) => s + (py + px) * 8, 0), 0);
const meanMciConditions = mciConditions / reference.testsRun.mci;
const conditions = Math.max(1, Math.round(meanMciConditions));

const random = createSeededRandom(9);
const n = 1000 - 2 * 8;
const x = Float64Array.from({ length: n }, () => random.gaussian());
const y = Float64Array.from({ length: n }, () => random.gaussian());
const z = Array.from({ length: conditions }, () => Float64Array.from({ length: n }, () => random.gaussian()));
const oneTest = time(() => testPartialCorrelation(x, y, z, n), 2001, 200);

const pcmciCached = time(() => runPcmci({ names, series }, options), 21);
const pcmciResiduals = time(() => runPcmci({ names, series }, { ...options, engine: "residuals" }), 7, 1);

console.log("PCMCI, 4 variables × 1000 steps, tau_max 8, alpha 0.01 (ParCorr)");
console.log(`  tests run: ${tests} (PC1 ${reference.testsRun.pc}, MCI ${reference.testsRun.mci}); links found: ${reference.links.length}`);
console.log(`  one OLS test, fresh residuals, |Z| = ${conditions}:  ${fmt(oneTest)} ms`);
console.log(`  baseline = one test × ${tests} tests:        ${fmt(oneTest * tests)} ms`);
console.log(`  PCMCI, fresh residuals per test (median of 7):   ${fmt(pcmciResiduals)} ms`);
console.log(`  PCMCI, shared covariances (median of 21):        ${fmt(pcmciCached)} ms`);
console.log(`  ratio PCMCI / baseline:                    ${(pcmciCached / (oneTest * tests)).toFixed(3)}`);
console.log(`  ratio PCMCI / PCMCI with fresh residuals:  ${(pcmciCached / pcmciResiduals).toFixed(3)}`);

// ————— Lagged correlations —————
const DAYS = 90;
const dates = Array.from({ length: DAYS }, (_, d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
const daily = createSeededRandom(21);
const column = () => Array.from({ length: DAYS }, () => (daily.uniform() < 0.05 ? null : daily.gaussian()));
const factors = Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`factor_${k}`, column()]));
const outcomes = Object.fromEntries(Array.from({ length: 4 }, (_, k) => [`outcome_${k}`, column()]));
const input = { dates, factors, outcomes };
const lagged = computeLaggedCorrelations(input);
const correlationTests = lagged.testsRun + lagged.skipped.length;

const pairs = Array.from({ length: correlationTests }, () => [
  Float64Array.from({ length: DAYS - 3 }, () => daily.gaussian()),
  Float64Array.from({ length: DAYS - 3 }, () => daily.gaussian()),
]);
const barePearson = time(() => pairs.map(([a, b]) => pearsonCorrelation(a, b)), 51, 5);
const laggedTime = time(() => computeLaggedCorrelations(input), 51, 5);

console.log("\nLagged correlations, 90 days × 10 factors × 4 outcomes × lags 0–3");
console.log(`  tests: ${correlationTests} (run ${lagged.testsRun}, skipped ${lagged.skipped.length})`);
console.log(`  baseline = ${correlationTests} bare Pearson r on pre-paired arrays: ${fmt(barePearson)} ms`);
console.log(`  computeLaggedCorrelations (Pearson + Spearman + BH, by date): ${fmt(laggedTime)} ms`);
console.log(`  ratio lagged / baseline: ${(laggedTime / barePearson).toFixed(2)}`);
