import { describe, expect, it } from "vitest";
import { meanOf, medianOf, quantileSorted, roundHalfEven, sampleSdOf, sortedFinite } from "./numeric";

describe("base-R numerics", () => {
  it("roundHalfEven rounds halves to even like R's round()", () => {
    expect([0.5, 1.5, 2.5, 3.5, -1.5, -2.5, 2.4999, 2.5001, 5.0166].map(roundHalfEven)).toEqual([0, 2, 2, 4, -2, -2, 2, 3, 5]);
  });

  it("quantileSorted is R's type 7", () => {
    const x = Float64Array.from([1, 2, 3, 4, 10]);
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 0.25)).toBe(2);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(7.6, 12);
    expect(quantileSorted(x, 1)).toBe(10);
  });

  it("medianOf (quickselect) equals the sorted median on odd, even and tied arrays", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const n of [1, 2, 3, 10, 11, 1000, 1001]) {
      for (let rep = 0; rep < 5; rep++) {
        const xs = Array.from({ length: n }, () => Math.floor(next() * 20));
        const sorted = [...xs].sort((a, b) => a - b);
        const expected = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        expect(medianOf(xs)).toBe(expected);
      }
    }
    expect(Number.isNaN(medianOf([]))).toBe(true);
  });

  it("mean and sample SD skip NaN (na.rm = TRUE)", () => {
    expect(meanOf([1, NaN, 3])).toBe(2);
    expect(sampleSdOf([2, 4, NaN, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(Array.from(sortedFinite([3, NaN, 1]))).toEqual([1, 3]);
  });
});
