/**
 * Benchmark: streaming import of a large Apple Health export.xml.
 *
 *   npx tsx bench/apple-health-import.ts            # 500 MB synthetic export
 *   npx tsx bench/apple-health-import.ts --mb 50    # smaller run
 *
 * 1. Writes a synthetic export.xml in the real shape to os.tmpdir() (streamed out, never held in
 *    memory): a DTD header, heart rate with HKDevice strings and metadata, active energy, steps
 *    and distance from watch and phone, Dexcom glucose every 5 minutes, staged sleep every night,
 *    meals with their food Correlation copies, workouts with statistics and an inline route,
 *    weekly blood-pressure correlations.
 * 2. Baselines, through the same stream openAppleHealthUpload returns: a raw read without parsing
 *    (the required baseline), the read + UTF-8 decoding, and saxes alone with empty handlers —
 *    which shows how much of the time is the XML tokenizer and how much is our record handling.
 * 3. Parses it with parseAppleHealthUpload, sampling RSS every 20 ms.
 * Prints MB/s, records/s, peak RSS and ratios; deletes the file. Goal: peak RSS < 400 MB.
 */
import { mulberry32 } from "@/lib/seeded-random";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import { openAppleHealthUpload, parseAppleHealthUpload } from "../lib/ingest/apple-health-upload";

const MB = 1024 * 1024;

function readArgs(): { targetBytes: number } {
  const i = process.argv.indexOf("--mb");
  const mb = i >= 0 ? Number(process.argv[i + 1]) : 500;
  if (!Number.isFinite(mb) || mb <= 0) throw new Error("--mb needs a positive number");
  return { targetBytes: Math.round(mb * MB) };
}

const WATCH = "&lt;&lt;HKDevice: 0x283f1c2d0&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:10.1&gt;";
const PHONE = "&lt;&lt;HKDevice: 0x283f1c3a0&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,2, software:17.1&gt;";

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 14 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Me EMPTY>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ELEMENT Correlation ((MetadataEntry|Record)*)>
<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutStatistics|WorkoutRoute)*)>
<!ELEMENT MetadataEntry EMPTY>
]>
<HealthData locale="en_US">
 <ExportDate value="2026-03-16 09:00:00 -0400"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1985-04-02" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet"/>
`;

/** Apple's local timestamp with a US Eastern offset that follows DST (approximated by month). */
function appleDate(ms: number): string {
  const probe = new Date(ms);
  const month = probe.getUTCMonth();
  const offsetH = month >= 2 && month <= 9 ? -4 : -5;
  const d = new Date(ms + offsetH * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${offsetH < 0 ? "-" : "+"}0${Math.abs(offsetH)}00`;
}

function quantity(type: string, source: string, device: string, unit: string, value: string, start: number, end: number, children = ""): string {
  const open = ` <Record type="${type}" sourceName="${source}" sourceVersion="10.1" device="${device}" unit="${unit}" creationDate="${appleDate(end + 60_000)}" startDate="${appleDate(start)}" endDate="${appleDate(end)}" value="${value}"`;
  return children ? `${open}>\n${children} </Record>\n` : `${open}/>\n`;
}

function* syntheticDay(day: number, rand: () => number): Generator<string> {
  const dayStart = Date.UTC(2023, 0, 1) + day * 86_400_000 + 5 * 3_600_000; // local midnight, roughly
  let glucose = 110;
  for (let minute = 0; minute < 1440; minute += 5) {
    const t = dayStart + minute * 60_000;
    yield quantity("HKQuantityTypeIdentifierHeartRate", "Apple\u00a0Watch", WATCH, "count/min", String(55 + Math.round(rand() * 60)), t, t,
      `  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="${rand() < 0.7 ? 1 : 0}"/>\n`);
    yield quantity("HKQuantityTypeIdentifierActiveEnergyBurned", "Apple\u00a0Watch", WATCH, "Cal", (rand() * 4).toFixed(3), t, t + 300_000);
    glucose = Math.min(350, Math.max(50, glucose + (rand() - 0.5) * 12));
    yield ` <Record type="HKQuantityTypeIdentifierBloodGlucose" sourceName="Dexcom G7" sourceVersion="2.4.0" unit="mg/dL" creationDate="${appleDate(t + 10_800_000)}" startDate="${appleDate(t)}" endDate="${appleDate(t)}" value="${Math.round(glucose)}"/>\n`;
    if (minute % 10 === 0) {
      const steps = Math.round(rand() * 900);
      yield quantity("HKQuantityTypeIdentifierStepCount", "Apple\u00a0Watch", WATCH, "count", String(steps), t, t + 600_000);
      yield quantity("HKQuantityTypeIdentifierStepCount", "iPhone", PHONE, "count", String(Math.round(steps * 0.8)), t, t + 600_000);
      yield quantity("HKQuantityTypeIdentifierDistanceWalkingRunning", "Apple\u00a0Watch", WATCH, "km", (steps * 0.00075).toFixed(4), t, t + 600_000);
    }
    if (minute % 60 === 0) yield quantity("HKQuantityTypeIdentifierBasalEnergyBurned", "Apple\u00a0Watch", WATCH, "Cal", (60 + rand() * 10).toFixed(2), t, t + 3_600_000);
  }
  for (const [hour, carbs, kcal, food] of [[8, 45, 380, "Oatmeal"], [12.5, 70, 650, "Pasta salad"], [19, 60, 720, "Chicken curry"]] as const) {
    const t = dayStart + hour * 3_600_000;
    const carbsRecord = quantity("HKQuantityTypeIdentifierDietaryCarbohydrates", "MyFitnessPal", PHONE, "g", String(carbs), t, t);
    const energyRecord = quantity("HKQuantityTypeIdentifierDietaryEnergyConsumed", "MyFitnessPal", PHONE, "kcal", String(kcal), t, t);
    yield carbsRecord + energyRecord;
    yield ` <Correlation type="HKCorrelationTypeIdentifierFood" sourceName="MyFitnessPal" sourceVersion="23.1" creationDate="${appleDate(t)}" startDate="${appleDate(t)}" endDate="${appleDate(t)}">\n  <MetadataEntry key="HKFoodType" value="${food}"/>\n${carbsRecord}${energyRecord} </Correlation>\n`;
  }
  const stages = ["HKCategoryValueSleepAnalysisAsleepCore", "HKCategoryValueSleepAnalysisAsleepDeep", "HKCategoryValueSleepAnalysisAsleepCore", "HKCategoryValueSleepAnalysisAsleepREM", "HKCategoryValueSleepAnalysisAwake"];
  let s = dayStart + 23 * 3_600_000;
  yield ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Apple\u00a0Watch" sourceVersion="10.1" device="${WATCH}" creationDate="${appleDate(s + 8 * 3_600_000)}" startDate="${appleDate(s - 900_000)}" endDate="${appleDate(s + 8 * 3_600_000)}" value="HKCategoryValueSleepAnalysisInBed"/>\n`;
  for (let i = 0; i < 10; i++) {
    const len = (20 + Math.round(rand() * 50)) * 60_000;
    yield ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Apple\u00a0Watch" sourceVersion="10.1" device="${WATCH}" creationDate="${appleDate(s + len)}" startDate="${appleDate(s)}" endDate="${appleDate(s + len)}" value="${stages[i % stages.length]}"/>\n`;
    s += len;
  }
  if (day % 2 === 0) {
    const t = dayStart + 18 * 3_600_000;
    const end = t + 40 * 60_000;
    let route = `  <WorkoutRoute sourceName="Apple\u00a0Watch" sourceVersion="10.1" creationDate="${appleDate(end)}" startDate="${appleDate(t)}" endDate="${appleDate(end)}">\n`;
    for (let k = 0; k < 60; k++) {
      route += `   <Location date="${appleDate(t + k * 40_000)}" latitude="${(40.7 + rand() / 100).toFixed(6)}" longitude="${(-74 + rand() / 100).toFixed(6)}" altitude="${(10 + rand() * 5).toFixed(3)}" horizontalAccuracy="2.4" verticalAccuracy="1.6" course="-1" speed="2.5"/>\n`;
    }
    route += "  </WorkoutRoute>\n";
    yield ` <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="40" durationUnit="min" sourceName="Apple\u00a0Watch" sourceVersion="10.1" device="${WATCH}" creationDate="${appleDate(end)}" startDate="${appleDate(t)}" endDate="${appleDate(end)}">\n  <MetadataEntry key="HKIndoorWorkout" value="0"/>\n  <WorkoutEvent type="HKWorkoutEventTypeSegment" date="${appleDate(t)}" duration="20" durationUnit="min"/>\n  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="${appleDate(t)}" endDate="${appleDate(end)}" sum="${(300 + rand() * 100).toFixed(1)}" unit="Cal"/>\n  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" startDate="${appleDate(t)}" endDate="${appleDate(end)}" sum="${(6 + rand()).toFixed(3)}" unit="km"/>\n${route} </Workout>\n`;
  }
  if (day % 7 === 0) {
    const t = dayStart + 20 * 3_600_000;
    const sys = quantity("HKQuantityTypeIdentifierBloodPressureSystolic", "Omron", PHONE, "mmHg", "121", t, t);
    const dia = quantity("HKQuantityTypeIdentifierBloodPressureDiastolic", "Omron", PHONE, "mmHg", "79", t, t);
    yield sys + dia + ` <Correlation type="HKCorrelationTypeIdentifierBloodPressure" sourceName="Omron" sourceVersion="7" creationDate="${appleDate(t)}" startDate="${appleDate(t)}" endDate="${appleDate(t)}">\n${sys}${dia} </Correlation>\n`;
  }
}

async function writeSyntheticExport(file: string, targetBytes: number): Promise<{ bytes: number; days: number }> {
  const out = createWriteStream(file);
  const rand = mulberry32(42); // the same file on every run
  let bytes = 0;
  let buffer = HEADER;
  let day = 0;
  const flush = async () => {
    bytes += Buffer.byteLength(buffer);
    if (!out.write(buffer)) await once(out, "drain");
    buffer = "";
  };
  while (bytes + buffer.length < targetBytes) {
    for (const piece of syntheticDay(day, rand)) {
      buffer += piece;
      if (buffer.length > MB) await flush();
    }
    day++;
  }
  buffer += "</HealthData>\n";
  await flush();
  out.end();
  await once(out, "finish");
  return { bytes, days: day };
}

function startRssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function timeBaseline(file: string, level: "read" | "decode" | "saxes"): Promise<number> {
  const upload = await openAppleHealthUpload(file);
  const decoder = new StringDecoder("utf8");
  const saxes = new SaxesParser({ xmlns: false, position: true });
  let tags = 0;
  saxes.on("opentag", () => tags++);
  const started = performance.now();
  let bytes = 0;
  for await (const chunk of upload.stream) {
    bytes += (chunk as Buffer).length;
    if (level === "read") continue;
    const text = decoder.write(chunk as Buffer);
    if (level === "saxes") saxes.write(text);
  }
  if (level === "saxes") saxes.close();
  if (bytes === 0 || (level === "saxes" && tags === 0)) throw new Error("baseline read nothing");
  return (performance.now() - started) / 1000;
}

const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const { targetBytes } = readArgs();
  const dir = mkdtempSync(path.join(tmpdir(), "proxima-bench-apple-"));
  const file = path.join(dir, "export.xml");
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  process.once("SIGINT", () => {
    cleanUp();
    process.exit(130);
  });
  try {
    console.log(`Apple Health import benchmark — node ${process.version}, target ${fmt(targetBytes / MB, 0)} MB`);
    const genStart = performance.now();
    const { days } = await writeSyntheticExport(file, targetBytes);
    const size = statSync(file).size;
    console.log(`generated  ${fmt(size / MB)} MB (${days} days of data) in ${fmt((performance.now() - genStart) / 1000, 2)} s → ${file}`);

    // Baselines first, through the very stream the importer reads (file now in the page cache for both).
    const rawSeconds = await timeBaseline(file, "read");
    const decodeSeconds = await timeBaseline(file, "decode");
    const saxesSeconds = await timeBaseline(file, "saxes");
    console.log(`baseline   raw read          ${fmt(rawSeconds, 2)} s   ${fmt(size / MB / rawSeconds)} MB/s`);
    console.log(`baseline   read + UTF-8      ${fmt(decodeSeconds, 2)} s   ${fmt(size / MB / decodeSeconds)} MB/s`);
    console.log(`baseline   saxes, no work    ${fmt(saxesSeconds, 2)} s   ${fmt(size / MB / saxesSeconds)} MB/s`);

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const sampler = startRssSampler();
    const started = performance.now();
    let progressCalls = 0;
    const result = await parseAppleHealthUpload(file, { onProgress: () => progressCalls++ });
    const seconds = (performance.now() - started) / 1000;
    const peakRss = sampler.stop();

    const records = result.stats.rowsRead;
    console.log(`parse      ${fmt(seconds, 2)} s   ${fmt(size / MB / seconds)} MB/s   ${fmt(records / seconds, 0)} records/s (${records.toLocaleString("en-US")} records + workouts)`);
    console.log(
      `ratio      parse / raw read = ${fmt(seconds / rawSeconds)}×   parse / (read + UTF-8) = ${fmt(seconds / decodeSeconds)}×   parse / saxes alone = ${fmt(seconds / saxesSeconds, 2)}×`,
    );
    console.log(`memory     RSS before parse ${fmt(rssBefore / MB, 0)} MB, peak during parse ${fmt(peakRss / MB, 0)} MB (goal < 400 MB: ${peakRss < 400 * MB ? "met" : "NOT met"}); process maxRSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);
    console.log(
      `records    glucose ${result.glucose.length.toLocaleString("en-US")}, sleep ${result.sleep.length.toLocaleString("en-US")}, activities ${result.activities.length.toLocaleString("en-US")}, meals ${result.meals.length.toLocaleString("en-US")}, step days ${result.dailySteps.length}, rejected ${result.stats.rejectedCount}, correlation copies skipped ${(result.stats.skipped["correlation-child-record"] ?? 0).toLocaleString("en-US")}, progress callbacks ${progressCalls}`,
    );
  } finally {
    cleanUp();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
