import type { MatrixProfile } from "./finish-profile";
import { assertValidWindow } from "./prepare-series";

/**
 * The brute-force reference: every pair of windows z-normalized and compared directly, O(n²·m).
 * It shares no code with the fast path (no recurrence, no SCAMP statistics, its own constant and
 * NaN detection) so the tests compare two independent readings of the same definition
 * (STUMPY's `naive.stump` in tests/naive.py plays this role for STUMPY).
 * Ties keep the smallest neighbour index. Only for tests and the benchmark.
 */
export function computeMatrixProfileNaive(values: ArrayLike<number>, m: number): MatrixProfile {
  const n = values.length;
  assertValidWindow(n, m);
  const l = n - m + 1;
  const exclusionZone = Math.ceil(m / 4);

  const z: Array<Float64Array | null> = [];
  const constant: boolean[] = [];
  for (let i = 0; i < l; i++) {
    const window = Array.from({ length: m }, (_, t) => values[i + t]);
    if (!window.every(Number.isFinite)) {
      z.push(null);
      constant.push(false);
      continue;
    }
    const isConstant = Math.max(...window) === Math.min(...window);
    constant.push(isConstant);
    const mu = window.reduce((s, v) => s + v, 0) / m;
    const sd = Math.sqrt(window.reduce((s, v) => s + (v - mu) ** 2, 0) / m);
    z.push(isConstant ? new Float64Array(m) : Float64Array.from(window, (v) => (v - mu) / sd));
  }

  const profile = new Float64Array(l).fill(Infinity);
  const index = new Int32Array(l).fill(-1);
  for (let i = 0; i < l; i++) {
    const zi = z[i];
    if (!zi) continue;
    for (let j = 0; j < l; j++) {
      const zj = z[j];
      if (!zj || Math.abs(i - j) <= exclusionZone) continue;
      let d: number;
      if (constant[i] && constant[j]) d = 0;
      else if (constant[i] || constant[j]) d = Math.sqrt(m);
      else {
        let sum = 0;
        for (let t = 0; t < m; t++) sum += (zi[t] - zj[t]) ** 2;
        d = Math.sqrt(sum);
      }
      if (d < profile[i]) {
        profile[i] = d;
        index[i] = j;
      }
    }
  }
  return { m, exclusionZone, profile, index };
}
