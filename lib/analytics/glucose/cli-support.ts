import { readFile } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { parseCgmCsv, type ParsedCgmCsv } from "./csv-input";
import type { GlucoseSeries } from "./types";

/**
 * Helpers shared by the `glucose` and `agp` CLI modules (lib/analytics/cli/): argument parsing and
 * reading an iglu-style CSV file. Kept here so the CLI files stay thin.
 */
export type CliArgs = { file: string; flags: Map<string, string> };

/** argv[0] is the CSV path; then `--name value` or `--name=value` flags. */
export function parseCliArgs(argv: readonly string[], usage: string): CliArgs {
  const [file, ...rest] = argv;
  if (!file || file.startsWith("--")) throw new AppError("bad_request:analytics", `Usage: ${usage}`);
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith("--")) throw new AppError("bad_request:analytics", `Unexpected argument "${arg}". Usage: ${usage}`);
    const eq = arg.indexOf("=");
    if (eq >= 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith("--")) {
        throw new AppError("bad_request:analytics", `The option ${arg} needs a value. Usage: ${usage}`);
      }
      flags.set(arg.slice(2), value);
      i++;
    }
  }
  return { file, flags };
}

export function readPositiveIntegerFlag(flags: Map<string, string>, name: string): number | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new AppError("bad_request:analytics", `--${name} must be a whole number of at least 1.`);
  return n;
}

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
