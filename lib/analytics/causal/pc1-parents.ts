import type { LaggedTester } from "./lagged-tester";
import type { LaggedNode } from "./pcmci";

/** What PC1 needs of the run's settings (a single pc_alpha). */
export type Pc1Settings = { tauMax: number; pcAlpha: number; maxConditionDimension: number; maxCombinations: number };

/** k-subsets of `items` in lexicographic order of positions (Python itertools.combinations). */
function* combinations<T>(items: readonly T[], k: number): Generator<T[]> {
  if (k > items.length) return;
  const index = Array.from({ length: k }, (_, i) => i);
  while (true) {
    yield index.map((i) => items[i]);
    let i = k - 1;
    while (i >= 0 && index[i] === items.length - k + i) i--;
    if (i < 0) return;
    index[i]++;
    for (let m = i + 1; m < k; m++) index[m] = index[m - 1] + 1;
  }
}

export interface CandidateState {
  node: LaggedNode;
  order: number;
  minAbsValue: number;
  maxPValue: number;
}

/** PC1 (tigramite `_run_pc_stable_single`) for target j, with a single pc_alpha. */
export function selectParents(
  tester: LaggedTester,
  j: number,
  variables: number,
  settings: Pc1Settings,
): CandidateState[] {
  const all: CandidateState[] = [];
  for (let i = 0; i < variables; i++) {
    for (let lag = 1; lag <= settings.tauMax; lag++) {
      all.push({ node: { variable: i, lag }, order: all.length, minAbsValue: Infinity, maxPValue: -Infinity });
    }
  }
  const target: LaggedNode = { variable: j, lag: 0 };
  let parents = all;
  for (let size = 0; size <= settings.maxConditionDimension; size++) {
    if (parents.length - 1 < size) break; // converged
    const removed = new Set<CandidateState>();
    for (const parent of parents) {
      const others = parents.filter((p) => p !== parent);
      let tried = 0;
      for (const conditions of combinations(others, size)) {
        if (tried >= settings.maxCombinations) break;
        tried++;
        const { value, pValue } = tester.test(
          parent.node,
          target,
          conditions.map((c) => c.node),
        );
        parent.minAbsValue = Math.min(parent.minAbsValue, Math.abs(value));
        parent.maxPValue = Math.max(parent.maxPValue, pValue);
        if (pValue > settings.pcAlpha) {
          removed.add(parent);
          break;
        }
      }
    }
    // PC-stable: removals take effect after the round; survivors are re-sorted by strength, ties
    // in the original (variable, lag) order as tigramite's insertion-ordered dict gives.
    parents = parents
      .filter((p) => !removed.has(p))
      .sort((a, b) => b.minAbsValue - a.minAbsValue || a.order - b.order);
  }
  return parents;
}

/** tigramite's pc_alpha list when pc_alpha is None. */
export const DEFAULT_PC_ALPHAS: readonly number[] = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5];

/**
 * PC1 parents of target j. With several pc_alpha values, each is tried and the one whose parents
 * give the lowest Akaike criterion of the OLS model Y_t ~ parents wins (tigramite run_pc_stable with
 * a pc_alpha list: ParCorr's score n·ln(RSS) + 2·p, p = parents + 1; ties go to the earlier value).
 */
export function selectParentsForTarget(
  tester: LaggedTester,
  j: number,
  variables: number,
  settings: Omit<Pc1Settings, "pcAlpha"> & { pcAlphas: readonly number[] },
): { parents: CandidateState[]; pcAlpha: number } {
  if (settings.pcAlphas.length === 1) {
    const pcAlpha = settings.pcAlphas[0];
    return { parents: selectParents(tester, j, variables, { ...settings, pcAlpha }), pcAlpha };
  }
  const target: LaggedNode = { variable: j, lag: 0 };
  let best: { parents: CandidateState[]; pcAlpha: number; score: number } | null = null;
  for (const pcAlpha of settings.pcAlphas) {
    const parents = selectParents(tester, j, variables, { ...settings, pcAlpha });
    const rss = tester.residualSumOfSquares(target, parents.map((p) => p.node));
    // A perfect fit (rss 0) scores -Infinity and wins, as in tigramite.
    const score = tester.n * Math.log(rss) + 2 * (parents.length + 1);
    if (!best || score < best.score) best = { parents, pcAlpha, score };
  }
  return { parents: best!.parents, pcAlpha: best!.pcAlpha };
}
