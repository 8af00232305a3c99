import type { SaxesTagPlain } from "saxes";
import { AppError } from "@/lib/errors";
import { isCgmWriter, readAppleDate, readHKDeviceName, readSleepStage, readSourceLabel, readWorkoutType } from "./apple-health-values";
import { detachString } from "./detach-string";
import type { ImportCollector } from "./import-collector";
import type { DailySteps, ParseResult } from "./types";
import { convertDistanceToKm, convertDurationToMinutes, convertEnergyToKcal, convertMmolToMgdl, readAppleGlucoseUnit, readDecimal } from "./units";

/**
 * What each element of an Apple Health export becomes, as the SAX parser of apple-health.ts walks
 * it: the state machine over Record, Workout, Correlation and their children.
 */
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


export function createState(collector: ImportCollector) {
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
