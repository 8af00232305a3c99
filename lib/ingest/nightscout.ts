import { AppError } from "@/lib/errors";
import { DEXCOM_ERROR_CODES, DEXCOM_LOW_MGDL, NIGHTSCOUT_ERROR_CODE_BELOW } from "./glucose-limits";
import { detachString } from "./detach-string";
import { createImportCollector } from "./import-collector";
import { decodeText, type TextInput } from "./text-input";
import type { CommonParseOptions, ParseResult } from "./types";

/** Anything before 2000 is not a CGM reading; it usually means `date` was written in seconds. */
const EARLIEST_PLAUSIBLE_MS = Date.UTC(2000, 0, 1);

/**
 * Nightscout entries (GET /api/v1/entries.json, or API v3 `{ result: [...] }`): sgv → "cgm",
 * mbg → "manual"; cal and other entry types are counted and skipped. Values are always mg/dL.
 *
 * The reading time is `date` (epoch ms), never `dateString`: uploaders set dateString to the
 * upload time, which lags by hours for backfilled readings. `sgv` may be a number or a string.
 * sgv below 39 is a Dexcom status code, not glucose (see glucose-limits.ts): rejected with the
 * code's meaning; 39 is Dexcom's LOW and is kept flagged "low".
 */
export function parseNightscoutEntries(input: TextInput | unknown[], options: CommonParseOptions = {}): ParseResult {
  const entries = Array.isArray(input) ? input : readEntries(input);
  const collector = createImportCollector("nightscout", options);

  entries.forEach((raw, index) => {
    collector.countRow();
    const at = { index };
    if (typeof raw !== "object" || raw === null) return collector.reject(at, "The entry is not an object.");
    const entry = raw as Record<string, unknown>;
    const type = typeof entry.type === "string" ? entry.type : entry.sgv !== undefined ? "sgv" : "";
    if (type !== "sgv" && type !== "mbg") return collector.skip(type === "cal" ? "calibration" : `type-${type || "missing"}`);

    const valueField = type === "sgv" ? entry.sgv : entry.mbg;
    const value = readNumber(valueField);
    if (value == null) return collector.reject(at, `The ${type} value "${String(valueField)}" could not be read.`);

    const time = readEntryTime(entry);
    if (time == null) return collector.reject(at, "The entry has no `date` (epoch milliseconds).");
    if (time < EARLIEST_PLAUSIBLE_MS) return collector.reject(at, "The entry's `date` is before the year 2000; it must be epoch milliseconds.");

    if (type === "sgv" && value < NIGHTSCOUT_ERROR_CODE_BELOW) {
      const meaning = DEXCOM_ERROR_CODES[value];
      const direction = typeof entry.direction === "string" ? ` (direction "${entry.direction}")` : "";
      return collector.reject(
        at,
        `sgv ${value}${direction} is a Dexcom status code${meaning ? ` meaning "${meaning}"` : ""}, not a glucose value.`,
      );
    }
    collector.addGlucose(
      {
        time: new Date(time),
        mgdl: value,
        source: "nightscout",
        device: typeof entry.device === "string" && entry.device.trim() ? detachString(entry.device.trim()) : null,
        kind: type === "sgv" ? "cgm" : "manual",
        flag: type === "sgv" && value === DEXCOM_LOW_MGDL ? "low" : null,
      },
      at,
    );
  });

  return collector.finish({ unit: "mg/dL" });
}

function readEntries(input: TextInput): unknown[] {
  const text = decodeText(input).trim();
  if (text === "") throw new AppError("unprocessable:import", "The file is empty.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new AppError("unprocessable:import", "This Nightscout file is not valid JSON.", { cause });
  }
  if (Array.isArray(parsed)) return parsed;
  if (parsed && typeof parsed === "object") {
    const { result, entries } = parsed as { result?: unknown; entries?: unknown };
    if (Array.isArray(result)) return result;
    if (Array.isArray(entries)) return entries;
  }
  throw new AppError("unprocessable:import", "This JSON file is not a list of Nightscout entries.");
}

function readNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/** `date` first; `mills` (what Nightscout computes from date) when an export kept only that. */
function readEntryTime(entry: Record<string, unknown>): number | null {
  return readNumber(entry.date) ?? readNumber(entry.mills);
}
