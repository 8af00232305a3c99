/**
 * PCMCI causal discovery with partial correlation, as tigramite defines it
 * (tigramite/pcmci.py `run_pcmci` = `run_pc_stable` + `run_mci`, with independence_tests ParCorr;
 * Runge et al. 2019, "Detecting and quantifying causal associations in large nonlinear time series
 * datasets", Sci. Adv. 5:eaau4996).
 *
 * 1. PC1 condition selection, per target j: start from every lagged candidate X_i(t−τ),
 *    τ = 1..tau_max; for condition sizes 0, 1, 2, … test each candidate conditioned on the
 *    strongest other candidates (the first `maxCombinations` subsets in order of strength), drop
 *    the ones with p > pcAlpha at the end of the round, re-sort the survivors by their minimum
 *    |partial correlation| so far, and stop when no candidate has enough others left to condition on.
 * 2. MCI: for every pair (X_i(t−τ), X_j(t)) test X_i(t−τ) ⟂ X_j(t) | P(X_j(t)) ∪ P(X_i(t−τ)), the
 *    parents of X_i shifted by τ. The link is significant when p ≤ alpha.
 *
 * Like tigramite, every test uses the same n = T − 2·tau_max samples (cut_off "2xtau_max"), so the
 * MCI conditions, which reach back to 2·tau_max, are always available.
 *
 * Scope and defaults:
 *   - tau_min = 1: contemporaneous (lag 0) links are out of scope (that is PCMCI+). The lag-0 slots of
 *     the matrices hold value 0 and p-value 1, as tigramite initializes them.
 *   - pcAlpha defaults to 0.2, the default of tigramite's `run_pc_stable` (its `run_pcmci` signature
 *     says 0.05 in recent versions; the tutorials pass 0.2 or None). A list / None (AIC selection
 *     of pc_alpha) is not implemented.
 *   - alpha defaults to 0.05 (tigramite `alpha_level`); fdrMethod "fdr_bh" applies
 *     Benjamini–Hochberg to the MCI p-values of all tested links (tigramite get_corrected_pvalues).
 *   - maxConditionDimension, maxCombinations (default 1), maxConditionsY / maxConditionsX mirror
 *     tigramite's max_conds_dim, max_combinations, max_conds_py / max_conds_px.
 *
 * Degenerate input: NaN or infinite values and series too short (T − 2·tau_max < 3) are refused with
 * a bad_request AppError (tigramite's masking of missing values is not implemented: impute or drop
 * first). A constant variable is kept, gets no parents and no links (value 0, p-value 1), and is
 * listed in `constantVariables`. A test left with no degree of freedom (too many conditions for
 * the sample) throws an unprocessable AppError.
 */
import { AppError } from "@/lib/errors";
import { adjustPValuesBenjaminiHochberg } from "../correlation/benjamini-hochberg";
import {
  CONSTANT_VARIANCE_FRACTION,
  partialCorrelationFromCovariance,
  testPartialCorrelation,
  type CovarianceSource,
} from "./partial-correlation";

export interface PcmciInput {
  /** One name per variable. */
  names: readonly string[];
  /** One series per variable, all of the same length T, evenly spaced in time. */
  series: readonly ArrayLike<number>[];
}

export interface PcmciOptions {
  /** Largest lag tested, ≥ 1; default 1 (tigramite). */
  tauMax?: number;
  /** Significance level of the MCI links (p ≤ alpha); default 0.05. */
  alpha?: number;
  /** Significance level of the PC1 condition selection; default 0.2. */
  pcAlpha?: number;
  /** Largest condition-set size tried in PC1; default N·tau_max (unrestricted). */
  maxConditionDimension?: number;
  /** Condition subsets tried per size in PC1; default 1 (the strongest ones). */
  maxCombinations?: number;
  /** At most this many parents of Y in MCI; default all. */
  maxConditionsY?: number;
  /** At most this many parents of X in MCI; default all. */
  maxConditionsX?: number;
  /** "none" (default) or "fdr_bh" to correct the MCI p-values before thresholding. */
  fdrMethod?: "none" | "fdr_bh";
  /**
   * How each test gets its residual sums: "covariance" (default) reuses the cross-products of the
   * lagged columns across tests; "residuals" forms the OLS residuals of every test from scratch.
   * Both give the same numbers to ~1e-12; the second exists to verify and benchmark the first.
   */
  engine?: "covariance" | "residuals";
}

/** A lagged node X_variable(t − lag). */
export interface LaggedNode {
  variable: number;
  lag: number;
}

export interface PcParent {
  source: string;
  lag: number;
  /** Smallest |partial correlation| over the PC1 tests of this parent. */
  minAbsValue: number;
  /** Largest p-value over the PC1 tests of this parent. */
  maxPValue: number;
}

export interface PcmciLink {
  source: string;
  target: string;
  /** τ ≥ 1: source at t − τ drives target at t. */
  lag: number;
  /** MCI partial correlation. */
  value: number;
  /** MCI p-value (BH-corrected when fdrMethod is "fdr_bh"). */
  pValue: number;
}

export interface PcmciResult {
  variables: string[];
  tauMin: 1;
  tauMax: number;
  alpha: number;
  pcAlpha: number;
  fdrMethod: "none" | "fdr_bh";
  /** Samples in every test: T − 2·tau_max. */
  sampleSize: number;
  /** Significant links, grouped by target (in variable order), strongest |value| first. */
  links: PcmciLink[];
  /** PC1 parents of each variable, strongest first (the MCI conditions). */
  parents: Record<string, PcParent[]>;
  /** valueMatrix[i][j][τ]: MCI partial correlation of X_i(t−τ) → X_j(t); τ = 0 is untested (0). */
  valueMatrix: number[][][];
  /** pValueMatrix[i][j][τ]: MCI p-value; τ = 0 is untested (1). */
  pValueMatrix: number[][][];
  /** Variables without spread; they take part in no link. */
  constantVariables: string[];
  testsRun: { pc: number; mci: number };
}

interface ValidatedInput {
  names: string[];
  data: Float64Array[];
  length: number;
}

function validateInput(input: PcmciInput, tauMax: number): ValidatedInput {
  const names = [...input.names];
  if (names.length === 0 || names.length !== input.series.length) {
    throw new AppError(
      "bad_request:analytics",
      `PCMCI needs one name per series (got ${names.length} names and ${input.series.length} series).`,
    );
  }
  if (new Set(names).size !== names.length) {
    throw new AppError("bad_request:analytics", "Variable names must be distinct.");
  }
  const length = input.series[0].length;
  const data = input.series.map((series, v) => {
    if (series.length !== length) {
      throw new AppError(
        "bad_request:analytics",
        `All series must have the same length: "${names[v]}" has ${series.length} values, "${names[0]}" has ${length}.`,
      );
    }
    const copy = new Float64Array(series);
    for (let t = 0; t < copy.length; t++) {
      if (!Number.isFinite(copy[t])) {
        throw new AppError(
          "bad_request:analytics",
          `"${names[v]}" has a missing or non-numeric value at position ${t + 1}; fill or drop it before running PCMCI.`,
        );
      }
    }
    return copy;
  });
  if (length - 2 * tauMax < 3) {
    throw new AppError(
      "bad_request:analytics",
      `PCMCI with a maximum lag of ${tauMax} needs at least ${2 * tauMax + 3} time points; got ${length}.`,
    );
  }
  return { names, data, length };
}

function validateOptions(options: PcmciOptions, variables: number) {
  const tauMax = options.tauMax ?? 1;
  const alpha = options.alpha ?? 0.05;
  const pcAlpha = options.pcAlpha ?? 0.2;
  const maxCombinations = options.maxCombinations ?? 1;
  const maxConditionDimension = options.maxConditionDimension ?? variables * tauMax;
  const fdrMethod = options.fdrMethod ?? "none";
  if (!Number.isInteger(tauMax) || tauMax < 1) {
    throw new AppError("bad_request:analytics", "The maximum lag must be a whole number of at least 1.");
  }
  if (!(alpha > 0 && alpha <= 1) || !(pcAlpha > 0 && pcAlpha <= 1)) {
    throw new AppError("bad_request:analytics", "Significance levels must lie in (0, 1].");
  }
  if (!Number.isInteger(maxCombinations) || maxCombinations < 1) {
    throw new AppError("bad_request:analytics", "maxCombinations must be a whole number of at least 1.");
  }
  if (!Number.isInteger(maxConditionDimension) || maxConditionDimension < 0) {
    throw new AppError("bad_request:analytics", "maxConditionDimension must be a whole number, 0 or more.");
  }
  for (const [label, value] of [
    ["maxConditionsY", options.maxConditionsY],
    ["maxConditionsX", options.maxConditionsX],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new AppError("bad_request:analytics", `${label} must be a whole number, 0 or more.`);
    }
  }
  if (fdrMethod !== "none" && fdrMethod !== "fdr_bh") {
    throw new AppError("bad_request:analytics", 'fdrMethod must be "none" or "fdr_bh".');
  }
  const engine = options.engine ?? "covariance";
  if (engine !== "covariance" && engine !== "residuals") {
    throw new AppError("bad_request:analytics", 'engine must be "covariance" or "residuals".');
  }
  return {
    tauMax,
    alpha,
    pcAlpha,
    maxCombinations,
    maxConditionDimension,
    maxConditionsY: options.maxConditionsY ?? Infinity,
    maxConditionsX: options.maxConditionsX ?? Infinity,
    fdrMethod,
    engine,
  };
}

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

/**
 * Runs the tests on the common window t = 2·tau_max … T − 1 and counts them. Every test uses
 * columns X_v(t − lag) with lag ≤ 2·tau_max, so their centered cross-products are computed once,
 * on first use, and shared by all the PC1 and MCI tests.
 */
class LaggedTester implements CovarianceSource {
  count = 0;
  readonly n: number;
  private readonly start: number;
  private readonly lagsPerVariable: number;
  private readonly centered: (Float64Array | undefined)[];
  private readonly constant: (boolean | undefined)[];
  private readonly columns: number;
  /** columns × columns cross-products, NaN until computed. */
  private readonly products: Float64Array;

  constructor(
    private readonly data: readonly Float64Array[],
    length: number,
    tauMax: number,
    private readonly engine: "covariance" | "residuals",
  ) {
    this.start = 2 * tauMax;
    this.n = length - this.start;
    this.lagsPerVariable = 2 * tauMax + 1;
    this.columns = data.length * this.lagsPerVariable;
    this.centered = new Array(this.columns);
    this.constant = new Array(this.columns);
    this.products = new Float64Array(this.columns * this.columns).fill(Number.NaN);
  }

  private indexOf(node: LaggedNode): number {
    return node.variable * this.lagsPerVariable + node.lag;
  }

  /** X_v(t − lag) over the window, minus its mean. */
  private column(index: number): Float64Array {
    let column = this.centered[index];
    if (column === undefined) {
      const variable = Math.floor(index / this.lagsPerVariable);
      const lag = index % this.lagsPerVariable;
      const from = this.start - lag;
      const raw = this.data[variable].subarray(from, from + this.n);
      let sum = 0;
      let squares = 0;
      for (let t = 0; t < this.n; t++) {
        sum += raw[t];
        squares += raw[t] * raw[t];
      }
      const mean = sum / this.n;
      column = new Float64Array(this.n);
      let variance = 0;
      for (let t = 0; t < this.n; t++) {
        column[t] = raw[t] - mean;
        variance += column[t] * column[t];
      }
      this.centered[index] = column;
      this.constant[index] = variance / this.n <= CONSTANT_VARIANCE_FRACTION * (squares / this.n);
    }
    return column;
  }

  crossProduct(a: number, b: number): number {
    const slot = a * this.columns + b;
    let value = this.products[slot];
    if (Number.isNaN(value)) {
      const ca = this.column(a);
      const cb = this.column(b);
      value = 0;
      for (let t = 0; t < this.n; t++) value += ca[t] * cb[t];
      this.products[slot] = value;
      this.products[b * this.columns + a] = value;
    }
    return value;
  }

  isConstant(a: number): boolean {
    this.column(a);
    return this.constant[a]!;
  }

  /** X_v(t − lag) over the window, raw, as a zero-copy view. */
  private view(node: LaggedNode): Float64Array {
    const from = this.start - node.lag;
    return this.data[node.variable].subarray(from, from + this.n);
  }

  test(x: LaggedNode, y: LaggedNode, z: readonly LaggedNode[]) {
    this.count++;
    if (this.engine === "residuals") {
      return testPartialCorrelation(this.view(x), this.view(y), z.map((node) => this.view(node)), this.n);
    }
    return partialCorrelationFromCovariance(
      this,
      this.indexOf(x),
      this.indexOf(y),
      z.map((node) => this.indexOf(node)),
      this.n,
    );
  }
}

interface CandidateState {
  node: LaggedNode;
  order: number;
  minAbsValue: number;
  maxPValue: number;
}

/** PC1 (tigramite `_run_pc_stable_single`) for target j, with a single pc_alpha. */
function selectParents(
  tester: LaggedTester,
  j: number,
  variables: number,
  settings: ReturnType<typeof validateOptions>,
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

function sameNode(a: LaggedNode, b: LaggedNode) {
  return a.variable === b.variable && a.lag === b.lag;
}

/** MCI conditions for X_i(t−τ) → X_j(t) (tigramite `_iter_indep_conds`). */
function mciConditions(
  parentsY: readonly LaggedNode[],
  parentsX: readonly LaggedNode[],
  source: LaggedNode,
): LaggedNode[] {
  const conditions = parentsY.filter((node) => !sameNode(node, source));
  for (const node of parentsX) {
    const shifted = { variable: node.variable, lag: node.lag + source.lag };
    if (!conditions.some((c) => sameNode(c, shifted))) conditions.push(shifted);
  }
  return conditions;
}

/** Same rule as the tests' constant check, over the whole series. */
function hasNoSpread(series: Float64Array): boolean {
  let sum = 0;
  let squares = 0;
  for (const v of series) {
    sum += v;
    squares += v * v;
  }
  const mean = sum / series.length;
  let variance = 0;
  for (const v of series) variance += (v - mean) * (v - mean);
  return variance / series.length <= CONSTANT_VARIANCE_FRACTION * (squares / series.length);
}

function emptyMatrix(variables: number, lags: number, fill: number): number[][][] {
  return Array.from({ length: variables }, () =>
    Array.from({ length: variables }, () => new Array<number>(lags).fill(fill)),
  );
}

export function runPcmci(input: PcmciInput, options: PcmciOptions = {}): PcmciResult {
  const settings = validateOptions(options, input.names.length);
  const { names, data, length } = validateInput(input, settings.tauMax);
  const variables = names.length;
  const { tauMax } = settings;
  const tester = new LaggedTester(data, length, tauMax, settings.engine);

  // Step 1: PC1 parents of every variable.
  const pcParents = Array.from({ length: variables }, (_, j) => selectParents(tester, j, variables, settings));
  const pcTests = tester.count;
  const parentNodes = pcParents.map((list) => list.map((p) => p.node));

  // Step 2: MCI for every lagged pair.
  const valueMatrix = emptyMatrix(variables, tauMax + 1, 0);
  const pValueMatrix = emptyMatrix(variables, tauMax + 1, 1);
  for (let j = 0; j < variables; j++) {
    const parentsY = parentNodes[j].slice(0, settings.maxConditionsY);
    for (let i = 0; i < variables; i++) {
      const parentsX = parentNodes[i].slice(0, settings.maxConditionsX);
      for (let lag = 1; lag <= tauMax; lag++) {
        const source = { variable: i, lag };
        const { value, pValue } = tester.test(source, { variable: j, lag: 0 }, mciConditions(parentsY, parentsX, source));
        valueMatrix[i][j][lag] = value;
        pValueMatrix[i][j][lag] = pValue;
      }
    }
  }

  if (settings.fdrMethod === "fdr_bh") {
    const slots: [number, number, number][] = [];
    for (let i = 0; i < variables; i++) {
      for (let j = 0; j < variables; j++) for (let lag = 1; lag <= tauMax; lag++) slots.push([i, j, lag]);
    }
    const q = adjustPValuesBenjaminiHochberg(slots.map(([i, j, lag]) => pValueMatrix[i][j][lag]));
    slots.forEach(([i, j, lag], k) => (pValueMatrix[i][j][lag] = q[k]));
  }

  const links: PcmciLink[] = [];
  for (let j = 0; j < variables; j++) {
    const incoming: PcmciLink[] = [];
    for (let i = 0; i < variables; i++) {
      for (let lag = 1; lag <= tauMax; lag++) {
        if (pValueMatrix[i][j][lag] <= settings.alpha) {
          incoming.push({
            source: names[i],
            target: names[j],
            lag,
            value: valueMatrix[i][j][lag],
            pValue: pValueMatrix[i][j][lag],
          });
        }
      }
    }
    incoming.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
    links.push(...incoming);
  }

  const parents: Record<string, PcParent[]> = {};
  pcParents.forEach((list, j) => {
    parents[names[j]] = list.map((p) => ({
      source: names[p.node.variable],
      lag: p.node.lag,
      minAbsValue: p.minAbsValue,
      maxPValue: p.maxPValue,
    }));
  });

  return {
    variables: names,
    tauMin: 1,
    tauMax,
    alpha: settings.alpha,
    pcAlpha: settings.pcAlpha,
    fdrMethod: settings.fdrMethod,
    sampleSize: tester.n,
    links,
    parents,
    valueMatrix,
    pValueMatrix,
    constantVariables: names.filter((_, v) => hasNoSpread(data[v])),
    testsRun: { pc: pcTests, mci: tester.count - pcTests },
  };
}
