import type { ChartEvent } from "@/components/charts";
import type { TimelineEvents } from "@/db/queries/intelligence-views";

/**
 * The timeline's events as GlucoseTraceChart draws them (epoch ms; a span when there is an end), with
 * labels a person hears from a screen reader: "Lunch, 45 g carbs", "Walk, 30 min", "Sleep, 7 h 10 min asleep".
 */
export function toChartEvents(events: TimelineEvents): ChartEvent[] {
  const out: ChartEvent[] = [];
  for (const m of events.meals) {
    const name = m.mealType ? capitalizeWord(m.mealType) : "Meal";
    const carbs = m.carbsG !== null && Number.isFinite(m.carbsG) ? `, ${Math.round(m.carbsG)} g carbs` : "";
    out.push({ time: m.time.getTime(), kind: "meal", label: `${name}${carbs}` });
  }
  for (const a of events.activities) {
    const start = a.time.getTime();
    const minutes = a.durationMin !== null && Number.isFinite(a.durationMin) && a.durationMin > 0 ? a.durationMin : null;
    const end = a.end ? a.end.getTime() : minutes !== null ? start + minutes * 60_000 : undefined;
    const length = minutes !== null ? `, ${Math.round(minutes)} min` : "";
    out.push({ time: start, ...(end !== undefined && end > start ? { end } : {}), kind: "workout", label: `${capitalizeWord(a.type.replace(/_/g, " "))}${length}` });
  }
  for (const s of events.sleep) {
    const asleep = s.asleepMinutes !== null && Number.isFinite(s.asleepMinutes) ? `, ${formatHoursMinutes(s.asleepMinutes)} asleep` : "";
    out.push({ time: s.start.getTime(), end: s.end.getTime(), kind: "sleep", label: `Sleep${asleep}` });
  }
  return out.sort((x, y) => x.time - y.time);
}

/** "7 h 10 min", "45 min". */
export function formatHoursMinutes(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function capitalizeWord(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The spans the timeline offers, in days; 14 unless the address asks for another. */
export const TIMELINE_RANGES = [7, 14, 30, 90] as const;
export type TimelineDays = (typeof TIMELINE_RANGES)[number];
export const DEFAULT_TIMELINE_DAYS: TimelineDays = 14;

/** `?days=30` → 30; anything else (missing, "abc", "45", an array) → the default. */
export function parseTimelineDays(value: string | string[] | undefined): TimelineDays {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return (TIMELINE_RANGES as readonly number[]).includes(n) ? (n as TimelineDays) : DEFAULT_TIMELINE_DAYS;
}
