import type { RecordSource, SleepRecord, SleepStage } from "./types";

/** One night (or nap): stage segments from one source merged into a session. */
export interface SleepSession {
  start: Date;
  end: Date;
  source: RecordSource;
  device: string | null;
  /** Minutes in bed (in_bed segments). */
  inBedMin: number;
  /** Minutes asleep: asleep + core + deep + rem, overlaps counted once. */
  asleepMin: number;
  coreMin: number;
  deepMin: number;
  remMin: number;
  awakeMin: number;
  segments: number;
}

/**
 * A pause longer than this between segments starts a new session. Apple Watch writes a night as
 * contiguous stage segments with short awake gaps; sleep trackers (AutoSleep, Oura) write an
 * InBed span with asleep spans inside. An hour separates a night from a later nap without
 * splitting a night at a bathroom trip.
 */
export const DEFAULT_SESSION_GAP_MIN = 60;

const ASLEEP_STAGES: ReadonlySet<SleepStage> = new Set(["asleep", "core", "deep", "rem"]);

/**
 * Merges stage segments into sessions, per (source, device): two apps writing the same night
 * (Apple Watch and AutoSleep) give two sessions, never one with doubled minutes. Minutes are
 * unions of intervals, so overlapping segments (InBed around Asleep, duplicated samples) are not
 * counted twice. A gap of exactly `maxGapMin` still joins. Empty input → [].
 */
export function mergeSleepSessions(records: readonly SleepRecord[], options: { maxGapMin?: number } = {}): SleepSession[] {
  const maxGapMs = (options.maxGapMin ?? DEFAULT_SESSION_GAP_MIN) * 60_000;
  const bySource = new Map<string, SleepRecord[]>();
  for (const r of records) {
    const key = `${r.source}\u0000${r.device ?? ""}`;
    const list = bySource.get(key);
    if (list) list.push(r);
    else bySource.set(key, [r]);
  }
  const sessions: SleepSession[] = [];
  for (const list of bySource.values()) {
    const sorted = [...list].sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime());
    let group: SleepRecord[] = [];
    let groupEnd = -Infinity;
    for (const r of sorted) {
      if (group.length > 0 && r.start.getTime() - groupEnd > maxGapMs) {
        sessions.push(summarizeSession(group));
        group = [];
        groupEnd = -Infinity;
      }
      group.push(r);
      groupEnd = Math.max(groupEnd, r.end.getTime());
    }
    if (group.length > 0) sessions.push(summarizeSession(group));
  }
  return sessions.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.device ?? "").localeCompare(b.device ?? ""));
}

function summarizeSession(group: SleepRecord[]): SleepSession {
  const minutesOf = (keep: (s: SleepStage) => boolean) => sumUnionMinutes(group.filter((r) => keep(r.stage)));
  return {
    start: new Date(Math.min(...group.map((r) => r.start.getTime()))),
    end: new Date(Math.max(...group.map((r) => r.end.getTime()))),
    source: group[0].source,
    device: group[0].device,
    inBedMin: minutesOf((s) => s === "in_bed"),
    asleepMin: minutesOf((s) => ASLEEP_STAGES.has(s)),
    coreMin: minutesOf((s) => s === "core"),
    deepMin: minutesOf((s) => s === "deep"),
    remMin: minutesOf((s) => s === "rem"),
    awakeMin: minutesOf((s) => s === "awake"),
    segments: group.length,
  };
}

/** Length of the union of intervals, in minutes. */
function sumUnionMinutes(segments: SleepRecord[]): number {
  const intervals = segments.map((r) => [r.start.getTime(), r.end.getTime()] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [s, e] of intervals) {
    if (s > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) {
      curEnd = e;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total / 60_000;
}
