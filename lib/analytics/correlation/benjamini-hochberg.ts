/**
 * Benjamini–Hochberg false-discovery-rate adjustment, identical to R's
 * `p.adjust(p, method = "BH")`:
 *   i <- n:1; o <- order(p, decreasing = TRUE); pmin(1, cummin(n / i * p[o]))[order(o)]
 * (Benjamini & Hochberg 1995, J. R. Stat. Soc. B 57:289). The q-value of a test is the smallest
 * FDR level at which it would be declared significant.
 */
export function adjustPValuesBenjaminiHochberg(pValues: readonly number[]): number[] {
  const n = pValues.length;
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must lie in [0, 1] (got ${p})`);
  }
  // Largest p first; equal p-values keep input order, which cannot change the result.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => pValues[b] - pValues[a]);
  const adjusted = new Array<number>(n);
  let runningMin = 1;
  for (let k = 0; k < n; k++) {
    const rank = n - k; // rank of this p-value in increasing order
    const candidate = (n / rank) * pValues[order[k]];
    runningMin = Math.min(runningMin, candidate);
    adjusted[order[k]] = runningMin;
  }
  return adjusted;
}
