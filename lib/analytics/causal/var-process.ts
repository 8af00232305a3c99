/**
 * Simulates a linear lagged process with unit Gaussian noise,
 *   X_j(t) = Σ coefficient · X_source(t − lag) + ε_j(t),  ε ~ N(0, 1),
 * in the spirit of tigramite's toymodels `var_process` / `structural_causal_process`: start from
 * zeros and discard a burn-in so the returned series are stationary draws. Used by the PCMCI tests
 * and benchmark, where the true links are known.
 */
import { createSeededRandom } from "@/lib/seeded-random";

export interface LinearLink {
  source: number;
  target: number;
  /** ≥ 1: contemporaneous effects are not simulated. */
  lag: number;
  coefficient: number;
}

export interface SimulateOptions {
  variables: number;
  links: readonly LinearLink[];
  length: number;
  seed: number;
  /** Steps simulated and dropped before the returned window; default 1000. */
  burnIn?: number;
}

/** Returns one Float64Array of `length` values per variable. */
export function simulateLinearProcess(options: SimulateOptions): Float64Array[] {
  const { variables, links, length, seed } = options;
  const burnIn = options.burnIn ?? 1000;
  const maxLag = links.reduce((max, link) => Math.max(max, link.lag), 0);
  for (const link of links) {
    if (!Number.isInteger(link.lag) || link.lag < 1) throw new RangeError("simulated links need a lag of at least 1");
  }
  const total = length + burnIn + maxLag;
  const random = createSeededRandom(seed);
  const data = Array.from({ length: variables }, () => new Float64Array(total));
  for (let t = maxLag; t < total; t++) {
    for (let j = 0; j < variables; j++) data[j][t] = random.gaussian();
    for (const link of links) data[link.target][t] += link.coefficient * data[link.source][t - link.lag];
  }
  return data.map((series) => series.slice(total - length));
}

/**
 * The 4-variable example of the tigramite tutorial (Runge et al. 2019, Sci. Adv. 5:eaau4996):
 *   X0(t) = 0.7·X0(t−1) − 0.8·X1(t−1);  X1(t) = 0.8·X1(t−1) + 0.8·X3(t−1);
 *   X2(t) = 0.5·X2(t−1) + 0.5·X1(t−2) + 0.6·X3(t−3);  X3(t) = 0.4·X3(t−1).
 */
export const TUTORIAL_PROCESS_LINKS: readonly LinearLink[] = [
  { target: 0, source: 0, lag: 1, coefficient: 0.7 },
  { target: 0, source: 1, lag: 1, coefficient: -0.8 },
  { target: 1, source: 1, lag: 1, coefficient: 0.8 },
  { target: 1, source: 3, lag: 1, coefficient: 0.8 },
  { target: 2, source: 2, lag: 1, coefficient: 0.5 },
  { target: 2, source: 1, lag: 2, coefficient: 0.5 },
  { target: 2, source: 3, lag: 3, coefficient: 0.6 },
  { target: 3, source: 3, lag: 1, coefficient: 0.4 },
];
