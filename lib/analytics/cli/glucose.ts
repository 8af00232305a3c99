// `npm run analyze -- glucose FILE.csv [--timezone Europe/Paris]` — iglu metrics per subject.
import { parseCliArgs, perSubject, readCgmCsvFile } from "../glucose/cli-support";
import { computeGlucoseMetrics, type GlucoseMetrics } from "../glucose/compute-glucose-metrics";

const USAGE = "glucose FILE.csv [--timezone IANA_ZONE]  (CSV columns id,time,gl in mg/dL; naive times are wall-clock in the zone, default UTC)";

export type GlucoseCliOutput = {
  file: string;
  timezone: string;
  rejectedRows: number[];
  subjects: ({ id: string } & ({ result: GlucoseMetrics } | { error: string }))[];
};

export async function run(argv: string[]): Promise<GlucoseCliOutput> {
  const { file, flags } = parseCliArgs(argv, USAGE);
  const timezone = flags.get("timezone") ?? flags.get("tz") ?? "UTC";
  const parsed = await readCgmCsvFile(file, timezone);
  return {
    file,
    timezone,
    rejectedRows: parsed.rejectedRows,
    subjects: perSubject(parsed, (_id, series) => computeGlucoseMetrics(series, { timezone })),
  };
}
