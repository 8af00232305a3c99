import { isoWeekday } from "@/lib/analytics/predictions";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "Tuesday 10 June": the way a date reads in a brief (no ICU locale data, so identical everywhere). */
export function formatDay(date: string): string {
  return `${WEEKDAYS[isoWeekday(date) - 1]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
}

/** "10 June 2025". */
export function formatDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

export function weekdayName(date: string): string {
  return WEEKDAYS[isoWeekday(date) - 1];
}
