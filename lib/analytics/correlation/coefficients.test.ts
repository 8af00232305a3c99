import { describe, expect, it } from "vitest";
import { isConstant, pearsonCorrelation, rankWithTies, spearmanCorrelation } from "./coefficients";

describe("rankWithTies", () => {
  it("gives tied values the average of their ranks (scipy rankdata 'average')", () => {
    expect(Array.from(rankWithTies([1, 2, 2, 3, 4, 4, 4, 5]))).toEqual([1, 2.5, 2.5, 4, 6, 6, 6, 8]);
    expect(Array.from(rankWithTies([3, 1, 4, 1, 5, 9, 2, 6]))).toEqual([4, 1.5, 5, 1.5, 6, 8, 3, 7]);
  });
});

describe("pearsonCorrelation", () => {
  it("is exact on a hand-worked example: x = 1,2,3 and y = 1,3,2", () => {
    // Deviations (−1,0,1) and (−1,1,0): r = 1/(√2·√2) = 0.5; df = 1 so p = 2/3 (Cauchy tail).
    const result = pearsonCorrelation([1, 2, 3], [1, 3, 2])!;
    expect(result.coefficient).toBeCloseTo(0.5, 14);
    expect(result.pValue).toBeCloseTo(2 / 3, 13);
    expect(result.n).toBe(3);
  });

  it("matches scipy.stats.pearsonr", () => {
    const result = pearsonCorrelation([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 1, 4, 3, 7, 8, 6, 9, 12, 10])!;
    expect(result.coefficient).toBeCloseTo(0.9261797113999298, 13);
    expect(result.pValue).toBeCloseTo(0.00011876275128516728, 15);
    const ties = pearsonCorrelation([1, 2, 2, 3, 4, 4, 4, 5], [3, 1, 4, 1, 5, 9, 2, 6])!;
    expect(ties.coefficient).toBeCloseTo(0.5030376637372143, 13);
    expect(ties.pValue).toBeCloseTo(0.20384044873915932, 12);
  });

  it("gives r = ±1 and p = 0 on a perfect line", () => {
    const up = pearsonCorrelation([1, 2, 3, 4], [10, 20, 30, 40])!;
    expect(up.coefficient).toBe(1);
    expect(up.pValue).toBe(0);
    expect(pearsonCorrelation([1, 2, 3, 4], [4, 3, 2, 1])!.coefficient).toBe(-1);
  });

  it("returns null (not NaN) for a constant side or fewer than 3 pairs", () => {
    expect(pearsonCorrelation([5, 5, 5, 5], [1, 2, 3, 4])).toBeNull();
    expect(pearsonCorrelation([1, 2, 3, 4], [0.1, 0.1, 0.1, 0.1])).toBeNull();
    expect(pearsonCorrelation([1, 2], [2, 1])).toBeNull();
    expect(() => pearsonCorrelation([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});

describe("spearmanCorrelation", () => {
  it("matches scipy.stats.spearmanr, with and without ties", () => {
    const plain = spearmanCorrelation([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 1, 4, 3, 7, 8, 6, 9, 12, 10])!;
    // 1 − 6·Σd²/(n(n²−1)) with Σd² = 12: 1 − 72/990.
    expect(plain.coefficient).toBeCloseTo(1 - 72 / 990, 14);
    expect(plain.pValue).toBeCloseTo(0.00011203450639397586, 15);
    const ties = spearmanCorrelation([1, 2, 2, 3, 4, 4, 4, 5], [3, 1, 4, 1, 5, 9, 2, 6])!;
    expect(ties.coefficient).toBeCloseTo(0.5495502618648208, 13);
    expect(ties.pValue).toBeCloseTo(0.15825612767878006, 12);
  });
});

describe("isConstant", () => {
  it("sees through floating-point means of identical values", () => {
    expect(isConstant(new Array(7).fill(0.1))).toBe(true);
    expect(isConstant([1e9, 1e9, 1e9])).toBe(true);
    expect(isConstant([0.1, 0.1, 0.1000001])).toBe(false);
  });
});
