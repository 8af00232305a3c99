import { describe, expect, it } from "vitest";
import { correlationPValue, logGamma, regularizedIncompleteBeta, studentTTwoSidedPValue } from "./student-t";

/** Relative closeness, for p-values that span 200 orders of magnitude. */
function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe("logGamma", () => {
  it("matches exact factorials and Γ(1/2) = √π", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });
});

describe("regularizedIncompleteBeta", () => {
  it("matches scipy.special.betainc", () => {
    // Reference: scipy 1.17 betainc(a, b, x).
    expectRelativelyClose(regularizedIncompleteBeta(0.3, 2, 3), 0.34829999999999994, 1e-12);
    expectRelativelyClose(regularizedIncompleteBeta(0.9, 0.5, 0.5), 0.7951672353008665, 1e-12);
    expectRelativelyClose(regularizedIncompleteBeta(0.5, 10, 10), 0.5, 1e-12);
    expectRelativelyClose(regularizedIncompleteBeta(0.999, 3.5, 0.5), 0.9356322688440224, 1e-11);
  });

  it("is exact at the ends and rejects invalid shapes", () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(RangeError);
  });
});

describe("studentTTwoSidedPValue", () => {
  it("equals the closed forms for 1 and 2 degrees of freedom", () => {
    // df = 1 is Cauchy: P(|T| > t) = 1 − (2/π)·atan(t).
    for (const t of [0.3, 1, 2.5, 12]) {
      expect(studentTTwoSidedPValue(t, 1)).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(t), 13);
    }
    // df = 2: P(|T| > t) = 1 − t / sqrt(2 + t²).
    for (const t of [0.3, 1, 3, 12]) {
      expect(studentTTwoSidedPValue(t, 2)).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 13);
    }
  });

  it("matches scipy 2·t.sf(|t|, df), including very small tails", () => {
    expectRelativelyClose(studentTTwoSidedPValue(2.228138851964, 10), 0.0500000000018882, 1e-10);
    expectRelativelyClose(studentTTwoSidedPValue(-0.5, 5), 0.6382988716409291, 1e-12);
    expectRelativelyClose(studentTTwoSidedPValue(2, 100), 0.04821217873113365, 1e-10);
    expectRelativelyClose(studentTTwoSidedPValue(10, 30), 4.575251408229618e-11, 1e-9);
    expectRelativelyClose(studentTTwoSidedPValue(18, 980), 8.356266236314779e-63, 1e-8);
    expectRelativelyClose(studentTTwoSidedPValue(40, 998), 1.4738761501108683e-209, 1e-7);
    expectRelativelyClose(studentTTwoSidedPValue(1.96, 1e6), 0.04999606758526985, 1e-8);
    expect(studentTTwoSidedPValue(0, 7)).toBe(1);
    expect(studentTTwoSidedPValue(Infinity, 7)).toBe(0);
  });

  it("refuses a test with no degree of freedom instead of returning NaN", () => {
    expect(() => studentTTwoSidedPValue(1, 0)).toThrow(RangeError);
    expect(() => correlationPValue(0.5, 0)).toThrow(RangeError);
  });
});

describe("correlationPValue", () => {
  it("is the t test of r with t = r·sqrt(df/(1−r²))", () => {
    // r = 0.5 with df = 1 gives t = 1/√3, whose Cauchy tail is 1 − (2/π)(π/6) = 2/3 exactly.
    expect(correlationPValue(0.5, 1)).toBeCloseTo(2 / 3, 13);
    const r = -0.3;
    const df = 40;
    expect(correlationPValue(r, df)).toBeCloseTo(studentTTwoSidedPValue(r * Math.sqrt(df / (1 - r * r)), df), 14);
    expect(correlationPValue(1, 10)).toBe(0);
    expect(correlationPValue(0, 10)).toBe(1);
  });
});
