/**
 * Lagged correlations between daily factors (sleep, exercise, steps, carbs, late dinners…) and daily
 * glucose outcomes (mean, time in range, CV, overnight mean): the factor on day d against the
 * outcome on day d + lag, for lags 0–3 by default.
 *
 * - Pairs are formed by calendar date: a day missing from `dates` (or a null value on either side)
 *   drops that pair; it never shifts the others.
 * - Each (factor, outcome, lag) is tested with Pearson and Spearman (scipy definitions, see
 *   coefficients.ts). The `primary` method (Spearman by default, because a single odd day such as
 *   an illness or a sensor fault moves Pearson far more than ranks) decides q, direction and
 *   significance; both coefficients and p-values are always reported.
 * - q-values: Benjamini–Hochberg over every test of the call that was actually run (R p.adjust BH).
 * - Tests with fewer than `minSamples` pairs (default 14), or where either side is constant over
 *   the pairs, are not run: they are listed in `skipped` with a reason, never as NaN.
 */
import { AppError } from "@/lib/errors";
import { adjustPValuesBenjaminiHochberg } from "./benjamini-hochberg";
import { toDayNumber } from "./calendar-days";
import { isConstant, pearsonCorrelation, spearmanCorrelation } from "./coefficients";
import { classifyConfidence, type ConfidenceLevel } from "./confidence-level";

export type DailySeries = readonly (number | null | undefined)[];

export interface LaggedCorrelationInput {
  /** One `YYYY-MM-DD` per position; consecutive or not, in any order, no duplicates. */
  dates: readonly string[];
  /** Daily factors, aligned with `dates`; null (or a non-finite number) means "not measured". */
  factors: Record<string, DailySeries>;
  /** Daily outcomes, aligned with `dates`. */
  outcomes: Record<string, DailySeries>;
}

export type CorrelationMethod = "pearson" | "spearman";

export interface LaggedCorrelationOptions {
  /** Non-negative whole days; default [0, 1, 2, 3]. */
  lags?: readonly number[];
  /** Minimum paired days for a test to run; default 14, at least 3. */
  minSamples?: number;
  /** FDR level: a test is significant when its q-value is below it; default 0.05. */
  fdrLevel?: number;
  /** Method whose p-value feeds q, direction and significance; default "spearman". */
  primary?: CorrelationMethod;
}

export type CorrelationDirection = "positive" | "negative" | "none";

export interface LaggedCorrelationRow {
  factor: string;
  outcome: string;
  /** Days between the factor and the outcome (factor on d, outcome on d + lag). */
  lag: number;
  /** Paired days used. */
  n: number;
  pearson: { r: number; p: number };
  spearman: { rho: number; p: number };
  /** Benjamini–Hochberg q-value of the primary p-value, across all tests of the call. */
  q: number;
  significant: boolean;
  confidence: ConfidenceLevel;
  /** Sign of the primary coefficient ("none" only for a coefficient of exactly 0). */
  direction: CorrelationDirection;
}

export type SkipReason = "too_few_pairs" | "constant_factor" | "constant_outcome";

export interface SkippedCorrelation {
  factor: string;
  outcome: string;
  lag: number;
  n: number;
  reason: SkipReason;
  /** A sentence a person can read. */
  message: string;
}

export interface LaggedCorrelationResult {
  primary: CorrelationMethod;
  fdrLevel: number;
  minSamples: number;
  lags: number[];
  /** Number of tests run (= rows.length); the BH family size. */
  testsRun: number;
  /** Sorted by q ascending, then |primary coefficient| descending, then factor, outcome, lag. */
  rows: LaggedCorrelationRow[];
  skipped: SkippedCorrelation[];
}

export const DEFAULT_LAGS = [0, 1, 2, 3] as const;
export const DEFAULT_MIN_SAMPLES = 14;
export const DEFAULT_FDR_LEVEL = 0.05;

function readValue(series: DailySeries, index: number): number | null {
  const v = series[index];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function validateOptions(options: LaggedCorrelationOptions) {
  const lags = [...(options.lags ?? DEFAULT_LAGS)];
  const minSamples = options.minSamples ?? DEFAULT_MIN_SAMPLES;
  const fdrLevel = options.fdrLevel ?? DEFAULT_FDR_LEVEL;
  const primary = options.primary ?? "spearman";
  if (lags.length === 0 || lags.some((lag) => !Number.isInteger(lag) || lag < 0)) {
    throw new AppError("bad_request:analytics", "Lags must be whole numbers of days, 0 or more.");
  }
  if (!Number.isInteger(minSamples) || minSamples < 3) {
    throw new AppError("bad_request:analytics", "The minimum sample size must be a whole number of at least 3 days.");
  }
  if (!(fdrLevel > 0 && fdrLevel < 1)) {
    throw new AppError("bad_request:analytics", "The false-discovery level must lie between 0 and 1.");
  }
  if (primary !== "pearson" && primary !== "spearman") {
    throw new AppError("bad_request:analytics", 'The primary method must be "pearson" or "spearman".');
  }
  return { lags: [...new Set(lags)].sort((a, b) => a - b), minSamples, fdrLevel, primary };
}

function validateSeries(kind: string, series: Record<string, DailySeries>, length: number) {
  for (const [name, values] of Object.entries(series)) {
    if (!Array.isArray(values) || values.length !== length) {
      throw new AppError(
        "bad_request:analytics",
        `The ${kind} "${name}" has ${Array.isArray(values) ? values.length : "no"} values for ${length} dates.`,
      );
    }
  }
}

/** Paired values of factor on day d and outcome on day d + lag, over the days present in both. */
function pairByCalendarDate(
  dayNumbers: readonly number[],
  indexByDay: ReadonlyMap<number, number>,
  factor: DailySeries,
  outcome: DailySeries,
  lag: number,
): { x: Float64Array; y: Float64Array } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < dayNumbers.length; i++) {
    const x = readValue(factor, i);
    if (x === null) continue;
    const j = indexByDay.get(dayNumbers[i] + lag);
    if (j === undefined) continue;
    const y = readValue(outcome, j);
    if (y === null) continue;
    xs.push(x);
    ys.push(y);
  }
  return { x: new Float64Array(xs), y: new Float64Array(ys) };
}

function directionOf(coefficient: number): CorrelationDirection {
  if (coefficient > 0) return "positive";
  if (coefficient < 0) return "negative";
  return "none";
}

export function computeLaggedCorrelations(
  input: LaggedCorrelationInput,
  options: LaggedCorrelationOptions = {},
): LaggedCorrelationResult {
  const { lags, minSamples, fdrLevel, primary } = validateOptions(options);
  const dayNumbers = input.dates.map(toDayNumber);
  const indexByDay = new Map<number, number>();
  dayNumbers.forEach((day, index) => {
    if (indexByDay.has(day)) {
      throw new AppError("bad_request:analytics", `The date ${input.dates[index]} appears more than once.`);
    }
    indexByDay.set(day, index);
  });
  validateSeries("factor", input.factors, dayNumbers.length);
  validateSeries("outcome", input.outcomes, dayNumbers.length);

  type Pending = Omit<LaggedCorrelationRow, "q" | "significant" | "confidence">;
  const pending: Pending[] = [];
  const skipped: SkippedCorrelation[] = [];

  for (const [factorName, factor] of Object.entries(input.factors)) {
    for (const [outcomeName, outcome] of Object.entries(input.outcomes)) {
      for (const lag of lags) {
        const { x, y } = pairByCalendarDate(dayNumbers, indexByDay, factor, outcome, lag);
        const n = x.length;
        const base = { factor: factorName, outcome: outcomeName, lag, n };
        if (n < minSamples) {
          skipped.push({
            ...base,
            reason: "too_few_pairs",
            message: `Only ${n} paired days for ${factorName} and ${outcomeName} ${lag} day(s) later; at least ${minSamples} are needed.`,
          });
          continue;
        }
        if (isConstant(x)) {
          skipped.push({
            ...base,
            reason: "constant_factor",
            message: `${factorName} has the same value on all ${n} paired days, so it cannot explain any change.`,
          });
          continue;
        }
        if (isConstant(y)) {
          skipped.push({
            ...base,
            reason: "constant_outcome",
            message: `${outcomeName} has the same value on all ${n} paired days, so there is nothing to explain.`,
          });
          continue;
        }
        // Both are non-null: n ≥ 3 and neither side is constant (ranks of a non-constant column
        // are not constant either).
        const pearson = pearsonCorrelation(x, y)!;
        const spearman = spearmanCorrelation(x, y)!;
        const primaryCoefficient = primary === "pearson" ? pearson.coefficient : spearman.coefficient;
        pending.push({
          ...base,
          pearson: { r: pearson.coefficient, p: pearson.pValue },
          spearman: { rho: spearman.coefficient, p: spearman.pValue },
          direction: directionOf(primaryCoefficient),
        });
      }
    }
  }

  const primaryP = pending.map((row) => (primary === "pearson" ? row.pearson.p : row.spearman.p));
  const qValues = adjustPValuesBenjaminiHochberg(primaryP);
  const rows: LaggedCorrelationRow[] = pending.map((row, i) => {
    const q = qValues[i];
    const significant = q < fdrLevel;
    return { ...row, q, significant, confidence: classifyConfidence(q, row.n, significant) };
  });

  const strength = (row: LaggedCorrelationRow) => Math.abs(primary === "pearson" ? row.pearson.r : row.spearman.rho);
  rows.sort(
    (a, b) =>
      a.q - b.q ||
      strength(b) - strength(a) ||
      a.factor.localeCompare(b.factor) ||
      a.outcome.localeCompare(b.outcome) ||
      a.lag - b.lag,
  );

  return { primary, fdrLevel, minSamples, lags, testsRun: rows.length, rows, skipped };
}
