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
 *     says 0.05 in recent versions; the tutorials pass 0.2 or None). A list, or null for tigramite's
 *     list [0.05 … 0.5], chooses pc_alpha per variable by the Akaike criterion (pc1-parents.ts).
 *   - alpha defaults to 0.05 (tigramite `alpha_level`); fdrMethod "fdr_bh" applies
 *     Benjamini–Hochberg to the MCI p-values of all tested links (tigramite get_corrected_pvalues).
 *   - maxConditionDimension, maxCombinations (default 1), maxConditionsY / maxConditionsX mirror
 *     tigramite's max_conds_dim, max_combinations, max_conds_py / max_conds_px.
 *
 * Degenerate input: NaN or infinite values and series too short (T − 2·tau_max < 3) are refused with
 * a bad_request AppError: the lagged design needs every time point, so callers impute or drop missing
 * days first (pattern discovery fills a few missing days with the mean and refuses sparse series). A constant variable is kept, gets no parents and no links (value 0, p-value 1), and is
 * listed in `constantVariables`. A test left with no degree of freedom (too many conditions for
 * the sample) throws an unprocessable AppError.
 */
import { AppError } from "@/lib/errors";
import { adjustPValuesBenjaminiHochberg } from "../correlation/benjamini-hochberg";
import { CONSTANT_VARIANCE_FRACTION } from "./partial-correlation";
import { LaggedTester } from "./lagged-tester";
import { DEFAULT_PC_ALPHAS, selectParentsForTarget } from "./pc1-parents";

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
  /**
   * Significance level of the PC1 condition selection; default 0.2. A list (or null for tigramite's
   * default list) picks one per variable by the Akaike criterion.
   */
  pcAlpha?: number | readonly number[] | null;
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
  /** The pc_alpha given (a list when one was chosen per variable, see selectedPcAlpha). */
  pcAlpha: number | number[];
  /** The pc_alpha PC1 used for each variable. */
  selectedPcAlpha: Record<string, number>;
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
  const pcAlphas = options.pcAlpha === null ? DEFAULT_PC_ALPHAS : Array.isArray(options.pcAlpha) ? options.pcAlpha : [(options.pcAlpha as number | undefined) ?? 0.2];
  const maxCombinations = options.maxCombinations ?? 1;
  const maxConditionDimension = options.maxConditionDimension ?? variables * tauMax;
  const fdrMethod = options.fdrMethod ?? "none";
  if (!Number.isInteger(tauMax) || tauMax < 1) {
    throw new AppError("bad_request:analytics", "The maximum lag must be a whole number of at least 1.");
  }
  if (!(alpha > 0 && alpha <= 1) || pcAlphas.length === 0 || !pcAlphas.every((a) => a > 0 && a <= 1)) {
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
    pcAlphas,
    maxCombinations,
    maxConditionDimension,
    maxConditionsY: options.maxConditionsY ?? Infinity,
    maxConditionsX: options.maxConditionsX ?? Infinity,
    fdrMethod,
    engine,
  };
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
  const selections = Array.from({ length: variables }, (_, j) => selectParentsForTarget(tester, j, variables, settings));
  const pcParents = selections.map((s) => s.parents);
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
    pcAlpha: settings.pcAlphas.length === 1 ? settings.pcAlphas[0] : [...settings.pcAlphas],
    selectedPcAlpha: Object.fromEntries(names.map((name, j) => [name, selections[j].pcAlpha])),
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
