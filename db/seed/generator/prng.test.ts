import { describe, expect, it } from "vitest";
import { createRng, createSfc32, deriveRng, hashSeed } from "./prng";

/** PractRand's sfc32 in 64-bit arithmetic, written from the C reference, to check the 32-bit JS form. */
function referenceSfc32(a: number, b: number, c: number, counter: number) {
  const M = 0xffffffffn;
  let A = BigInt(a), B = BigInt(b), C = BigInt(c), D = BigInt(counter);
  return () => {
    const tmp = (A + B + D) & M;
    D = (D + 1n) & M;
    A = B ^ (B >> 9n);
    B = (C + (C << 3n)) & M;
    C = (((C << 21n) | (C >> 11n)) + tmp) & M;
    return Number(tmp);
  };
}

describe("sfc32", () => {
  it("matches a 64-bit transcription of the PractRand reference for 10,000 outputs", () => {
    const seeds = hashSeed("proxima");
    const fast = createSfc32(...seeds);
    const slow = referenceSfc32(...seeds);
    let mismatches = 0;
    for (let i = 0; i < 10_000; i++) if (fast() !== slow()) mismatches++;
    expect(mismatches).toBe(0);
  });
});

describe("hashSeed (cyrb128)", () => {
  it("is stable and spreads nearby seeds apart", () => {
    expect(hashSeed("demo")).toEqual(hashSeed("demo"));
    const a = hashSeed("demo");
    const b = hashSeed("demo2");
    expect(a.every((w, i) => w !== b[i])).toBe(true);
    for (const w of a) expect(Number.isInteger(w) && w >= 0 && w < 2 ** 32).toBe(true);
  });
});

describe("createRng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = createRng("seed-1");
    const b = createRng("seed-1");
    const c = createRng("seed-2");
    const xs = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(xs);
    // Numbers and their string form seed alike.
    expect(createRng(42).next()).toBe(createRng("42").next());
  });

  it("derives independent streams per concern", () => {
    const meals = deriveRng("demo", "meals").next();
    const sleep = deriveRng("demo", "sleep").next();
    expect(meals).not.toBe(sleep);
    expect(deriveRng("demo", "meals").next()).toBe(meals);
  });

  it("draws uniforms with mean 1/2 and variance 1/12", () => {
    const rng = createRng("uniform");
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      sum += x;
      sumSq += x * x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sumSq / n - mean * mean).toBeCloseTo(1 / 12, 3);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it("draws Box–Muller normals with the requested mean and SD, and 95 % within 1.96 SD", () => {
    const rng = createRng("normal");
    const n = 100_000;
    const xs = Array.from({ length: n }, () => rng.normal(10, 3));
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(3, 1);
    const inside = xs.filter((x) => Math.abs(x - 10) < 1.96 * 3).length / n;
    expect(inside).toBeGreaterThan(0.945);
    expect(inside).toBeLessThan(0.955);
  });

  it("covers both ends of int ranges evenly, and shuffles into a permutation", () => {
    const rng = createRng("ints");
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const k = rng.int(1, 6);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(400);

    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = rng.shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(items[0]).toBe(0); // the input is left alone
    expect(new Set(rng.sample(items, 7)).size).toBe(7);
    expect(rng.sample(items, 99)).toHaveLength(20);
  });
});
