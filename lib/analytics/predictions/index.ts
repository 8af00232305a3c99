/**
 * Calibrated predictions (DESIGN decision 5): probabilities that are smoothed empirical frequencies
 * from one person's own daily history, with the sample size behind them.
 */
export { addDays, daysBetween, isIsoDate, isoWeekday, mondayOfDate } from "./day-math";
export { DEFAULT_PRIOR_STRENGTH, laplaceRate, shrinkTowardBaseRate } from "./smoothing";
export { generateCohort, type CohortOptions, type SyntheticPerson } from "./synthetic-cohort";
export { CONDITIONS, EVENTS, PREDICTION_TEMPLATES, MIN_LOGGED_CARB_DAYS, hasActivityData, hasAnyData, type BoundCondition, type DayTest, type PredictionCondition, type PredictionEvent, type PredictionTemplate } from "./templates";
export {
  estimateCalibratedPredictions,
  selectWeeklyPredictions,
  MIN_BASE_DAYS,
  MIN_CONDITIONING_DAYS,
  type CalibratedPrediction,
  type InsufficientHistory,
  type NotChosenKind,
  type PredictionOptions,
  type PredictionResult,
  type WeeklyPredictionSelection,
} from "./calibrated-predictions";
