import { describe, expect, it } from "vitest";
import {
  chooseMotifWindow, groupPatterns, parseMotifIndex, parseShowAll, readCausalLink, readMotifStarts, readRuleLift, sortCorrelations, type CorrelationRow, type PatternRow,
} from "./pattern-data";

const corr = (id: string, significant: boolean, qValue: number | null, spearmanRho: number | null): CorrelationRow => ({
  id, factor: "sleep_hours", outcome: "mean_glucose", lagDays: 0, spearmanRho, qValue, sampleSize: 60, significant, confidence: significant ? "high" : "none",
});

const pattern = (id: string, patternType: string, extra: Partial<PatternRow> = {}): PatternRow => ({
  id, patternType, description: id, confidence: null, support: null, occurrences: null, exampleDates: [], metadata: null, discoveredAt: new Date(0), ...extra,
});

describe("sortCorrelations", () => {
  it("puts significant links first, then smaller q, then larger |ρ|; a missing q goes last", () => {
    const rows = [corr("a", false, 0.01, 0.5), corr("b", true, 0.03, 0.2), corr("c", true, 0.001, -0.3), corr("d", true, 0.03, -0.6), corr("e", false, null, 0.9)];
    expect(sortCorrelations(rows).map((r) => r.id)).toEqual(["c", "d", "b", "a", "e"]);
    expect(rows.map((r) => r.id)).toEqual(["a", "b", "c", "d", "e"]); // input untouched
  });
});

describe("groupPatterns and metadata readers", () => {
  it("groups by kind, motifs with more occurrences first, unknown kinds dropped", () => {
    const g = groupPatterns([
      pattern("m1", "recurring_motif", { occurrences: 3 }),
      pattern("r1", "association_rule"),
      pattern("m2", "recurring_motif", { occurrences: 6 }),
      pattern("x", "something_new"),
      pattern("a1", "anomaly"),
      pattern("c1", "causal_link"),
    ]);
    expect(g.motifs.map((p) => p.id)).toEqual(["m2", "m1"]);
    expect([g.rules.length, g.anomalies.length, g.causal.length]).toEqual([1, 1, 1]);
  });

  it("reads a rule's lift and a causal link's figures, and refuses malformed ones", () => {
    expect(readRuleLift({ rule: { lift: 1.84, conviction: "inf" } })).toBe(1.84);
    expect(readRuleLift({ rule: { lift: "inf" } })).toBeNull();
    expect(readRuleLift(null)).toBeNull();
    expect(readCausalLink({ source: "carbs_g", target: "mean_glucose", lag: 1, value: 0.31, pValue: 0.002 })).toEqual({
      source: "carbs_g", target: "mean_glucose", lag: 1, value: 0.31, pValue: 0.002,
    });
    expect(readCausalLink({ source: "carbs_g", target: "mean_glucose", lag: 1, value: Number.NaN, pValue: 0.002 })).toBeNull();
  });

  it("lists a motif's start times in the person's zone, in order", () => {
    const starts = readMotifStarts({ startTimes: ["2026-03-10T14:35:00.000-04:00", "2026-03-02T09:00:00.000-05:00", 42] }, "America/New_York");
    expect(starts).toEqual(["Mon 2 Mar 09:00", "Tue 10 Mar 14:35"]);
    expect(readMotifStarts({ startTimes: ["2026-03-10T18:35:00.000Z"] }, "Europe/Paris")).toEqual(["Tue 10 Mar 19:35"]);
    expect(readMotifStarts(null, "UTC")).toEqual([]);
  });
});

describe("chooseMotifWindow", () => {
  it("shows the last 28 days when the motif occurs in them", () => {
    expect(chooseMotifWindow(["2026-01-05", "2026-03-01"], "2026-03-20")).toEqual({ from: "2026-02-21", to: "2026-03-20", recent: true });
  });
  it("otherwise the 28 days ending on its latest occurrence, so highlighted days are on screen", () => {
    expect(chooseMotifWindow(["2026-01-05", "2026-01-30", "2026-01-12"], "2026-03-20")).toEqual({ from: "2026-01-03", to: "2026-01-30", recent: false });
  });
  it("without dates, the recent window", () => {
    expect(chooseMotifWindow([], "2026-03-20")).toEqual({ from: "2026-02-21", to: "2026-03-20", recent: true });
  });
});

describe("address parameters", () => {
  it("motif is 1-based and bounded; all is '1' only", () => {
    expect([parseMotifIndex("2", 3), parseMotifIndex("4", 3), parseMotifIndex("0", 3), parseMotifIndex("abc", 3), parseMotifIndex(["3", "1"], 3), parseMotifIndex(undefined, 3)]).toEqual([1, 0, 0, 0, 2, 0]);
    expect([parseShowAll("1"), parseShowAll("true"), parseShowAll(undefined), parseShowAll(["1"])]).toEqual([true, false, false, true]);
  });
});
