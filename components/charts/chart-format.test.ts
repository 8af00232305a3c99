import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  NBSP,
  assertChartTimezone,
  describeDuration,
  formatClockMinutes,
  formatCount,
  formatDayLabel,
  formatGlucoseRange,
  formatGlucoseWithUnit,
  formatInstant,
  formatPercentForTarget,
  formatPercentPrecise,
  formatPercentShort,
  toDisplayGlucose,
} from "./chart-format";

const pct = (s: string) => s.replace(/ %/g, `${NBSP}%`);

describe("glucose units (display only)", () => {
  it("converts mg/dL to mmol/L with MGDL_PER_MMOLL = 18.0156", () => {
    expect(toDisplayGlucose(180, "mg/dL")).toBe(180);
    expect(toDisplayGlucose(180.156, "mmol/L")).toBeCloseTo(10, 10);
    expect(toDisplayGlucose(70, "mmol/L")).toBeCloseTo(3.8855, 4);
  });

  it("prints the consensus thresholds as the consensus writes them in mmol/L", () => {
    expect(formatGlucoseRange(70, 180, "mmol/L")).toBe(`3.9–10.0${NBSP}mmol/L`);
    expect(formatGlucoseRange(70, 180, "mg/dL")).toBe(`70–180${NBSP}mg/dL`);
    expect(formatGlucoseWithUnit(54, "mmol/L")).toBe(`3.0${NBSP}mmol/L`);
    expect(formatGlucoseWithUnit(142.4, "mg/dL")).toBe(`142${NBSP}mg/dL`);
  });

  it("prints a missing value as a dash, never NaN", () => {
    expect(formatGlucoseWithUnit(null, "mg/dL")).toBe("—");
    expect(formatGlucoseWithUnit(Number.NaN, "mmol/L")).toBe("—");
    expect(formatPercentShort(Number.NaN)).toBe("—");
    expect(formatPercentPrecise(undefined)).toBe("—");
    expect(formatPercentForTarget(Number.POSITIVE_INFINITY, "<", 4)).toBe("—");
  });
});

describe("percentages", () => {
  it("never rounds a non-zero share to 0 % or a partial one to 100 %", () => {
    expect(formatPercentShort(0)).toBe(pct("0 %"));
    expect(formatPercentShort(0.3)).toBe(pct("<1 %"));
    expect(formatPercentShort(1.5)).toBe(pct("2 %"));
    expect(formatPercentShort(78.4)).toBe(pct("78 %"));
    expect(formatPercentShort(99.6)).toBe(pct(">99 %"));
    expect(formatPercentShort(100)).toBe(pct("100 %"));
  });

  it("prints a share next to its target so the number agrees with the met mark", () => {
    // 3.96 meets "<4" but toFixed(1) gives "4.0": two decimals instead.
    expect(formatPercentForTarget(3.96, "<", 4)).toBe(pct("3.96 %"));
    // 69.96 does not meet ">70" and "70.0" is not > 70 either: one decimal is consistent.
    expect(formatPercentForTarget(69.96, ">", 70)).toBe(pct("70.0 %"));
    // 70.04 meets ">70" but "70.0" would not: two decimals.
    expect(formatPercentForTarget(70.04, ">", 70)).toBe(pct("70.04 %"));
    expect(formatPercentForTarget(70.004, ">", 70)).toBe(pct("70.004 %"));
    expect(formatPercentForTarget(4.8, "<", 4)).toBe(pct("4.8 %"));
    expect(formatPercentForTarget(0, "<", 1)).toBe(pct("0 %"));
    expect(formatPercentPrecise(4.84)).toBe(pct("4.8 %"));
  });

  it("groups thousands without the server locale", () => {
    expect(formatCount(25920)).toBe("25,920");
    expect(formatCount(288)).toBe("288");
    expect(formatCount(1234567.4)).toBe("1,234,567");
  });
});

describe("times", () => {
  it("prints an instant in the person's timezone, across a DST change", () => {
    // 2024-03-31 is the spring-forward day in Europe/Paris (02:00 → 03:00).
    expect(formatInstant(Date.UTC(2024, 2, 31, 0, 30), "Europe/Paris")).toBe("Sun 31 Mar 01:30");
    expect(formatInstant(Date.UTC(2024, 2, 31, 1, 30), "Europe/Paris")).toBe("Sun 31 Mar 03:30");
    expect(formatInstant(Date.UTC(2024, 2, 4, 8, 5), "UTC")).toBe("Mon 4 Mar 08:05");
    expect(formatInstant(Date.UTC(2024, 2, 4, 3, 0), "America/New_York")).toBe("Sun 3 Mar 22:00");
    // Names come from our table, not ICU (whose en-GB September is "Sept" in some versions).
    expect(formatInstant(Date.UTC(2024, 8, 2, 0, 0), "UTC")).toBe("Mon 2 Sep 00:00");
    expect(formatInstant(Date.UTC(2024, 11, 31, 23, 59), "Pacific/Kiritimati")).toBe("Wed 1 Jan 13:59");
  });

  it("rejects an unknown timezone with an AppError", () => {
    expect(() => assertChartTimezone("Mars/Olympus")).toThrow(AppError);
    expect(() => assertChartTimezone("Asia/Tokyo")).not.toThrow();
  });

  it("labels local dates, clock minutes and spans", () => {
    expect(formatDayLabel("2024-03-04")).toBe("Mon 4 Mar");
    expect(formatDayLabel("2024-12-29")).toBe("Sun 29 Dec");
    expect(formatDayLabel("not a date")).toBe("not a date");
    expect(formatClockMinutes(0)).toBe("00:00");
    expect(formatClockMinutes(785)).toBe("13:05");
    expect(formatClockMinutes(1440)).toBe("24:00");
    expect(describeDuration(90 * 60_000)).toBe("90 minutes");
    expect(describeDuration(23 * 3_600_000 + 55 * 60_000)).toBe("24 hours");
    expect(describeDuration(90 * 86_400_000)).toBe("90 days");
    expect(describeDuration(60_000)).toBe("1 minute");
  });
});
