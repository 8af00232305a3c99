import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { pearsonCorrelation } from "../correlation/coefficients";
import {
  partialCorrelationFromCovariance,
  testPartialCorrelation,
  type CovarianceSource,
  type PartialCorrelationResult,
} from "./partial-correlation";
import { createSeededRandom } from "@/lib/seeded-random";

const X = [2.1, 3.4, 1.9, 5.6, 4.4, 6.1, 3.3, 7.8, 5.5, 6.9, 8.2, 7.1];
const Y = [1.0, 2.2, 1.5, 3.9, 2.8, 4.4, 2.0, 5.1, 4.6, 4.0, 6.3, 5.2];
const Z1 = [0.5, 1.1, 0.7, 2.0, 1.9, 2.2, 1.2, 3.1, 2.4, 2.9, 3.5, 2.8];
const Z2 = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];

/** A covariance source computed naively from plain columns, to drive the covariance form. */
function covarianceOf(columns: number[][]): CovarianceSource {
  const n = columns[0].length;
  const centered = columns.map((c) => {
    const mean = c.reduce((s, v) => s + v, 0) / n;
    return c.map((v) => v - mean);
  });
  return {
    crossProduct: (a, b) => centered[a].reduce((s, v, t) => s + v * centered[b][t], 0),
    isConstant: (a) => {
      const meanSquare = columns[a].reduce((s, v) => s + v * v, 0) / n;
      const variance = centered[a].reduce((s, v) => s + v * v, 0) / n;
      return variance <= 1e-20 * meanSquare;
    },
  };
}

function bothForms(x: number[], y: number[], z: number[][]): [PartialCorrelationResult, PartialCorrelationResult] {
  const residual = testPartialCorrelation(x, y, z);
  const source = covarianceOf([x, y, ...z]);
  const covariance = partialCorrelationFromCovariance(
    source,
    0,
    1,
    z.map((_, k) => k + 2),
    x.length,
  );
  return [residual, covariance];
}

describe("partial correlation (tigramite ParCorr)", () => {
  it("matches numpy lstsq residuals + scipy t test on a 12-point example", () => {
    // Reference: OLS with intercept via numpy.linalg.lstsq, pearsonr on residuals, df = n − 2 − |Z|.
    const cases: [number[][], number, number, number][] = [
      [[], 0.9647114492764701, 4.061663473155103e-7, 10],
      [[Z1], 0.37109915575273383, 0.2611771023512727, 9],
      [[Z1, Z2], 0.3596865641849263, 0.3073209978216519, 8],
    ];
    for (const [z, value, pValue, df] of cases) {
      for (const result of bothForms(X, Y, z)) {
        expect(result.value).toBeCloseTo(value, 12);
        expect(result.pValue).toBeCloseTo(pValue, 12);
        expect(result.df).toBe(df);
        expect(result.degenerate).toBeUndefined();
      }
    }
  });

  it("reduces to Pearson's r without conditions", () => {
    const pearson = pearsonCorrelation(X, Y)!;
    const result = testPartialCorrelation(X, Y, []);
    expect(result.value).toBeCloseTo(pearson.coefficient, 14);
    expect(result.pValue).toBeCloseTo(pearson.pValue, 14);
  });

  it("gives the same answer in residual and covariance form on random data", () => {
    const random = createSeededRandom(99);
    const n = 200;
    const columns = Array.from({ length: 6 }, () => Array.from({ length: n }, () => random.gaussian()));
    // Make y depend on x and on z0, so the conditioning matters.
    columns[1] = columns[1].map((v, t) => v + 0.4 * columns[0][t] + 0.8 * columns[2][t]);
    const [residual, covariance] = bothForms(columns[0], columns[1], columns.slice(2));
    expect(covariance.value).toBeCloseTo(residual.value, 12);
    expect(covariance.pValue / residual.pValue).toBeCloseTo(1, 9);
    expect(residual.df).toBe(n - 2 - 4);
  });

  it("drops constant conditions from the degrees of freedom, as tigramite does", () => {
    const constant = new Array(X.length).fill(4.2);
    for (const result of bothForms(X, Y, [Z1, constant])) {
      expect(result.df).toBe(9);
      expect(result.value).toBeCloseTo(0.37109915575273383, 12);
    }
  });

  it("skips a collinear condition but still counts it in the degrees of freedom", () => {
    const collinear = Z1.map((v) => 2 * v + 1);
    for (const result of bothForms(X, Y, [Z1, collinear])) {
      expect(result.df).toBe(8);
      expect(result.value).toBeCloseTo(0.37109915575273383, 10);
    }
  });

  it("returns value 0 and p-value 1 for a constant side or a fully explained side", () => {
    const flat = new Array(X.length).fill(0.1);
    for (const result of bothForms(flat, Y, [Z1])) expect(result).toMatchObject({ value: 0, pValue: 1, degenerate: "constant_x" });
    for (const result of bothForms(X, flat, [])) expect(result).toMatchObject({ value: 0, pValue: 1, degenerate: "constant_y" });
    const explained = Z1.map((v, t) => 3 * v - Z2[t]);
    for (const result of bothForms(explained, Y, [Z1, Z2])) {
      expect(result).toMatchObject({ value: 0, pValue: 1, degenerate: "explained_by_conditions" });
    }
  });

  it("refuses a test with no degree of freedom", () => {
    const x = [1, 2, 3, 5];
    const y = [2, 1, 4, 3];
    expect(() => testPartialCorrelation(x, y, [[1, 0, 0, 1], [0, 1, 1, 3]])).toThrow(AppError);
    const source = covarianceOf([x, y, [1, 0, 0, 1], [0, 1, 1, 3]]);
    expect(() => partialCorrelationFromCovariance(source, 0, 1, [2, 3], 4)).toThrow(/Too few time points/);
  });
});

describe("residualSumOfSquares", () => {
  it("is zero for an exact linear fit and the centered sum of squares with no regressors", async () => {
    const { residualSumOfSquares } = await import("./partial-correlation");
    const x = [1, 2, 3, 4, 5, 6];
    const z2 = [3, 1, 4, 1, 5, 9];
    const y = x.map((v, i) => 2 * v - 0.5 * z2[i] + 7);
    expect(residualSumOfSquares(y, [x, z2])).toBeCloseTo(0, 10);
    // mean 3.5: (2.5² + 1.5² + 0.5²) × 2 = 17.5
    expect(residualSumOfSquares(x, [])).toBeCloseTo(17.5, 12);
  });
});
