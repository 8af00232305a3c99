import { describe, expect, it } from "vitest";
import { adjustPValuesBenjaminiHochberg } from "./benjamini-hochberg";

describe("adjustPValuesBenjaminiHochberg (R p.adjust 'BH')", () => {
  it("works the four-value example by hand", () => {
    // Sorted decreasing: 0.04·4/4 = 0.04; 0.03·4/3 = 0.04; 0.01·4/2 = 0.02; 0.005·4/1 = 0.02;
    // running minimum from the top: 0.04, 0.04, 0.02, 0.02; then back to input order.
    const q = adjustPValuesBenjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q[0]).toBeCloseTo(0.02, 15);
    expect(q[1]).toBeCloseTo(0.04, 15);
    expect(q[2]).toBeCloseTo(0.04, 15);
    expect(q[3]).toBeCloseTo(0.02, 15);
  });

  it("reproduces the 15 p-values of Benjamini & Hochberg (1995): 4 discoveries at q = 0.05", () => {
    const p = [
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1,
    ];
    // R: p.adjust(p, "BH") (same as scipy.stats.false_discovery_control).
    const expected = [
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645, 0.0765, 0.486,
      0.5811818181818181, 0.714875, 0.7532307692307693, 0.8132142857142857, 1,
    ];
    const q = adjustPValuesBenjaminiHochberg(p);
    q.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 14));
    expect(q.filter((value) => value <= 0.05)).toHaveLength(4);
  });

  it("keeps ties and order: [0.2, 0.2, 0.01, 0.5, 0.01] → [0.25, 0.25, 0.025, 0.5, 0.025]", () => {
    const q = adjustPValuesBenjaminiHochberg([0.2, 0.2, 0.01, 0.5, 0.01]);
    [0.25, 0.25, 0.025, 0.5, 0.025].forEach((value, i) => expect(q[i]).toBeCloseTo(value, 15));
  });

  it("returns [] for no tests and rejects values outside [0, 1]", () => {
    expect(adjustPValuesBenjaminiHochberg([])).toEqual([]);
    expect(() => adjustPValuesBenjaminiHochberg([0.1, Number.NaN])).toThrow(RangeError);
    expect(() => adjustPValuesBenjaminiHochberg([1.2])).toThrow(RangeError);
  });
});
