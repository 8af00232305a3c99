// `npm run analyze -- glucose FILE.csv [--timezone Europe/Paris]` — iglu metrics per subject.
import { perSubject, readCgmCsvFile } from "../glucose/cli-support";
import { parseArguments } from "./arguments";
import { computeGlucoseMetrics, type GlucoseMetrics } from "../glucose/compute-glucose-metrics";

const USAGE = "glucose FILE.csv [--timezone IANA_ZONE]  (CSV columns id,time,gl in mg/dL; naive times are wall-clock in the zone, default UTC)";

export type GlucoseCliOutput = {
  file: string;
  timezone: string;
  rejectedRows: number[];
  subjects: ({ id: string } & ({ result: GlucoseMetrics } | { error: string }))[];
};

export async function run(argv: string[]): Promise<GlucoseCliOutput> {
  const { file, flags } = parseArguments(argv, ["timezone", "tz"], USAGE);
  const timezone = flags.timezone ?? flags.tz ?? "UTC";
  const parsed = await readCgmCsvFile(file, timezone);
  return {
    file,
    timezone,
    rejectedRows: parsed.rejectedRows,
    subjects: perSubject(parsed, (_id, series) => computeGlucoseMetrics(series, { timezone })),
  };
}
