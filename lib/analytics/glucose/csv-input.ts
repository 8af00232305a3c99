import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import { AppError } from "@/lib/errors";
import { assertTimezone } from "./local-days";
import { toSeries, type GlucoseRow } from "./series";
import type { GlucoseSeries } from "./types";

const NAIVE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * Parses a timestamp. A naive "YYYY-MM-DD HH:MM[:SS]" is a wall-clock time in `timezone` (iglu reads
 * naive times in the session timezone; "UTC" reproduces iglu's day alignment on its example data).
 * A time with an explicit offset or "Z" is taken as written. In a DST change, a wall-clock time that
 * does not exist moves forward and an ambiguous one takes the earlier offset (luxon's rules).
 * Returns NaN when the text is not a date.
 */
export function parseTimestamp(text: string, timezone = "UTC"): number {
  const trimmed = text.trim();
  const m = NAIVE_TIME.exec(trimmed);
  if (m) {
    const [, y, mo, d, h, mi, s = "0", ms = "0"] = m;
    if (timezone === "UTC") return Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, "0"));
    const dt = DateTime.fromObject(
      { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +s, millisecond: +ms.padEnd(3, "0") },
      { zone: timezone },
    );
    return dt.isValid ? dt.toMillis() : NaN;
  }
  const iso = DateTime.fromISO(trimmed, { setZone: true });
  return iso.isValid ? iso.toMillis() : NaN;
}

export type ParsedCgmCsv = {
  /** One clean series per subject id, in order of first appearance. */
  subjects: Map<string, GlucoseSeries>;
  /** Rows dropped because the time or the glucose was unreadable (1-based data row numbers). */
  rejectedRows: number[];
};

/**
 * Reads a CSV with columns id, time, gl (as iglu's example data; a leading unnamed index column is
 * allowed). Glucose must be mg/dL. Rows with an unreadable time or glucose ("NA", empty, text) are
 * skipped and reported; each subject's rows then go through toSeries (sorted, duplicates → last).
 */
export function parseCgmCsv(text: string, options: { timezone?: string } = {}): ParsedCgmCsv {
  const timezone = options.timezone ?? "UTC";
  assertTimezone(timezone);
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (cause) {
    throw new AppError("bad_request:analytics", "The file is not a readable CSV.", { cause });
  }
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  for (const column of ["id", "time", "gl"]) {
    if (!header.includes(column)) {
      throw new AppError("bad_request:analytics", `The CSV needs the columns id, time and gl; "${column}" is missing.`);
    }
  }
  const rowsById = new Map<string, GlucoseRow[]>();
  const rejectedRows: number[] = [];
  records.forEach((record, index) => {
    const time = parseTimestamp(record.time ?? "", timezone);
    const value = Number(record.gl);
    if (!Number.isFinite(time) || record.gl === "" || !Number.isFinite(value)) {
      rejectedRows.push(index + 1);
      return;
    }
    const id = record.id ?? "";
    let rows = rowsById.get(id);
    if (!rows) rowsById.set(id, (rows = []));
    rows.push({ time, value });
  });
  const subjects = new Map<string, GlucoseSeries>();
  for (const [id, rows] of rowsById) subjects.set(id, toSeries(rows));
  return { subjects, rejectedRows };
}
