/** Habit statistics: pure functions over local days, no database. */
export { localDay, localToday } from "./local-day";
export { addDays, daysBetween } from "./calendar";
export { habitStats, analyzeHabit, type HabitAnalysis } from "./habit-stats";
export { adherencePercent, adherenceWindow, combineWindows, dailyAdherence } from "./adherence";
export { sumLedger, type Ledger, type LedgerDay } from "./ledger";
export { assessRisk, RISK_RULES, type RiskInput } from "./risk";
export { strengthMultiplier } from "./strength";
