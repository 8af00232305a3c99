/**
 * Normalized records every importer produces. The API layer (app/api/v1) and the database layer
 * use the same shapes, so a Dexcom CSV, a Nightscout dump, an Apple Health export and a device
 * pushing through the API all end up as the same rows.
 *
 * Conventions:
 * - Every `Date` is a UTC instant. Local wall-clock formats are resolved with an IANA timezone.
 * - Glucose is stored in mg/dL, never rounded (mmol/L × MGDL_PER_MMOLL, see units.ts).
 * - `device` is the device or app that measured the value when the file says so, else null.
 */

/** Where a record came from: the importer (or "api" for values pushed through /api/v1). */
export type RecordSource =
  | "dexcom-clarity"
  | "libreview"
  | "libre-patient-report"
  | "nightscout"
  | "apple-health"
  | "api";

/** "cgm" = sensor reading on the sensor's schedule; "scan" = on-demand Libre scan; "manual" = meter or typed-in value. */
export type GlucoseKind = "cgm" | "scan" | "manual";

export interface GlucoseRecord {
  time: Date;
  mgdl: number;
  source: RecordSource;
  device: string | null;
  kind: GlucoseKind;
  /** Set when the device only said "above/below my range" (Dexcom High/Low, Libre HI/LO): `mgdl` is then a sentinel. */
  flag: "high" | "low" | null;
}

export type SleepStage = "in_bed" | "asleep" | "core" | "deep" | "rem" | "awake";

export interface SleepRecord {
  start: Date;
  end: Date;
  stage: SleepStage;
  source: RecordSource;
  device: string | null;
}

export interface ActivityRecord {
  time: Date;
  end: Date | null;
  /** Lower snake_case: "running", "walking", "traditional_strength_training", "exercise" (Dexcom)… */
  type: string;
  durationMin: number | null;
  kcal: number | null;
  distanceKm: number | null;
  source: RecordSource;
  device: string | null;
  /** Only when the file states it (Dexcom Exercise subtype: "light" | "medium" | "heavy"). */
  intensity?: string | null;
}

export interface MealRecord {
  time: Date;
  carbsG: number | null;
  kcal: number | null;
  description: string | null;
  source: RecordSource;
  device: string | null;
}

export interface NoteRecord {
  time: Date;
  /** null when the device logged a note event without text (LibreView writes many of those). */
  text: string | null;
  source: RecordSource;
  device: string | null;
}

/** Daily step total (Apple Health). `date` is the local calendar day of the samples (YYYY-MM-DD). */
export interface DailySteps {
  date: string;
  steps: number;
  /** The sourceName whose total was kept (see apple-health.ts: the max over sources, never their sum). */
  source: string;
}

/** A row or element that was read but not imported, with a sentence a person can read. */
export interface RejectedRow {
  /** 1-based line of the file (CSV, XML). */
  line?: number;
  /** 0-based position in the JSON array (Nightscout). */
  index?: number;
  reason: string;
}

export type ImportFormat = Exclude<RecordSource, "api">;

export interface LocalTimeStats {
  timezone: string;
  /** Wall-clock times that happened twice (DST fall-back hour). */
  ambiguous: number;
  /** …of which resolved with the Dexcom transmitter clock instead of the "first occurrence" default. */
  resolvedByTransmitterTime: number;
  /** Wall-clock times that never happened (DST spring-forward gap), read as clocks do: shifted forward. */
  nonexistent: number;
}

export interface ParseStats {
  format: ImportFormat;
  /** Data rows / JSON entries / XML records looked at (headers and title rows excluded). */
  rowsRead: number;
  /** Rows deliberately not imported, by kind (e.g. { insulin: 73, calibration: 9 }). Not errors. */
  skipped: Record<string, number>;
  /** Total rejected rows; `rejected` holds at most MAX_REJECTED_KEPT of them. */
  rejectedCount: number;
  /** Glucose unit of the file as read from its header (absent when the format has none). */
  unit?: "mg/dL" | "mmol/L";
  /** LibreView/Libre: the date order found in the data. */
  dateOrder?: "day-first" | "month-first" | "year-first";
  localTime?: LocalTimeStats;
  /** Apple Health: bytes of XML read. */
  bytesRead?: number;
  firstTime: Date | null;
  lastTime: Date | null;
}

export interface ParseResult {
  glucose: GlucoseRecord[];
  sleep: SleepRecord[];
  activities: ActivityRecord[];
  meals: MealRecord[];
  notes: NoteRecord[];
  /** Apple Health only (empty otherwise). */
  dailySteps: DailySteps[];
  rejected: RejectedRow[];
  stats: ParseStats;
}

/** Options shared by every parser. */
export interface CommonParseOptions {
  /** "Now" for the future-timestamp check; injectable so tests never depend on the wall clock. */
  now?: Date;
}

/** Formats whose timestamps are local wall-clock times (Dexcom Clarity, LibreView, Libre patient report). */
export interface LocalTimeParseOptions extends CommonParseOptions {
  /** IANA timezone the device clock was set to, e.g. "Europe/Paris". */
  timezone: string;
}
