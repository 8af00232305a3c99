/**
 * Importers for device exports: pure parsing into normalized records (no database).
 * See each module for the format's rules; types.ts for the records.
 */
export * from "./types";
export { MGDL_PER_MMOLL, convertMmolToMgdl } from "./units";
export {
  DEXCOM_HIGH_MGDL,
  DEXCOM_LOW_MGDL,
  LIBRE_HIGH_MGDL,
  LIBRE_LOW_MGDL,
  MIN_PLAUSIBLE_MGDL,
  MAX_PLAUSIBLE_MGDL,
  FUTURE_TOLERANCE_MS,
} from "./glucose-limits";
export { parseDexcomClarity } from "./dexcom-clarity";
export { parseLibreView, type LibreParseOptions } from "./libreview";
export type { DateOrder } from "./numeric-dates";
export { parseNightscoutEntries } from "./nightscout";
export { parseAppleHealth, type AppleHealthParseOptions, type AppleHealthProgress } from "./apple-health";
export { openAppleHealthUpload, parseAppleHealthUpload, type AppleHealthUpload, type ZipLimits } from "./apple-health-upload";
export { detectFormat, DETECT_HEAD_BYTES, NOT_AN_EXPORT_MESSAGE, type DetectedFormat } from "./detect-format";
export { parseExportFile, parseExportBytes, MAX_TABLE_EXPORT_BYTES, type ParseExportOptions } from "./parse-export";
export { mergeSleepSessions, DEFAULT_SESSION_GAP_MIN, type SleepSession } from "./sleep-sessions";
