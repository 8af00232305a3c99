/**
 * `rules FILE.csv --min-support 0.6 [--min-confidence 0.8] [--metric lift --min-threshold 1.1] [--max-len 3]`
 *
 * FILE.csv: a header row of item names, then one row per transaction (day), each cell 0/1 or
 * true/false (case-insensitive). Mines frequent itemsets with apriori and association rules with
 * the mlxtend metrics. The rule filter is confidence ≥ 0.8 by default (mlxtend's default);
 * --min-confidence X is shorthand for --metric confidence --min-threshold X.
 * Returns a JSON-able object: conviction = Infinity is written as the string "inf".
 */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { parseArguments, toNumber } from "./arguments";
import { findFrequentItemsets, type FrequentItemset } from "../rules/apriori";
import { generateAssociationRules, RULE_METRICS, type RuleMetric } from "../rules/association-rules";
import { toJsonSafeRule, type JsonSafeRule } from "../rules/json";

const USAGE =
  "rules FILE.csv --min-support 0.6 [--min-confidence 0.8] [--metric lift --min-threshold 1.1] [--max-len 3]";
const FLAGS = ["min-support", "min-confidence", "metric", "min-threshold", "max-len"] as const;

export interface RulesCliResult {
  command: "rules";
  file: string;
  transactions: number;
  items: string[];
  minSupport: number;
  metric: RuleMetric;
  minThreshold: number;
  itemsets: FrequentItemset[];
  rules: JsonSafeRule[];
}

const TRUE_CELLS = new Set(["1", "true"]);
const FALSE_CELLS = new Set(["0", "false"]);

function readOneHot(records: string[][], file: string): { columns: string[]; rows: boolean[][] } {
  if (records.length < 2) throw new AppError("bad_request:cli", `${file} needs a header row and at least one data row.`);
  const columns = records[0];
  const rows = records.slice(1).map((row, r) => {
    if (row.length !== columns.length) {
      throw new AppError("bad_request:cli", `Line ${r + 2} of ${file} has ${row.length} cells for ${columns.length} columns.`);
    }
    return row.map((cell, c) => {
      const normalized = cell.toLowerCase();
      if (TRUE_CELLS.has(normalized)) return true;
      if (FALSE_CELLS.has(normalized)) return false;
      throw new AppError(
        "bad_request:cli",
        `Line ${r + 2}, column "${columns[c]}" of ${file} must be 0/1 or true/false (got "${cell}").`,
      );
    });
  });
  return { columns, rows };
}

export async function run(argv: string[]): Promise<RulesCliResult> {
  const { file, flags } = parseArguments(argv, FLAGS, USAGE);
  const minSupport = toNumber("min-support", flags["min-support"]);
  if (minSupport === undefined) throw new AppError("bad_request:cli", `--min-support is required. ${USAGE}`);
  if (flags["min-confidence"] !== undefined && (flags.metric !== undefined || flags["min-threshold"] !== undefined)) {
    throw new AppError("bad_request:cli", "Use either --min-confidence or --metric with --min-threshold, not both.");
  }
  const metric = (flags.metric ?? "confidence") as RuleMetric;
  if (!RULE_METRICS.includes(metric)) {
    throw new AppError("bad_request:cli", `--metric must be one of ${RULE_METRICS.join(", ")} (got "${flags.metric}").`);
  }
  const minThreshold = toNumber("min-confidence", flags["min-confidence"]) ?? toNumber("min-threshold", flags["min-threshold"]) ?? 0.8;
  const maxLength = toNumber("max-len", flags["max-len"]);

  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new AppError("not_found:cli", `Cannot read the file ${file}.`, { cause: error });
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new AppError("bad_request:cli", `${file} is not a readable CSV file.`, { cause: error });
  }
  const table = readOneHot(records, file);
  const itemsets = findFrequentItemsets(table, { minSupport, maxLength });
  const rules = generateAssociationRules(itemsets, { metric, minThreshold }).map(toJsonSafeRule);
  return {
    command: "rules",
    file,
    transactions: table.rows.length,
    items: table.columns,
    minSupport,
    metric,
    minThreshold,
    itemsets,
    rules,
  };
}
