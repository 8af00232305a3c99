import { describe, expect, it } from "vitest";
import {
  buildBandPolygons,
  buildLinePath,
  chooseGlucoseAxis,
  findRuns,
  lastPresentIndex,
  linearScale,
  maxOfCurves,
  spreadLabels,
} from "./chart-geometry";
import { bandHeights } from "./components/metrics-summary";

describe("scales and runs", () => {
  it("maps a domain linearly, including an inverted (SVG y) range", () => {
    const y = linearScale([0, 350], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(350)).toBe(0);
    expect(y(175)).toBe(100);
    expect(linearScale([5, 5], [0, 10])(7)).toBe(0);
  });

  it("finds the runs of present values", () => {
    const v = [null, 1, 2, null, null, 3, null, 4, 5, 6];
    expect(findRuns(v.length, (i) => v[i] !== null)).toEqual([
      { start: 1, end: 2 },
      { start: 5, end: 5 },
      { start: 7, end: 9 },
    ]);
    expect(lastPresentIndex(v)).toBe(9);
    expect(lastPresentIndex([null, null])).toBe(-1);
    expect(maxOfCurves([[1, null, 7], [null, 3]])).toBe(7);
    expect(maxOfCurves([[null]])).toBeNull();
  });
});

describe("paths break at gaps", () => {
  const x = (i: number) => i * 10;
  const y = (v: number) => 100 - v;

  it("one subpath per run; a lone reading becomes a short dash; values clamp to the axis", () => {
    const d = buildLinePath([10, 20, null, 30, null, 500, 600], x, y, [0, 350]);
    expect(d).toBe("M0 90L10 80" + "M29.4 70L30.6 70" + "M50 -250L60 -250");
    expect(buildLinePath([null, null], x, y, [0, 350])).toBe("");
  });

  it("band polygons go along the upper curve and back along the lower one", () => {
    const lower = [10, 20, 30, null, 5, 6];
    const upper = [40, 50, 60, null, 9, null];
    // run 0–2 is a band; run 4 alone has no area and is skipped
    expect(buildBandPolygons(lower, upper, x, y, [0, 350])).toEqual(["0,60 10,50 20,40 20,70 10,80 0,90"]);
  });
});

describe("labels and bars", () => {
  it("spreads labels to a minimum gap and keeps them inside the bounds", () => {
    expect(spreadLabels([10, 12, 13, 40], 5, 0, 100)).toEqual([10, 15, 20, 40]);
    // pushed past the bottom: shifted back up, order kept
    expect(spreadLabels([95, 96, 97], 5, 0, 100)).toEqual([90, 95, 100]);
  });

  it("the glucose axis is 0–350 mg/dL (400 when needed) or 0–21 mmol/L (25 when needed)", () => {
    expect(chooseGlucoseAxis("mg/dL", 280)).toEqual({ topMgdl: 350, ticksMgdl: [54, 70, 180, 250, 350] });
    expect(chooseGlucoseAxis("mg/dL", 351).topMgdl).toBe(400);
    expect(chooseGlucoseAxis("mmol/L", 300).topMgdl).toBeCloseTo(21 * 18.0156, 9);
    expect(chooseGlucoseAxis("mmol/L", 390).topMgdl).toBeCloseTo(25 * 18.0156, 9);
    expect(chooseGlucoseAxis("mg/dL", null).topMgdl).toBe(350);
  });

  it("stacked-bar heights are proportional, small non-zero bands stay visible, the total is kept", () => {
    const h = bandHeights([1, 18, 78.6, 1.4, 1], 128);
    expect(h.reduce((a, b) => a + b, 0)).toBeCloseTo(128, 9);
    expect(h[1]).toBeCloseTo(0.18 * 128, 9);
    const tiny = bandHeights([0.1, 0, 99.9, 0, 0], 100);
    expect(tiny[0]).toBe(1.2); // lifted from 0.1 pt
    expect(tiny[1]).toBe(0);
    expect(tiny[2]).toBeCloseTo(98.8, 9); // the excess came off the tallest band
    expect(bandHeights([0, 0, 0, 0, 0], 100)).toEqual([0, 0, 0, 0, 0]);
  });
});
