import { StringDecoder } from "node:string_decoder";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { AppError, isAppError } from "@/lib/errors";
import { createImportCollector } from "./import-collector";
import { createState } from "./apple-health-records";
import type { CommonParseOptions, ParseResult } from "./types";

export interface AppleHealthProgress {
  bytesRead: number;
  /** Known when the caller passed `totalBytes` (e.g. from openAppleHealthUpload). */
  totalBytes: number | null;
  /** Records and workouts looked at so far. */
  records: number;
}

export interface AppleHealthParseOptions extends CommonParseOptions {
  onProgress?: (progress: AppleHealthProgress) => void;
  totalBytes?: number | null;
  /**
   * Longest stretch of bytes allowed without a tag starting or ending (default 64 MiB). saxes
   * buffers an attribute or text node whole, so one endless attribute could exhaust memory;
   * nothing in a real export comes close (the DTD is ~10 KB).
   */
  maxBytesBetweenTags?: number;
}

const DEFAULT_MAX_BYTES_BETWEEN_TAGS = 64 * 1024 * 1024;

/** Report progress about once per MiB, not per chunk. */
const PROGRESS_EVERY_BYTES = 1 << 20;

/**
 * Streams an Apple Health export.xml (never holding the file in memory: chunks go through a
 * StringDecoder into saxes, a non-validating SAX parser that does not expand DTD entities, so
 * entity-expansion bombs cannot work) and returns the normalized records.
 *
 * Imported: BloodGlucose (mg/dL, mmol/L, or mmol<molar mass>/L), SleepAnalysis stages, Workouts
 * (duration, energy and distance from attributes, else from WorkoutStatistics — iOS 16+ exports
 * dropped the attributes), DietaryCarbohydrates + DietaryEnergyConsumed grouped into meals by
 * (start time, source), and StepCount as daily totals. Every other record type is counted in
 * stats.skipped by its identifier.
 *
 * Records nested in a <Correlation> are skipped: Apple's own DTD says "Any Records that appear as
 * children of a correlation also appear as top-level records in this document", so counting them
 * would count food and blood pressure twice. A food correlation only lends its HKFoodType to the
 * meal with the same time and source.
 */
export async function parseAppleHealth(
  readable: NodeJS.ReadableStream | AsyncIterable<Buffer | Uint8Array | string>,
  options: AppleHealthParseOptions = {},
): Promise<ParseResult> {
  const collector = createImportCollector("apple-health", options);
  const parser = new SaxesParser({ xmlns: false, position: true });
  const state = createState(collector);
  const decoder = new StringDecoder("utf8");
  let bytesRead = 0;
  let reportedAt = 0;
  let lastTagAt = 0;
  const maxBytesBetweenTags = options.maxBytesBetweenTags ?? DEFAULT_MAX_BYTES_BETWEEN_TAGS;
  parser.on("opentag", (tag) => {
    lastTagAt = bytesRead;
    state.open(tag as SaxesTagPlain, parser.line);
  });
  parser.on("closetag", (tag) => {
    lastTagAt = bytesRead;
    state.close(tag as SaxesTagPlain);
  });
  const report = () => options.onProgress?.({ bytesRead, totalBytes: options.totalBytes ?? null, records: state.recordsSeen });

  const iterator = (readable as AsyncIterable<Buffer | Uint8Array | string>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const step = await readNextChunk(iterator);
      if (step.done) break;
      const chunk = step.value;
      const text = typeof chunk === "string" ? chunk : decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      bytesRead += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      if (text) writeToParser(parser, text);
      if (bytesRead - lastTagAt > maxBytesBetweenTags) {
        throw new AppError("payload_too_large:import", `This Apple Health export holds a single element larger than we accept, near line ${parser.line}.`);
      }
      if (bytesRead - reportedAt >= PROGRESS_EVERY_BYTES) {
        reportedAt = bytesRead;
        report();
      }
    }
  } catch (e) {
    // Stop reading (and let the source close its file or zip) before reporting the problem.
    await iterator.return?.().catch(() => undefined);
    throw e;
  }
  if (bytesRead === 0) throw new AppError("unprocessable:import", "The file is empty.");
  const rest = decoder.end();
  if (rest) writeToParser(parser, rest);
  try {
    parser.close();
  } catch (cause) {
    throw new AppError(
      "unprocessable:import",
      "This Apple Health export ends before its last record: the file looks truncated. Export it again from the Health app and upload the whole file.",
      { cause },
    );
  }
  if (!state.sawRoot) throw new AppError("unprocessable:import", "This file is not an Apple Health export: it has no <HealthData> element.");
  report();
  return state.finish(bytesRead);
}

/** Errors of the source (a dropped upload, a damaged zip) become one plain sentence; AppErrors (zip guards) pass through. */
async function readNextChunk<T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> {
  try {
    return await iterator.next();
  } catch (cause) {
    if (isAppError(cause)) throw cause;
    throw new AppError("unprocessable:import", "The upload could not be read to the end. Please upload the file again.", { cause });
  }
}

function writeToParser(parser: SaxesParser, text: string) {
  try {
    parser.write(text);
  } catch (cause) {
    if (isAppError(cause)) throw cause;
    // saxes reports well-formedness errors by throwing; our own handlers throw AppErrors only.
    throw new AppError("unprocessable:import", `This Apple Health export is damaged near line ${parser.line}: it is not well-formed XML.`, { cause });
  }
}
