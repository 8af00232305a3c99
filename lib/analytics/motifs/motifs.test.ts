import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { computeDistanceProfile } from "./distance-profile";
import { computeMatrixProfile } from "./matrix-profile";
import { computeDefaultCutoff, findMotifs } from "./motifs";
import { prepareSeries } from "./prepare-series";
import { mulberry32 } from "@/lib/seeded-random";
import { createNormal, generateGlucoseLikeSeries } from "./synthetic-series";

/** A post-meal excursion: rise over ~1 h, slow fall over ~2 h (mg/dL above baseline), 36 readings. */
const MEAL_SHAPE = Array.from({ length: 36 }, (_, t) => (t < 12 ? 6 * t : 72 * Math.exp(-(t - 12) / 8)));

function noisySeries(n: number, seed: number, sd = 6): Float64Array {
  const normal = createNormal(mulberry32(seed));
  return Float64Array.from({ length: n }, () => 120 + sd * normal());
}

function plant(values: Float64Array, shape: readonly number[], at: number, scale = 1, noise?: () => number): void {
  shape.forEach((v, t) => (values[at + t] = 120 + scale * v + (noise ? noise() : 0)));
}

describe("findMotifs", () => {
  it("finds a shape planted twice in noise as the top motif pair", () => {
    const values = noisySeries(2000, 7);
    plant(values, MEAL_SHAPE, 300);
    plant(values, MEAL_SHAPE, 1500, 1.3); // same shape, bigger: identical after z-normalization
    const m = 36;
    const mp = computeMatrixProfile(values, m);
    const [top] = findMotifs(values, mp, { maxMotifs: 1 });
    expect([top.start, top.neighbour].sort((a, b) => a - b)).toEqual([300, 1500]);
    expect(top.distance).toBeLessThan(1e-6);
    expect(top.matches[0]).toEqual({ start: top.start, distance: 0 });
    expect(top.matches[1].start).toBe(top.neighbour);
    expect(top.matches[1].distance).toBeLessThan(1e-6);
  });

  it("collects a third noisy occurrence within the radius, sorted by distance", () => {
    const normal = createNormal(mulberry32(8));
    const values = noisySeries(3000, 9, 8);
    plant(values, MEAL_SHAPE, 400, 1, () => 2 * normal());
    plant(values, MEAL_SHAPE, 1400, 1.1, () => 2 * normal());
    plant(values, MEAL_SHAPE, 2500, 0.9, () => 2 * normal());
    const mp = computeMatrixProfile(values, 36);
    const [top] = findMotifs(values, mp, { maxMotifs: 1 });
    const starts = top.matches.map((x) => x.start).sort((a, b) => a - b);
    for (const planted of [400, 1400, 2500]) expect(starts.some((s) => Math.abs(s - planted) <= 2)).toBe(true);
    for (let k = 1; k < top.matches.length; k++) {
      expect(top.matches[k].distance).toBeGreaterThanOrEqual(top.matches[k - 1].distance);
      expect(top.matches[k].distance).toBeLessThanOrEqual(top.radius + 1e-8);
    }
  });

  it("keeps motifs apart and matches beyond the exclusion zone", () => {
    const values = generateGlucoseLikeSeries(4000, 10, 144);
    const m = 48;
    const mp = computeMatrixProfile(values, m);
    const motifs = findMotifs(values, mp, { maxMotifs: 3, cutoff: Infinity, maxMatches: 6 });
    expect(motifs.length).toBe(3);
    expect(motifs[0].distance).toBeLessThanOrEqual(motifs[1].distance);
    expect(motifs[1].distance).toBeLessThanOrEqual(motifs[2].distance);
    for (const motif of motifs) {
      expect(motif.matches.length).toBeGreaterThanOrEqual(2);
      expect(motif.matches.length).toBeLessThanOrEqual(6);
      expect(motif.distance).toBe(mp.profile[motif.start]);
      expect(motif.neighbour).toBe(mp.index[motif.start]);
      const starts = motif.matches.map((x) => x.start);
      for (let a = 0; a < starts.length; a++)
        for (let b = a + 1; b < starts.length; b++) expect(Math.abs(starts[a] - starts[b])).toBeGreaterThan(mp.exclusionZone);
    }
    // members of different motifs never overlap
    for (let a = 0; a < motifs.length; a++)
      for (let b = a + 1; b < motifs.length; b++)
        for (const x of motifs[a].matches)
          for (const y of motifs[b].matches) expect(Math.abs(x.start - y.start)).toBeGreaterThanOrEqual(m);
  });

  it("follows STUMPY's cutoff: no representative above max(mean(P) − 2·std(P), min(P))", () => {
    const values = generateGlucoseLikeSeries(3000, 11, 144);
    const mp = computeMatrixProfile(values, 48);
    const cutoff = computeDefaultCutoff(mp.profile);
    const finite = Array.from(mp.profile).filter(Number.isFinite);
    const mean = finite.reduce((s, v) => s + v, 0) / finite.length;
    const sd = Math.sqrt(finite.reduce((s, v) => s + (v - mean) ** 2, 0) / finite.length);
    expect(cutoff).toBeCloseTo(Math.max(mean - 2 * sd, Math.min(...finite)), 10);
    const motifs = findMotifs(values, mp, { maxMotifs: 50 });
    expect(motifs.length).toBeGreaterThan(0);
    for (const motif of motifs) expect(motif.distance).toBeLessThanOrEqual(cutoff);
  });

  it("honours a fixed radius, maxMatches and minNeighbours", () => {
    const values = noisySeries(2000, 12);
    plant(values, MEAL_SHAPE, 200);
    plant(values, MEAL_SHAPE, 900);
    plant(values, MEAL_SHAPE, 1600);
    const mp = computeMatrixProfile(values, 36);
    const [all] = findMotifs(values, mp, { maxMotifs: 1, maxDistance: 0.5 });
    expect(all.radius).toBe(0.5);
    expect(all.matches.map((x) => x.start).sort((a, b) => a - b)).toEqual([200, 900, 1600]);
    const [two] = findMotifs(values, mp, { maxMotifs: 1, maxDistance: 0.5, maxMatches: 2 });
    expect(two.matches.length).toBe(2);
    // needing 3 neighbours besides itself: the planted trio has only 2 within 0.5
    expect(findMotifs(values, mp, { maxMotifs: 1, maxDistance: 0.5, minNeighbours: 3 })).toEqual([]);
    // a radius below every profile value finds nothing
    expect(findMotifs(values, mp, { maxDistance: -1 })).toEqual([]);
  });

  it("accepts a radius function of the distance profile", () => {
    const values = noisySeries(1500, 13);
    plant(values, MEAL_SHAPE, 100);
    plant(values, MEAL_SHAPE, 1000);
    const mp = computeMatrixProfile(values, 36);
    let seenLength = 0;
    const [top] = findMotifs(values, mp, {
      maxMotifs: 1,
      maxDistance: (d) => {
        seenLength = d.length;
        return 0.25;
      },
    });
    expect(seenLength).toBe(1500 - 36 + 1);
    expect(top.radius).toBe(0.25);
    expect(top.matches.map((x) => x.start).sort((a, b) => a - b)).toEqual([100, 1000]);
  });

  it("returns no motif for a series whose windows all hold NaN", () => {
    const values = new Float64Array(100).fill(NaN);
    const mp = computeMatrixProfile(values, 10);
    expect(findMotifs(values, mp)).toEqual([]);
  });

  it("rejects a profile of another series", () => {
    const values = noisySeries(200, 14);
    const mp = computeMatrixProfile(values, 10);
    expect(() => findMotifs(values.subarray(0, 150), mp)).toThrow(AppError);
  });
});

describe("computeDistanceProfile", () => {
  it("matches direct z-normalized distances, with STUMPY's constant and NaN rules", () => {
    const values = noisySeries(300, 15);
    values.fill(90, 100, 130); // flat: windows 100 … 110 are constant for m = 20
    values[200] = NaN;
    const m = 20;
    const prepared = prepareSeries(values, m);
    const query = 40;
    const d = computeDistanceProfile(prepared, query);
    const z = (i: number) => {
      const w = Array.from(values.subarray(i, i + m));
      const mu = w.reduce((s, v) => s + v, 0) / m;
      const sd = Math.sqrt(w.reduce((s, v) => s + (v - mu) ** 2, 0) / m);
      return w.map((v) => (v - mu) / sd);
    };
    const zq = z(query);
    for (let j = 0; j < d.length; j++) {
      if (j === query) expect(d[j]).toBe(0);
      else if (j >= 181 && j <= 200) expect(d[j]).toBe(Infinity);
      else if (j >= 100 && j <= 110) expect(d[j]).toBeCloseTo(Math.sqrt(m), 12);
      else {
        const zj = z(j);
        expect(Math.abs(d[j] - Math.sqrt(zq.reduce((s, v, t) => s + (v - zj[t]) ** 2, 0)))).toBeLessThan(1e-6);
      }
    }
    const flat = computeDistanceProfile(prepared, 105);
    expect(flat[100]).toBe(0);
    expect(flat[110]).toBe(0);
    expect(flat[50]).toBeCloseTo(Math.sqrt(m), 12);
    expect(flat[190]).toBe(Infinity);
  });
});
