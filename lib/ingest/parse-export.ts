import { open as openFile, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { parseAppleHealth, type AppleHealthParseOptions } from "./apple-health";
import { parseAppleHealthUpload, type ZipLimits } from "./apple-health-upload";
import { DETECT_HEAD_BYTES, detectFormat, type DetectedFormat } from "./detect-format";
import { parseDexcomClarity } from "./dexcom-clarity";
import { parseLibreView } from "./libreview";
import type { DateOrder } from "./numeric-dates";
import { parseNightscoutEntries } from "./nightscout";
import type { ParseResult } from "./types";

export interface ParseExportOptions extends AppleHealthParseOptions, ZipLimits {
  /** IANA zone of the device clock; required for Dexcom Clarity and Libre files (local wall-clock times). */
  timezone?: string;
  dateOrder?: DateOrder;
  /** Name the person gave the file (only a hint for zips). Defaults to the path's base name. */
  fileName?: string;
}

/** CSV and JSON exports are read whole; years of CGM data stay far below this. */
export const MAX_TABLE_EXPORT_BYTES = 200 * 1024 * 1024;

/**
 * One entry point for an uploaded file on disk: detects the format from its content and runs
 * the matching parser (Apple Health streamed, the others read whole).
 */
export async function parseExportFile(path: string, options: ParseExportOptions = {}): Promise<ParseResult & { detected: DetectedFormat }> {
  const head = await readHead(path);
  const detected = detectFormat(options.fileName ?? path.split(/[\\/]/).pop() ?? path, head);
  if (detected === "apple-health-xml" || detected === "apple-health-zip") {
    return { ...(await parseAppleHealthUpload(path, options)), detected };
  }
  const { size } = await stat(path);
  if (size > MAX_TABLE_EXPORT_BYTES) {
    throw new AppError("payload_too_large:import", "This file is larger than the 200 MB we accept for a CSV or JSON export.");
  }
  const handle = await openFile(path, "r");
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  return { ...(await parseExportBytes(options.fileName ?? path, bytes, options, detected)), detected };
}

/**
 * The same for bytes already in memory (CSV, JSON or export.xml). A zip must be given as a file
 * (parseExportFile), because it is read by random access to its central directory.
 */
export async function parseExportBytes(
  fileName: string,
  bytes: Uint8Array,
  options: ParseExportOptions = {},
  detected: DetectedFormat = detectFormat(fileName, bytes.subarray(0, DETECT_HEAD_BYTES)),
): Promise<ParseResult> {
  switch (detected) {
    case "dexcom-clarity":
      return parseDexcomClarity(bytes, { timezone: requireTimezone(options), now: options.now });
    case "libreview":
    case "libre-patient-report":
      return parseLibreView(bytes, { timezone: requireTimezone(options), now: options.now, dateOrder: options.dateOrder });
    case "nightscout":
      return parseNightscoutEntries(bytes, { now: options.now });
    case "apple-health-xml":
      return parseAppleHealth(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), options);
    case "apple-health-zip":
      throw new AppError("bad_request:import", "A zip export must be saved to disk and parsed with parseExportFile.");
  }
}

function requireTimezone(options: ParseExportOptions): string {
  if (!options.timezone) {
    throw new AppError("bad_request:import", "This export records local clock times: the time zone of the device is needed to read it.");
  }
  return options.timezone;
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await openFile(path, "r").catch((cause) => {
    throw new AppError("not_found:import", "The uploaded file could not be opened.", { cause });
  });
  try {
    const buffer = Buffer.alloc(DETECT_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
