// npx tsx bench/matrix-profile.ts [--quick]
// Exact matrix profile (m = 288, 24 h of 5-minute readings) on 90 days (n = 25,920) and a year
// (n = 105,120): single thread and worker threads, against the naive O(n²·m) reference on n = 2,000
// measured in the same run. ratio = (naive seconds scaled by n²·m to the same n) / fast seconds.
// Goals on the 2-core box: 90 days < 1 s, a year < 15 s. The box is shared: the load average and
// the CPU seconds (all threads of this process) are printed with each figure, because other jobs
// stretch wall-clock time; CPU time per cell is the algorithm's own cost.
import { availableParallelism, cpus, loadavg } from "node:os";
import { computeMatrixProfile } from "../lib/analytics/motifs/matrix-profile";
import { closeMatrixProfileWorkers, computeMatrixProfileInWorker } from "../lib/analytics/motifs/matrix-profile-in-worker";
import { computeMatrixProfileNaive } from "../lib/analytics/motifs/naive-matrix-profile";
import { generateGlucoseLikeSeries } from "../lib/analytics/motifs/synthetic-series";

const M = 288;
const NAIVE_N = 2_000;
const quick = process.argv.includes("--quick");
const SIZES = quick ? [25_920] : [25_920, 105_120];

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function load(): string {
  return loadavg()[0].toFixed(2);
}

/** CPU seconds used by this process, all threads (workers included) since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

async function main(): Promise<void> {
  console.log(`matrix profile bench: m = ${M}, ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), ${availableParallelism()} workers by default`);

  // Naive reference, and the fast path on the same input for the accuracy figure.
  const small = generateGlucoseLikeSeries(NAIVE_N, 1);
  let t0 = performance.now();
  const naive = computeMatrixProfileNaive(small, M);
  const naiveMs = performance.now() - t0;
  t0 = performance.now();
  const fastSmall = computeMatrixProfile(small, M);
  const fastSmallMs = performance.now() - t0;
  let maxDiff = 0;
  let sameIndex = 0;
  for (let i = 0; i < naive.profile.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(naive.profile[i] - fastSmall.profile[i]));
    if (naive.index[i] === fastSmall.index[i]) sameIndex++;
  }
  console.log(
    `naive  n = ${NAIVE_N}: ${seconds(naiveMs)} s (load ${load()}); fast single thread on the same input ${seconds(fastSmallMs)} s; ` +
      `max |Δprofile| = ${maxDiff.toExponential(2)}, same index ${sameIndex}/${naive.index.length}`,
  );

  for (const n of SIZES) {
    const values = generateGlucoseLikeSeries(n, 2);
    const naiveScaledMs = naiveMs * ((n * n * M) / (NAIVE_N * NAIVE_N * M));
    const cells = ((n - M + 1) * (n - M + 1)) / 2;

    // Warm the JIT on a small run so the timed run measures optimized code, as a server would.
    computeMatrixProfile(values.subarray(0, 3000), M);
    let cpu = process.cpuUsage();
    t0 = performance.now();
    const single = computeMatrixProfile(values, M);
    const singleMs = performance.now() - t0;
    const singleCpu = cpuSince(cpu);
    console.log(
      `single n = ${n}: ${seconds(singleMs)} s (CPU ${singleCpu.toFixed(3)} s, ${((singleCpu * 1e9) / cells).toFixed(2)} ns/cell), ` +
        `ratio ${(naiveScaledMs / singleMs).toFixed(0)}× (naive scaled ${seconds(naiveScaledMs)} s) (load ${load()})`,
    );

    // Cold: the first call starts the workers (tsx loader, ~0.3–0.5 s); warm: they wait in the pool.
    for (const phase of ["cold", "warm"] as const) {
      if (phase === "cold") await closeMatrixProfileWorkers();
      let firstProgressMs = NaN;
      cpu = process.cpuUsage();
      t0 = performance.now();
      const parallel = await computeMatrixProfileInWorker(values, M, {
        onProgress: () => {
          if (Number.isNaN(firstProgressMs)) firstProgressMs = performance.now() - t0;
        },
      });
      const parallelMs = performance.now() - t0;
      const parallelCpu = cpuSince(cpu);
      let identical = parallel.profile.length === single.profile.length;
      for (let i = 0; identical && i < single.profile.length; i++) {
        identical = parallel.profile[i] === single.profile[i] && parallel.index[i] === single.index[i];
      }
      console.log(
        `worker n = ${n} (${phase}): ${seconds(parallelMs)} s (CPU ${parallelCpu.toFixed(3)} s) with ${availableParallelism()} workers, ` +
          `first band after ${seconds(firstProgressMs)} s, ` +
          `ratio ${(naiveScaledMs / parallelMs).toFixed(0)}×, speed-up over single ${(singleMs / parallelMs).toFixed(2)}×, ` +
          `identical to single: ${identical} (load ${load()})`,
      );
    }
  }
  await closeMatrixProfileWorkers();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
