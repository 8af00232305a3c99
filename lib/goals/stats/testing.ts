/** Builders for the statistics tests: habits and runs of check-ins on consecutive local days. */
import type { CheckInDay, CheckInStatus, HabitInput, HabitSchedule } from "../types";
import { addDays } from "./calendar";

/** `count` consecutive days from `first`, each with `status`. */
export function run(first: string, count: number, status: CheckInStatus = "done"): CheckInDay[] {
  return Array.from({ length: count }, (_, i) => ({ day: addDays(first, i), status }));
}

export function habit(startDay: string, checkIns: CheckInDay[], schedule: HabitSchedule = { kind: "daily" }, skipBudgetPerWeek = 1): HabitInput {
  return { schedule, skipBudgetPerWeek, startDay, checkIns };
}
