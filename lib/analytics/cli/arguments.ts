import { AppError } from "@/lib/errors";

/**
 * The one argument parser of the analyze commands: `FILE.csv --flag value --other=value`, one
 * positional CSV path and the command's known flags only, each with a value. Anything else is
 * refused with a sentence and the command's usage line.
 */
export function parseArguments<F extends string>(argv: readonly string[], known: readonly F[], usage: string): { file: string; flags: Partial<Record<F, string>> } {
  const refuse = (sentence: string) => new AppError("bad_request:analytics", `${sentence} Usage: ${usage}`);
  const flags: Partial<Record<F, string>> = {};
  const positional: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!(known as readonly string[]).includes(name)) throw refuse(`Unknown option --${name}.`);
    const value = inline ?? argv[++k];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw refuse(`--${name} needs a value.`);
    flags[name as F] = value;
  }
  if (positional.length !== 1) throw refuse("Give exactly one CSV file.");
  return { file: positional[0], flags };
}

/** A numeric flag's value, or undefined when the flag was not given. */
export function toNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new AppError("bad_request:analytics", `--${flag} must be a number (got "${value}").`);
  return n;
}

/** A whole-number flag of at least `min`, or `fallback` when it was not given. */
export function toWholeNumber(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < min) throw new AppError("bad_request:analytics", `--${flag} must be a whole number of at least ${min}.`);
  return n;
}
