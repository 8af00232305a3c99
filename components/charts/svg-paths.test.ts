import { describe, expect, it } from "vitest";
import { buildLinePath, scaleLinear } from "./svg-paths";

const x = { domain: [0, 10] as [number, number], range: [0, 100] as [number, number] };
const y = { domain: [0, 100] as [number, number], range: [50, 0] as [number, number] };

describe("svg paths", () => {
  it("maps linearly, with an inverted range for SVG's downward y", () => {
    expect(scaleLinear(5, x)).toBe(50);
    expect(scaleLinear(25, y)).toBe(37.5);
    expect(scaleLinear(3, { domain: [3, 3], range: [0, 10] })).toBe(5);
  });

  it("draws one subpath through consecutive points, rounded to 0.1 px", () => {
    expect(buildLinePath([0, 1, 2], [0, 50, 100], x, y)).toBe("M0 50L10 25L20 0");
    expect(buildLinePath([0, 1 / 3], [33.333, 66.666], x, y)).toBe("M0 33.3L3.3 16.7");
  });

  it("breaks the line at nulls and at gaps wider than maxGap", () => {
    expect(buildLinePath([0, 1, 2, 3, 4], [10, 20, null, 40, 50], x, y)).toBe("M0 45L10 40M30 30L40 25");
    expect(buildLinePath([0, 1, 5, 6], [10, 20, 30, 40], x, y, 2)).toBe("M0 45L10 40M50 35L60 30");
  });

  it("keeps an isolated point visible as a stub, and returns '' when nothing is drawable", () => {
    expect(buildLinePath([0, 1, 2], [10, null, 30], x, y)).toBe("M0 45h0.1M20 35h0.1");
    expect(buildLinePath([0, 1], [null, Number.NaN], x, y)).toBe("");
    expect(buildLinePath([], [], x, y)).toBe("");
  });
});
