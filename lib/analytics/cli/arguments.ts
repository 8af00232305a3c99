import { AppError } from "@/lib/errors";

/**
 * `FILE.csv --flag value --other=value` for the analyze commands: one positional CSV path and
 * known flags only, each with a value; anything else is refused with the command's usage line.
 */
export function parseArguments<F extends string>(argv: readonly string[], known: readonly F[], usage: string): { file: string; flags: Partial<Record<F, string>> } {
  const flags: Partial<Record<F, string>> = {};
  const positional: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!(known as readonly string[]).includes(name)) throw new AppError("bad_request:cli", `Unknown option --${name}. ${usage}`);
    const value = inline ?? argv[++k];
    if (value === undefined) throw new AppError("bad_request:cli", `--${name} needs a value. ${usage}`);
    flags[name as F] = value;
  }
  if (positional.length !== 1) throw new AppError("bad_request:cli", `Give exactly one CSV file. ${usage}`);
  return { file: positional[0], flags };
}

/** A numeric flag's value, or undefined when the flag was not given. */
export function toNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new AppError("bad_request:cli", `--${flag} must be a number (got "${value}").`);
  return n;
}
