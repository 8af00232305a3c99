import { mulberry32 } from "@/lib/seeded-random";
import { DateTime, IANAZone } from "luxon";
import { toSeriesFromArrays } from "@/lib/analytics/glucose/series";
import type { GlucoseSeries } from "@/lib/analytics/glucose/types";
import {
  buildReportData,
  computeReportAnalytics,
  type InsightRowInput,
  type PredictionRowInput,
  type StoryRowInput,
} from "../build-report-data";
import type { ReportData, ReportOptions, ReportUnit } from "../report-data";


export type SyntheticCgmOptions = {
  /** First local date, YYYY-MM-DD. */
  from: string;
  days: number;
  timezone: string;
  seed: number;
  /** Local dates with no reading at all (a sensor change, a forgotten phone). */
  missingDates?: string[];
};

/**
 * A plausible type-1 trace every 5 minutes (± 10 s jitter), driven by LOCAL time of day so the AGP
 * shows real structure: a dawn rise, three meals a day with varying size and timing, an occasional
 * night-time low, a slow day-to-day drift, sensor noise, a few multi-hour gaps and whole days
 * missing. Clamped to the 40–400 mg/dL sensor range.
 */
export function generateSyntheticCgm(options: SyntheticCgmOptions): GlucoseSeries {
  const rand = mulberry32(options.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const zone = IANAZone.create(options.timezone);
  const missing = new Set(options.missingDates ?? []);
  const times: number[] = [];
  const values: number[] = [];
  let drift = 0;
  let noise = 0;
  const start = DateTime.fromISO(options.from, { zone: options.timezone }).startOf("day");

  for (let d = 0; d < options.days; d++) {
    const day = start.plus({ days: d });
    const dayStart = day.toMillis();
    const dayEnd = day.plus({ days: 1 }).startOf("day").toMillis();
    const date = day.toISODate() as string;
    const meals = [
      { at: 7.5 * 60 + 40 * gauss(), size: 55 + 45 * rand() },
      { at: 12.75 * 60 + 35 * gauss(), size: 60 + 60 * rand() },
      { at: 19.25 * 60 + 45 * gauss(), size: 70 + 80 * rand() },
    ];
    const low = rand() < 0.3 ? { at: (1 + 4 * rand()) * 60, depth: 70 + 40 * rand() } : null;
    const gap = rand() < 0.12 ? { from: 1440 * rand(), minutes: 90 + 300 * rand() } : null;
    drift = 0.8 * drift + 16 * gauss();
    if (missing.has(date)) continue;

    // wall-clock minute: elapsed time, corrected by the offset change on the two DST days a year
    const dstDay = dayEnd - dayStart !== 86_400_000;
    const startOffset = zone.offset(dayStart);
    for (let t = dayStart + 150_000; t < dayEnd; t += 300_000) {
      const time = t + Math.round(10_000 * gauss());
      const minute = (time - dayStart + (dstDay ? zone.offset(time) - startOffset : 0) * 60_000) / 60_000;
      if (gap && minute >= gap.from && minute < gap.from + gap.minutes) continue;
      let g = 122 + drift;
      g += 28 * Math.exp(-(((minute - 6.5 * 60) / 80) ** 2)); // dawn phenomenon
      for (const meal of meals) {
        const since = minute - meal.at;
        if (since > 0) g += meal.size * (since / 50) * Math.exp(1 - since / 50); // peak ~50 min after
      }
      if (low) g -= low.depth * Math.exp(-(((minute - low.at) / 45) ** 2));
      noise = 0.7 * noise + 4 * gauss();
      g += noise;
      times.push(time);
      values.push(Math.min(400, Math.max(40, g)));
    }
  }
  return toSeriesFromArrays(times, values);
}

export const SYNTHETIC_PATIENT = { name: "Zoë Łukasiewicz", dateOfBirth: "1984-07-02" };
export const SYNTHETIC_TIMEZONE = "Europe/Paris";
/** 90 days including the switch to summer time (30 March 2025 in Paris). */
export const SYNTHETIC_PERIOD = { from: "2025-03-01", to: "2025-05-29" };

const STORY_TITLES = [
  "A first week of steadier mornings",
  "Late dinners pushed the evenings up",
  "Walking after lunch flattened the afternoon",
  "A cold, and higher numbers for three days",
  "Shorter nights, harder mornings",
  "Back to routine after the Easter trip",
  "Fewer lows after moving the evening snack",
  "A busy week at work, more time above range",
  "The best time in range so far",
  "Sensor change and a day without data",
  "Breakfast experiments with protein",
  "Holding steady into summer",
];

/** `count` weekly stories (newest last here; the builder sorts), Mondays before SYNTHETIC_PERIOD.to. */
export function makeSyntheticStories(count: number): StoryRowInput[] {
  const lastMonday = DateTime.fromISO("2025-05-26", { zone: "UTC" });
  return Array.from({ length: count }, (_, k) => {
    const weekOf = lastMonday.minus({ weeks: count - 1 - k }).toISODate() as string;
    const title = STORY_TITLES[k % STORY_TITLES.length];
    return {
      weekOf,
      title: count > STORY_TITLES.length ? `${title} (${k + 1})` : title,
      narrative:
        `Time in range was ${62 + ((k * 7) % 20)}% this week, with most readings above range in the evening after dinner. ` +
        "Mornings were steadier than the week before, and there were two short lows in the early hours.\n\n" +
        "Days with a walk after lunch spent on average 1 h 40 min less above 180 mg/dL than days without one.",
      personalNote: k % 3 === 0 ? `Started the new basal dose on Tuesday of week ${k + 1}; felt shaky twice at night.` : null,
    };
  });
}

export const SYNTHETIC_INSIGHTS: InsightRowInput[] = [
  {
    insightType: "positive",
    title: "Walks after lunch help",
    description: "On days with ≥ 20 minutes of walking after lunch, time above 180 mg/dL in the afternoon fell from 31% to 18%.",
    confidence: 82,
  },
  {
    insightType: "warning",
    title: "Night-time lows cluster after late exercise",
    description: "5 of the 7 lows below 70 mg/dL between 01:00 and 05:00 followed evening exercise.",
    confidence: 64,
  },
  {
    insightType: "neutral",
    title: "Weekends run higher",
    description: "Mean glucose is 11 mg/dL higher on Saturdays and Sundays.",
    confidence: 71,
  },
];

export const SYNTHETIC_PREDICTIONS: PredictionRowInput[] = [
  {
    eventDescription: "Time in range below 70% on a day after a night under 6 h of sleep",
    probability: 53,
    sampleSize: 10,
    timeframe: "Next few days",
    preventable: true,
    reasoning: "6 of 10 short-night days had time in range below 70%, against 36% of all days.",
  },
  {
    eventDescription: "A low below 70 mg/dL overnight after evening exercise",
    probability: 38,
    sampleSize: 13,
    timeframe: "This week",
    preventable: true,
    reasoning: null,
  },
  { eventDescription: "Time in range below 70% on any day", probability: 36, sampleSize: 84, timeframe: "This week", preventable: false, reasoning: null },
];

export const SYNTHETIC_PATTERNS = [
  "Glucose rises most after dinner: the 75th percentile peaks near 240 mg/dL around 20:30.",
  "Lows are concentrated between 01:00 and 05:00.",
  "Time in range improved from the first to the last month of the period.",
];

/**
 * A full ReportData from the seeded 90-day trace, through the real analytics (computeReportAnalytics)
 * and the real builder. Two days in the last fortnight have no data, as after a sensor change.
 */
export function buildSyntheticReportData(
  options: { unit?: ReportUnit; stories?: number; seed?: number; reportOptions?: Partial<ReportOptions> } = {},
): ReportData {
  const series = generateSyntheticCgm({
    from: SYNTHETIC_PERIOD.from,
    days: 90,
    timezone: SYNTHETIC_TIMEZONE,
    seed: options.seed ?? 20250301,
    missingDates: ["2025-05-21", "2025-05-22"],
  });
  return buildReportData({
    ...computeReportAnalytics(series, { timezone: SYNTHETIC_TIMEZONE, period: SYNTHETIC_PERIOD }),
    patient: SYNTHETIC_PATIENT,
    period: SYNTHETIC_PERIOD,
    timezone: SYNTHETIC_TIMEZONE,
    unit: options.unit ?? "mg/dL",
    generatedAt: "2025-05-30T08:15:00.000Z",
    stories: makeSyntheticStories(options.stories ?? 4),
    insights: SYNTHETIC_INSIGHTS,
    predictions: SYNTHETIC_PREDICTIONS,
    notablePatterns: SYNTHETIC_PATTERNS,
    options: { includeAnalysis: true, includeNotes: true, ...options.reportOptions },
  });
}
