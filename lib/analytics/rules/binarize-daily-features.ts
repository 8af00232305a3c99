/**
 * Turns daily aggregates into the one-hot table apriori mines: one row per day, one boolean column
 * per daily fact. Thresholds (all overridable) and where they come from:
 *
 * | column             | true when                         | source                                              |
 * |--------------------|-----------------------------------|-----------------------------------------------------|
 * | good_glucose_day   | time in range 70–180 ≥ 70 %       | Battelino et al. 2019 consensus target (TIR > 70 %) |
 * | stable_glucose     | glucose CV ≤ 36 %                 | same consensus: CV ≤ 36 % is "stable"               |
 * | slept_7h           | sleep ≥ 420 min                   | AASM/SRS 2015: adults need ≥ 7 h                    |
 * | exercised_30min    | exercise ≥ 30 min                 | ADA Standards of Care: 150 min/week ≈ 30 min × 5    |
 * | walked_8k_steps    | steps ≥ 8,000                     | Paluch et al. 2022 (Lancet Public Health): benefit levels off around 6–10k |
 * | high_carbs         | carbohydrates ≥ 200 g             | product default (not a clinical cut-off)            |
 * | late_dinner        | last meal at or after 21:00 local | product default (not a clinical cut-off)            |
 *
 * Missing values: a feature with no value on any day is left out ("no_data"); one missing on more
 * than `maxMissingShare` of the days (default 0.5) is left out ("too_sparse"). Then, by default,
 * a day missing any kept feature is dropped (listed in `droppedDates`): counting an unmeasured
 * night as "did not sleep 7 h" would invent rules. `missing: "as-false"` keeps those days instead.
 * With `includeNegations`, each kept feature also gets a `not_<name>` column (true when measured
 * and below the threshold), so rules like {not_slept_7h} → {not_good_glucose_day} can be found.
 */
import { AppError } from "@/lib/errors";
import type { OneHotTable } from "./apriori";

export interface DailyFeatureRecord {
  /** YYYY-MM-DD. */
  date: string;
  /** % of readings in 70–180 mg/dL. */
  timeInRangePercent?: number | null;
  /** Coefficient of variation of glucose, %. */
  glucoseCvPercent?: number | null;
  sleepMinutes?: number | null;
  exerciseMinutes?: number | null;
  steps?: number | null;
  carbsGrams?: number | null;
  /** Local clock time of the day's last meal in hours, 0–24 (21.5 = 21:30). */
  lastMealHour?: number | null;
}

export interface FeatureThresholds {
  goodGlucoseMinTirPercent: number;
  stableGlucoseMaxCvPercent: number;
  sleepMinMinutes: number;
  exerciseMinMinutes: number;
  stepsMin: number;
  highCarbsMinGrams: number;
  lateDinnerFromHour: number;
}

export const DEFAULT_FEATURE_THRESHOLDS: Readonly<FeatureThresholds> = {
  goodGlucoseMinTirPercent: 70,
  stableGlucoseMaxCvPercent: 36,
  sleepMinMinutes: 420,
  exerciseMinMinutes: 30,
  stepsMin: 8000,
  highCarbsMinGrams: 200,
  lateDinnerFromHour: 21,
};

export type DailyFeatureName =
  | "good_glucose_day"
  | "stable_glucose"
  | "slept_7h"
  | "exercised_30min"
  | "walked_8k_steps"
  | "high_carbs"
  | "late_dinner";

interface FeatureDefinition {
  name: DailyFeatureName;
  read: (day: DailyFeatureRecord) => number | null | undefined;
  holds: (value: number, t: FeatureThresholds) => boolean;
}

const FEATURES: readonly FeatureDefinition[] = [
  { name: "good_glucose_day", read: (d) => d.timeInRangePercent, holds: (v, t) => v >= t.goodGlucoseMinTirPercent },
  { name: "stable_glucose", read: (d) => d.glucoseCvPercent, holds: (v, t) => v <= t.stableGlucoseMaxCvPercent },
  { name: "slept_7h", read: (d) => d.sleepMinutes, holds: (v, t) => v >= t.sleepMinMinutes },
  { name: "exercised_30min", read: (d) => d.exerciseMinutes, holds: (v, t) => v >= t.exerciseMinMinutes },
  { name: "walked_8k_steps", read: (d) => d.steps, holds: (v, t) => v >= t.stepsMin },
  { name: "high_carbs", read: (d) => d.carbsGrams, holds: (v, t) => v >= t.highCarbsMinGrams },
  { name: "late_dinner", read: (d) => d.lastMealHour, holds: (v, t) => v >= t.lateDinnerFromHour },
];

export interface BinarizeOptions {
  thresholds?: Partial<FeatureThresholds>;
  /** "drop-day" (default) or "as-false". */
  missing?: "drop-day" | "as-false";
  /** Leave out a feature missing on more than this share of days; default 0.5. */
  maxMissingShare?: number;
  /** Add a not_<feature> column per kept feature; default false. */
  includeNegations?: boolean;
}

export interface OmittedFeature {
  feature: DailyFeatureName;
  reason: "no_data" | "too_sparse";
  missingDays: number;
}

export interface BinarizedDays extends OneHotTable {
  columns: string[];
  rows: boolean[][];
  /** Date of each row. */
  dates: string[];
  droppedDates: string[];
  omittedFeatures: OmittedFeature[];
  thresholds: FeatureThresholds;
}

function measured(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

export function binarizeDailyFeatures(days: readonly DailyFeatureRecord[], options: BinarizeOptions = {}): BinarizedDays {
  const thresholds: FeatureThresholds = { ...DEFAULT_FEATURE_THRESHOLDS, ...options.thresholds };
  const missing = options.missing ?? "drop-day";
  const maxMissingShare = options.maxMissingShare ?? 0.5;
  if (!(maxMissingShare >= 0 && maxMissingShare <= 1)) {
    throw new AppError("bad_request:analytics", "maxMissingShare must lie in [0, 1].");
  }
  for (const [name, value] of Object.entries(thresholds)) {
    if (!Number.isFinite(value)) throw new AppError("bad_request:analytics", `The threshold ${name} must be a number.`);
  }

  const kept: FeatureDefinition[] = [];
  const omittedFeatures: OmittedFeature[] = [];
  for (const feature of FEATURES) {
    const missingDays = days.filter((day) => !measured(feature.read(day))).length;
    if (days.length > 0 && missingDays === days.length) {
      omittedFeatures.push({ feature: feature.name, reason: "no_data", missingDays });
    } else if (days.length > 0 && missingDays / days.length > maxMissingShare) {
      omittedFeatures.push({ feature: feature.name, reason: "too_sparse", missingDays });
    } else {
      kept.push(feature);
    }
  }

  const columns = kept.map((f) => f.name as string);
  if (options.includeNegations) columns.push(...kept.map((f) => `not_${f.name}`));
  const rows: boolean[][] = [];
  const dates: string[] = [];
  const droppedDates: string[] = [];
  for (const day of days) {
    const values = kept.map((f) => f.read(day));
    if (missing === "drop-day" && values.some((v) => !measured(v))) {
      droppedDates.push(day.date);
      continue;
    }
    const positive = values.map((v, k) => measured(v) && kept[k].holds(v, thresholds));
    const row = options.includeNegations
      ? [...positive, ...values.map((v, k) => measured(v) && !kept[k].holds(v, thresholds))]
      : positive;
    rows.push(row);
    dates.push(day.date);
  }
  return { columns, rows, dates, droppedDates, omittedFeatures, thresholds };
}
