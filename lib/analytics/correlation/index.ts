export { adjustPValuesBenjaminiHochberg } from "./benjamini-hochberg";
export { toDayNumber } from "./calendar-days";
export {
  isConstant,
  pearsonCorrelation,
  rankWithTies,
  spearmanCorrelation,
  type CorrelationTest,
  type NumericArray,
} from "./coefficients";
export { classifyConfidence, type ConfidenceLevel } from "./confidence-level";
export {
  computeLaggedCorrelations,
  DEFAULT_FDR_LEVEL,
  DEFAULT_LAGS,
  DEFAULT_MIN_SAMPLES,
  type CorrelationDirection,
  type CorrelationMethod,
  type DailySeries,
  type LaggedCorrelationInput,
  type LaggedCorrelationOptions,
  type LaggedCorrelationResult,
  type LaggedCorrelationRow,
  type SkippedCorrelation,
  type SkipReason,
} from "./lagged-correlations";
export { correlationPValue, logGamma, regularizedIncompleteBeta, studentTTwoSidedPValue } from "./student-t";
