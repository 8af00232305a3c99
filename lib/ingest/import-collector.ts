import { detachString } from "./detach-string";
import { explainFutureTime, explainImplausibleGlucose } from "./glucose-limits";
import type {
  ActivityRecord,
  DailySteps,
  GlucoseRecord,
  ImportFormat,
  MealRecord,
  NoteRecord,
  ParseResult,
  ParseStats,
  RejectedRow,
  SleepRecord,
} from "./types";

/** A hostile file could produce millions of rejections; keep the first ones, count them all. */
export const MAX_REJECTED_KEPT = 10_000;

export type RowPosition = { line: number } | { index: number };

/**
 * Accumulates what a parser reads and applies the checks every format shares (future times,
 * implausible glucose), so each parser only has to say what a row means.
 */
export interface ImportCollector {
  readonly format: ImportFormat;
  addGlucose(record: GlucoseRecord, at: RowPosition): void;
  addSleep(record: SleepRecord, at: RowPosition): void;
  addActivity(record: ActivityRecord, at: RowPosition): void;
  addMeal(record: MealRecord, at: RowPosition): void;
  addNote(record: NoteRecord, at: RowPosition): void;
  reject(at: RowPosition, reason: string): void;
  skip(kind: string): void;
  countRow(): void;
  finish(extra?: Partial<ParseStats> & { dailySteps?: DailySteps[] }): ParseResult;
}

export function createImportCollector(format: ImportFormat, options: { now?: Date } = {}): ImportCollector {
  const now = options.now ?? new Date();
  const glucose: GlucoseRecord[] = [];
  const sleep: SleepRecord[] = [];
  const activities: ActivityRecord[] = [];
  const meals: MealRecord[] = [];
  const notes: NoteRecord[] = [];
  const rejected: RejectedRow[] = [];
  const skipped: Record<string, number> = {};
  let rejectedCount = 0;
  let rowsRead = 0;

  function reject(at: RowPosition, reason: string) {
    rejectedCount++;
    if (rejected.length < MAX_REJECTED_KEPT) rejected.push({ ...at, reason: detachString(reason) });
  }

  function acceptTime(time: Date, at: RowPosition): boolean {
    if (Number.isNaN(time.getTime())) {
      reject(at, "The time could not be read.");
      return false;
    }
    const future = explainFutureTime(time, now);
    if (future) {
      reject(at, future);
      return false;
    }
    return true;
  }

  return {
    format,
    addGlucose(record, at) {
      if (!acceptTime(record.time, at)) return;
      const implausible = explainImplausibleGlucose(record.mgdl);
      if (implausible) return reject(at, implausible);
      glucose.push(record);
    },
    addSleep(record, at) {
      if (!acceptTime(record.start, at) || !acceptTime(record.end, at)) return;
      if (record.end.getTime() < record.start.getTime()) return reject(at, "The sleep period ends before it starts.");
      sleep.push(record);
    },
    addActivity(record, at) {
      if (!acceptTime(record.time, at)) return;
      if (record.end && record.end.getTime() < record.time.getTime()) return reject(at, "The activity ends before it starts.");
      activities.push(record);
    },
    addMeal(record, at) {
      if (!acceptTime(record.time, at)) return;
      meals.push(record);
    },
    addNote(record, at) {
      if (!acceptTime(record.time, at)) return;
      notes.push(record);
    },
    reject,
    skip(kind) {
      skipped[kind] = (skipped[kind] ?? 0) + 1;
    },
    countRow() {
      rowsRead++;
    },
    finish(extra = {}) {
      const { dailySteps = [], ...statsExtra } = extra;
      // Stable sorts: ties keep file order, so the same file always yields the same arrays.
      glucose.sort(compareByTime);
      activities.sort(compareByTime);
      meals.sort(compareByTime);
      notes.sort(compareByTime);
      sleep.sort((a, b) => a.start.getTime() - b.start.getTime());
      rejected.sort((a, b) => (a.line ?? a.index ?? 0) - (b.line ?? b.index ?? 0));
      const times = [
        ...findEdges(glucose.map((r) => r.time)),
        ...findEdges(sleep.map((r) => r.start)),
        ...findEdges(sleep.map((r) => r.end)),
        ...findEdges(activities.map((r) => r.time)),
        ...findEdges(activities.flatMap((r) => (r.end ? [r.end] : []))),
        ...findEdges(meals.map((r) => r.time)),
        ...findEdges(notes.map((r) => r.time)),
      ].map((d) => d.getTime());
      const stats: ParseStats = {
        format,
        rowsRead,
        skipped,
        rejectedCount,
        firstTime: times.length ? new Date(Math.min(...times)) : null,
        lastTime: times.length ? new Date(Math.max(...times)) : null,
        ...statsExtra,
      };
      return { glucose, sleep, activities, meals, notes, dailySteps, rejected, stats };
    },
  };
}

function compareByTime(a: { time: Date }, b: { time: Date }) {
  return a.time.getTime() - b.time.getTime();
}

/** First and last of a sorted-or-not list, without spreading huge arrays into Math.min. */
function findEdges(dates: Date[]): Date[] {
  if (dates.length === 0) return [];
  let min = dates[0];
  let max = dates[0];
  for (const d of dates) {
    if (d.getTime() < min.getTime()) min = d;
    if (d.getTime() > max.getTime()) max = d;
  }
  return [min, max];
}
