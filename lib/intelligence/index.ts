/**
 * The weekly brief's brain, pure: the facts of a week (every number a narrator may cite, under a
 * stable key), calibrated predictions chosen for the week, and shadow patterns. The workflow reads
 * the database and hands the rows in; lib/ai narrates the result.
 */
export { buildWeeklyFacts, describeCorrelation, type DataFlag, type DataLevel, type DayHighlight, type SignificantCorrelation, type WeeklyFacts, type WeeklyFactsInput } from "./weekly-facts";
export { findShadowPatterns, HABITS, type ShadowPattern, type Significance } from "./shadow-patterns";
export { FactBook, evidenceOf, roundTo, type EvidenceItem, type Fact } from "./fact-book";
export { computeWindowStats, type WeeklyInputDay, type WindowStats } from "./window-stats";
export { formatDate, formatDay, weekdayName } from "./format-date";
