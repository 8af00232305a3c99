import { describe, expect, it } from "vitest";
import { computeAgp } from "@/lib/analytics/glucose/agp";
import { toSeriesFromArrays } from "@/lib/analytics/glucose/series";
import { NBSP } from "./chart-format";
import { buildAgpTable, computeAgpMax, describeAgp, prepareAgpData, summarizeAgp, type AgpInput } from "./agp-data";
import { generateSyntheticGlucose } from "./testing/synthetic-glucose";

const T0 = Date.UTC(2024, 2, 4);
const nb = (s: string) => s.replace(/ (%|mg\/dL|mmol\/L)/g, `${NBSP}$1`);

/** An AGP whose curves are known exactly: p50 = 100 + bin/2, the others at fixed offsets. */
function rampAgp(): AgpInput {
  const p50 = Array.from({ length: 288 }, (_, b) => 100 + b / 2);
  return {
    binMinutes: 5,
    readings: 4032,
    daysWithData: 14,
    smoothed: {
      p5: p50.map((v) => v - 40),
      p25: p50.map((v) => v - 15),
      p50,
      p75: p50.map((v, b) => v + 15 + (b === 228 ? 30 : 0)),
      p95: p50.map((v) => v + 60),
    },
  };
}

describe("prepareAgpData", () => {
  it("places each 5-minute bin at its centre and closes the curves at 00:00 and 24:00", () => {
    const d = prepareAgpData(rampAgp());
    expect(d.hours).toHaveLength(290);
    expect(d.hours[0]).toBe(0);
    expect(d.hours[1]).toBeCloseTo(2.5 / 60, 12);
    expect(d.hours[288]).toBeCloseTo(1437.5 / 60, 12);
    expect(d.hours[289]).toBe(24);
    // The edges take the mean of the last and first bins: (100 + 243.5) / 2.
    expect(d.p50[0]).toBe(171.75);
    expect(d.p50[289]).toBe(171.75);
    expect(d.p50[1]).toBe(100);
    expect(d.p95[1]).toBe(160);
    expect(d.p5[1]).toBe(60);
  });

  it("keeps empty bins as null (gaps) and an edge from whichever side has data", () => {
    const agp = rampAgp();
    agp.smoothed.p50[0] = null;
    agp.smoothed.p50[100] = null;
    const d = prepareAgpData(agp);
    expect(d.p50[0]).toBe(243.5);
    expect(d.p50[1]).toBeNull();
    expect(d.p50[101]).toBeNull();
  });

  it("prepares computeAgp's output for 14 days of synthetic CGM data", () => {
    const { times, values } = generateSyntheticGlucose({ days: 14, startMs: T0, seed: 11 });
    const agp = computeAgp(toSeriesFromArrays(times, values), { timezone: "UTC" });
    const d = prepareAgpData(agp);
    expect(agp.readings).toBe(4032);
    expect(d.hours).toHaveLength(290);
    // Percentile order is preserved at every drawn point (the bands never cross).
    for (let i = 0; i < d.hours.length; i++) {
      const [p5, p25, p50, p75, p95] = [d.p5[i], d.p25[i], d.p50[i], d.p75[i], d.p95[i]] as number[];
      expect(p5 <= p25 && p25 <= p50 && p50 <= p75 && p75 <= p95).toBe(true);
    }
    // The synthetic dinner peak (~20:10) is higher than the night (~03:00).
    expect(d.p50[Math.round((20 * 60 + 10) / 5) + 1] as number).toBeGreaterThan((d.p50[36 + 1] as number) + 40);
  });
});

describe("summarizeAgp and describeAgp", () => {
  it("finds the lowest and highest median and the widest 25–75 % band", () => {
    const s = summarizeAgp(rampAgp());
    expect(s?.lowestMedian).toEqual({ minute: 0, value: 100 });
    expect(s?.highestMedian).toEqual({ minute: 1435, value: 243.5 });
    expect(s?.widestIqr).toEqual({ minute: 1140, value: 60 });
    expect(s?.meanIqr).toBeCloseTo(30 + 30 / 288, 10);
    // Medians 100–180 are in range: bins 0–160 (161 of 288).
    expect(s?.medianInTargetPercent).toBeCloseTo((100 * 161) / 288, 10);
  });

  it("says it in one sentence, in either unit", () => {
    expect(describeAgp(rampAgp(), "mg/dL")).toBe(
      nb(
        "Ambulatory glucose profile of 14 days (4,032 readings): the median is lowest at 00:00 (100 mg/dL) and highest at 23:55 (244 mg/dL), " +
          "within 70–180 mg/dL for 56 % of the day; the middle half of readings spans 30 mg/dL on average, widest at 19:00 (60 mg/dL).",
      ),
    );
    expect(describeAgp(rampAgp(), "mmol/L")).toContain(nb("lowest at 00:00 (5.6 mmol/L)"));
    expect(describeAgp(rampAgp(), "mmol/L")).toContain(nb("spans 1.7 mmol/L on average"));
  });

  it("has a sentence, not NaN, when every bin is empty", () => {
    const empty: AgpInput = {
      binMinutes: 5,
      readings: 0,
      daysWithData: 0,
      smoothed: { p5: Array(288).fill(null), p25: Array(288).fill(null), p50: Array(288).fill(null), p75: Array(288).fill(null), p95: Array(288).fill(null) },
    };
    expect(summarizeAgp(empty)).toBeNull();
    expect(computeAgpMax(empty)).toBeNull();
    expect(describeAgp(empty, "mg/dL")).toBe("Ambulatory glucose profile: no readings, so there is no profile to show.");
  });

  it("tabulates the percentiles every 2 hours for the visually hidden table", () => {
    const rows = buildAgpTable(rampAgp(), "mg/dL");
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ time: "00:00", p5: nb("60 mg/dL"), p25: nb("85 mg/dL"), p50: nb("100 mg/dL"), p75: nb("115 mg/dL"), p95: nb("160 mg/dL") });
    expect(rows[6].time).toBe("12:00");
    expect(rows[6].p50).toBe(nb("172 mg/dL"));
    expect(computeAgpMax(rampAgp())).toBe(303.5);
  });
});
