import { describe, expect, it } from "vitest";
import { createSeededRandom } from "@/lib/seeded-random";
import { simulateLinearProcess, TUTORIAL_PROCESS_LINKS } from "./var-process";

describe("createSeededRandom", () => {
  it("repeats the same sequence for the same seed and differs across seeds", () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const first = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(first);
    expect(first.every((u) => u >= 0 && u < 1)).toBe(true);
  });

  it("draws standard normals: mean ≈ 0, variance ≈ 1, 95 % within ±1.96", () => {
    const random = createSeededRandom(7);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let inside = 0;
    for (let i = 0; i < n; i++) {
      const g = random.gaussian();
      sum += g;
      squares += g * g;
      if (Math.abs(g) <= 1.959964) inside++;
    }
    const mean = sum / n;
    // Standard errors: mean 1/√n ≈ 0.0032, variance √(2/n) ≈ 0.0045, proportion ≈ 0.0007.
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(Math.abs(squares / n - mean * mean - 1)).toBeLessThan(0.02);
    expect(Math.abs(inside / n - 0.95)).toBeLessThan(0.004);
  });
});

describe("simulateLinearProcess", () => {
  it("produces the requested shape and the tutorial process's lag-1 autocorrelation of X3 (0.4)", () => {
    const series = simulateLinearProcess({ variables: 4, links: TUTORIAL_PROCESS_LINKS, length: 20_000, seed: 3 });
    expect(series).toHaveLength(4);
    expect(series[0]).toHaveLength(20_000);
    const x3 = series[3];
    let num = 0;
    let den = 0;
    for (let t = 1; t < x3.length; t++) num += x3[t] * x3[t - 1];
    for (let t = 0; t < x3.length; t++) den += x3[t] * x3[t];
    // AR(1) with coefficient 0.4: autocorrelation 0.4, standard error ≈ 1/√20000 ≈ 0.007.
    expect(num / den).toBeCloseTo(0.4, 1);
    // Var(X3) = 1 / (1 − 0.16) ≈ 1.19.
    expect(den / x3.length).toBeGreaterThan(1.1);
    expect(den / x3.length).toBeLessThan(1.29);
  });
});
