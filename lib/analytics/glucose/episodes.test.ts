import { describe, expect, it } from "vitest";
import { computeEpisodes, labelEvents, type EpisodeSummary } from "./episodes";
import { toSeries } from "./series";

const MIN = 60_000;
const T0 = Date.UTC(2020, 0, 1);

/** Readings every 5 minutes from 00:05, i.e. exactly on iglu's grid, so grid = readings. */
function trace(values: number[]) {
  return toSeries(values.map((value, i) => ({ time: T0 + (i + 1) * 5 * MIN, value })));
}

const repeat = (value: number, n: number) => Array.from({ length: n }, () => value);

function row(rows: EpisodeSummary[], type: string, level: string): EpisodeSummary {
  return rows.find((r) => r.type === type && r.level === level) as EpisodeSummary;
}

describe("labelEvents (iglu event_class)", () => {
  it("starts after ≥ 3 points below, ends before the first ≥ 3 points back above", () => {
    const gl = Float64Array.from([100, 60, 60, 60, 100, 100, 60, 60, 100, 100, 100, 100]);
    // the 2-point return (indexes 4–5) is too short to end the episode; indexes 8–11 end it
    expect(Array.from(labelEvents(gl, true, 70, 3, 3))).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
  });

  it("runs shorter than the duration are not episodes", () => {
    const gl = Float64Array.from([100, 60, 60, 100, 100, 100]);
    expect(Array.from(labelEvents(gl, true, 70, 3, 3))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("an episode still open at the end of the segment runs to its last point", () => {
    const gl = Float64Array.from([200, 200, 200, 150, 200]);
    expect(Array.from(labelEvents(gl, false, 180, 3, 3))).toEqual([1, 1, 1, 1, 1]);
  });
});

describe("computeEpisodes (iglu episode_calculation, consensus thresholds)", () => {
  it("20 minutes at 60 mg/dL between 2-hour stretches at 100: one level-1 hypo of 20 min", () => {
    const rows = computeEpisodes(trace([...repeat(100, 24), ...repeat(60, 4), ...repeat(100, 24)]));
    const lv1 = row(rows, "hypo", "lv1");
    expect(lv1.totalEpisodes).toBe(1);
    expect(lv1.avgDurationMin).toBe(20);
    expect(lv1.avgGlucose).toBe(60);
    // 52 grid points = 260 minutes of data → 1 episode per 260/1440 days
    expect(lv1.avgEpisodesPerDay).toBeCloseTo(1440 / 260, 12);
    expect(row(rows, "hypo", "lv2").totalEpisodes).toBe(0);
    expect(row(rows, "hypo", "lv2").avgGlucose).toBeNull();
    expect(row(rows, "hypo", "lv1_excl").totalEpisodes).toBe(1);
    expect(row(rows, "hyper", "lv1").totalEpisodes).toBe(0);
  });

  it("10 minutes low is not an episode (needs 15)", () => {
    const rows = computeEpisodes(trace([...repeat(100, 24), ...repeat(60, 2), ...repeat(100, 24)]));
    expect(row(rows, "hypo", "lv1").totalEpisodes).toBe(0);
  });

  it("a 10-minute return to range does not end the episode: one episode of 40 min, mean 70", () => {
    const rows = computeEpisodes(trace([...repeat(100, 12), ...repeat(60, 3), 100, 100, ...repeat(60, 3), ...repeat(100, 12)]));
    const lv1 = row(rows, "hypo", "lv1");
    expect(lv1.totalEpisodes).toBe(1);
    expect(lv1.avgDurationMin).toBe(40);
    expect(lv1.avgGlucose).toBe((6 * 60 + 2 * 100) / 8);
  });

  it("a level-2 hypo inside a level-1 one counts in lv1 and lv2 but not in lv1_excl", () => {
    const rows = computeEpisodes(trace([...repeat(100, 12), 65, 65, 50, 50, 50, 65, ...repeat(100, 12)]));
    expect(row(rows, "hypo", "lv1").totalEpisodes).toBe(1);
    expect(row(rows, "hypo", "lv1").avgDurationMin).toBe(30);
    expect(row(rows, "hypo", "lv2").totalEpisodes).toBe(1);
    expect(row(rows, "hypo", "lv2").avgDurationMin).toBe(15);
    expect(row(rows, "hypo", "lv2").avgGlucose).toBe(50);
    expect(row(rows, "hypo", "lv1_excl").totalEpisodes).toBe(0);
  });

  it("hyper episodes: > 180 (lv1) and > 250 (lv2); 180 itself is not hyper", () => {
    const rows = computeEpisodes(trace([...repeat(120, 12), ...repeat(200, 4), ...repeat(120, 12), ...repeat(300, 3), ...repeat(120, 12), ...repeat(180, 6), ...repeat(120, 6)]));
    expect(row(rows, "hyper", "lv1").totalEpisodes).toBe(2);
    expect(row(rows, "hyper", "lv1").avgDurationMin).toBe(17.5);
    expect(row(rows, "hyper", "lv1").avgGlucose).toBe(250);
    expect(row(rows, "hyper", "lv2").totalEpisodes).toBe(1);
    expect(row(rows, "hyper", "lv1_excl").totalEpisodes).toBe(1);
    expect(row(rows, "hyper", "lv1_excl").avgGlucose).toBe(200);
  });

  it("extended hypo needs more than 120 minutes (25 points) below 70", () => {
    const exactly120 = computeEpisodes(trace([...repeat(100, 12), ...repeat(60, 24), ...repeat(100, 12)]));
    expect(row(exactly120, "hypo", "extended").totalEpisodes).toBe(0);
    const over120 = computeEpisodes(trace([...repeat(100, 12), ...repeat(60, 25), ...repeat(100, 12)]));
    expect(row(over120, "hypo", "extended").totalEpisodes).toBe(1);
    expect(row(over120, "hypo", "extended").avgDurationMin).toBe(125);
  });

  it("a gap splits the trace: two 10-minute lows on both sides of a 1-hour hole are no episode", () => {
    const before = [...repeat(100, 12), 60, 60].map((value, i) => ({ time: T0 + (i + 1) * 5 * MIN, value }));
    const after = [60, 60, ...repeat(100, 12)].map((value, i) => ({ time: T0 + (14 * 5 + 60 + i * 5) * MIN, value }));
    const rows = computeEpisodes(toSeries([...before, ...after]));
    expect(row(rows, "hypo", "lv1").totalEpisodes).toBe(0);
  });

  it("returns the seven rows in iglu's order", () => {
    const rows = computeEpisodes(trace(repeat(100, 20)));
    expect(rows.map((r) => `${r.type}/${r.level}`)).toEqual([
      "hypo/lv1",
      "hypo/lv2",
      "hypo/extended",
      "hyper/lv1",
      "hyper/lv2",
      "hypo/lv1_excl",
      "hyper/lv1_excl",
    ]);
  });
});
