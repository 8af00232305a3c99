import { adherencePercent } from "./stats/adherence";
import type { AdherenceWindow, HabitSchedule, RiskLevel } from "./types";

const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Every day", "3 times a week", "Mon, Wed, Fri". */
export function describeSchedule(schedule: HabitSchedule): string {
  if (schedule.kind === "daily") return "Every day";
  if (schedule.weekdays?.length) return [...schedule.weekdays].sort().map((d) => WEEKDAY_NAMES[d - 1]).join(", ");
  return schedule.timesPerWeek === 1 ? "Once a week" : `${schedule.timesPerWeek} times a week`;
}

/** "83 %" or "—" when nothing was due. */
export function formatAdherence(window: AdherenceWindow): string {
  const percent = adherencePercent(window);
  return percent === null ? "—" : `${percent} %`;
}

/** "1 day", "3 weeks": a streak in its habit's unit. */
export function formatStreak(count: number, unit: "day" | "week"): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

export const RISK_LABEL: Record<RiskLevel, string> = { low: "On track", medium: "Needs attention", high: "At risk" };

/** Tailwind classes for the risk badge; each pair keeps at least 4.5:1 contrast. */
export const RISK_STYLE: Record<RiskLevel, string> = {
  low: "bg-green-50 text-green-800 ring-green-200",
  medium: "bg-amber-50 text-amber-900 ring-amber-200",
  high: "bg-red-50 text-red-800 ring-red-200",
};
