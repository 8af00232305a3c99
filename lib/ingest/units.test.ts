import { describe, expect, it } from "vitest";
import { convertDistanceToKm, convertDurationToMinutes, convertEnergyToKcal, convertMmolToMgdl, MGDL_PER_MMOLL, readAppleGlucoseUnit, readDecimal } from "./units";

describe("units", () => {
  it("uses one glucose factor, 18.0156, unrounded", () => {
    expect(MGDL_PER_MMOLL).toBe(18.0156);
    expect(convertMmolToMgdl(5.5)).toBe(5.5 * 18.0156);
    expect(convertMmolToMgdl(10)).toBeCloseTo(180.156, 12);
  });

  it("reads Apple's glucose units, including the molar-mass annotation", () => {
    expect(readAppleGlucoseUnit("mg/dL")).toBe("mg/dL");
    expect(readAppleGlucoseUnit("mmol/L")).toBe("mmol/L");
    expect(readAppleGlucoseUnit("mmol<180.1558800000541>/L")).toBe("mmol/L");
    expect(readAppleGlucoseUnit("mmol<18.0>/L")).toBeNull();
    expect(readAppleGlucoseUnit("count/min")).toBeNull();
  });

  it("converts energy, distance and duration", () => {
    expect(convertEnergyToKcal(342.5, "Cal")).toBe(342.5);
    expect(convertEnergyToKcal(418.4, "kJ")).toBeCloseTo(100, 12);
    expect(convertEnergyToKcal(1, "BTU")).toBeNull();
    expect(convertDistanceToKm(1, "mi")).toBe(1.609344);
    expect(convertDistanceToKm(1500, "m")).toBe(1.5);
    expect(convertDistanceToKm(1, "furlong")).toBeNull();
    expect(convertDurationToMinutes(90, "s")).toBe(1.5);
    expect(convertDurationToMinutes(1.5, "hr")).toBe(90);
  });

  it("reads decimals and never returns NaN", () => {
    expect(readDecimal("6.3")).toBe(6.3);
    expect(readDecimal("6,3")).toBe(6.3);
    expect(readDecimal(" 120 ")).toBe(120);
    expect(readDecimal("High")).toBeNull();
    expect(readDecimal("")).toBeNull();
    expect(readDecimal("1,234.5")).toBeNull();
    expect(readDecimal(undefined)).toBeNull();
  });
});
