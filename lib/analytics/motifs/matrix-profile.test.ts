import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { computeMatrixProfile, type MatrixProfile } from "./matrix-profile";
import { computeMatrixProfileNaive } from "./naive-matrix-profile";
import { mulberry32 } from "@/lib/seeded-random";
import { createNormal, generateGlucoseLikeSeries } from "./synthetic-series";

/**
 * Profiles must agree within 1e-6. Indexes must agree exactly unless the reference has another
 * neighbour within 1e-6 of the best (a tie): then the fast index must still reach the best distance.
 */
function expectSameProfile(fast: MatrixProfile, reference: MatrixProfile, values: ArrayLike<number>): void {
  expect(fast.profile.length).toBe(reference.profile.length);
  expect(fast.exclusionZone).toBe(reference.exclusionZone);
  let compared = 0;
  for (let i = 0; i < reference.profile.length; i++) {
    const want = reference.profile[i];
    const got = fast.profile[i];
    if (!Number.isFinite(want)) {
      expect(got, `profile[${i}]`).toBe(Infinity);
      expect(fast.index[i], `index[${i}]`).toBe(-1);
      continue;
    }
    expect(Math.abs(got - want), `profile[${i}] = ${got}, reference ${want}`).toBeLessThan(1e-6);
    if (fast.index[i] !== reference.index[i]) {
      const atFastIndex = distanceBetween(values, fast.m, i, fast.index[i]);
      const secondBest = secondBestDistance(values, fast.m, i, reference.index[i], fast.exclusionZone);
      expect(secondBest - want, `index[${i}] differs without a tie`).toBeLessThan(1e-6);
      expect(Math.abs(atFastIndex - want), `index[${i}] is not a nearest neighbour`).toBeLessThan(1e-6);
      expect(Math.abs(fast.index[i] - i)).toBeGreaterThan(fast.exclusionZone);
    }
    compared++;
  }
  expect(compared).toBeGreaterThan(0);
}

function distanceBetween(values: ArrayLike<number>, m: number, i: number, j: number): number {
  const a = Array.from({ length: m }, (_, t) => values[i + t]);
  const b = Array.from({ length: m }, (_, t) => values[j + t]);
  const ca = Math.max(...a) === Math.min(...a);
  const cb = Math.max(...b) === Math.min(...b);
  if (ca && cb) return 0;
  if (ca || cb) return Math.sqrt(m);
  const z = (w: number[]) => {
    const mu = w.reduce((s, v) => s + v, 0) / m;
    const sd = Math.sqrt(w.reduce((s, v) => s + (v - mu) ** 2, 0) / m);
    return w.map((v) => (v - mu) / sd);
  };
  const za = z(a);
  const zb = z(b);
  return Math.sqrt(za.reduce((s, v, t) => s + (v - zb[t]) ** 2, 0));
}

function secondBestDistance(values: ArrayLike<number>, m: number, i: number, best: number, zone: number): number {
  let out = Infinity;
  const l = values.length - m + 1;
  for (let j = 0; j < l; j++) {
    if (j === best || Math.abs(i - j) <= zone) continue;
    const window = Array.from({ length: m }, (_, t) => values[j + t]);
    if (!window.every(Number.isFinite)) continue;
    out = Math.min(out, distanceBetween(values, m, i, j));
  }
  return out;
}

function gaussianSeries(n: number, seed: number): Float64Array {
  const normal = createNormal(mulberry32(seed));
  return Float64Array.from({ length: n }, normal);
}

function randomWalk(n: number, seed: number, offset = 0): Float64Array {
  const normal = createNormal(mulberry32(seed));
  let level = offset;
  return Float64Array.from({ length: n }, () => (level += normal()));
}

describe("computeMatrixProfile against the brute-force reference", () => {
  const cases: Array<{ name: string; values: Float64Array; m: number }> = [
    { name: "gaussian noise, seed 1, m = 3", values: gaussianSeries(120, 1), m: 3 },
    { name: "gaussian noise, seed 2, m = 8", values: gaussianSeries(300, 2), m: 8 },
    { name: "random walk, seed 3, m = 16", values: randomWalk(400, 3), m: 16 },
    { name: "random walk far from 0, seed 4, m = 25", values: randomWalk(350, 4, 1e4), m: 25 },
    { name: "glucose-like, seed 5, m = 48", values: generateGlucoseLikeSeries(500, 5, 96), m: 48 },
    { name: "gaussian noise, seed 6, m = 50 (n = 100, m = n/2)", values: gaussianSeries(100, 6), m: 50 },
    { name: "random walk, seed 7, m = 13, odd zone", values: randomWalk(260, 7), m: 13 },
  ];

  for (const { name, values, m } of cases) {
    it(`matches on ${name}`, () => {
      const fast = computeMatrixProfile(values, m);
      const reference = computeMatrixProfileNaive(values, m);
      expect(fast.exclusionZone).toBe(Math.ceil(m / 4));
      expectSameProfile(fast, reference, values);
      // every neighbour lies outside the exclusion zone
      for (let i = 0; i < fast.index.length; i++) expect(Math.abs(fast.index[i] - i)).toBeGreaterThan(fast.exclusionZone);
    });
  }

  it("matches with narrow bands, where most rows go through the 8-row block", () => {
    for (const [seed, bandWidth] of [
      [12, 16],
      [13, 9],
      [14, 3],
    ]) {
      const values = randomWalk(420, seed);
      values.fill(2, 300, 330); // constant windows inside the blocked rows too
      values[150] = NaN;
      const fast = computeMatrixProfile(values, 12, { bandWidth });
      expectSameProfile(fast, computeMatrixProfileNaive(values, 12), values);
    }
  });

  it("gives the same profile with any band width (bands only change the traversal)", () => {
    const values = randomWalk(600, 11);
    const a = computeMatrixProfile(values, 20, { bandWidth: 7 });
    const b = computeMatrixProfile(values, 20, { bandWidth: 256 });
    const c = computeMatrixProfile(values, 20, { bandWidth: 1 });
    for (let i = 0; i < a.profile.length; i++) {
      expect(Math.abs(a.profile[i] - b.profile[i])).toBeLessThan(1e-9);
      expect(Math.abs(c.profile[i] - b.profile[i])).toBeLessThan(1e-9);
    }
  });

  it("handles constant segments as STUMPY does (0 between constants, sqrt(m) to a constant)", () => {
    const values = gaussianSeries(300, 21);
    values.fill(100, 40, 80); // a flat stretch longer than m
    values.fill(100, 150, 175); // the same level again
    values.fill(-3, 220, 240); // another level: still "constant", distance 0 to the others
    const m = 12;
    const fast = computeMatrixProfile(values, m);
    const reference = computeMatrixProfileNaive(values, m);
    expectSameProfile(fast, reference, values);
    // window 45 is flat; its neighbour must be a flat window outside the zone, at distance 0
    expect(fast.profile[45]).toBe(0);
    const partner = fast.index[45];
    expect(Math.abs(partner - 45)).toBeGreaterThan(fast.exclusionZone);
    expect(new Set(Array.from(values.subarray(partner, partner + m))).size).toBe(1);
  });

  it("gives sqrt(m) to a lone constant window and to windows whose best match is worse than Pearson 0.5", () => {
    // A single flat window in alternating noise: the flat window's only partners are non-constant.
    const values = gaussianSeries(160, 22);
    values.fill(7, 60, 70);
    const m = 10;
    const fast = computeMatrixProfile(values, m);
    const reference = computeMatrixProfileNaive(values, m);
    expectSameProfile(fast, reference, values);
    expect(fast.profile[60]).toBeCloseTo(Math.sqrt(m), 12);
  });

  it("lets a constant window be the nearest neighbour of noise whose best Pearson is under 0.5", () => {
    // Long windows of white noise correlate weakly (best Pearson < 0.5): STUMPY's 0.5 for
    // "constant vs not" then wins, so many noise windows end at exactly sqrt(m) from the flat stretch.
    const m = 40;
    const values = gaussianSeries(160, 81);
    values.fill(0, 10, 10 + m); // exactly one flat window, at 10
    const fast = computeMatrixProfile(values, m);
    const reference = computeMatrixProfileNaive(values, m);
    expectSameProfile(fast, reference, values);
    let viaConstant = 0;
    let viaConstantInReference = 0;
    for (let i = 10 + m; i < fast.profile.length; i++) {
      if (fast.profile[i] === Math.sqrt(m)) {
        expect(fast.index[i]).toBe(10);
        viaConstant++;
      }
      if (Math.abs(reference.profile[i] - Math.sqrt(m)) < 1e-12) viaConstantInReference++;
    }
    expect(viaConstant).toBe(viaConstantInReference);
    expect(viaConstant).toBeGreaterThan(20);
  });

  it("gives every window distance 0 on an all-constant series", () => {
    const values = new Float64Array(40).fill(120);
    const fast = computeMatrixProfile(values, 5);
    expect(Array.from(fast.profile)).toEqual(new Array(36).fill(0));
    for (let i = 0; i < 36; i++) expect(Math.abs(fast.index[i] - i)).toBeGreaterThan(2);
  });

  it("never matches windows that hold NaN or Infinity (profile Infinity, index -1)", () => {
    const values = randomWalk(300, 31);
    values[50] = NaN;
    values[51] = NaN;
    values[200] = Infinity;
    values[299] = -Infinity; // the last window only
    const m = 15;
    const fast = computeMatrixProfile(values, m);
    const reference = computeMatrixProfileNaive(values, m);
    expectSameProfile(fast, reference, values);
    for (let i = 36; i <= 51; i++) expect(fast.profile[i]).toBe(Infinity);
    for (let i = 186; i <= 200; i++) expect(fast.profile[i]).toBe(Infinity);
    expect(fast.profile[285]).toBe(Infinity);
    expect(fast.profile[35]).toBeLessThan(Infinity);
    expect(fast.profile[52]).toBeLessThan(Infinity);
    const bad = new Set([...range(36, 51), ...range(186, 200), 285]);
    for (let i = 0; i < fast.index.length; i++) expect(bad.has(fast.index[i])).toBe(false);
  });

  it("mixes NaN and constant segments", () => {
    const values = gaussianSeries(240, 41);
    values.fill(5, 20, 45);
    values.fill(5, 100, 120);
    values[110] = NaN;
    values.fill(NaN, 180, 184);
    const fast = computeMatrixProfile(values, 9);
    const reference = computeMatrixProfileNaive(values, 9);
    expectSameProfile(fast, reference, values);
  });

  it("returns Infinity when every other window is excluded or invalid", () => {
    // n = 2m: l = m + 1 windows; with NaN in the middle no two valid windows are far enough apart.
    const values = gaussianSeries(12, 51);
    values[6] = NaN;
    const fast = computeMatrixProfile(values, 6);
    expect(Array.from(fast.profile)).toEqual(new Array(7).fill(Infinity));
    expect(Array.from(fast.index)).toEqual(new Array(7).fill(-1));
  });

  it("reports progress from 0 to 1", () => {
    const seen: number[] = [];
    computeMatrixProfile(randomWalk(800, 61), 10, { onProgress: (f) => seen.push(f), bandWidth: 64 });
    expect(seen.length).toBe(Math.ceil((791 - 4) / 64));
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
  });

  it("finds a planted repeat at distance ~0", () => {
    const values = gaussianSeries(1000, 71);
    const shape = Array.from({ length: 50 }, (_, t) => 10 * Math.sin(t / 5) + t / 4);
    values.set(shape, 120);
    values.set(shape.map((v) => 3 * v + 40), 700); // same shape after z-normalization
    const fast = computeMatrixProfile(values, 50);
    expect(fast.profile[120]).toBeLessThan(1e-9);
    expect(fast.index[120]).toBe(700);
    expect(fast.index[700]).toBe(120);
  });
});

describe("computeMatrixProfile input checks", () => {
  it.each([
    [2, 100],
    [51, 100],
    [4.5, 100],
    [3, 5],
    [0, 0],
  ])("rejects m = %s for n = %s with a sentence", (m, n) => {
    const values = new Float64Array(n);
    const call = () => computeMatrixProfile(values, m);
    expect(call).toThrow(AppError);
    try {
      call();
    } catch (e) {
      const err = e as AppError;
      expect(err.code).toBe("bad_request:analytics");
      expect(err.status).toBe(400);
      expect(err.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("accepts m = 3 and m = n/2 exactly", () => {
    expect(computeMatrixProfile(gaussianSeries(6, 1), 3).profile.length).toBe(4);
    expect(computeMatrixProfile(gaussianSeries(100, 1), 50).profile.length).toBe(51);
  });

  it("accepts a plain number array", () => {
    const values = Array.from(gaussianSeries(60, 3));
    const fast = computeMatrixProfile(values, 6);
    const reference = computeMatrixProfileNaive(values, 6);
    expectSameProfile(fast, reference, values);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}
