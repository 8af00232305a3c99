import type uPlot from "uplot";
import { describe, expect, it } from "vitest";
import { AGP_COLORS } from "./chart-colors";
import { buildAgpOptions } from "./agp-options";
import { createFakeUplot } from "./testing/fake-uplot";

const input = { width: 390, height: 300, unit: "mg/dL" as const, low: 70, high: 180, yRange: [0, 350] as [number, number] };

describe("buildAgpOptions", () => {
  it("draws the median last so no band fill covers it", () => {
    const o = buildAgpOptions(input);
    expect(o.series.map((s) => s.label)).toEqual(["Time of day", "5 %", "25 %", "75 %", "95 %", "Median (mg/dL)"]);
    expect(o.series[5].stroke).toBe(AGP_COLORS.median);
    expect(o.series[5].width).toBe(2.5);
  });

  it("fills 5–25 and 75–95 light and 25–75 darker, without overlap", () => {
    const o = buildAgpOptions(input);
    expect(o.bands).toEqual([
      { series: [4, 3], fill: AGP_COLORS.outerFill },
      { series: [3, 2], fill: AGP_COLORS.iqrFill },
      { series: [2, 1], fill: AGP_COLORS.outerFill },
    ]);
    // Each band's upper series holds the higher percentile (p95 > p75 > p25 > p5).
    const order = ["5 %", "25 %", "75 %", "95 %"].map((l) => o.series.findIndex((s) => s.label === l));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it("spans 00:00–24:00 in hours and 0–350 mg/dL, as the AGP report", () => {
    const o = buildAgpOptions(input);
    expect(o.scales?.x).toEqual({ time: false, auto: false, range: [0, 24] });
    expect(o.scales?.y).toEqual({ auto: false, range: [0, 350] });
    const xValues = o.axes?.[0].values as (u: uPlot, splits: number[]) => string[];
    expect(xValues({} as uPlot, [0, 3, 6, 12, 24])).toEqual(["00:00", "03:00", "06:00", "12:00", "24:00"]);
    expect(o.axes?.[0].incrs).toEqual([1, 2, 3, 6, 12]);
  });

  it("labels glucose in mmol/L when asked, without converting the curves", () => {
    const o = buildAgpOptions({ ...input, unit: "mmol/L" });
    const yValues = o.axes?.[1].values as (u: uPlot, splits: number[]) => string[];
    expect(yValues({} as uPlot, [54, 70, 180, 250, 350])).toEqual(["3.0", "3.9", "10.0", "13.9", "19.4"]);
    const median = o.series[5].value as (u: uPlot, v: number | null) => string;
    expect(median({} as uPlot, 180.156)).toBe("10.0");
    expect(o.series[5].label).toBe("Median (mmol/L)");
  });

  it("draws green target lines at 70 and 180 mg/dL over the bands", () => {
    const o = buildAgpOptions(input);
    const { u, calls, bbox } = createFakeUplot({ x: [0, 24], y: [0, 350] });
    for (const hook of o.hooks?.draw ?? []) hook?.(u);
    const y = (v: number) => bbox.top + bbox.height * (1 - v / 350);
    const lines = calls.filter((c) => c.op === "moveTo");
    expect(lines.map((c) => c.args)).toEqual([
      [bbox.left, y(180)],
      [bbox.left, y(70)],
    ]);
    expect(lines.every((c) => c.strokeStyle === AGP_COLORS.targetLine)).toBe(true);
  });

  it("shows no cursor without a legend (the chart is not interactive)", () => {
    expect(buildAgpOptions({ ...input, legend: false }).cursor?.show).toBe(false);
    expect(buildAgpOptions(input).cursor?.drag).toEqual({ x: false, y: false, setScale: false });
  });
});
