/**
 * Seeded synthetic series for the tests and the benchmark: results must not depend on Math.random.
 */
import { mulberry32 } from "@/lib/seeded-random";

/** Standard normal draws by Box–Muller. */
export function createNormal(random: () => number): () => number {
  return () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/**
 * CGM-like series in mg/dL: a mean-reverting random walk around 140 plus a daily wave of
 * `period` readings, rounded to whole mg/dL as sensors report them.
 */
export function generateGlucoseLikeSeries(n: number, seed: number, period = 288): Float64Array {
  const normal = createNormal(mulberry32(seed));
  const out = new Float64Array(n);
  let level = 140;
  for (let i = 0; i < n; i++) {
    level += 2.5 * normal() + 0.02 * (140 - level);
    out[i] = Math.round(level + 25 * Math.sin((2 * Math.PI * i) / period));
  }
  return out;
}
