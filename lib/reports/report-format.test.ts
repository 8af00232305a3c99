import { describe, expect, it } from "vitest";
import {
  countDays,
  describeMet,
  describeRangeBands,
  describeTarget,
  formatComparator,
  formatDate,
  formatDateTime,
  formatGlucoseWithUnit,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatShortDay,
  formatTarget,
  formatTargetValue,
} from "./report-format";

describe("number formatting never prints NaN", () => {
  it("percentages have one decimal, no negative zero, and a dash for anything not finite", () => {
    expect(formatPercent(72.25)).toBe("72.3%");
    expect(formatPercent(4)).toBe("4.0%");
    expect(formatPercent(-0.04)).toBe("0.0%");
    expect(formatPercent(70, 0)).toBe("70%");
    expect(formatPercent(Number.NaN)).toBe("—");
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe("—");
    expect(formatPercent(null)).toBe("—");
    expect(formatNumber(2.449, 1)).toBe("2.4");
    expect(formatNumber(undefined)).toBe("—");
  });

  it("glucose: mg/dL as integers, mmol/L with one decimal (÷ 18.0156)", () => {
    expect(formatGlucoseWithUnit(142.6, "mg/dL")).toBe("143 mg/dL");
    expect(formatGlucoseWithUnit(142.6, "mmol/L")).toBe("7.9 mmol/L"); // 142.6 / 18.0156 = 7.915
    expect(formatGlucoseWithUnit(70, "mmol/L")).toBe("3.9 mmol/L");
    expect(formatGlucoseWithUnit(180, "mmol/L")).toBe("10.0 mmol/L"); // 9.991
    expect(formatGlucoseWithUnit(Number.NaN, "mg/dL")).toBe("—");
  });
});

describe("consensus targets as printed", () => {
  it("labels carry the glucose limits in the display unit", () => {
    expect(describeTarget("tir_70_180", "mg/dL")).toBe("Time in range (70–180 mg/dL)");
    expect(describeTarget("tir_70_180", "mmol/L")).toBe("Time in range (3.9–10.0 mmol/L)");
    expect(describeTarget("tbr_54", "mmol/L")).toBe("Time very low (<3.0 mmol/L)");
    expect(describeTarget("tar_250", "mmol/L")).toBe("Time very high (>13.9 mmol/L)");
    expect(describeTarget("cv", "mg/dL")).toBe("Glucose variability (CV)");
  });

  it("targets print with their comparator; the WinAnsi fallback spells ≥ and ≤ in ASCII", () => {
    expect(formatTarget({ comparator: ">", threshold: 70 }, true)).toBe("> 70%");
    expect(formatTarget({ comparator: "≤", threshold: 36 }, true)).toBe("≤ 36%");
    expect(formatTarget({ comparator: "≥", threshold: 70 }, false)).toBe(">= 70%");
    expect(formatComparator("≤", false)).toBe("<=");
    expect(formatComparator("<", false)).toBe("<");
  });

  it("adds decimals when one decimal would contradict the verdict", () => {
    // 0.96 % rounds to "1.0%", which is not < 1 %, yet the target IS met: print 0.96%
    expect(formatTargetValue({ value: 0.96, comparator: "<", threshold: 1, met: true })).toBe("0.96%");
    // 70.04 % is > 70 % (met) but "70.0%" would read as not met
    expect(formatTargetValue({ value: 70.04, comparator: ">", threshold: 70, met: true })).toBe("70.04%");
    // no contradiction: one decimal
    expect(formatTargetValue({ value: 1.04, comparator: "<", threshold: 1, met: false })).toBe("1.0%");
    expect(formatTargetValue({ value: 78.36, comparator: ">", threshold: 70, met: true })).toBe("78.4%");
    expect(formatTargetValue({ value: null, comparator: "≤", threshold: 36, met: null })).toBe("—");
    expect([describeMet(true), describeMet(false), describeMet(null)]).toEqual(["Met", "Not met", "Not available"]);
  });

  it("the five bands read as on the IDC AGP report in both units", () => {
    expect(describeRangeBands("mg/dL").map((b) => b.limits)).toEqual([">250 mg/dL", "181–250 mg/dL", "70–180 mg/dL", "54–69 mg/dL", "<54 mg/dL"]);
    expect(describeRangeBands("mmol/L").map((b) => b.limits)).toEqual([
      ">13.9 mmol/L",
      "10.1–13.9 mmol/L",
      "3.9–10.0 mmol/L",
      "3.0–3.8 mmol/L",
      "<3.0 mmol/L",
    ]);
  });
});

describe("dates", () => {
  it("prints day-month-year with a month name, and counts inclusive days", () => {
    expect(formatDate("2025-03-01")).toBe("1 Mar 2025");
    expect(formatShortDay("2025-05-19")).toBe("Mon 19 May");
    expect(countDays("2025-03-01", "2025-05-29")).toBe(90);
    expect(countDays("2025-05-01", "2025-05-01")).toBe(1);
    expect(countDays("2025-05-02", "2025-05-01")).toBe(0);
    expect(formatPeriod({ from: "2025-03-01", to: "2025-05-29" })).toBe("1 Mar 2025 – 29 May 2025 (90 days)");
    expect(formatPeriod({ from: "2025-05-01", to: "2025-05-01" })).toBe("1 May 2025 – 1 May 2025 (1 day)");
  });

  it("shows the generation time in the patient's zone", () => {
    expect(formatDateTime("2025-05-30T08:15:00.000Z", "Europe/Paris")).toBe("30 May 2025, 10:15");
    expect(formatDateTime("2025-05-30T08:15:00.000Z", "America/New_York")).toBe("30 May 2025, 04:15");
  });
});
