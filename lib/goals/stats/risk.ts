/**
 * How much a member needs their mentor now, from three signals:
 *
 * - high   when 4+ idle days, or 7-day adherence below 40 %;
 * - medium when 2+ idle days, or 7-day adherence below 70 %, or a drop of 25+ points from the
 *          30-day adherence to the 7-day one;
 * - low    otherwise.
 *
 * Idle days are the days since the last check-in beyond the gap the schedule itself leaves between
 * check-ins (30 / due-in-30-days − 1: none for daily habits, ~1 for three a week, ~6 for once a
 * week), so a once-a-week habit is not flagged on its off days. With nothing due in 30 days,
 * silence is no signal.
 *
 * The score (0–100) ranks mentees: each level owns a band (low 0–33, medium 34–66, high 67–100)
 * and the worst signal's severity places the member inside it, so a higher level always ranks first.
 */
import type { AdherenceWindow, HabitStats, Risk, RiskLevel } from "../types";
import { adherencePercent } from "./adherence";

export const RISK_RULES = { highIdleDays: 4, mediumIdleDays: 2, highBelow: 0.4, mediumBelow: 0.7, mediumDrop: 0.25 } as const;

export type RiskInput = {
  habits: HabitStats[];
  daysSinceLastCheckIn: number | null;
  adherence7: AdherenceWindow;
  adherence30: AdherenceWindow;
};

const BAND_FLOOR: Record<RiskLevel, number> = { low: 0, medium: 34, high: 67 };

export function assessRisk(input: RiskInput): Risk {
  if (input.habits.length === 0) return { level: "low", score: 0, reasons: ["No active habits yet"] };
  const { adherence7: a7, adherence30: a30 } = input;
  const idle = idleDays(input);
  const r7 = a7.ratio;
  const drop = r7 !== null && a30.ratio !== null ? a30.ratio - r7 : 0;

  const level: RiskLevel =
    idle >= RISK_RULES.highIdleDays || (r7 !== null && r7 < RISK_RULES.highBelow)
      ? "high"
      : idle >= RISK_RULES.mediumIdleDays || (r7 !== null && r7 < RISK_RULES.mediumBelow) || drop >= RISK_RULES.mediumDrop
        ? "medium"
        : "low";

  const severity = Math.max(Math.min(idle / 14, 1), r7 === null ? 0 : 1 - r7, Math.min(Math.max(drop, 0), 1));
  const score = Math.min(100, BAND_FLOOR[level] + Math.round(33 * severity));
  return { level, score, reasons: reasonsFor(input, idle, drop) };
}

/** Days of silence the schedule does not explain (Infinity when nothing was ever checked in but something was due). */
function idleDays({ daysSinceLastCheckIn, adherence30 }: RiskInput): number {
  if (adherence30.due <= 0) return 0;
  if (daysSinceLastCheckIn === null) return Infinity;
  const allowance = Math.max(0, Math.round(30 / adherence30.due) - 1);
  return Math.max(0, daysSinceLastCheckIn - allowance);
}

function reasonsFor(input: RiskInput, idle: number, drop: number): string[] {
  const { adherence7: a7, adherence30: a30, daysSinceLastCheckIn: days } = input;
  const reasons: string[] = [];
  if (idle >= RISK_RULES.mediumIdleDays) {
    reasons.push(days === null ? "No check-ins yet" : `No check-in for ${days} day${days === 1 ? "" : "s"}`);
  }
  if (a7.ratio !== null && a7.ratio < RISK_RULES.mediumBelow) {
    // "N times a week" habits owe fractions of a check-in per day; below one whole miss, say the percentage.
    const misses = Math.round(a7.due - a7.done);
    reasons.push(misses > 0 ? `${misses} miss${misses === 1 ? "" : "es"} in the last 7 days` : `7-day adherence is ${adherencePercent(a7)} %`);
  }
  if (drop >= RISK_RULES.mediumDrop) {
    reasons.push(`Adherence fell from ${adherencePercent(a30)} % to ${adherencePercent(a7)} %`);
  }
  if (reasons.length > 0) return reasons;
  if (a7.ratio === null) return ["Nothing was due in the last 7 days"];
  return [`On track: ${Math.round(a7.done)} of ${Math.round(a7.due)} done in the last 7 days`];
}
