// `npm run analyze -- motifs FILE.csv --m 288 [--k 3] [--id ID] [--timezone ZONE] [--workers N]`
// — recurring patterns (motifs) and unusual stretches (discords) from the exact matrix profile.
import { readFile } from "node:fs/promises";
import { DateTime, IANAZone } from "luxon";
import { AppError } from "../../errors";
import { findDiscords } from "../motifs/discords";
import type { MatrixProfile } from "../motifs/finish-profile";
import { computeMatrixProfile } from "../motifs/matrix-profile";
import { computeMatrixProfileInWorker } from "../motifs/matrix-profile-in-worker";
import { computeDefaultCutoff, findMotifs } from "../motifs/motifs";
import { readSeriesCsv } from "../motifs/read-series-csv";
import { describeWindows } from "../motifs/prepare-series";
import { placeOnRegularGrid } from "../motifs/regular-grid";
import { parseArguments, toWholeNumber } from "./arguments";

const USAGE =
  "motifs FILE.csv --m WINDOW [--k 3] [--id ID] [--timezone UTC] [--workers N] " +
  "(CSV with a gl or value column, optional time and id columns; --workers 0 computes on this thread)";

export interface MotifsCliPoint {
  start: number;
  time: string | null;
  distance: number;
}

export interface MotifsCliOutput {
  file: string;
  id: string | null;
  m: number;
  k: number;
  series: {
    readings: number;
    length: number;
    intervalMinutes: number | null;
    windowMinutes: number | null;
    interpolatedPoints: number;
    missingPoints: number;
    firstTime: string | null;
  };
  summary: {
    windows: number;
    comparableWindows: number;
    exclusionZone: number;
    profileMin: number | null;
    profileMedian: number | null;
    profileMax: number | null;
    motifCutoff: number | null;
  };
  motifs: Array<{
    rank: number;
    start: number;
    time: string | null;
    neighbour: number;
    neighbourTime: string | null;
    distance: number;
    /** Whether the pair is closer than STUMPY's default cutoff (mean − 2·SD of the profile): a clear motif. */
    belowStumpyCutoff: boolean;
    radius: number;
    matches: MotifsCliPoint[];
  }>;
  discords: Array<{ rank: number; start: number; time: string | null; neighbour: number; neighbourTime: string | null; distance: number }>;
  notes: string[];
}

export async function run(argv: string[]): Promise<MotifsCliOutput> {
  const { file, flags } = parseArguments(argv, ["m", "k", "id", "timezone", "workers"], USAGE);
  const m = toWholeNumber("m", flags.m, 288, 3);
  const k = toWholeNumber("k", flags.k, 3, 1);
  const workers = toWholeNumber("workers", flags.workers, -1, 0);
  const timezone = flags.timezone ?? "UTC";
  if (!IANAZone.isValidZone(timezone)) throw new AppError("bad_request:analytics", `"${timezone}" is not a time zone name such as Europe/Paris.`);
  const notes: string[] = [];

  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new AppError("bad_request:analytics", `Cannot read the file ${file}.`, { cause });
  }
  const csv = readSeriesCsv(text, { id: flags.id, timezone });
  if (csv.ids.length > 1) notes.push(`The file holds ${csv.ids.length} subjects; this is "${csv.id}" (choose another with --id).`);

  let values: ArrayLike<number>;
  let timeAt: (index: number) => string | null = () => null;
  let series: MotifsCliOutput["series"];
  if (csv.times) {
    const grid = placeOnRegularGrid(csv.times, csv.values, { timezone });
    values = grid.values;
    const stepMs = grid.intervalMinutes * 60_000;
    timeAt = (index) => (index < 0 ? null : DateTime.fromMillis(grid.startMs + index * stepMs, { zone: timezone }).toFormat("yyyy-MM-dd HH:mm"));
    series = {
      readings: csv.values.length,
      length: grid.values.length,
      intervalMinutes: grid.intervalMinutes,
      windowMinutes: m * grid.intervalMinutes,
      interpolatedPoints: grid.interpolated,
      missingPoints: grid.missing,
      firstTime: timeAt(0),
    };
    notes.push(
      `Readings were placed on a ${grid.intervalMinutes}-minute grid (iglu CGMS2DayByDay): gaps up to 45 minutes interpolated, longer gaps left empty; indexes count grid points.`,
    );
  } else {
    values = csv.values;
    series = { readings: csv.values.length, length: csv.values.length, intervalMinutes: null, windowMinutes: null, interpolatedPoints: 0, missingPoints: 0, firstTime: null };
  }

  const profile: MatrixProfile =
    workers === 0 ? computeMatrixProfile(values, m) : await computeMatrixProfileInWorker(values, m, workers > 0 ? { workers } : {});

  const finite = Array.from(profile.profile).filter(Number.isFinite).sort((a, b) => a - b);
  const comparable = describeWindows(values, m).isFinite.reduce((sum, flag) => sum + flag, 0);
  if (finite.length === 0) notes.push("No window could be compared with another (too many gaps for this window length): no motif or discord.");
  if (comparable < profile.profile.length) {
    notes.push(`${profile.profile.length - comparable} of ${profile.profile.length} windows contain missing readings; they are never matched nor reported.`);
  }
  // The CLI answers "the k best motifs" (no cutoff) and flags the ones STUMPY's default cutoff would
  // keep, rather than returning fewer than k; findMotifs alone keeps STUMPY's default.
  const stumpyCutoff = computeDefaultCutoff(profile.profile);
  const motifs = findMotifs(values, profile, { maxMotifs: k, cutoff: Infinity });
  const discords = findDiscords(profile, { maxDiscords: k });
  if (motifs.length < k && finite.length > 0) notes.push(`Only ${motifs.length} motif(s) of the ${k} asked fit in the series without overlapping.`);
  if (motifs.some((motif) => motif.distance > stumpyCutoff)) {
    notes.push("Motifs with belowStumpyCutoff = false are the best remaining pairs but no closer than a typical pair (STUMPY's cutoff: mean − 2·SD of the profile).");
  }

  return {
    file,
    id: csv.id,
    m,
    k,
    series,
    summary: {
      windows: profile.profile.length,
      comparableWindows: comparable,
      exclusionZone: profile.exclusionZone,
      profileMin: finite.length ? roundDistance(finite[0]) : null,
      profileMedian: finite.length ? roundDistance(finite[(finite.length - 1) >> 1]) : null,
      profileMax: finite.length ? roundDistance(finite[finite.length - 1]) : null,
      motifCutoff: finite.length ? roundDistance(stumpyCutoff) : null,
    },
    motifs: motifs.map((motif, r) => ({
      rank: r + 1,
      start: motif.start,
      time: timeAt(motif.start),
      neighbour: motif.neighbour,
      neighbourTime: timeAt(motif.neighbour),
      distance: roundDistance(motif.distance),
      belowStumpyCutoff: motif.distance <= stumpyCutoff,
      radius: roundDistance(motif.radius),
      matches: motif.matches.map((x) => ({ start: x.start, time: timeAt(x.start), distance: roundDistance(x.distance) })),
    })),
    discords: discords.map((d, r) => ({
      rank: r + 1,
      start: d.start,
      time: timeAt(d.start),
      neighbour: d.neighbour,
      neighbourTime: timeAt(d.neighbour),
      distance: roundDistance(d.distance),
    })),
    notes,
  };
}

/** Distances are z-normalized Euclidean, between 0 and 2·sqrt(m): 6 decimals are plenty. */
function roundDistance(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

