import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import { AppError } from "../../errors";

/** One subject's readings from a CSV, in file order. */
export interface SeriesCsv {
  /** The subject analysed, when the file has an `id` column. */
  readonly id: string | null;
  /** Every id in the file, in order of first appearance (empty without an `id` column). */
  readonly ids: readonly string[];
  /** Readings as numbers; text such as "NA", "High" or "" becomes NaN. */
  readonly values: readonly number[];
  /** Epoch ms per reading when the file has a `time` column (NaN when unreadable), else null. */
  readonly times: readonly number[] | null;
}

const NAIVE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * Reads an iglu-style CSV (`"",id,time,gl` as iglu's example_data_5_subject) or any CSV with a
 * `gl` or `value` column and optional `time` and `id` columns. With an `id` column, the rows of
 * `id` (default: the first id in the file) are returned.
 */
export function readSeriesCsv(text: string, options: { id?: string; timezone?: string } = {}): SeriesCsv {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (cause) {
    throw new AppError("bad_request:analytics", "The file is not a readable CSV.", { cause });
  }
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  const valueColumn = header.includes("gl") ? "gl" : header.includes("value") ? "value" : null;
  if (!valueColumn) throw new AppError("bad_request:analytics", "The CSV needs a column named gl or value.");

  const hasId = header.includes("id");
  const ids = hasId ? [...new Set(records.map((r) => r.id))] : [];
  const id = hasId ? (options.id ?? ids[0] ?? null) : null;
  if (hasId && id !== null && !ids.includes(id)) {
    throw new AppError("bad_request:analytics", `No rows have the id "${id}". The ids in the file are: ${ids.join(", ")}.`);
  }
  const rows = hasId ? records.filter((r) => r.id === id) : records;
  const values = rows.map((r) => parseReading(r[valueColumn]));
  const times = header.includes("time") ? rows.map((r) => parseTime(r.time, options.timezone ?? "UTC")) : null;
  return { id, ids, values, times };
}

function parseReading(text: string | undefined): number {
  if (text === undefined || text.trim() === "") return NaN;
  const n = Number(text);
  return Number.isFinite(n) ? n : NaN;
}

/** A naive "YYYY-MM-DD HH:MM[:SS]" is wall-clock time in `timezone` (as iglu reads it); ISO with an offset is taken as written. */
export function parseTime(text: string | undefined, timezone: string): number {
  if (!text) return NaN;
  const trimmed = text.trim();
  const naive = NAIVE_TIME.exec(trimmed);
  const dt = naive
    ? DateTime.fromObject(
        { year: +naive[1], month: +naive[2], day: +naive[3], hour: +naive[4], minute: +naive[5], second: +(naive[6] ?? 0) },
        { zone: timezone },
      )
    : DateTime.fromISO(trimmed, { setZone: true });
  return dt.isValid ? dt.toMillis() : NaN;
}
