import { AppError } from "@/lib/errors";
import { readCsvRows, findColumn, type CsvRow } from "./csv-table";
import { DEXCOM_HIGH_MGDL, DEXCOM_LOW_MGDL } from "./glucose-limits";
import { detachString } from "./detach-string";
import { createImportCollector } from "./import-collector";
import { createLocalTimeResolver, readClockDurationMinutes, readIsoWallClock, type ResolvedLocalTime } from "./local-time";
import { decodeText, type TextInput } from "./text-input";
import type { LocalTimeParseOptions, LocalTimeStats, ParseResult } from "./types";
import { convertMmolToMgdl, readDecimal } from "./units";

/**
 * Dexcom Clarity CSV export (G4–G7, mobile app or receiver; comma or tab separated; mg/dL or mmol/L).
 *
 * One row per event. EGV rows become glucose ("cgm"); Carbs → meals; Exercise → activities;
 * Health (Illness, Stress…) → notes. Insulin is counted in stats.skipped but not imported (Proxima
 * has no insulin model yet); Calibration (fingersticks typed in to calibrate the sensor), Alert
 * settings, Device and patient rows are skipped and counted.
 *
 * Clarity timestamps are the device's local wall-clock time without an offset, so the caller
 * gives the IANA zone. In the DST fall-back hour the same wall-clock time occurs twice; Dexcom
 * rows carry the transmitter's own monotonic clock (seconds since the transmitter started), so
 * an ambiguous EGV is assigned to whichever reading of the hour keeps (instant − transmitter time)
 * equal to its unambiguous neighbours'. Without that column the earlier instant is used.
 */
export function parseDexcomClarity(input: TextInput, options: LocalTimeParseOptions): ParseResult {
  const resolver = createLocalTimeResolver(options.timezone);
  const rows = readCsvRows(decodeText(input));
  const header = rows[0]?.cells ?? [];
  const col = {
    time: findColumn(header, /^Timestamp/i),
    event: findColumn(header, /^Event Type$/i),
    subtype: findColumn(header, /^Event Subtype$/i),
    deviceInfo: findColumn(header, /^Device Info$/i),
    sourceDevice: findColumn(header, /^Source Device ID$/i),
    glucose: findColumn(header, /^Glucose Value/i),
    carbs: findColumn(header, /^Carb Value/i),
    duration: findColumn(header, /^Duration/i),
    transmitterTime: findColumn(header, /^Transmitter Time/i),
    transmitterId: findColumn(header, /^Transmitter ID/i),
  };
  if (col.time < 0 || col.event < 0 || col.glucose < 0) {
    throw new AppError("unprocessable:import", "This file is not a Dexcom Clarity export: its header has no Timestamp, Event Type and Glucose Value columns.");
  }
  const unit = /mmol/i.test(header[col.glucose]) ? "mmol/L" : "mg/dL";
  const collector = createImportCollector("dexcom-clarity", options);
  const cell = (row: CsvRow, index: number) => (index >= 0 ? (row.cells[index] ?? "").trim() : "");

  // Device rows name the hardware behind each Source Device ID ("Android G6" → "Dexcom G6 Mobile App").
  const deviceNames = new Map<string, string>();
  for (const row of rows.slice(1)) {
    if (cell(row, col.event) === "Device" && cell(row, col.deviceInfo)) deviceNames.set(cell(row, col.sourceDevice), cell(row, col.deviceInfo));
  }
  // Cells are slices of the whole file text: copy what the records keep (see detach-string.ts).
  const devices = new Map<string, string | null>();
  const deviceOf = (row: CsvRow) => {
    const id = cell(row, col.sourceDevice);
    let device = devices.get(id);
    if (device === undefined) {
      device = detachString(deviceNames.get(id) ?? id) || null;
      devices.set(detachString(id), device);
    }
    return device;
  };

  const localTime: LocalTimeStats = { timezone: resolver.timezone, ambiguous: 0, resolvedByTransmitterTime: 0, nonexistent: 0 };
  const readTime = (row: CsvRow): ResolvedLocalTime | null => {
    const wall = readIsoWallClock(cell(row, col.time));
    const resolved = wall ? resolver.resolve(wall) : null;
    if (resolved?.later != null) localTime.ambiguous++;
    if (resolved?.nonexistent) localTime.nonexistent++;
    return resolved;
  };

  const egvs: PendingEgv[] = [];
  for (const row of rows.slice(1)) {
    const event = cell(row, col.event);
    if (event === "" && row.cells.every((c) => c.trim() === "")) continue;
    collector.countRow();
    const at = { line: row.line };
    switch (event) {
      case "EGV": {
        const resolved = readTime(row);
        if (!resolved) {
          collector.reject(at, `The time "${cell(row, col.time)}" could not be read.`);
          break;
        }
        const reading = readDexcomGlucose(cell(row, col.glucose), unit);
        if (!reading) {
          collector.reject(at, `The glucose value "${cell(row, col.glucose)}" could not be read.`);
          break;
        }
        egvs.push({
          line: row.line,
          resolved,
          instant: resolved.instant,
          transmitterTime: readDecimal(cell(row, col.transmitterTime)),
          transmitterId: cell(row, col.transmitterId),
          device: deviceOf(row),
          ...reading,
        });
        break;
      }
      case "Carbs": {
        const resolved = readTime(row);
        if (!resolved) {
          collector.reject(at, `The time "${cell(row, col.time)}" could not be read.`);
          break;
        }
        const carbs = readDecimal(cell(row, col.carbs));
        collector.addMeal({ time: new Date(resolved.instant), carbsG: carbs, kcal: null, description: null, source: "dexcom-clarity", device: deviceOf(row) }, at);
        break;
      }
      case "Exercise": {
        const resolved = readTime(row);
        if (!resolved) {
          collector.reject(at, `The time "${cell(row, col.time)}" could not be read.`);
          break;
        }
        const durationMin = readClockDurationMinutes(cell(row, col.duration));
        const subtype = detachString(cell(row, col.subtype).toLowerCase());
        collector.addActivity(
          {
            time: new Date(resolved.instant),
            end: durationMin == null ? null : new Date(resolved.instant + durationMin * 60_000),
            type: "exercise",
            durationMin,
            kcal: null,
            distanceKm: null,
            source: "dexcom-clarity",
            device: deviceOf(row),
            intensity: subtype || null,
          },
          at,
        );
        break;
      }
      case "Health": {
        const resolved = readTime(row);
        if (!resolved) {
          collector.reject(at, `The time "${cell(row, col.time)}" could not be read.`);
          break;
        }
        collector.addNote({ time: new Date(resolved.instant), text: detachString(cell(row, col.subtype)) || null, source: "dexcom-clarity", device: deviceOf(row) }, at);
        break;
      }
      case "Insulin":
        collector.skip("insulin");
        break;
      case "Calibration":
        collector.skip("calibration");
        break;
      case "Alert":
        collector.skip("alert");
        break;
      case "Device":
        collector.skip("device");
        break;
      case "FirstName":
      case "LastName":
      case "PatientIdentifier":
      case "DateOfBirth":
      case "PatientInfo":
        collector.skip("patient-info");
        break;
      default:
        collector.skip("other");
    }
  }

  localTime.resolvedByTransmitterTime = disambiguateWithTransmitterClock(egvs);
  for (const egv of egvs) {
    collector.addGlucose(
      { time: new Date(egv.instant), mgdl: egv.mgdl, source: "dexcom-clarity", device: egv.device, kind: "cgm", flag: egv.flag },
      { line: egv.line },
    );
  }
  return collector.finish({ unit, localTime });
}

interface PendingEgv {
  line: number;
  resolved: ResolvedLocalTime;
  instant: number;
  transmitterTime: number | null;
  transmitterId: string;
  device: string | null;
  mgdl: number;
  flag: "high" | "low" | null;
}

function readDexcomGlucose(text: string, unit: "mg/dL" | "mmol/L"): { mgdl: number; flag: "high" | "low" | null } | null {
  if (/^high$/i.test(text)) return { mgdl: DEXCOM_HIGH_MGDL, flag: "high" };
  if (/^low$/i.test(text)) return { mgdl: DEXCOM_LOW_MGDL, flag: "low" };
  const value = readDecimal(text);
  if (value == null) return null;
  return { mgdl: unit === "mmol/L" ? convertMmolToMgdl(value) : value, flag: null };
}

/** Beyond this, the transmitter clock and the wall clock disagree too much to trust the match. */
const TRANSMITTER_MATCH_TOLERANCE_S = 10 * 60;
/** How far (in rows) to look for an unambiguous neighbour from the same transmitter. */
const NEIGHBOUR_SEARCH_ROWS = 200;

/**
 * For each ambiguous EGV, picks the instant whose (instant − transmitter seconds) matches the
 * nearest unambiguous EGV of the same transmitter. Returns how many were resolved that way.
 */
function disambiguateWithTransmitterClock(egvs: PendingEgv[]): number {
  let resolved = 0;
  const anchorOf = (egv: PendingEgv) => egv.instant / 1000 - (egv.transmitterTime as number);
  const usable = (egv: PendingEgv, transmitterId: string) =>
    egv.resolved.later == null && egv.transmitterTime != null && egv.transmitterId === transmitterId;
  for (let i = 0; i < egvs.length; i++) {
    const egv = egvs[i];
    if (egv.resolved.later == null || egv.transmitterTime == null) continue;
    let anchor: number | null = null;
    for (let d = 1; d <= NEIGHBOUR_SEARCH_ROWS && anchor == null; d++) {
      if (i - d >= 0 && usable(egvs[i - d], egv.transmitterId)) anchor = anchorOf(egvs[i - d]);
      else if (i + d < egvs.length && usable(egvs[i + d], egv.transmitterId)) anchor = anchorOf(egvs[i + d]);
    }
    if (anchor == null) continue;
    const earlierGap = Math.abs(egv.resolved.instant / 1000 - egv.transmitterTime - anchor);
    const laterGap = Math.abs(egv.resolved.later / 1000 - egv.transmitterTime - anchor);
    const best = Math.min(earlierGap, laterGap);
    if (best > TRANSMITTER_MATCH_TOLERANCE_S) continue;
    egv.instant = laterGap < earlierGap ? egv.resolved.later : egv.resolved.instant;
    resolved++;
  }
  return resolved;
}
