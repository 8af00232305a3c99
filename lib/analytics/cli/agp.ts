// `npm run analyze -- agp FILE.csv [--timezone Europe/Paris] [--days 14]` — AGP percentile curves per subject.
import { computeAgp, type Agp } from "../glucose/agp";
import { perSubject, readCgmCsvFile } from "../glucose/cli-support";
import { parseArguments, toWholeNumber } from "./arguments";

const USAGE = "agp FILE.csv [--timezone IANA_ZONE] [--days N]  (CSV columns id,time,gl in mg/dL; default the last 14 days)";

export type AgpCliOutput = {
  file: string;
  timezone: string;
  days: number;
  rejectedRows: number[];
  subjects: ({ id: string } & ({ result: Agp } | { error: string }))[];
};

export async function run(argv: string[]): Promise<AgpCliOutput> {
  const { file, flags } = parseArguments(argv, ["timezone", "tz", "days"], USAGE);
  const timezone = flags.timezone ?? flags.tz ?? "UTC";
  const days = toWholeNumber("days", flags.days, 14, 1);
  const parsed = await readCgmCsvFile(file, timezone);
  return {
    file,
    timezone,
    days,
    rejectedRows: parsed.rejectedRows,
    subjects: perSubject(parsed, (_id, series) => computeAgp(series, { timezone, days })),
  };
}
