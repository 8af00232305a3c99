import fs from "node:fs";
import { NonRetriableError } from "inngest";
import { defineWorkflow } from "../define-workflow";
import { parseExportFile } from "@/lib/ingest/parse-export";
import { sliceBatch, toStoreBatch } from "@/lib/imports/to-store-batch";
import { insertHealthBatch, recomputeDays, touchedDates } from "@/db/queries/ingest";
import { getJobSubject } from "@/db/queries/users";
import { AppError, isAppError } from "@/lib/errors";
import { invalidatePerson } from "@/lib/cache";

/** Rows per stored slice: each slice is one transaction and one memoized step. */
export const IMPORT_SLICE_ROWS = 10_000;
const REJECTED_KEPT = 50;

export type ImportSummary = {
  fileName: string;
  format: string;
  rowsRead: number;
  inserted: number;
  duplicates: number;
  rejectedCount: number;
  rejected: { line?: number; index?: number; reason: string }[];
  byKind: Record<string, { inserted: number; duplicates: number }>;
  skipped: Record<string, number>;
  daysRecomputed: number;
  firstTime: string | null;
  lastTime: string | null;
};

/**
 * Imports an uploaded export: parse (streamed for Apple Health), store in slices, recompute the
 * daily aggregates of the touched days, delete the upload. The file is parsed again when a run
 * resumes (parsing is deterministic and a parse result is too large to memoize); stored slices are
 * memoized steps, and every insert skips rows already stored, so a retry or re-run adds nothing twice.
 * A file that is not a valid export fails at once, without retries, and nothing of it is stored.
 */
export const importFile = defineWorkflow(
  {
    id: "ingest-file",
    name: "Import an export file",
    trigger: { event: "ingest/file.uploaded" },
    retries: 2,
    concurrency: { key: "event.data.userId", limit: 1 },
    onFailure: async ({ event }) => {
      fs.rmSync(event.data.storagePath, { force: true });
    },
  },
  async ({ event, step }): Promise<ImportSummary> => {
    const { userId, storagePath, fileName, sizeBytes } = event.data;
    const subject = await step.run("load-person", async () => {
      const found = await getJobSubject(userId);
      if (!found) throw new NonRetriableError("The account of this import no longer exists.");
      return found;
    });
    const timezone = event.data.timezone ?? subject.timezone;
    if (!fs.existsSync(storagePath)) {
      // Written by an instance whose disk this one cannot see (UPLOAD_DIR not shared under Inngest), or
      // removed already. (A replay after "delete-upload" would also land here; Inngest v4 runs the steps
      // of one request without replaying, so only a crash between that step and the end can.)
      console.error(`[import] ${storagePath} is not readable here; under Inngest, UPLOAD_DIR must be shared by every instance`);
      throw new AppError("gone:upload", "The uploaded file is no longer available. Please upload it again.");
    }

    await step.progress({ phase: "reading", bytesRead: 0, totalBytes: sizeBytes, rowsStored: 0 });
    let parsed: Awaited<ReturnType<typeof parseExportFile>>;
    try {
      let lastReport = 0;
      parsed = await parseExportFile(storagePath, {
        fileName,
        timezone,
        onProgress: (p: { bytesRead: number }) => {
          // At most one progress write per 4 MB read.
          if (p.bytesRead - lastReport >= 4_000_000) {
            lastReport = p.bytesRead;
            void step.progress({ phase: "reading", bytesRead: p.bytesRead, totalBytes: sizeBytes, rowsStored: 0 });
          }
        },
      });
    } catch (e) {
      // Not a valid export: nothing was stored, the upload goes, and (a 4xx AppError) no retry happens.
      if (isAppError(e) && e.status < 500) fs.rmSync(storagePath, { force: true });
      throw e;
    }

    const batch = toStoreBatch(parsed);
    const slices = sliceBatch(batch, IMPORT_SLICE_ROWS);
    const total = Object.values(batch).reduce((n, rows) => n + rows.length, 0);
    let inserted = 0;
    let duplicates = 0;
    let stored = 0;
    const byKind: ImportSummary["byKind"] = {};
    for (let i = 0; i < slices.length; i++) {
      const counts = await step.run(`store-slice-${i}`, () => insertHealthBatch(subject.viewer, slices[i]));
      inserted += counts.inserted;
      duplicates += counts.duplicates;
      stored += counts.inserted + counts.duplicates;
      for (const [kind, c] of Object.entries(counts.byKind)) {
        byKind[kind] ??= { inserted: 0, duplicates: 0 };
        byKind[kind].inserted += c.inserted;
        byKind[kind].duplicates += c.duplicates;
      }
      await step.progress({ phase: "storing", rowsRead: parsed.stats.rowsRead, rowsToStore: total, rowsStored: stored, bytesRead: sizeBytes, totalBytes: sizeBytes });
    }

    const dates = [...touchedDates(batch, timezone)];
    const daysRecomputed = await step.run("recompute-daily-aggregates", async () => {
      const days = await recomputeDays(subject.viewer, timezone, dates);
      invalidatePerson(userId);
      return days;
    });
    await step.run("delete-upload", () => {
      fs.rmSync(storagePath, { force: true });
      return true;
    });
    return {
      fileName,
      format: parsed.detected,
      rowsRead: parsed.stats.rowsRead,
      inserted,
      duplicates,
      rejectedCount: parsed.stats.rejectedCount,
      rejected: parsed.rejected.slice(0, REJECTED_KEPT),
      byKind,
      skipped: parsed.stats.skipped,
      daysRecomputed,
      firstTime: parsed.stats.firstTime?.toISOString() ?? null,
      lastTime: parsed.stats.lastTime?.toISOString() ?? null,
    };
  },
);
