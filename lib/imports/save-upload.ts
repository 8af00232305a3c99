import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { AppError } from "@/lib/errors";
import type { Limit } from "@/db/queries/rate-limit";
import { dataDir, getEnv } from "@/lib/env";

/**
 * Uploads above this are refused while streaming (413): an Apple Health export.zip of several GB of
 * XML compresses far below it; a raw export.xml that large should be sent zipped.
 */
export const MAX_UPLOAD_BYTES = 1_500_000_000;

/** Uploads per person an hour: a whole history fits in a few files, and each can be 1.5 GB of disk until it is read. */
export const IMPORT_LIMIT: Limit = { keyPrefix: "imports", points: 20, durationSeconds: 3_600 };

/**
 * Where an upload waits until its import reads it: UPLOAD_DIR, else .data/uploads. The embedded runner
 * imports in the process that received the file; under Inngest another instance may, so UPLOAD_DIR
 * must then be storage they share (a mounted volume).
 */
export function uploadDir(): string {
  return path.resolve(getEnv().UPLOAD_DIR ?? path.join(dataDir(), "uploads"));
}

/**
 * Streams a request body to a private file in the upload folder, never buffering it. The file is
 * removed at once when the limit is crossed or the stream fails, so nothing partial stays on disk.
 */
export async function saveUpload(body: ReadableStream<Uint8Array>, fileName: string, maxBytes = MAX_UPLOAD_BYTES): Promise<{ storagePath: string; sizeBytes: number }> {
  const dir = uploadDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, "_").slice(-80);
  const storagePath = path.join(dir, `${crypto.randomUUID()}-${safeName}`);
  let size = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(new AppError("payload_too_large:import", `The file is larger than ${(maxBytes / 1e9).toFixed(1)} GB. For an Apple Health export, upload the export.zip instead of export.xml.`));
      } else done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream), limiter, fs.createWriteStream(storagePath, { mode: 0o600 }));
  } catch (e) {
    fs.rmSync(storagePath, { force: true });
    throw e instanceof AppError ? e : new AppError("bad_request:import", "The upload was interrupted before the whole file arrived. Please try again.", { cause: e });
  }
  if (size === 0) {
    fs.rmSync(storagePath, { force: true });
    throw new AppError("bad_request:import", "The file is empty.");
  }
  return { storagePath, sizeBytes: size };
}

/** Reads the first bytes of a stored upload, for format detection before any work is queued. */
export function readHead(storagePath: string, bytes: number): Uint8Array {
  const fd = fs.openSync(storagePath, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}
