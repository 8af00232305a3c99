import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { toSeriesFromArrays } from "@/lib/analytics/glucose/series";
import {
  binDailyProfile,
  buildReportData,
  computeReportAnalytics,
  griZoneOf,
  resolvePeriodBounds,
  type BuildReportDataInput,
} from "./build-report-data";
import { parseReportData } from "./report-data";
import {
  generateSyntheticCgm,
  makeSyntheticStories,
  SYNTHETIC_INSIGHTS,
  SYNTHETIC_PERIOD,
  SYNTHETIC_PREDICTIONS,
  SYNTHETIC_TIMEZONE,
} from "./testing/synthetic-report";

const series = generateSyntheticCgm({
  from: SYNTHETIC_PERIOD.from,
  days: 90,
  timezone: SYNTHETIC_TIMEZONE,
  seed: 42,
  missingDates: ["2025-05-21", "2025-05-22"],
});
const analytics = computeReportAnalytics(series, { timezone: SYNTHETIC_TIMEZONE, period: SYNTHETIC_PERIOD });

function baseInput(overrides: Partial<BuildReportDataInput> = {}): BuildReportDataInput {
  return {
    ...analytics,
    patient: { name: "  Ana Núñez  " },
    period: SYNTHETIC_PERIOD,
    timezone: SYNTHETIC_TIMEZONE,
    unit: "mg/dL",
    generatedAt: new Date("2025-05-30T08:15:00Z"),
    stories: makeSyntheticStories(4),
    insights: SYNTHETIC_INSIGHTS,
    predictions: SYNTHETIC_PREDICTIONS,
    notablePatterns: ["Lows cluster at night.", "   "],
    options: { includeAnalysis: true, includeNotes: true },
    ...overrides,
  };
}

describe("computeReportAnalytics", () => {
  it("keeps only the readings of the period, in the patient's zone", () => {
    const { startMs, endMs } = resolvePeriodBounds(SYNTHETIC_PERIOD, SYNTHETIC_TIMEZONE);
    // Paris is UTC+1 on 1 March and UTC+2 on 30 May
    expect(new Date(startMs).toISOString()).toBe("2025-02-28T23:00:00.000Z");
    expect(new Date(endMs).toISOString()).toBe("2025-05-29T22:00:00.000Z");
    const longer = generateSyntheticCgm({ from: "2025-02-20", days: 110, timezone: SYNTHETIC_TIMEZONE, seed: 3 });
    const a = computeReportAnalytics(longer, { timezone: SYNTHETIC_TIMEZONE, period: SYNTHETIC_PERIOD });
    let inside = 0;
    for (const t of longer.times) if (t >= startMs && t < endMs) inside++;
    expect(a.metrics?.readings).toBe(inside);
    expect(a.metrics!.readings).toBeLessThan(longer.times.length);
    expect(a.dailyProfiles[0].date).toBe("2025-03-01");
    expect(a.dailyProfiles[a.dailyProfiles.length - 1].date).toBe("2025-05-29");
  });

  it("degenerate periods give nulls instead of throwing", () => {
    const empty = computeReportAnalytics({ times: new Float64Array(0), values: new Float64Array(0) }, { timezone: "UTC", period: { from: "2025-01-01", to: "2025-01-14" } });
    expect(empty).toEqual({ metrics: null, agp: null, dailyProfiles: [] });
    const one = computeReportAnalytics(toSeriesFromArrays([Date.UTC(2025, 0, 3, 12)], [120]), { timezone: "UTC", period: { from: "2025-01-01", to: "2025-01-14" } });
    expect(one.metrics).toBeNull();
    expect(one.agp?.readings).toBe(1);
    expect(one.dailyProfiles).toHaveLength(1);
  });

  it("rejects a reversed or malformed period with a sentence", () => {
    expect(() => resolvePeriodBounds({ from: "2025-05-02", to: "2025-05-01" }, "UTC")).toThrow("ends before it starts");
    expect(() => resolvePeriodBounds({ from: "2025-5-2", to: "2025-05-09" }, "UTC")).toThrow("YYYY-MM-DD");
  });
});

describe("buildReportData", () => {
  const data = buildReportData(baseInput());

  it("turns the metrics into the five consensus bands that sum to 100 %", () => {
    const m = data.metrics!;
    const r = m.ranges;
    expect(r.veryLow + r.low + r.inRange + r.high + r.veryHigh).toBeCloseTo(100, 9);
    // independent count over the same readings: 70 ≤ v ≤ 180 (iglu in_range_percent)
    const { startMs, endMs } = resolvePeriodBounds(SYNTHETIC_PERIOD, SYNTHETIC_TIMEZONE);
    let n = 0;
    let hits = 0;
    let below54 = 0;
    for (let i = 0; i < series.times.length; i++) {
      if (series.times[i] < startMs || series.times[i] >= endMs) continue;
      n++;
      if (series.values[i] >= 70 && series.values[i] <= 180) hits++;
      if (series.values[i] < 54) below54++;
    }
    expect(m.readings).toBe(n);
    expect(r.inRange).toBeCloseTo((100 * hits) / n, 9);
    expect(r.veryLow).toBeCloseTo((100 * below54) / n, 9);
    expect(m.targets.map((t) => t.id)).toEqual(["tir_70_180", "tbr_70", "tbr_54", "tar_180", "tar_250", "cv", "active"]);
    expect(m.targets[0].met).toBe(r.inRange > 70);
    expect(m.daysWithData).toBe(88); // 90 days minus the two missing ones
    expect(m.griZone).toBe(griZoneOf(m.gri));
  });

  it("keeps the AGP's 288 smoothed bins and its window dates", () => {
    const agp = data.agp!;
    expect(agp.p50).toHaveLength(288);
    expect(agp.from).toBe("2025-03-01");
    expect(agp.to).toBe("2025-05-29");
    expect(agp.daysWithData).toBe(88);
    for (let b = 0; b < 288; b++) {
      const [p5, p25, p50, p75, p95] = [agp.p5[b], agp.p25[b], agp.p50[b], agp.p75[b], agp.p95[b]] as number[];
      expect(p5 <= p25 && p25 <= p50 && p50 <= p75 && p75 <= p95).toBe(true);
    }
  });

  it("daily profiles: the 14 days ending with the period, oldest first, missing days kept empty", () => {
    expect(data.dailyProfiles.map((d) => d.date)).toEqual([
      "2025-05-16", "2025-05-17", "2025-05-18", "2025-05-19", "2025-05-20", "2025-05-21", "2025-05-22",
      "2025-05-23", "2025-05-24", "2025-05-25", "2025-05-26", "2025-05-27", "2025-05-28", "2025-05-29",
    ]);
    const missing = data.dailyProfiles[5];
    expect(missing.readings).toBe(0);
    expect(missing.mean).toBeNull();
    expect(missing.values.every((v) => v === null)).toBe(true);
    const full = data.dailyProfiles[13];
    expect(full.values).toHaveLength(288);
    expect(full.readings).toBe(full.values.filter((v) => v !== null).length);
  });

  it("bins a day by wall-clock minute and averages a repeated hour", () => {
    const bins = binDailyProfile({ values: [100, 200, 150, 90], wallMinutes: [0, 4.9, 5, 1439.5] });
    expect(bins[0]).toBe(150);
    expect(bins[1]).toBe(150);
    expect(bins[287]).toBe(90);
    expect(bins[2]).toBeNull();
  });

  it("trims the patient's name, orders stories newest first, drops blank patterns", () => {
    expect(data.patient).toEqual({ name: "Ana Núñez", dateOfBirth: null });
    expect(data.stories.map((s) => s.weekOf)).toEqual(["2025-05-26", "2025-05-19", "2025-05-12", "2025-05-05"]);
    expect(data.stories[3].personalNote).toBe("Started the new basal dose on Tuesday of week 1; felt shaky twice at night.");
    expect(data.notablePatterns).toEqual(["Lows cluster at night."]);
    expect(data.generatedAt).toBe("2025-05-30T08:15:00.000Z");
    expect(data.predictions[0]).toEqual({
      event: "Time in range below 70% on a day after a night under 6 h of sleep",
      probability: 53,
      sampleSize: 10,
      timeframe: "Next few days",
      preventable: true,
      reasoning: "6 of 10 short-night days had time in range below 70%, against 36% of all days.",
    });
    expect(data.options).toEqual({ includeAnalysis: true, includeNotes: true, pageSize: "A4" });
  });

  it("what the patient did not choose to share is not in the data at all", () => {
    const d = buildReportData(baseInput({ options: { includeAnalysis: false, includeNotes: false, pageSize: "LETTER" } }));
    expect(d.stories.every((s) => s.personalNote === null)).toBe(true);
    expect(d.insights).toEqual([]);
    expect(d.predictions).toEqual([]);
    expect(JSON.stringify(d)).not.toContain("basal dose");
    expect(d.options.pageSize).toBe("LETTER");
  });

  it("drops the AGP below 5 days with data, and the metrics below 2 readings", () => {
    const short = generateSyntheticCgm({ from: "2025-05-10", days: 4, timezone: "UTC", seed: 9 });
    const period = { from: "2025-05-01", to: "2025-05-14" };
    const a = computeReportAnalytics(short, { timezone: "UTC", period });
    expect(a.agp?.daysWithData).toBe(4);
    const d = buildReportData({ ...baseInput(), ...a, period, timezone: "UTC" });
    expect(d.agp).toBeNull();
    expect(d.metrics?.daysWithData).toBe(4);
    expect(d.dailyProfiles.map((p) => p.readings > 0)).toEqual([...Array(9).fill(false), true, true, true, true, false]);

    const none = buildReportData({ ...baseInput(), metrics: null, agp: null, dailyProfiles: [], stories: [] });
    expect(none.metrics).toBeNull();
    expect(none.dailyProfiles).toHaveLength(14);
    expect(none.dailyProfiles.every((p) => p.readings === 0)).toBe(true);
  });

  it("GRI zones follow Klonoff et al. 2023", () => {
    expect([0, 20, 20.1, 40, 55, 60.5, 80, 93].map(griZoneOf)).toEqual(["A", "A", "B", "B", "C", "D", "D", "E"]);
  });
});

describe("parseReportData", () => {
  const data = buildReportData(baseInput());

  it("accepts its own output after a JSON round trip (the data is serializable and compact)", () => {
    const json = JSON.stringify(data);
    expect(parseReportData(JSON.parse(json))).toEqual(data);
    expect(json.length).toBeLessThan(45_000);
    // curves are kept to 0.1 mg/dL
    expect(data.agp!.p50.every((v) => v === null || Number(v.toFixed(1)) === v)).toBe(true);
    expect(data.dailyProfiles[0].values.every((v) => v === null || Number(v.toFixed(1)) === v)).toBe(true);
  });

  it("rejects NaN, a wrong bin count or an unknown unit, naming the field and not the value", () => {
    const cases: [unknown, string][] = [
      [{ ...data, metrics: { ...data.metrics!, mean: Number.NaN } }, "metrics.mean"],
      [{ ...data, agp: { ...data.agp!, p50: data.agp!.p50.slice(1) } }, "agp.p50"],
      [{ ...data, unit: "mmol/dL" }, "unit"],
      [{ ...data, patient: { name: "", dateOfBirth: null } }, "patient.name"],
    ];
    for (const [input, field] of cases) {
      try {
        parseReportData(input);
        expect.unreachable(`${field} should be rejected`);
      } catch (e) {
        expect(isAppError(e) && e.code).toBe("bad_request:report");
        expect(isAppError(e) && e.details).toEqual({ field });
        expect((e as Error).message).toBe(`The report data is not valid: ${field} is missing or has the wrong shape.`);
      }
    }
  });
});
