import uPlot from "uplot";
import { describe, expect, it, vi } from "vitest";
import { EVENT_COLORS, TRACE_COLORS } from "./chart-colors";
import { buildTraceOptions, chooseEventDetail, type TraceOptionsInput } from "./trace-options";
import { createFakeUplot } from "./testing/fake-uplot";

const base: TraceOptionsInput = {
  width: 390,
  height: 260,
  unit: "mg/dL",
  timezone: "Europe/Paris",
  low: 70,
  high: 180,
  yRange: [40, 300],
};

describe("buildTraceOptions", () => {
  it("sets a time x scale, a fixed glucose y scale and a line that breaks at gaps", () => {
    const o = buildTraceOptions(base, uPlot);
    expect(o.width).toBe(390);
    expect(o.height).toBe(260);
    expect(o.scales?.x?.time).toBe(true);
    expect(o.scales?.y).toEqual({ auto: false, range: [40, 300] });
    expect(o.series).toHaveLength(2);
    expect(o.series[1].spanGaps).toBe(false);
  });

  it("labels the axis in the person's timezone with uPlot.tzDate", () => {
    const o = buildTraceOptions(base, uPlot);
    // 12:00 UTC on 1 July is 14:00 in Paris (CEST), 08:00 in New York (EDT).
    const noonUtc = Date.UTC(2024, 6, 1, 12) / 1000;
    expect(o.tzDate?.(noonUtc).getHours()).toBe(14);
    const ny = buildTraceOptions({ ...base, timezone: "America/New_York" }, uPlot);
    expect(ny.tzDate?.(noonUtc).getHours()).toBe(8);
    const tzDate = vi.fn((d: Date) => d);
    buildTraceOptions({ ...base, timezone: "Asia/Tokyo" }, { tzDate }).tzDate?.(1000);
    expect(tzDate).toHaveBeenCalledWith(new Date(1_000_000), "Asia/Tokyo");
  });

  it("formats y ticks and the legend value in the person's unit", () => {
    const mmol = buildTraceOptions({ ...base, unit: "mmol/L" }, uPlot);
    const values = mmol.axes?.[1].values as (u: uPlot, splits: number[]) => string[];
    expect(values({} as uPlot, [54, 70, 180, 250])).toEqual(["3.0", "3.9", "10.0", "13.9"]);
    const legend = mmol.series[1].value as (u: uPlot, v: number | null) => string;
    expect(legend({} as uPlot, 142.4)).toBe("7.9 mmol/L");
    expect(legend({} as uPlot, null)).toBe("—");
    const mg = buildTraceOptions(base, uPlot).series[1].value as (u: uPlot, v: number | null) => string;
    expect(mg({} as uPlot, 142.4)).toBe("142 mg/dL");
  });

  it("zooms by dragging along x only when zoomable, and reports the x range", () => {
    expect(buildTraceOptions(base, uPlot).cursor?.drag).toEqual({ x: false, y: false, setScale: false });
    const onXRangeChange = vi.fn();
    const o = buildTraceOptions({ ...base, zoomable: true, onXRangeChange }, uPlot);
    expect(o.cursor?.drag).toEqual({ x: true, y: false, setScale: true });
    const { u } = createFakeUplot({ x: [100, 200], y: [40, 300] });
    for (const hook of o.hooks?.setScale ?? []) hook?.(u, "y");
    expect(onXRangeChange).not.toHaveBeenCalled();
    for (const hook of o.hooks?.setScale ?? []) hook?.(u, "x");
    expect(onXRangeChange).toHaveBeenCalledWith({ min: 100, max: 200 });
  });

  it("strokes the line with a gradient whose hard stops sit at 70 and 180 mg/dL", () => {
    const o = buildTraceOptions(base, uPlot);
    const { u, gradients, bbox } = createFakeUplot({ x: [0, 100], y: [40, 300] });
    const stroke = o.series[1].stroke as (u: uPlot, i: number) => unknown;
    stroke(u, 1);
    expect(gradients).toHaveLength(1);
    // From the bottom of the plot (scale min) to its top (scale max).
    expect(gradients[0].args).toEqual([0, bbox.top + bbox.height, 0, bbox.top]);
    expect(gradients[0].stops.map(([offset, color]) => [Number(offset.toFixed(4)), color])).toEqual([
      [0, TRACE_COLORS.below],
      [0.1154, TRACE_COLORS.below],
      [0.1154, TRACE_COLORS.inRange],
      [0.5385, TRACE_COLORS.inRange],
      [0.5385, TRACE_COLORS.above],
      [1, TRACE_COLORS.above],
    ]);
  });

  it("shades the target band between the pixels of 70 and 180 mg/dL", () => {
    const o = buildTraceOptions(base, uPlot);
    const { u, calls, bbox } = createFakeUplot({ x: [0, 100], y: [40, 300] });
    for (const hook of o.hooks?.drawClear ?? []) hook?.(u);
    const band = calls.find((c) => c.op === "fillRect");
    const y180 = bbox.top + bbox.height * (1 - 140 / 260);
    const y70 = bbox.top + bbox.height * (1 - 30 / 260);
    expect(band?.fillStyle).toBe(TRACE_COLORS.targetFill);
    expect(band?.args[0]).toBe(bbox.left);
    expect(band?.args[1]).toBeCloseTo(y180, 6);
    expect(band?.args[2]).toBe(bbox.width);
    expect(band?.args[3]).toBeCloseTo(y70 - y180, 6);
  });

  it("draws sleep as a span behind the line and meals as lines over it, only where visible", () => {
    const events = [
      { start: 10, end: 40, kind: "sleep" as const, label: "Night" },
      { start: 50, end: null, kind: "meal" as const, label: "Breakfast" },
      { start: 500, end: null, kind: "meal" as const, label: "Off screen" },
    ];
    const o = buildTraceOptions({ ...base, events }, uPlot);
    const { u, calls, bbox } = createFakeUplot({ x: [0, 100], y: [40, 300] });
    for (const hook of o.hooks?.drawClear ?? []) hook?.(u);
    // x = 10 → canvas 80 + 70; x = 40 → 80 + 280: a 210-px span, shaded full height plus a 5-px lane mark.
    const shade = calls.filter((c) => c.op === "fillRect" && c.fillStyle === EVENT_COLORS.sleep.fill);
    expect(shade.map((c) => c.args)).toEqual([[bbox.left + 70, bbox.top, 210, bbox.height]]);
    const lane = calls.filter((c) => c.op === "fillRect" && c.fillStyle === EVENT_COLORS.sleep.line);
    expect(lane.map((c) => c.args)).toEqual([[bbox.left + 70, bbox.top, 210, 5]]);

    calls.length = 0;
    for (const hook of o.hooks?.draw ?? []) hook?.(u);
    const mealLines = calls.filter((c) => c.op === "moveTo" && c.strokeStyle === EVENT_COLORS.meal.line);
    // One meal is visible (x = 50 → canvas x 430); the one at 500 is outside the scale.
    expect(mealLines.map((c) => c.args)).toEqual([[430.5, bbox.top]]);
    // Spans get no line of their own (only the lane mark above).
    expect(calls.filter((c) => c.op === "moveTo" && c.strokeStyle === EVENT_COLORS.sleep.line)).toHaveLength(0);
  });

  it("switches to a lane of short marks when events are denser than one per 24 px", () => {
    expect(chooseEventDetail(0, 700)).toBe("full");
    expect(chooseEventDetail(29, 700)).toBe("full");
    expect(chooseEventDetail(30, 700)).toBe("rug");
    // 90 days of meals on a 700-px plot: 270 point events → ticks, no full-height lines, no shading.
    const events = Array.from({ length: 270 }, (_, i) => ({ start: i / 3, end: null, kind: "meal" as const, label: "Meal" }));
    events.push({ start: 20, end: 30, kind: "sleep", label: "Night" } as never);
    const o = buildTraceOptions({ ...base, events }, uPlot);
    const { u, calls, bbox } = createFakeUplot({ x: [0, 100], y: [40, 300] });
    for (const hook of [...(o.hooks?.drawClear ?? []), ...(o.hooks?.draw ?? [])]) hook?.(u);
    expect(calls.filter((c) => c.op === "moveTo" && c.strokeStyle === EVENT_COLORS.meal.line)).toHaveLength(0);
    expect(calls.filter((c) => c.op === "fillRect" && c.fillStyle === EVENT_COLORS.sleep.fill)).toHaveLength(0);
    expect(calls.filter((c) => c.op === "fillRect" && c.fillStyle === EVENT_COLORS.sleep.line)).toHaveLength(1);
    const ticks = calls.filter((c) => c.op === "fillRect" && c.fillStyle === EVENT_COLORS.meal.line);
    expect(ticks).toHaveLength(270);
    // Meal 3 is at x = 1 → canvas 87: a 1-px tick, 8 px tall, from the top edge.
    expect(ticks[3].args).toEqual([87, bbox.top, 1, 8]);
  });
});
