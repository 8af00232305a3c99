import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AGP_COLORS,
  BRAND_COLORS,
  CONSENSUS_COLORS,
  EVENT_COLORS,
  TEXT_COLORS,
  TRACE_COLORS,
  computeContrastRatio,
} from "./chart-colors";

const css = readFileSync(path.resolve(import.meta.dirname, "../../app/globals.css"), "utf8");
const token = (name: string) => new RegExp(`--color-${name}:\\s*(#[0-9a-f]{6})`, "i").exec(css)?.[1]?.toLowerCase();

describe("chart colors", () => {
  it("mirror the consensus and brand tokens of app/globals.css", () => {
    expect(CONSENSUS_COLORS).toEqual({
      veryLow: token("tbr2"),
      low: token("tbr1"),
      inRange: token("tir"),
      high: token("tar1"),
      veryHigh: token("tar2"),
    });
    expect(BRAND_COLORS[600]).toBe(token("brand-600"));
    expect(BRAND_COLORS[700]).toBe(token("brand-700"));
    expect(BRAND_COLORS[900]).toBe(token("brand-900"));
  });

  it("computes WCAG contrast ratios (black/white 21:1, #777 4.48:1)", () => {
    expect(computeContrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(computeContrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(computeContrastRatio("#ffffff", "#ffffff")).toBe(1);
    expect(() => computeContrastRatio("red", "#ffffff")).toThrow(RangeError);
  });

  it("text colors pass WCAG AA (4.5:1) against white", () => {
    for (const color of Object.values(TEXT_COLORS)) expect(computeContrastRatio(color, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(computeContrastRatio(TEXT_COLORS.met, "#ffffff")).toBeCloseTo(5.02, 2);
    expect(computeContrastRatio(TEXT_COLORS.notMet, "#ffffff")).toBeCloseTo(6.47, 2);
  });

  it("lines that carry meaning pass the 3:1 non-text contrast (WCAG 1.4.11)", () => {
    const lines = [
      TRACE_COLORS.inRange,
      TRACE_COLORS.below,
      TRACE_COLORS.above,
      TRACE_COLORS.targetLine,
      AGP_COLORS.median,
      AGP_COLORS.outerLine,
      ...Object.values(EVENT_COLORS).map((c) => c.line),
    ];
    for (const color of lines) expect(computeContrastRatio(color, "#ffffff")).toBeGreaterThanOrEqual(3);
    // Why the trace does not draw its "above" line in --color-tar2: 2.99:1 falls short.
    expect(computeContrastRatio(CONSENSUS_COLORS.veryHigh, "#ffffff")).toBeLessThan(3);
  });
});
