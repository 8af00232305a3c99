import { createReadStream } from "node:fs";
import { open as openFile, stat } from "node:fs/promises";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AppError, isAppError } from "@/lib/errors";
import { parseAppleHealth, type AppleHealthParseOptions } from "./apple-health";
import type { ParseResult } from "./types";

/**
 * Guards for reading export.zip. An Apple Health export.xml of a heavy user is a few GB and
 * compresses 10–30×; a zip bomb is a small file that inflates to far more than it claims or than
 * any export could be. Both the sizes the zip declares and the bytes actually inflated are checked.
 */
export interface ZipLimits {
  /** Largest export.xml accepted, declared or actual. Default 8 GiB. */
  maxUncompressedBytes?: number;
  /** Largest inflated/compressed ratio accepted. Deflate tops out near 1032:1; XML exports stay under ~40:1. Default 200. */
  maxCompressionRatio?: number;
  /** Entries scanned before giving up (a central directory with millions of entries is an attack, not an export). Default 100,000. */
  maxEntries?: number;
}

const DEFAULT_LIMITS: Required<ZipLimits> = {
  maxUncompressedBytes: 8 * 1024 ** 3,
  maxCompressionRatio: 200,
  maxEntries: 100_000,
};

/** Below this many inflated bytes the ratio is not checked: tiny files cannot be bombs. */
const RATIO_CHECK_FLOOR_BYTES = 1 << 20;

export interface AppleHealthUpload {
  container: "xml" | "zip";
  /** The export.xml bytes (inflated when the upload is a zip). */
  stream: Readable;
  /** Size of export.xml when known (the file size, or the zip entry's declared size). */
  totalBytes: number | null;
  /** The name of the zip entry that was opened. */
  entryName: string | null;
}

/**
 * Opens an uploaded Apple Health export, either export.xml or the export.zip the Health app
 * shares (which holds apple_health_export/export.xml), telling them apart by their first bytes,
 * not by their names. The caller must consume or destroy `stream`.
 */
export async function openAppleHealthUpload(path: string, limits: ZipLimits = {}): Promise<AppleHealthUpload> {
  const head = await readHead(path, 512);
  if (head.length === 0) throw new AppError("unprocessable:import", "The file is empty.");
  if (isZip(head)) return openZippedExport(path, { ...DEFAULT_LIMITS, ...limits });
  if (looksLikeXml(head)) {
    const { size } = await stat(path);
    return { container: "xml", stream: createReadStream(path, { highWaterMark: 256 * 1024 }), totalBytes: size, entryName: null };
  }
  throw new AppError("unprocessable:import", "This file is not an Apple Health export: upload export.zip or the export.xml inside it.");
}

/** openAppleHealthUpload + parseAppleHealth, with progress reported against the export.xml size. */
export async function parseAppleHealthUpload(path: string, options: AppleHealthParseOptions & ZipLimits = {}): Promise<ParseResult> {
  const upload = await openAppleHealthUpload(path, options);
  try {
    return await parseAppleHealth(upload.stream, { ...options, totalBytes: options.totalBytes ?? upload.totalBytes });
  } finally {
    upload.stream.destroy();
  }
}

export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function looksLikeXml(head: Uint8Array): boolean {
  const text = new TextDecoder("utf-8").decode(head).replace(/^\uFEFF/, "").trimStart();
  return text.startsWith("<?xml") || text.startsWith("<HealthData") || text.startsWith("<!DOCTYPE HealthData");
}

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await openFile(path, "r").catch((cause) => {
    throw new AppError("not_found:import", "The uploaded file could not be opened.", { cause });
  });
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new AppError("unprocessable:import", "This zip file is damaged or incomplete: it could not be opened.", { cause: err }));
      else resolve(zip);
    });
  });
}

/**
 * Picks export.xml: `apple_health_export/export.xml` when present; otherwise the largest other
 * .xml that is not the clinical-document export (export_cda.xml), because localized exports have
 * been seen with translated file names.
 */
async function findExportEntry(zip: ZipFile, maxEntries: number): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    let best: Entry | null = null;
    let seen = 0;
    const finish = (entry: Entry | null) => {
      zip.removeAllListeners("entry");
      zip.removeAllListeners("end");
      resolve(entry);
    };
    zip.on("entry", (entry: Entry) => {
      seen++;
      const name = entry.fileName;
      if (/(^|\/)export\.xml$/i.test(name)) return finish(entry);
      if (/\.xml$/i.test(name) && !/cda/i.test(name) && !/\/$/.test(name) && (!best || entry.uncompressedSize > best.uncompressedSize)) best = entry;
      if (seen >= maxEntries) return reject(new AppError("payload_too_large:import", "This zip file holds too many files to be an Apple Health export."));
      zip.readEntry();
    });
    zip.on("end", () => finish(best));
    zip.on("error", (cause: unknown) => reject(new AppError("unprocessable:import", "This zip file is damaged or incomplete.", { cause })));
    zip.readEntry();
  });
}

async function openZippedExport(path: string, limits: Required<ZipLimits>): Promise<AppleHealthUpload> {
  const zip = await openZip(path);
  try {
    const entry = await findExportEntry(zip, limits.maxEntries);
    if (!entry) throw new AppError("unprocessable:import", "This zip file holds no export.xml: it is not an Apple Health export.");
    if (entry.isEncrypted()) throw new AppError("unprocessable:import", "This zip file is encrypted; export it again from the Health app without a password.");
    checkDeclaredSizes(entry, limits);
    const inflated = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(createZipDamagedError(err)) : resolve(stream))),
    );
    const guarded = guardInflatedBytes(inflated, entry, limits);
    guarded.once("close", () => zip.close());
    return { container: "zip", stream: guarded, totalBytes: entry.uncompressedSize, entryName: entry.fileName };
  } catch (e) {
    zip.close();
    throw e;
  }
}

function checkDeclaredSizes(entry: Entry, limits: Required<ZipLimits>) {
  if (entry.uncompressedSize > limits.maxUncompressedBytes) throw createTooLargeError(limits);
  if (entry.uncompressedSize > RATIO_CHECK_FLOOR_BYTES && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxCompressionRatio) {
    throw createZipBombError();
  }
}

/**
 * Counts the bytes really inflated and stops at the caps, whatever the headers claimed. (yauzl
 * also stops when the inflated size differs from the declared one: validateEntrySizes.)
 */
function guardInflatedBytes(inflated: Readable, entry: Entry, limits: Required<ZipLimits>): Readable {
  const guard = limitInflatedBytes({ compressedSize: entry.compressedSize, ...limits });
  inflated.on("error", (cause) => guard.destroy(isAppError(cause) ? cause : createZipDamagedError(cause)));
  guard.once("close", () => inflated.destroy());
  inflated.pipe(guard);
  return guard;
}

/** A pass-through that fails with an AppError once more than the allowed bytes went through it. */
export function limitInflatedBytes(limits: { compressedSize: number; maxUncompressedBytes: number; maxCompressionRatio: number }): Transform {
  let total = 0;
  const ratioCap = Math.max(RATIO_CHECK_FLOOR_BYTES, limits.compressedSize * limits.maxCompressionRatio);
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      total += chunk.length;
      if (total > limits.maxUncompressedBytes) return callback(createTooLargeError(limits));
      if (total > ratioCap) return callback(createZipBombError());
      callback(null, chunk);
    },
  });
}

function createTooLargeError(limits: { maxUncompressedBytes: number }) {
  return new AppError("payload_too_large:import", `The export inside this zip is larger than the ${formatBytes(limits.maxUncompressedBytes)} we accept.`);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Number((bytes / 1024 ** 3).toFixed(1))} GiB`;
  return `${Number((bytes / 1024 ** 2).toFixed(2))} MiB`;
}

function createZipBombError() {
  return new AppError("payload_too_large:import", "This zip file inflates far more than an Apple Health export can; it was not imported.");
}

function createZipDamagedError(cause: unknown) {
  return new AppError("unprocessable:import", "This zip file is damaged or incomplete: the export inside it could not be read.", { cause });
}
