import { StringDecoder } from "node:string_decoder";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { AppError, isAppError } from "@/lib/errors";
import { isCgmWriter, readAppleDate, readHKDeviceName, readSleepStage, readSourceLabel, readWorkoutType } from "./apple-health-values";
import { detachString } from "./detach-string";
import { createImportCollector, type ImportCollector } from "./import-collector";
import type { CommonParseOptions, DailySteps, ParseResult } from "./types";
import { convertDistanceToKm, convertDurationToMinutes, convertEnergyToKcal, convertMmolToMgdl, readAppleGlucoseUnit, readDecimal } from "./units";

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

const GLUCOSE = "HKQuantityTypeIdentifierBloodGlucose";
const SLEEP = "HKCategoryTypeIdentifierSleepAnalysis";
const CARBS = "HKQuantityTypeIdentifierDietaryCarbohydrates";
const ENERGY = "HKQuantityTypeIdentifierDietaryEnergyConsumed";
const STEPS = "HKQuantityTypeIdentifierStepCount";
const FOOD_CORRELATION = "HKCorrelationTypeIdentifierFood";
const IMPORTED_TYPES = new Set([GLUCOSE, SLEEP, CARBS, ENERGY, STEPS]);

type Attributes = Record<string, string>;

interface OpenRecord {
  attributes: Attributes;
  line: number;
  metadata: Attributes | null;
}

interface OpenWorkout {
  attributes: Attributes;
  line: number;
  energyKcal: number | null;
  distanceKm: number | null;
}

interface MealGroup {
  time: number;
  carbsG: number | null;
  kcal: number | null;
  device: string | null;
  line: number;
}

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

function createState(collector: ImportCollector) {
  let sawRoot = false;
  let depth = 0;
  let correlationDepth = 0;
  let recordsSeen = 0;
  let record: OpenRecord | null = null;
  let workout: OpenWorkout | null = null;
  let foodCorrelation: { key: string; description: string | null } | null = null;
  const meals = new Map<string, MealGroup>();
  const foodDescriptions = new Map<string, string[]>();
  /** day → source → steps */
  const steps = new Map<string, Map<string, number>>();

  function deviceOf(a: Attributes): string | null {
    return readHKDeviceName(a.device) ?? readSourceLabel(a.sourceName);
  }

  function open(tag: SaxesTagPlain, line: number) {
    depth++;
    const a = tag.attributes as Attributes;
    if (depth === 1) {
      if (tag.name !== "HealthData") {
        throw new AppError("unprocessable:import", "This file is not an Apple Health export: its root element is not <HealthData>.");
      }
      sawRoot = true;
      return;
    }
    switch (tag.name) {
      case "Record":
        if (correlationDepth > 0) {
          collector.skip("correlation-child-record");
          return;
        }
        recordsSeen++;
        collector.countRow();
        if (IMPORTED_TYPES.has(a.type)) record = { attributes: a, line, metadata: null };
        else collector.skip(a.type || "record-without-type");
        return;
      case "MetadataEntry":
        if (record && (a.key === "HKWasUserEntered" || a.key === "HKFoodType")) (record.metadata ??= {})[a.key] = detachString(a.value ?? "");
        else if (foodCorrelation && !record && a.key === "HKFoodType" && a.value) foodCorrelation.description = detachString(a.value);
        return;
      case "Workout":
        recordsSeen++;
        collector.countRow();
        workout = { attributes: a, line, energyKcal: null, distanceKm: null };
        return;
      case "WorkoutStatistics":
        if (workout) readWorkoutStatistics(workout, a);
        return;
      case "Correlation":
        correlationDepth++;
        if (a.type === FOOD_CORRELATION && correlationDepth === 1) foodCorrelation = { key: buildMealKey(a), description: null };
        return;
    }
  }

  function close(tag: SaxesTagPlain) {
    depth--;
    switch (tag.name) {
      case "Record":
        if (record && correlationDepth === 0) {
          handleRecord(record);
          record = null;
        }
        return;
      case "Workout":
        if (workout) handleWorkout(workout);
        workout = null;
        return;
      case "Correlation":
        correlationDepth--;
        if (correlationDepth === 0 && foodCorrelation) {
          if (foodCorrelation.description) {
            const list = foodDescriptions.get(foodCorrelation.key) ?? [];
            list.push(foodCorrelation.description);
            foodDescriptions.set(foodCorrelation.key, list);
          }
          foodCorrelation = null;
        }
        return;
    }
  }

  function handleRecord({ attributes: a, line, metadata }: OpenRecord) {
    const at = { line };
    const start = readAppleDate(a.startDate ?? "");
    const end = readAppleDate(a.endDate ?? "");
    if (start == null) return collector.reject(at, `The start date "${a.startDate ?? ""}" could not be read.`);
    switch (a.type) {
      case GLUCOSE: {
        const value = readDecimal(a.value);
        if (value == null) return collector.reject(at, `The glucose value "${a.value ?? ""}" could not be read.`);
        const unit = readAppleGlucoseUnit(a.unit ?? "");
        if (!unit) return collector.reject(at, `The unit "${a.unit ?? ""}" is not a glucose unit.`);
        const device = deviceOf(a);
        const typedIn = metadata?.HKWasUserEntered === "1";
        return collector.addGlucose(
          {
            time: new Date(start),
            mgdl: unit === "mmol/L" ? convertMmolToMgdl(value) : value,
            source: "apple-health",
            device,
            kind: !typedIn && isCgmWriter(a.sourceName, readHKDeviceName(a.device)) ? "cgm" : "manual",
            flag: null,
          },
          at,
        );
      }
      case SLEEP: {
        const stage = readSleepStage(a.value);
        if (!stage) return collector.reject(at, `The sleep value "${a.value ?? ""}" is not a known sleep stage.`);
        if (end == null) return collector.reject(at, `The end date "${a.endDate ?? ""}" could not be read.`);
        return collector.addSleep({ start: new Date(start), end: new Date(end), stage, source: "apple-health", device: deviceOf(a) }, at);
      }
      case CARBS:
      case ENERGY: {
        const value = readDecimal(a.value);
        if (value == null) return collector.reject(at, `The value "${a.value ?? ""}" could not be read.`);
        const amount = a.type === CARBS ? convertToGrams(value, a.unit) : convertEnergyToKcal(value, a.unit);
        if (amount == null) return collector.reject(at, `The unit "${a.unit ?? ""}" is not understood.`);
        const key = buildMealKey(a);
        let group = meals.get(key);
        if (!group) {
          group = { time: start, carbsG: null, kcal: null, device: deviceOf(a), line };
          meals.set(key, group);
        }
        if (a.type === CARBS) group.carbsG = (group.carbsG ?? 0) + amount;
        else group.kcal = (group.kcal ?? 0) + amount;
        if (metadata?.HKFoodType) {
          const list = foodDescriptions.get(key) ?? [];
          list.push(metadata.HKFoodType);
          foodDescriptions.set(key, list);
        }
        return;
      }
      case STEPS: {
        const value = readDecimal(a.value);
        if (value == null) return collector.reject(at, `The step count "${a.value ?? ""}" could not be read.`);
        // The local calendar day is the date part of Apple's own local timestamp.
        const day = (a.startDate ?? "").slice(0, 10);
        const source = readSourceLabel(a.sourceName) ?? "";
        let bySource = steps.get(day);
        if (!bySource) steps.set(day, (bySource = new Map()));
        bySource.set(source, (bySource.get(source) ?? 0) + value);
        return;
      }
    }
  }

  function readWorkoutStatistics(w: OpenWorkout, a: Attributes) {
    const sum = readDecimal(a.sum);
    if (sum == null) return;
    if (a.type === "HKQuantityTypeIdentifierActiveEnergyBurned") w.energyKcal = convertEnergyToKcal(sum, a.unit);
    else if (/^HKQuantityTypeIdentifierDistance/.test(a.type ?? "")) w.distanceKm = convertDistanceToKm(sum, a.unit);
  }

  function handleWorkout({ attributes: a, line, energyKcal, distanceKm }: OpenWorkout) {
    const at = { line };
    const start = readAppleDate(a.startDate ?? "");
    const end = readAppleDate(a.endDate ?? "");
    if (start == null) return collector.reject(at, `The start date "${a.startDate ?? ""}" could not be read.`);
    const duration = readDecimal(a.duration);
    const durationMin = duration != null ? convertDurationToMinutes(duration, a.durationUnit) : end != null ? (end - start) / 60_000 : null;
    const totalEnergy = readDecimal(a.totalEnergyBurned);
    const totalDistance = readDecimal(a.totalDistance);
    collector.addActivity(
      {
        time: new Date(start),
        end: end == null ? null : new Date(end),
        type: readWorkoutType(a.workoutActivityType),
        durationMin,
        kcal: totalEnergy != null ? convertEnergyToKcal(totalEnergy, a.totalEnergyBurnedUnit) : energyKcal,
        distanceKm: totalDistance != null ? convertDistanceToKm(totalDistance, a.totalDistanceUnit) : distanceKm,
        source: "apple-health",
        device: deviceOf(a),
      },
      at,
    );
  }

  function finish(bytesRead: number): ParseResult {
    for (const [key, group] of meals) {
      const descriptions = foodDescriptions.get(key);
      collector.addMeal(
        {
          time: new Date(group.time),
          carbsG: group.carbsG,
          kcal: group.kcal,
          description: descriptions ? [...new Set(descriptions)].join("; ") : null,
          source: "apple-health",
          device: group.device,
        },
        { line: group.line },
      );
    }
    return collector.finish({ bytesRead, dailySteps: summarizeSteps(steps) });
  }

  return {
    open,
    close,
    finish,
    get sawRoot() {
      return sawRoot;
    },
    get recordsSeen() {
      return recordsSeen;
    },
  };
}

function buildMealKey(a: Attributes): string {
  return detachString(`${readAppleDate(a.startDate ?? "") ?? a.startDate}|${a.sourceName ?? ""}`);
}

function convertToGrams(value: number, unit: string | undefined): number | null {
  switch ((unit ?? "g").trim()) {
    case "g":
      return value;
    case "mg":
      return value / 1000;
    case "kg":
      return value * 1000;
    case "oz":
      return value * 28.349523125;
    default:
      return null;
  }
}

/**
 * Daily steps: the sum per source, then the largest source per day. Apple's Health app removes
 * the overlap between iPhone and Watch with the user's source priority, which the export does not
 * carry; summing sources would count a walk twice, and the largest single source never
 * undercounts a day when only one device was carried.
 */
function summarizeSteps(steps: Map<string, Map<string, number>>): DailySteps[] {
  const days: DailySteps[] = [];
  for (const [date, bySource] of steps) {
    let best: DailySteps | null = null;
    for (const [source, total] of [...bySource].sort(([a], [b]) => a.localeCompare(b))) {
      if (!best || total > best.steps) best = { date, steps: total, source };
    }
    if (best) days.push(best);
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
