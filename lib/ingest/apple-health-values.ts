import { detachString } from "./detach-string";
import type { SleepStage } from "./types";

/**
 * Small readers for Apple Health export.xml attribute values, kept apart from the streaming
 * parser so each can be tested on its own.
 */

/**
 * "2019-10-14 08:00:00 -0500" → epoch ms. Apple writes every date with the offset in force on
 * the phone when the sample was taken, so a file crossing a DST change simply changes offset
 * mid-file (-0500 → -0400) and the instants stay right. Hand-rolled because it runs millions of
 * times on a large export; anything not in that exact shape falls back to a regex.
 */
export function readAppleDate(text: string): number | null {
  if (text.length === 25 && text.charCodeAt(10) === 32 && text.charCodeAt(19) === 32) {
    const year = readDigits(text, 0, 4);
    const month = readDigits(text, 5, 2);
    const day = readDigits(text, 8, 2);
    const hour = readDigits(text, 11, 2);
    const minute = readDigits(text, 14, 2);
    const second = readDigits(text, 17, 2);
    const sign = text.charCodeAt(20);
    const offH = readDigits(text, 21, 2);
    const offM = readDigits(text, 23, 2);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60 && offH >= 0 && offM >= 0 && (sign === 43 || sign === 45)) {
      const offsetMin = (sign === 45 ? -1 : 1) * (offH * 60 + offM);
      return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMin * 60_000;
    }
    return null;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})$/.exec(text.trim());
  if (!m) return null;
  let offsetMin = 0;
  if (m[7] !== "Z") {
    const o = m[7].replace(":", "");
    offsetMin = (o[0] === "-" ? -1 : 1) * (Number(o.slice(1, 3)) * 60 + Number(o.slice(3, 5)));
  }
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) - offsetMin * 60_000;
}

function readDigits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * HKCategoryTypeIdentifierSleepAnalysis values, as names (iOS 16+ exports) or as the raw
 * HKCategoryValueSleepAnalysis numbers older exports wrote (inBed 0, asleepUnspecified 1,
 * awake 2, asleepCore 3, asleepDeep 4, asleepREM 5). "Asleep" is the pre-iOS 16 name of
 * AsleepUnspecified.
 */
const SLEEP_STAGES: Record<string, SleepStage> = {
  HKCategoryValueSleepAnalysisInBed: "in_bed",
  HKCategoryValueSleepAnalysisAsleep: "asleep",
  HKCategoryValueSleepAnalysisAsleepUnspecified: "asleep",
  HKCategoryValueSleepAnalysisAwake: "awake",
  HKCategoryValueSleepAnalysisAsleepCore: "core",
  HKCategoryValueSleepAnalysisAsleepDeep: "deep",
  HKCategoryValueSleepAnalysisAsleepREM: "rem",
  "0": "in_bed",
  "1": "asleep",
  "2": "awake",
  "3": "core",
  "4": "deep",
  "5": "rem",
};

export function readSleepStage(value: string | undefined): SleepStage | null {
  return value !== undefined ? (SLEEP_STAGES[value] ?? null) : null;
}

/** "HKWorkoutActivityTypeTraditionalStrengthTraining" → "traditional_strength_training". */
export function readWorkoutType(activityType: string | undefined): string {
  const name = (activityType ?? "").replace(/^HKWorkoutActivityType/, "");
  if (name === "") return "other";
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

const deviceNames = new Map<string, string | null>();

/**
 * `<<HKDevice: 0x533ad2350>, name:Apple Watch, manufacturer:Apple Inc., model:Watch, …>` → "Apple Watch".
 * The same string repeats on millions of records, so results are memoized (bounded).
 */
export function readHKDeviceName(device: string | undefined): string | null {
  if (!device) return null;
  let name = deviceNames.get(device);
  if (name === undefined) {
    const m = /(?:^|[,<\s])name:([^,>]+)/.exec(device);
    name = m ? detachString(normalizeSpaces(m[1])) || null : null;
    if (deviceNames.size > 10_000) deviceNames.clear();
    deviceNames.set(detachString(device), name);
  }
  return name;
}

const sourceLabels = new Map<string, string | null>();

/**
 * The app or device name as a person reads it. Apple writes names such as "Apple\u00a0Watch"
 * with a no-break space; normalized so "Apple Watch" from an HKDevice and from a sourceName match.
 */
export function readSourceLabel(sourceName: string | undefined): string | null {
  if (!sourceName) return null;
  let label = sourceLabels.get(sourceName);
  if (label === undefined) {
    label = detachString(normalizeSpaces(sourceName)) || null;
    if (sourceLabels.size > 10_000) sourceLabels.clear();
    sourceLabels.set(detachString(sourceName), label);
  }
  return label;
}

function normalizeSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, " ").trim();
}

/**
 * Apple Health does not say whether a glucose sample came from a CGM. A sample typed in
 * (HKWasUserEntered = 1) is "manual"; one written by a known CGM app is "cgm"; anything else
 * (a connected meter such as Contour or OneTouch) is "manual" — a fingerstick.
 */
const CGM_WRITERS = /dexcom|libre|cgm|guardian|eversense|medtronic|xdrip|sugarmate|spike|glucose direct|juggluco|diabox|tomato|nightscout/i;

export function isCgmWriter(sourceName: string | undefined, deviceName: string | null): boolean {
  return CGM_WRITERS.test(sourceName ?? "") || CGM_WRITERS.test(deviceName ?? "");
}
