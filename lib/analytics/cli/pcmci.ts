/**
 * `pcmci FILE.csv --tau-max 8 --alpha 0.01 [--pc-alpha 0.2] [--fdr none|fdr_bh]`
 *
 * FILE.csv: a header row of variable names, then one row per time step, one numeric column per
 * variable (evenly spaced in time; no missing cells). Prints nothing: returns the PCMCI result as
 * a JSON-able object (every number in it is finite) for the dispatcher to print.
 */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { parseArguments, toNumber } from "./arguments";
import { runPcmci, type PcmciResult } from "../causal/pcmci";

const USAGE = "pcmci FILE.csv --tau-max 8 --alpha 0.01 [--pc-alpha 0.2] [--fdr none|fdr_bh]";
const FLAGS = ["tau-max", "alpha", "pc-alpha", "fdr"] as const;

async function readCsv(file: string): Promise<string[][]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new AppError("not_found:cli", `Cannot read the file ${file}.`, { cause: error });
  }
  try {
    return parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new AppError("bad_request:cli", `${file} is not a readable CSV file.`, { cause: error });
  }
}

/** Header + numeric columns → names and series; every cell must be a finite number. */
export function readNumericColumns(records: string[][], file: string): { names: string[]; series: Float64Array[] } {
  if (records.length < 2) throw new AppError("bad_request:cli", `${file} needs a header row and at least one data row.`);
  const names = records[0];
  const series = names.map(() => new Float64Array(records.length - 1));
  for (let r = 1; r < records.length; r++) {
    const row = records[r];
    if (row.length !== names.length) {
      throw new AppError("bad_request:cli", `Line ${r + 1} of ${file} has ${row.length} cells for ${names.length} columns.`);
    }
    row.forEach((cell, c) => {
      const value = Number(cell);
      if (cell === "" || !Number.isFinite(value)) {
        throw new AppError("bad_request:cli", `Line ${r + 1}, column "${names[c]}" of ${file} is not a number ("${cell}").`);
      }
      series[c][r - 1] = value;
    });
  }
  return { names, series };
}

export async function run(argv: string[]): Promise<PcmciResult & { command: "pcmci"; file: string }> {
  const { file, flags } = parseArguments(argv, FLAGS, USAGE);
  const fdr = flags.fdr ?? "none";
  if (fdr !== "none" && fdr !== "fdr_bh") throw new AppError("bad_request:cli", `--fdr must be none or fdr_bh (got "${fdr}").`);
  const { names, series } = readNumericColumns(await readCsv(file), file);
  const result = runPcmci(
    { names, series },
    {
      tauMax: toNumber("tau-max", flags["tau-max"]),
      alpha: toNumber("alpha", flags.alpha),
      pcAlpha: toNumber("pc-alpha", flags["pc-alpha"]),
      fdrMethod: fdr,
    },
  );
  return { command: "pcmci", file, ...result };
}
