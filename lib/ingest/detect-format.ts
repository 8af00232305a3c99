import { AppError } from "@/lib/errors";
import { isZip } from "./apple-health-upload";
import { decodeText } from "./text-input";

export type DetectedFormat =
  | "dexcom-clarity"
  | "libreview"
  | "libre-patient-report"
  | "nightscout"
  | "apple-health-xml"
  | "apple-health-zip";

/** How many leading bytes detectFormat wants (more is fine, less may miss a late header). */
export const DETECT_HEAD_BYTES = 64 * 1024;

export const NOT_AN_EXPORT_MESSAGE =
  "This file is not a Dexcom, LibreView, Libre, Nightscout or Apple Health export. Export your data from your device's app or website and upload that file.";

/**
 * Says which importer can read a file from its first bytes (DETECT_HEAD_BYTES). The content
 * decides, not the name: people rename files, and a ".csv" from another vendor must get a clear
 * "not an export we read" instead of a half-import. The name is only used for zips whose first
 * entry is not Apple's folder.
 */
export function detectFormat(fileName: string, firstBytes: Uint8Array | string): DetectedFormat {
  const size = typeof firstBytes === "string" ? firstBytes.length : firstBytes.length;
  if (size === 0) throw new AppError("unprocessable:import", "The file is empty.");
  if (typeof firstBytes !== "string" && isZip(firstBytes)) {
    const firstEntry = readFirstZipEntryName(firstBytes);
    if ((firstEntry && /^apple_health_export\//i.test(firstEntry)) || /(^|[\\/])export[^\\/]*\.zip$/i.test(fileName)) return "apple-health-zip";
    throw createNotAnExportError();
  }
  const text = decodeText(firstBytes).trimStart();
  if (text === "") throw new AppError("unprocessable:import", "The file is empty.");

  if (text.startsWith("<")) {
    if (/<!DOCTYPE\s+HealthData|<HealthData[\s>]/.test(text)) return "apple-health-xml";
    throw createNotAnExportError();
  }
  if (text.startsWith("[") || text.startsWith("{")) {
    if (/"(sgv|mbg)"\s*:/.test(text)) return "nightscout";
    throw createNotAnExportError();
  }
  const lines = text.split(/\r\n|\n|\r/, 12);
  for (const line of lines) {
    if (/Event Type/i.test(line) && /Glucose Value/i.test(line) && /Timestamp/i.test(line)) return "dexcom-clarity";
    if (/Record Type/i.test(line) && /Meter Timestamp/i.test(line)) return "libre-patient-report";
    if (/Record Type/i.test(line) && /Device Timestamp/i.test(line)) return "libreview";
  }
  throw createNotAnExportError();
}

function createNotAnExportError() {
  return new AppError("unprocessable:import", NOT_AN_EXPORT_MESSAGE);
}

/** Name of the first local file header (PKZIP APPNOTE 4.3.7: name length at offset 26, name at 30). */
function readFirstZipEntryName(head: Uint8Array): string | null {
  if (head.length < 30) return null;
  const nameLength = head[26] | (head[27] << 8);
  if (30 + nameLength > head.length) return null;
  return new TextDecoder("utf-8").decode(head.subarray(30, 30 + nameLength));
}
