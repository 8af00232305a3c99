// `npm run analyze -- <method> FILE.csv [options]` — runs one analytics method on a CSV file and prints
// JSON, so anyone can check Proxima's numbers against another tool (R iglu, tigramite, STUMPY, mlxtend).
import { isAppError } from "../../errors";

const COMMANDS: Record<string, { describe: string; load: () => Promise<{ run: (argv: string[]) => Promise<unknown> }> }> = {
  glucose: { describe: "glucose FILE.csv [--timezone Z]       iglu metrics per subject (columns id,time,gl)", load: () => import("./glucose") },
  agp: { describe: "agp FILE.csv [--timezone Z] [--days N] AGP percentiles per subject", load: () => import("./agp") },
  pcmci: { describe: "pcmci FILE.csv --tau-max 8 --alpha 0.01  causal links (one column per variable)", load: () => import("./pcmci") },
  motifs: { describe: "motifs FILE.csv --m 288 [--k 3]         matrix-profile motifs and discords", load: () => import("./motifs") },
  rules: { describe: "rules FILE.csv --min-support 0.6        association rules (one-hot columns)", load: () => import("./rules") },
};

function usage(): string {
  return ["Usage: npm run analyze -- <method> FILE.csv [options]", "", ...Object.values(COMMANDS).map((c) => `  ${c.describe}`)].join("\n");
}

/** JSON without NaN: non-finite numbers become null (Infinity is already a string where it means something). */
function replacer(_key: string, value: unknown) {
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  if (value instanceof Float64Array || value instanceof Int32Array) return Array.from(value);
  return value;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(name ? `Unknown method "${name}".\n\n${usage()}` : usage());
    return 2;
  }
  try {
    const { run } = await command.load();
    process.stdout.write(`${JSON.stringify(await run(rest), replacer, 2)}\n`);
    return 0;
  } catch (e) {
    console.error(isAppError(e) ? e.message : e instanceof Error ? e.message : String(e));
    return 1;
  }
}

if (process.argv[1]?.endsWith("cli/index.ts")) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
