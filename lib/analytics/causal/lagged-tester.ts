import {
  CONSTANT_VARIANCE_FRACTION,
  partialCorrelationFromCovariance,
  residualSumOfSquares,
  testPartialCorrelation,
  type CovarianceSource,
} from "./partial-correlation";
import type { LaggedNode } from "./pcmci";

/**
 * Runs the tests on the common window t = 2·tau_max … T − 1 and counts them. Every test uses
 * columns X_v(t − lag) with lag ≤ 2·tau_max, so their centered cross-products are computed once,
 * on first use, and shared by all the PC1 and MCI tests.
 */
export class LaggedTester implements CovarianceSource {
  count = 0;
  readonly n: number;
  private readonly start: number;
  private readonly lagsPerVariable: number;
  private readonly centered: (Float64Array | undefined)[];
  private readonly constant: (boolean | undefined)[];
  private readonly columns: number;
  /** columns × columns cross-products, NaN until computed. */
  private readonly products: Float64Array;

  constructor(
    private readonly data: readonly Float64Array[],
    length: number,
    tauMax: number,
    private readonly engine: "covariance" | "residuals",
  ) {
    this.start = 2 * tauMax;
    this.n = length - this.start;
    this.lagsPerVariable = 2 * tauMax + 1;
    this.columns = data.length * this.lagsPerVariable;
    this.centered = new Array(this.columns);
    this.constant = new Array(this.columns);
    this.products = new Float64Array(this.columns * this.columns).fill(Number.NaN);
  }

  private indexOf(node: LaggedNode): number {
    return node.variable * this.lagsPerVariable + node.lag;
  }

  /** X_v(t − lag) over the window, minus its mean. */
  private column(index: number): Float64Array {
    let column = this.centered[index];
    if (column === undefined) {
      const variable = Math.floor(index / this.lagsPerVariable);
      const lag = index % this.lagsPerVariable;
      const from = this.start - lag;
      const raw = this.data[variable].subarray(from, from + this.n);
      let sum = 0;
      let squares = 0;
      for (let t = 0; t < this.n; t++) {
        sum += raw[t];
        squares += raw[t] * raw[t];
      }
      const mean = sum / this.n;
      column = new Float64Array(this.n);
      let variance = 0;
      for (let t = 0; t < this.n; t++) {
        column[t] = raw[t] - mean;
        variance += column[t] * column[t];
      }
      this.centered[index] = column;
      this.constant[index] = variance / this.n <= CONSTANT_VARIANCE_FRACTION * (squares / this.n);
    }
    return column;
  }

  crossProduct(a: number, b: number): number {
    const slot = a * this.columns + b;
    let value = this.products[slot];
    if (Number.isNaN(value)) {
      const ca = this.column(a);
      const cb = this.column(b);
      value = 0;
      for (let t = 0; t < this.n; t++) value += ca[t] * cb[t];
      this.products[slot] = value;
      this.products[b * this.columns + a] = value;
    }
    return value;
  }

  isConstant(a: number): boolean {
    this.column(a);
    return this.constant[a]!;
  }

  /** X_v(t − lag) over the window, raw, as a zero-copy view. */
  private view(node: LaggedNode): Float64Array {
    const from = this.start - node.lag;
    return this.data[node.variable].subarray(from, from + this.n);
  }

  test(x: LaggedNode, y: LaggedNode, z: readonly LaggedNode[]) {
    this.count++;
    if (this.engine === "residuals") {
      return testPartialCorrelation(this.view(x), this.view(y), z.map((node) => this.view(node)), this.n);
    }
    return partialCorrelationFromCovariance(
      this,
      this.indexOf(x),
      this.indexOf(y),
      z.map((node) => this.indexOf(node)),
      this.n,
    );
  }

  /** RSS of Y regressed on Z over the window (for the AIC choice of pc_alpha); not counted as a test. */
  residualSumOfSquares(y: LaggedNode, z: readonly LaggedNode[]): number {
    return residualSumOfSquares(this.view(y), z.map((node) => this.view(node)), this.n);
  }
}
