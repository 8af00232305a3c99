import { describe, expect, it } from "vitest";
import { findDiscords } from "./discords";
import { computeMatrixProfile } from "./matrix-profile";
import { mulberry32 } from "@/lib/seeded-random";
import { createNormal } from "./synthetic-series";

/** A clean daily rhythm (period 96) with a little noise, the same every day. */
function rhythm(n: number, seed: number): Float64Array {
  const normal = createNormal(mulberry32(seed));
  return Float64Array.from({ length: n }, (_, i) => 140 + 30 * Math.sin((2 * Math.PI * i) / 96) + normal());
}

describe("findDiscords", () => {
  it("puts a planted anomaly first", () => {
    const values = rhythm(2000, 1);
    for (let t = 0; t < 20; t++) values[1200 + t] += 60 * Math.sin((Math.PI * t) / 20); // one odd bump
    const m = 48;
    const mp = computeMatrixProfile(values, m);
    const [top] = findDiscords(mp, { maxDiscords: 1 });
    // the most unusual window contains the bump
    expect(top.start).toBeGreaterThan(1200 - m);
    expect(top.start).toBeLessThan(1220);
    expect(top.distance).toBe(Math.max(...Array.from(mp.profile).filter(Number.isFinite)));
    expect(top.neighbour).toBe(mp.index[top.start]);
  });

  it("returns non-overlapping discords by decreasing distance", () => {
    const values = rhythm(3000, 2);
    for (const at of [500, 1500, 2500]) for (let t = 0; t < 10; t++) values[at + t] -= 40;
    const m = 48;
    const mp = computeMatrixProfile(values, m);
    const discords = findDiscords(mp, { maxDiscords: 3 });
    expect(discords.length).toBe(3);
    for (let k = 1; k < discords.length; k++) expect(discords[k].distance).toBeLessThanOrEqual(discords[k - 1].distance);
    for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) expect(Math.abs(discords[a].start - discords[b].start)).toBeGreaterThanOrEqual(m);
    const found = discords.map((d) => [500, 1500, 2500].find((at) => d.start > at - m && d.start < at + 10));
    expect(found.sort()).toEqual([1500, 2500, 500]);
  });

  it("skips windows with NaN (profile Infinity) and stops when no window is left", () => {
    const values = rhythm(400, 3);
    values.fill(NaN, 100, 110);
    const mp = computeMatrixProfile(values, 40);
    const discords = findDiscords(mp, { maxDiscords: 100 });
    for (const d of discords) {
      expect(Number.isFinite(d.distance)).toBe(true);
      expect(d.start < 61 || d.start > 109).toBe(true);
    }
    // 361 windows, 49 of them invalid, zone 39 on each side: a handful of discords fit
    expect(discords.length).toBeGreaterThan(3);
    expect(discords.length).toBeLessThanOrEqual(Math.ceil(361 / 40));
    expect(findDiscords(computeMatrixProfile(new Float64Array(50).fill(NaN), 5))).toEqual([]);
  });

  it("honours a custom exclusion zone", () => {
    const values = rhythm(1000, 4);
    const mp = computeMatrixProfile(values, 24);
    const discords = findDiscords(mp, { maxDiscords: 5, exclusionZone: 200 });
    for (let a = 0; a < discords.length; a++)
      for (let b = a + 1; b < discords.length; b++) expect(Math.abs(discords[a].start - discords[b].start)).toBeGreaterThan(200);
  });
});
