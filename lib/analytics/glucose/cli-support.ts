import { readFile } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { parseCgmCsv, type ParsedCgmCsv } from "./csv-input";
import type { GlucoseSeries } from "./types";

/** What the `glucose` and `agp` commands (lib/analytics/cli/) share: reading an iglu-style CSV and per-subject results. */
export async function readCgmCsvFile(file: string, timezone: string): Promise<ParsedCgmCsv> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new AppError("bad_request:analytics", `Cannot read the file ${file}.`, { cause });
  }
  return parseCgmCsv(text, { timezone });
}

/** Runs `compute` per subject; a subject that cannot be analysed gets an error sentence instead. */
export function perSubject<T>(
  parsed: ParsedCgmCsv,
  compute: (id: string, series: GlucoseSeries) => T,
): ({ id: string } & ({ result: T } | { error: string }))[] {
  return [...parsed.subjects].map(([id, series]) => {
    try {
      return { id, result: compute(id, series) };
    } catch (e) {
      if (e instanceof AppError) return { id, error: e.message };
      throw e;
    }
  });
}
