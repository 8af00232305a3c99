import { describe, expect, it } from "vitest";
import { computeAgpYRange, computeGlucoseSplits, computeThresholdStops, computeTraceYRange, formatGlucoseTicks } from "./glucose-axis";

describe("glucose axis", () => {
  it("ticks at the clinical thresholds when there is room", () => {
    // 0–350 over 300 px: 0.857 px per mg/dL, 54→70 is 13.7 px apart (< 20): 54 is dropped.
    expect(computeGlucoseSplits(0, 350, 300)).toEqual([70, 180, 250, 350]);
    // Over 600 px the same gap is 27 px: 54 is kept.
    expect(computeGlucoseSplits(0, 350, 600)).toEqual([54, 70, 180, 250, 350]);
    // The top of the scale is labelled when it is above 250.
    // 40–450 over 400 px: 54 is 15.6 px from 70 (dropped); 450, the top, is labelled.
    expect(computeGlucoseSplits(40, 450, 400)).toEqual([70, 180, 250, 350, 400, 450]);
  });

  it("keeps the person's own target bounds first", () => {
    expect(computeGlucoseSplits(40, 300, 260, 80, 140)).toEqual([54, 80, 140, 250, 300]);
    // A 120-px card: 54 is 7 px from 70 (dropped); 250 and 300 are 23 px apart (both kept).
    expect(computeGlucoseSplits(40, 300, 120)).toEqual([70, 180, 250, 300]);
  });

  it("returns no ticks for an empty scale", () => {
    expect(computeGlucoseSplits(100, 100, 300)).toEqual([]);
    expect(computeGlucoseSplits(0, 350, 0)).toEqual([]);
  });

  it("formats ticks in the person's unit", () => {
    expect(formatGlucoseTicks([54, 70, 180, 250], "mmol/L")).toEqual(["3.0", "3.9", "10.0", "13.9"]);
    expect(formatGlucoseTicks([54, 70, 180, 250], "mg/dL")).toEqual(["54", "70", "180", "250"]);
  });

  it("sizes the trace to 40–300 mg/dL at least, in steps that hold every value", () => {
    expect(computeTraceYRange(85, 210)).toEqual([40, 300]);
    expect(computeTraceYRange(38, 333)).toEqual([30, 350]);
    expect(computeTraceYRange(null, null)).toEqual([40, 300]);
    expect(computeAgpYRange(280)).toEqual([0, 350]);
    expect(computeAgpYRange(371)).toEqual([0, 400]);
    expect(computeAgpYRange(null)).toEqual([0, 350]);
  });

  it("puts hard color stops at the target bounds, bottom to top", () => {
    const colors = { below: "#a00000", inRange: "#0000a0", above: "#a06000" };
    const stops = computeThresholdStops(40, 300, 70, 180, colors);
    expect(stops.map(([o]) => Number(o.toFixed(4)))).toEqual([0, 0.1154, 0.1154, 0.5385, 0.5385, 1]);
    expect(stops.map(([, c]) => c)).toEqual(["#a00000", "#a00000", "#0000a0", "#0000a0", "#a06000", "#a06000"]);
    // Thresholds outside the visible scale are clamped to its edges (a zoom into 100–150).
    expect(computeThresholdStops(100, 150, 70, 180, colors).map(([o]) => o)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(computeThresholdStops(5, 5, 70, 180, colors)).toEqual([[0, "#0000a0"], [1, "#0000a0"]]);
  });
});
