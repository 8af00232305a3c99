import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseAppleHealth, type AppleHealthProgress } from "./apple-health";
import { readAppleDate, readHKDeviceName, readWorkoutType } from "./apple-health-values";
import { mergeSleepSessions } from "./sleep-sessions";
import { readFixture } from "./testing/fixtures";
import { MGDL_PER_MMOLL } from "./units";

const NOW = new Date("2026-06-01T00:00:00Z");

function streamOf(data: Buffer | string, chunkSize = 64 * 1024): Readable {
  const buffer = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += chunkSize) chunks.push(buffer.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

function healthXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData [\n<!ELEMENT HealthData ANY>\n]>\n<HealthData locale="en_US">\n <ExportDate value="2026-03-16 09:00:00 -0400"/>\n${body}\n</HealthData>\n`;
}

const record = (type: string, attrs: string, children = "") =>
  children ? ` <Record type="${type}" sourceName="App" ${attrs}>${children}</Record>` : ` <Record type="${type}" sourceName="App" ${attrs}/>`;

async function expectAppError(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
}

describe("parseAppleHealth — glucose-sleep-workouts.xml", () => {
  const file = readFixture("apple-health/glucose-sleep-workouts.xml");

  it("reads the 2 mmol<180.1558800000541>/L glucose records, typed in → manual", async () => {
    const r = await parseAppleHealth(streamOf(file), { now: NOW });
    expect(r.glucose).toEqual([
      { time: new Date("2024-01-09T11:30:00Z"), mgdl: 4.59 * MGDL_PER_MMOLL, source: "apple-health", device: "Health", kind: "manual", flag: null },
      { time: new Date("2024-01-09T17:30:00Z"), mgdl: 5.23 * MGDL_PER_MMOLL, source: "apple-health", device: "Health", kind: "manual", flag: null },
    ]);
    expect(r.glucose[0].mgdl).toBeCloseTo(82.691604, 9);
  });

  it("reads sleep segments, workouts and steps; skips the Correlation's children", async () => {
    const r = await parseAppleHealth(streamOf(file), { now: NOW });
    expect(r.sleep).toEqual([
      { start: new Date("2020-07-08T00:05:06Z"), end: new Date("2020-07-08T07:30:00Z"), stage: "in_bed", source: "apple-health", device: "AutoSleep" },
      { start: new Date("2020-07-08T00:15:00Z"), end: new Date("2020-07-08T07:30:00Z"), stage: "asleep", source: "apple-health", device: "AutoSleep" },
    ]);
    expect(r.activities).toEqual([
      {
        time: new Date("2020-05-27T16:26:15Z"),
        end: new Date("2020-05-27T17:57:18Z"),
        type: "walking",
        durationMin: 88.23378186623255,
        kcal: 342.5,
        distanceKm: 5.234,
        source: "apple-health",
        device: "Apple Watch",
      },
      {
        time: new Date("2020-05-28T13:55:22Z"),
        end: new Date("2020-05-28T14:24:11Z"),
        type: "cycling",
        durationMin: 28.81272718310356,
        kcal: 289.3,
        distanceKm: 12.5,
        source: "apple-health",
        device: "Apple Watch",
      },
    ]);
    expect(r.dailySteps).toEqual([{ date: "2023-11-20", steps: 690, source: "Guillaume's Apple Watch" }]);
    expect(r.meals).toHaveLength(0);
    expect(r.notes).toHaveLength(0);
    expect(r.rejected).toHaveLength(0);
    expect(r.stats.skipped["correlation-child-record"]).toBe(2);
    expect(r.stats.skipped.HKQuantityTypeIdentifierHeartRate).toBe(3);
    expect(r.stats.rowsRead).toBe(28);
    expect(r.stats.bytesRead).toBe(file.length);
    const sessions = mergeSleepSessions(r.sleep);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ inBedMin: 444.9, asleepMin: 435, deepMin: 0, segments: 2 });
  });

  it("gives the same records whatever the chunk boundaries (1-byte chunks split UTF-8 characters)", async () => {
    const whole = await parseAppleHealth(streamOf(file, file.length), { now: NOW });
    const tiny = await parseAppleHealth(streamOf(readFixture("apple-health/workout-inline-route.xml"), 1), { now: NOW });
    const tinyWhole = await parseAppleHealth(streamOf(readFixture("apple-health/workout-inline-route.xml")), { now: NOW });
    expect(tiny).toEqual(tinyWhole);
    expect(await parseAppleHealth(streamOf(file, 7), { now: NOW })).toEqual(whole);
  });
});

describe("parseAppleHealth — sleep-stages-dst.xml", () => {
  const file = readFixture("apple-health/sleep-stages-dst.xml");

  it("reads the staged night across midnight as one session", async () => {
    const r = await parseAppleHealth(streamOf(file), { now: NOW });
    expect(r.sleep.map((s) => [s.stage, s.start.toISOString(), s.end.toISOString()])).toEqual([
      ["in_bed", "2026-03-05T03:30:00.000Z", "2026-03-05T04:00:00.000Z"],
      ["core", "2026-03-05T05:00:00.000Z", "2026-03-05T07:00:00.000Z"],
      ["deep", "2026-03-05T07:00:00.000Z", "2026-03-05T07:45:00.000Z"],
      ["rem", "2026-03-05T07:45:00.000Z", "2026-03-05T08:30:00.000Z"],
    ]);
    expect(mergeSleepSessions(r.sleep)).toEqual([
      {
        start: new Date("2026-03-05T03:30:00Z"),
        end: new Date("2026-03-05T08:30:00Z"),
        source: "apple-health",
        device: "Fixture Watch",
        inBedMin: 30,
        asleepMin: 210,
        coreMin: 120,
        deepMin: 45,
        remMin: 45,
        awakeMin: 0,
        segments: 4,
      },
    ]);
  });

  it("keeps the largest source's daily steps instead of summing watch and phone", async () => {
    const r = await parseAppleHealth(streamOf(file), { now: NOW });
    expect(r.dailySteps).toEqual([
      { date: "2026-03-02", steps: 6000, source: "Fixture Watch" },
      { date: "2026-03-03", steps: 8500, source: "Fixture Watch" },
    ]);
  });

  it("counts the blood-pressure pair once (top level) and skips the copies inside the Correlation", async () => {
    const r = await parseAppleHealth(streamOf(file), { now: NOW });
    expect(r.stats.skipped).toEqual({
      HKQuantityTypeIdentifierRestingHeartRate: 7,
      HKQuantityTypeIdentifierHeartRateVariabilitySDNN: 3,
      HKQuantityTypeIdentifierBodyMass: 2,
      HKQuantityTypeIdentifierBloodPressureSystolic: 1,
      HKQuantityTypeIdentifierBloodPressureDiastolic: 1,
      "correlation-child-record": 2,
    });
    expect(r.activities).toEqual([
      expect.objectContaining({ type: "running", durationMin: 30, kcal: 300, distanceKm: 5, time: new Date("2026-03-06T22:00:00Z") }),
    ]);
    expect(r.glucose).toHaveLength(0);
    expect(r.rejected).toHaveLength(0);
  });
});

describe("parseAppleHealth — workout-inline-route.xml", () => {
  it("reads the running workout in miles and ignores its inline route", async () => {
    const r = await parseAppleHealth(streamOf(readFixture("apple-health/workout-inline-route.xml")), { now: NOW });
    expect(r.activities).toHaveLength(1);
    expect(r.activities[0]).toMatchObject({
      time: new Date("2016-11-14T14:25:41Z"),
      end: new Date("2016-11-14T14:30:52Z"),
      type: "running",
      durationMin: 5.19412346680959,
      kcal: 48.74499999999999,
      device: "Apple Watch",
    });
    expect(r.activities[0].distanceKm).toBeCloseTo(0.4971749504535062 * 1.609344, 12);
    expect(r.stats.skipped).toEqual({ HKQuantityTypeIdentifierBodyMassIndex: 1, HKQuantityTypeIdentifierHeartRate: 1 });
    expect(r.glucose.length + r.sleep.length + r.meals.length + r.rejected.length).toBe(0);
  });
});

describe("parseAppleHealth — rules on synthetic exports", () => {
  it("uses each record's own offset across a DST change (a 01:30 −0500 → 07:00 −0400 night lasts 4.5 h)", async () => {
    const xml = healthXml(
      record("HKCategoryTypeIdentifierSleepAnalysis", 'startDate="2026-03-08 01:30:00 -0500" endDate="2026-03-08 07:00:00 -0400" value="HKCategoryValueSleepAnalysisAsleepCore"'),
    );
    const r = await parseAppleHealth(streamOf(xml), { now: NOW });
    expect(r.sleep[0].end.getTime() - r.sleep[0].start.getTime()).toBe(4.5 * 3_600_000);
    expect(mergeSleepSessions(r.sleep)[0]).toMatchObject({ asleepMin: 270, coreMin: 270 });
  });

  it("groups carbs and energy into one meal and does not count the food Correlation twice", async () => {
    const when = 'startDate="2024-02-01 08:00:00 +0100" endDate="2024-02-01 08:00:00 +0100"';
    const xml = healthXml(
      [
        record("HKQuantityTypeIdentifierDietaryCarbohydrates", `unit="g" value="45" ${when}`),
        record("HKQuantityTypeIdentifierDietaryEnergyConsumed", `unit="kJ" value="2092" ${when}`),
        ` <Correlation type="HKCorrelationTypeIdentifierFood" sourceName="App" ${when}>`,
        `  <MetadataEntry key="HKFoodType" value="Oatmeal"/>`,
        record("HKQuantityTypeIdentifierDietaryCarbohydrates", `unit="g" value="45" ${when}`),
        record("HKQuantityTypeIdentifierDietaryEnergyConsumed", `unit="kJ" value="2092" ${when}`),
        ` </Correlation>`,
      ].join("\n"),
    );
    const r = await parseAppleHealth(streamOf(xml), { now: NOW });
    expect(r.meals).toEqual([{ time: new Date("2024-02-01T07:00:00Z"), carbsG: 45, kcal: 500, description: "Oatmeal", source: "apple-health", device: "App" }]);
    expect(r.stats.skipped).toEqual({ "correlation-child-record": 2 });
  });

  it("classifies glucose writers, converts units and rejects what is not glucose", async () => {
    const at = (h: number) => `startDate="2024-03-01 ${String(h).padStart(2, "0")}:00:00 +0000" endDate="2024-03-01 ${String(h).padStart(2, "0")}:00:00 +0000"`;
    const xml = healthXml(
      [
        ` <Record type="HKQuantityTypeIdentifierBloodGlucose" sourceName="Dexcom G7" unit="mg/dL" value="143" ${at(1)}/>`,
        ` <Record type="HKQuantityTypeIdentifierBloodGlucose" sourceName="Contour" unit="mmol/L" value="6.1" ${at(2)}/>`,
        ` <Record type="HKQuantityTypeIdentifierBloodGlucose" sourceName="Dexcom G7" unit="mg/dL" value="700" ${at(3)}/>`,
        ` <Record type="HKQuantityTypeIdentifierBloodGlucose" sourceName="Odd" unit="mmol&lt;342.3&gt;/L" value="5" ${at(4)}/>`,
        ` <Record type="HKQuantityTypeIdentifierBloodGlucose" sourceName="Dexcom G7" unit="mg/dL" value="120" startDate="2026-06-01 00:10:00 +0000" endDate="2026-06-01 00:10:00 +0000"/>`,
        ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="App" value="HKCategoryValueSleepAnalysisDreaming" ${at(5)}/>`,
        ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="App" value="1" startDate="2024-03-01 06:00:00 +0000" endDate="2024-03-01 05:00:00 +0000"/>`,
      ].join("\n"),
    );
    const r = await parseAppleHealth(streamOf(xml), { now: NOW });
    expect(r.glucose.map((g) => [g.mgdl, g.kind, g.device])).toEqual([
      [143, "cgm", "Dexcom G7"],
      [6.1 * MGDL_PER_MMOLL, "manual", "Contour"],
    ]);
    expect(r.rejected.map((x) => x.reason)).toEqual([
      "Glucose 700 mg/dL is outside the 20–600 mg/dL range a sensor or meter can report.",
      'The unit "mmol<342.3>/L" is not a glucose unit.',
      "The time 2026-06-01T00:10:00.000Z is more than 5 minutes in the future.",
      'The sleep value "HKCategoryValueSleepAnalysisDreaming" is not a known sleep stage.',
      "The sleep period ends before it starts.",
    ]);
    expect(r.rejected.map((x) => x.line)).toEqual([9, 10, 11, 12, 13]);
  });

  it("takes workout energy and distance from WorkoutStatistics when the attributes are absent (iOS 16+)", async () => {
    const xml = healthXml(
      [
        ` <Workout workoutActivityType="HKWorkoutActivityTypeTraditionalStrengthTraining" duration="1800" durationUnit="s" sourceName="Watch" startDate="2024-05-01 18:00:00 +0200" endDate="2024-05-01 18:30:00 +0200">`,
        `  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="2024-05-01 18:00:00 +0200" endDate="2024-05-01 18:30:00 +0200" sum="1046" unit="kJ"/>`,
        `  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" startDate="2024-05-01 18:00:00 +0200" endDate="2024-05-01 18:30:00 +0200" sum="1200" unit="m"/>`,
        ` </Workout>`,
      ].join("\n"),
    );
    const r = await parseAppleHealth(streamOf(xml), { now: NOW });
    expect(r.activities).toEqual([
      {
        time: new Date("2024-05-01T16:00:00Z"),
        end: new Date("2024-05-01T16:30:00Z"),
        type: "traditional_strength_training",
        durationMin: 30,
        kcal: 1046 / 4.184,
        distanceKm: 1.2,
        source: "apple-health",
        device: "Watch",
      },
    ]);
  });

  it("reports progress by bytes read, about once per MiB and at the end", async () => {
    const many = Array.from({ length: 6000 }, (_, i) => record("HKQuantityTypeIdentifierHeartRate", `unit="count/min" value="${60 + (i % 40)}" startDate="2024-01-01 00:00:00 +0000" endDate="2024-01-01 00:00:00 +0000"`)).join("\n");
    const xml = Buffer.from(healthXml(many));
    const seen: AppleHealthProgress[] = [];
    const r = await parseAppleHealth(streamOf(xml, 64 * 1024), { now: NOW, totalBytes: xml.length, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBe(Math.floor(xml.length / (1 << 20)) + 1);
    expect(seen.at(-1)).toEqual({ bytesRead: xml.length, totalBytes: xml.length, records: 6000 });
    expect(r.stats.skipped.HKQuantityTypeIdentifierHeartRate).toBe(6000);
  });
});

describe("parseAppleHealth — bad inputs", () => {
  it("refuses a truncated export with a clear error", async () => {
    const file = readFixture("apple-health/glucose-sleep-workouts.xml");
    await expectAppError(parseAppleHealth(streamOf(file.subarray(0, Math.floor(file.length / 2)))), "unprocessable:import", /looks truncated/);
  });

  it("refuses malformed XML, naming the line", async () => {
    await expectAppError(parseAppleHealth(streamOf('<HealthData>\n<Record type="a" value="1"\n<Record/>\n</HealthData>')), "unprocessable:import", /damaged near line \d+/);
  });

  it("refuses an empty file and XML that is not an Apple Health export", async () => {
    await expectAppError(parseAppleHealth(streamOf("")), "unprocessable:import", /empty/);
    await expectAppError(parseAppleHealth(streamOf('<?xml version="1.0"?><svg><g/></svg>')), "unprocessable:import", /not an Apple Health export/);
  });

  it("does not expand DTD entities (no billion-laughs)", async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE HealthData [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><HealthData><Record type="x" note="&b;"/></HealthData>';
    await expectAppError(parseAppleHealth(streamOf(xml)), "unprocessable:import", /damaged near line 1/);
  });

  it("refuses an element that never ends instead of buffering it", async () => {
    const chunks = ['<HealthData>\n<Record type="x" value="', ...Array.from({ length: 64 }, () => "a".repeat(64 * 1024)), '"/></HealthData>'];
    const error = await parseAppleHealth(Readable.from(chunks.map((c) => Buffer.from(c))), { maxBytesBetweenTags: 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("payload_too_large:import");
    expect((error as AppError).message).toBe("This Apple Health export holds a single element larger than we accept, near line 2.");
    // The same element under the default limit (64 MiB) is read.
    const ok = await parseAppleHealth(Readable.from(chunks.map((c) => Buffer.from(c))));
    expect(ok.stats.skipped).toEqual({ x: 1 });
  });

  it("stops reading (destroys the source) as soon as the file is refused", async () => {
    const chunks = ['<?xml version="1.0"?><svg>', ...Array.from({ length: 50 }, () => "<g/>".repeat(1000)), "</svg>"];
    const source = Readable.from(chunks.map((c) => Buffer.from(c)));
    await expectAppError(parseAppleHealth(source), "unprocessable:import", /not an Apple Health export/);
    expect(source.destroyed).toBe(true);
  });

  it("turns a failing source stream into a plain AppError", async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error("socket hang up"));
      },
    });
    await expectAppError(parseAppleHealth(failing), "unprocessable:import", /could not be read to the end/);
  });
});

describe("Apple Health value readers", () => {
  it("reads dates with their offset, and the ISO fallback", () => {
    expect(readAppleDate("2019-10-14 08:00:00 -0500")).toBe(Date.parse("2019-10-14T13:00:00Z"));
    expect(readAppleDate("2026-03-09 07:30:00 -0400")).toBe(Date.parse("2026-03-09T11:30:00Z"));
    expect(readAppleDate("2024-01-09 12:30:00 +0530")).toBe(Date.parse("2024-01-09T07:00:00Z"));
    expect(readAppleDate("2024-01-09T12:30:00+01:00")).toBe(Date.parse("2024-01-09T11:30:00Z"));
    expect(readAppleDate("2024-13-09 12:30:00 +0100")).toBeNull();
    expect(readAppleDate("yesterday")).toBeNull();
  });

  it("names workouts and devices", () => {
    expect(readWorkoutType("HKWorkoutActivityTypeHighIntensityIntervalTraining")).toBe("high_intensity_interval_training");
    expect(readWorkoutType("HKWorkoutActivityTypeRunning")).toBe("running");
    expect(readWorkoutType(undefined)).toBe("other");
    expect(readHKDeviceName("<<HKDevice: 0x282a45810>, name:Apple Watch, manufacturer:Apple, model:Watch, hardware:Watch2,4, software:4.3.1>")).toBe("Apple Watch");
    expect(readHKDeviceName(undefined)).toBeNull();
  });
});
