import { assertTimezone, assignLocalDays, listLocalDays } from "./local-days";
import { assertValidSeries } from "./series";
import type { GlucoseSeries } from "./types";

export type DailyProfile = {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  startMs: number;
  endMs: number;
  /** 24, or 23 / 25 on the days a DST change happens in `timezone`. */
  hours: number;
  times: number[];
  values: number[];
  /** Minutes since local midnight in elapsed time: monotonic, up to 1380, 1440 or 1500 on DST days. */
  elapsedMinutes: number[];
  /** Wall-clock minute of the day (0–1439); repeats during the extra hour of a 25-hour day. */
  wallMinutes: number[];
  /** null on a day without readings. */
  mean: number | null;
  min: number | null;
  max: number | null;
  /** % of the day's readings in 70–180 mg/dL; null without readings. */
  inRange70to180: number | null;
};

/**
 * One profile per calendar day in `timezone`, from the day of the first reading to the day of the
 * last one; days in between without readings are included, empty, so a chart keeps its calendar.
 * Day boundaries come from luxon, so DST days are 23 or 25 hours long.
 */
export function computeDailyProfiles(series: GlucoseSeries, options: { timezone?: string } = {}): DailyProfile[] {
  assertValidSeries(series, 1);
  const timezone = options.timezone ?? "UTC";
  assertTimezone(timezone);
  const { days, dayIndex, wallMinute } = assignLocalDays(series.times, timezone);

  const calendar = listLocalDays(series.times[0], series.times[series.times.length - 1], timezone);
  const profiles: DailyProfile[] = calendar.map((d) => ({
    date: d.date,
    startMs: d.startMs,
    endMs: d.endMs,
    hours: Math.round((d.endMs - d.startMs) / 3_600_000),
    times: [],
    values: [],
    elapsedMinutes: [],
    wallMinutes: [],
    mean: null,
    min: null,
    max: null,
    inRange70to180: null,
  }));
  const byStart = new Map(profiles.map((p, i) => [p.startMs, i]));

  for (let i = 0; i < series.times.length; i++) {
    const profile = profiles[byStart.get(days[dayIndex[i]].startMs) as number];
    profile.times.push(series.times[i]);
    profile.values.push(series.values[i]);
    profile.elapsedMinutes.push((series.times[i] - profile.startMs) / 60_000);
    profile.wallMinutes.push(wallMinute[i]);
  }
  for (const p of profiles) {
    if (p.values.length === 0) continue;
    let sum = 0;
    let inRange = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const v of p.values) {
      sum += v;
      if (v >= 70 && v <= 180) inRange++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    p.mean = sum / p.values.length;
    p.min = min;
    p.max = max;
    p.inRange70to180 = (100 * inRange) / p.values.length;
  }
  return profiles;
}
