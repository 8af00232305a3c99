import { AppError } from "@/lib/errors";
import { findColumn, readCsvRows, type CsvRow } from "./csv-table";
import { LIBRE_HIGH_MGDL, LIBRE_LOW_MGDL } from "./glucose-limits";
import { detachString } from "./detach-string";
import { createImportCollector } from "./import-collector";
import { createLocalTimeResolver } from "./local-time";
import { decideDateOrder, readDateParts, applyDateOrder, type DateOrder, type DateParts } from "./numeric-dates";
import { decodeText, type TextInput } from "./text-input";
import type { GlucoseKind, LocalTimeParseOptions, LocalTimeStats, ParseResult } from "./types";
import { convertMmolToMgdl, readDecimal } from "./units";

export interface LibreParseOptions extends LocalTimeParseOptions {
  /** Only needed when the file cannot tell (every date reads both ways); see decideDateOrder. */
  dateOrder?: DateOrder;
}

/**
 * FreeStyle Libre exports: the LibreView CSV ("Device, Serial Number, Device Timestamp, Record
 * Type, …") and the older Libre desktop "Patient report" ("Meter Timestamp, Record Type, …"), both
 * possibly preceded by title rows ("Glucose Data,Generated on,…"), which are skipped by finding
 * the header row.
 *
 * Record Type (LibreView): 0 historic glucose (the sensor's 15-minute record) → kind "cgm";
 * 1 scan → "scan"; 2 strip (meter) → "manual"; 3 ketone, 4 insulin → counted, not imported;
 * 5 food → meals; 6 notes → notes (LibreView writes many type-6 rows with no text: text null).
 * The column holding the number decides the glucose kind (Historic → cgm, Scan → scan, Strip →
 * manual), because de-identified patient reports relabel the Record Type but keep the columns.
 *
 * Timestamps are device wall-clock: read in `options.timezone`; ambiguous DST times take the
 * earlier instant (Libre rows carry no monotonic clock to do better).
 */
export function parseLibreView(input: TextInput, options: LibreParseOptions): ParseResult {
  const resolver = createLocalTimeResolver(options.timezone);
  const rows = readCsvRows(decodeText(input));
  const headerIndex = rows.slice(0, 10).findIndex(
    (r) => findColumn(r.cells, /^Record Type$/i) >= 0 && findColumn(r.cells, /^(Device|Meter) Timestamp$/i) >= 0,
  );
  if (headerIndex < 0) {
    throw new AppError("unprocessable:import", "This file is not a LibreView or Libre export: no header with a Timestamp and a Record Type column was found.");
  }
  const header = rows[headerIndex].cells;
  const format = findColumn(header, /^Meter Timestamp$/i) >= 0 ? "libre-patient-report" : "libreview";
  const col = {
    device: findColumn(header, /^Device$/i),
    time: findColumn(header, /^(Device|Meter) Timestamp$/i),
    type: findColumn(header, /^Record Type$/i),
    historic: findColumn(header, /^Historic Glucose/i),
    scan: findColumn(header, /^Scan Glucose/i),
    strip: findColumn(header, /^Strip Glucose/i),
    carbsGrams: findColumn(header, /^Carbohydrates \(grams\)$/i),
    carbsServings: findColumn(header, /^Carbohydrates \(servings\)$/i),
    gramsPerServing: findColumn(header, /^Grams of Carbs per Serving$/i),
    notes: findColumn(header, /^Notes$/i),
  };
  const glucoseHeader = header[col.historic] ?? header[col.scan] ?? "";
  const unit = /mmol/i.test(glucoseHeader) ? "mmol/L" : /mg\/dl/i.test(glucoseHeader) ? "mg/dL" : null;
  if (!unit) throw new AppError("unprocessable:import", "This Libre export does not say whether glucose is in mg/dL or mmol/L.");

  const cell = (row: CsvRow, index: number) => (index >= 0 ? (row.cells[index] ?? "").trim() : "");
  const dataRows = rows.slice(headerIndex + 1).filter((r) => r.cells.some((c) => c.trim() !== ""));
  const parts = dataRows.map((r) => readDateParts(cell(r, col.time)));
  const dateOrder = decideDateOrder(parts.filter((p): p is DateParts => p != null), readGeneratedOnDate(rows.slice(0, headerIndex)), options.dateOrder);

  const collector = createImportCollector(format, options);
  const localTime: LocalTimeStats = { timezone: resolver.timezone, ambiguous: 0, resolvedByTransmitterTime: 0, nonexistent: 0 };
  const source = format;
  // Cells are slices of the whole file text: copy what the records keep (see detach-string.ts).
  const devices = new Map<string, string | null>();
  const deviceOf = (row: CsvRow) => {
    if (format !== "libreview") return null;
    const name = cell(row, col.device);
    let device = devices.get(name);
    if (device === undefined) {
      device = detachString(name) || null;
      devices.set(device ?? "", device);
    }
    return device;
  };

  dataRows.forEach((row, i) => {
    collector.countRow();
    const at = { line: row.line };
    const p = parts[i];
    const wall = p ? applyDateOrder(p, dateOrder) : null;
    const resolved = wall ? resolver.resolve(wall) : null;
    if (!resolved) return collector.reject(at, `The time "${cell(row, col.time)}" could not be read.`);
    if (resolved.later != null) localTime.ambiguous++;
    if (resolved.nonexistent) localTime.nonexistent++;
    const time = new Date(resolved.instant);
    const device = deviceOf(row);
    const recordType = cell(row, col.type);
    switch (recordType) {
      case "0":
      case "1":
      case "2": {
        const found = pickGlucoseCell(row, col, cell);
        if (!found) return collector.reject(at, "The row has no glucose value.");
        const reading = readLibreGlucose(found.text, unit);
        if (!reading) return collector.reject(at, `The glucose value "${found.text}" could not be read.`);
        return collector.addGlucose({ time, mgdl: reading.mgdl, source, device, kind: found.kind, flag: reading.flag }, at);
      }
      case "5": {
        const grams = readDecimal(cell(row, col.carbsGrams));
        const servings = readDecimal(cell(row, col.carbsServings));
        const perServing = readDecimal(cell(row, col.gramsPerServing));
        const carbsG = grams ?? (servings != null && perServing != null ? servings * perServing : null);
        const description = carbsG == null && servings != null ? `${servings} carbohydrate serving${servings === 1 ? "" : "s"}` : null;
        return collector.addMeal({ time, carbsG, kcal: null, description, source, device }, at);
      }
      case "6":
        return collector.addNote({ time, text: detachString(cell(row, col.notes)) || null, source, device }, at);
      case "3":
        return collector.skip("ketone");
      case "4":
        return collector.skip("insulin");
      default:
        return collector.skip(`record-type-${recordType || "missing"}`);
    }
  });

  return collector.finish({ unit, dateOrder, localTime });
}

function pickGlucoseCell(
  row: CsvRow,
  col: { historic: number; scan: number; strip: number },
  cell: (row: CsvRow, index: number) => string,
): { text: string; kind: GlucoseKind } | null {
  const candidates: [number, GlucoseKind][] = [
    [col.historic, "cgm"],
    [col.scan, "scan"],
    [col.strip, "manual"],
  ];
  for (const [index, kind] of candidates) {
    const text = cell(row, index);
    if (text !== "") return { text, kind };
  }
  return null;
}

function readLibreGlucose(text: string, unit: "mg/dL" | "mmol/L"): { mgdl: number; flag: "high" | "low" | null } | null {
  if (/^(hi|high)$/i.test(text)) return { mgdl: LIBRE_HIGH_MGDL, flag: "high" };
  if (/^(lo|low)$/i.test(text)) return { mgdl: LIBRE_LOW_MGDL, flag: "low" };
  const value = readDecimal(text);
  if (value == null) return null;
  return { mgdl: unit === "mmol/L" ? convertMmolToMgdl(value) : value, flag: null };
}

/** "Glucose Data,Generated on,13-12-2020 10:23 UTC,…" → the date, as a tie-breaker for the date order. */
function readGeneratedOnDate(titleRows: CsvRow[]): DateParts | null {
  for (const row of titleRows) {
    const i = row.cells.findIndex((c) => /^Generated on$/i.test(c.trim()));
    if (i >= 0 && row.cells[i + 1]) {
      const text = row.cells[i + 1].replace(/\s*UTC\s*$/i, "").trim();
      const parts = readDateParts(/\d:\d/.test(text) ? text : `${text} 00:00`);
      if (parts) return parts;
    }
  }
  return null;
}
