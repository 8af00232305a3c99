import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { computeGlucoseMetrics } from "@/lib/analytics/glucose/compute-glucose-metrics";
import { toSeriesFromArrays } from "@/lib/analytics/glucose/series";
import { NBSP } from "./chart-format";
import { TimeInRangesBar } from "./time-in-ranges-bar";
import {
  buildTimeInRangesRows,
  computeStackedSegments,
  describeTimeInRanges,
  findTimeInRangesProblem,
  summarizeUnmetTargets,
  type TimeInRangesInput,
} from "./time-in-ranges-data";
import { generateSyntheticGlucose } from "./testing/synthetic-glucose";

const nb = (s: string) => s.replace(/ (%|mg\/dL|mmol\/L)/g, `${NBSP}$1`);

// below70 = 4.8 (of which 0.6 below 54), in range 72.0, above180 = 23.2 (of which 3.1 above 250).
const typical: TimeInRangesInput = { below54: 0.6, below70: 4.8, inRange70to180: 72, above180: 23.2, above250: 3.1 };

describe("buildTimeInRangesRows", () => {
  it("splits the cumulative shares into the five consensus bands, top to bottom", () => {
    const rows = buildTimeInRangesRows(typical, "mg/dL");
    expect(rows?.map((r) => [r.id, r.bounds, Number(r.percent.toFixed(6))])).toEqual([
      ["veryHigh", nb(">250 mg/dL"), 3.1],
      ["high", nb("181–250 mg/dL"), 20.1],
      ["inRange", nb("70–180 mg/dL"), 72],
      ["low", nb("54–69 mg/dL"), 4.2],
      ["veryLow", nb("<54 mg/dL"), 0.6],
    ]);
  });

  it("judges each band by its consensus target (Battelino 2019), low and high on their cumulative share", () => {
    const rows = buildTimeInRangesRows(typical, "mg/dL")!;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId.veryHigh).toMatchObject({ targetText: nb("<5 %"), met: true, percentText: nb("3.1 %"), cumulativeText: null });
    expect(byId.high).toMatchObject({ targetText: nb("<25 %"), met: true, cumulativeText: nb("above 180 mg/dL in all: 23.2 %") });
    expect(byId.inRange).toMatchObject({ targetText: nb(">70 %"), met: true, percentText: nb("72.0 %") });
    // 54–69 alone is 4.2 %, but the consensus target is on all time below 70: 4.8 % ≥ 4 %, not met.
    expect(byId.low).toMatchObject({ targetText: nb("<4 %"), met: false, percentText: nb("4.2 %"), cumulativeText: nb("below 70 mg/dL in all: 4.8 %") });
    expect(byId.veryLow).toMatchObject({ targetText: nb("<1 %"), met: true, percentText: nb("0.6 %") });
  });

  it("uses the consensus' own mmol/L bounds", () => {
    const rows = buildTimeInRangesRows(typical, "mmol/L")!;
    expect(rows.map((r) => r.bounds)).toEqual(
      [">13.9 mmol/L", "10.1–13.9 mmol/L", "3.9–10.0 mmol/L", "3.0–3.8 mmol/L", "<3.0 mmol/L"].map(nb),
    );
    expect(rows[3].cumulativeText).toBe(nb("below 3.9 mmol/L in all: 4.8 %"));
  });

  it("never prints a number that contradicts its mark at a threshold", () => {
    const edge: TimeInRangesInput = { below54: 0.96, below70: 3.96, inRange70to180: 70.04, above180: 26, above250: 5 };
    const rows = buildTimeInRangesRows(edge, "mg/dL")!;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect([byId.veryLow.percentText, byId.veryLow.met]).toEqual([nb("0.96 %"), true]);
    expect([byId.low.cumulativeText, byId.low.met]).toEqual([nb("below 70 mg/dL in all: 3.96 %"), true]);
    expect([byId.inRange.percentText, byId.inRange.met]).toEqual([nb("70.04 %"), true]);
    expect([byId.veryHigh.percentText, byId.veryHigh.met]).toEqual([nb("5.0 %"), false]);
    expect([byId.high.met]).toEqual([false]);
  });

  it("matches computeGlucoseMetrics' consensus evaluation on synthetic CGM data", () => {
    const { times, values } = generateSyntheticGlucose({ days: 14, startMs: Date.UTC(2024, 2, 4), seed: 5 });
    const metrics = computeGlucoseMetrics(toSeriesFromArrays(times, values));
    const rows = buildTimeInRangesRows(metrics.timeInRanges, "mg/dL")!;
    const metOf = Object.fromEntries(metrics.consensus.map((t) => [t.id, t.met]));
    expect(rows.map((r) => r.met)).toEqual([metOf.tar_250, metOf.tar_180, metOf.tir_70_180, metOf.tbr_70, metOf.tbr_54]);
    expect(rows.reduce((s, r) => s + r.percent, 0)).toBeCloseTo(100, 9);
  });

  it("refuses inconsistent input with a sentence instead of drawing nonsense", () => {
    expect(findTimeInRangesProblem(typical)).toBeNull();
    expect(findTimeInRangesProblem({ ...typical, below54: Number.NaN })).toBe("Time in ranges is unavailable: a share is missing or outside 0–100 %.");
    expect(findTimeInRangesProblem({ ...typical, below54: 6 })).toBe("Time in ranges is unavailable: the shares are inconsistent.");
    expect(findTimeInRangesProblem({ ...typical, inRange70to180: 60 })).toBe("Time in ranges is unavailable: the shares do not add up to 100 %.");
    expect(buildTimeInRangesRows({ ...typical, above180: 130 }, "mg/dL")).toBeNull();
    expect(describeTimeInRanges(null)).toBe("Time in ranges: unavailable.");
  });
});

describe("computeStackedSegments", () => {
  it("stacks the bands in order, sized by share, summing to 100", () => {
    const segs = computeStackedSegments([
      { id: "veryHigh", percent: 10 },
      { id: "high", percent: 20 },
      { id: "inRange", percent: 60 },
      { id: "low", percent: 8 },
      { id: "veryLow", percent: 2 },
    ]);
    expect(segs).toEqual([
      { id: "veryHigh", start: 0, size: 10 },
      { id: "high", start: 10, size: 20 },
      { id: "inRange", start: 30, size: 60 },
      { id: "low", start: 90, size: 8 },
      { id: "veryLow", start: 98, size: 2 },
    ]);
  });

  it("gives a tiny non-zero band a visible sliver and skips zero bands", () => {
    const segs = computeStackedSegments([
      { id: "veryHigh", percent: 0 },
      { id: "high", percent: 25 },
      { id: "inRange", percent: 74.7 },
      { id: "low", percent: 0.2 },
      { id: "veryLow", percent: 0.1 },
    ]);
    expect(segs.map((s) => s.id)).toEqual(["high", "inRange", "low", "veryLow"]);
    expect(segs[2].size).toBe(1.5);
    expect(segs[3].size).toBe(1.5);
    // The rest share 97 % in proportion: 25 / 99.7 × 97 and 74.7 / 99.7 × 97.
    expect(segs[0].size).toBeCloseTo((25 / 99.7) * 97, 10);
    expect(segs[1].size).toBeCloseTo((74.7 / 99.7) * 97, 10);
    expect(segs.reduce((s, x) => s + x.size, 0)).toBeCloseTo(100, 10);
    expect(segs[3].start + segs[3].size).toBeCloseTo(100, 10);
    expect(computeStackedSegments([{ id: "inRange", percent: 0 }])).toEqual([]);
  });
});

describe("<TimeInRangesBar> rendered to HTML", () => {
  it("shows percentages, targets and met / not met marks", () => {
    const html = renderToStaticMarkup(<TimeInRangesBar ranges={typical} title="Time in ranges, last 14 days" />);
    expect(html).toContain("<figcaption");
    expect(html).toContain("Time in ranges, last 14 days");
    for (const text of ["3.1 %", "20.1 %", "72.0 %", "4.2 %", "0.6 %", "Target &lt;5 %", "Target &gt;70 %", "Target &lt;4 %", "Target &lt;1 %", "Target &lt;25 %"]) {
      expect(html).toContain(nb(text));
    }
    expect(html.match(/>Met</g)).toHaveLength(4);
    expect(html.match(/>Not met</g)).toHaveLength(1);
    expect(html.match(/✓ /g)).toHaveLength(4);
    expect(html.match(/✗ /g)).toHaveLength(1);
    // Marks in the AA colors, so they are readable and not color-only (the words say it too).
    expect(html).toContain('style="color:#b91c1c"');
  });

  it("has a role=img bar with a spoken summary and a visually hidden note on unmet targets", () => {
    const html = renderToStaticMarkup(<TimeInRangesBar ranges={typical} />);
    const label = describeTimeInRanges(buildTimeInRangesRows(typical, "mg/dL"));
    expect(label).toBe(
      nb(
        "Time in ranges: very high >250 mg/dL 3.1 %, high 181–250 mg/dL 20.1 %, in range 70–180 mg/dL 72.0 %, low 54–69 mg/dL 4.2 %, very low <54 mg/dL 0.6 %. 4 of 5 consensus targets met.",
      ),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain(`aria-label="${label.replace(/>/g, "&gt;").replace(/</g, "&lt;")}"`);
    const note = summarizeUnmetTargets(buildTimeInRangesRows(typical, "mg/dL"));
    expect(note).toBe(nb("Targets not met: low (below 70 mg/dL in all: 4.8 %, target <4 %)."));
    expect(html).toContain(`<p class="sr-only">${note.replace(/</g, "&lt;")}</p>`);
    // Five colored segments, the top one very high (#e8760c).
    expect(html.match(/class="absolute inset-x-0"/g)).toHaveLength(5);
    expect(html.indexOf("#e8760c")).toBeLessThan(html.indexOf("#a3161a"));
  });

  it("says all targets are met when they are", () => {
    const good = { below54: 0, below70: 1, inRange70to180: 90, above180: 9, above250: 0.5 };
    expect(summarizeUnmetTargets(buildTimeInRangesRows(good, "mg/dL"))).toBe("All five consensus targets are met.");
    const html = renderToStaticMarkup(<TimeInRangesBar ranges={good} unit="mmol/L" />);
    expect(html.match(/>Met</g)).toHaveLength(5);
    expect(html).toContain(nb("3.9–10.0 mmol/L"));
    // A zero band draws no segment.
    expect(html.match(/class="absolute inset-x-0"/g)).toHaveLength(4);
  });

  it("renders a sentence for unusable input", () => {
    const html = renderToStaticMarkup(<TimeInRangesBar ranges={{ ...typical, inRange70to180: 10 }} />);
    expect(html).toContain("Time in ranges is unavailable: the shares do not add up to 100 %.");
    expect(html).not.toContain('role="img"');
    expect(html).not.toContain("NaN");
  });
});
