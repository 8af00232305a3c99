import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Sparkline } from "./sparkline";
import { computeSparklineGeometry, describeSparkline, formatSparkValue } from "./sparkline-data";

const nb = (s: string) => s.replace(/ %/g, "\u00a0%");

describe("sparkline data", () => {
  it("spreads the values across the box, inset by half a stroke plus 1 px", () => {
    // width 100, height 20, inset 1.75: x from 1.75 to 98.25, y from 18.25 (min) to 1.75 (max).
    const g = computeSparklineGeometry({ values: [0, 0.5, 1], domain: [0, 1], width: 100, height: 20 });
    expect(g.path).toBe("M1.8 18.3L50 10L98.3 1.8");
    expect(g.last).toEqual({ x: 98.25, y: 1.75 });
  });

  it("breaks at missing values and marks the last value that exists", () => {
    const g = computeSparklineGeometry({ values: [2, null, 4, 3, null], width: 100, height: 20 });
    expect(g.path).toBe("M1.8 18.3h0.1M50 1.8L74.1 10");
    expect(g.last?.x).toBeCloseTo(74.125, 10);
    expect(computeSparklineGeometry({ values: [null, null], width: 100, height: 20 })).toEqual({ path: "", last: null });
  });

  it("draws a flat series through the middle and a single value as a centred dot", () => {
    expect(computeSparklineGeometry({ values: [0.8, 0.8, 0.8], width: 100, height: 20 }).path).toBe("M1.8 10L50 10L98.3 10");
    expect(computeSparklineGeometry({ values: [3], width: 100, height: 20 })).toEqual({ path: "M50 10h0.1", last: { x: 50, y: 10 } });
  });

  it("summarizes the trend in words", () => {
    expect(describeSparkline("Adherence over 14 days", [0.6, 0.5, 0.9, 0.85], "percent")).toBe(
      nb("Adherence over 14 days: from 60 % to 85 %, lowest 50 %, highest 90 %."),
    );
    expect(describeSparkline("Mood this week", [3, null, 4.25], "number", "/5")).toBe(
      "Mood this week: from 3/5 to 4.3/5, lowest 3/5, highest 4.3/5, 1 without data.",
    );
    expect(describeSparkline("Mood", [4], "number")).toBe("Mood: 4.");
    expect(describeSparkline("Mood", [], "number")).toBe("Mood: no data yet.");
    expect(formatSparkValue(0.856, "percent")).toBe(nb("86 %"));
    expect(formatSparkValue(Number.NaN)).toBe("—");
  });
});

describe("<Sparkline> rendered to HTML", () => {
  it("is an SVG with role=img, its summary and the values for screen readers", () => {
    const html = renderToStaticMarkup(<Sparkline label="Adherence over 4 weeks" values={[0.5, 0.75, 1, 0.75]} format="percent" domain={[0, 1]} />);
    expect(html).toContain(`role="img" aria-label="${nb("Adherence over 4 weeks: from 50 % to 75 %, lowest 50 %, highest 100 %.")}"`);
    expect(html).toContain('width="120" height="32" viewBox="0 0 120 32"');
    expect(html).toContain('stroke="#1f5fbf"');
    expect(html).toContain("<circle");
    expect(html).toContain(`<span class="sr-only">Values: ${nb("50 %, 75 %, 100 %, 75 %")}</span>`);
  });

  it("draws a dashed placeholder and says so without data", () => {
    const html = renderToStaticMarkup(<Sparkline label="Mood" values={[null]} />);
    expect(html).toContain('aria-label="Mood: no data yet."');
    expect(html).toContain('stroke-dasharray="3 3"');
    expect(html).not.toContain("<path");
    expect(html).toContain("Values: no data");
  });
});
