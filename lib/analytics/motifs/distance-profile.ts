import type { PreparedSeries } from "./prepare-series";

/**
 * Distances from subsequence `query` to every subsequence of the same series, with the rules the
 * matrix profile uses (STUMPY `core.mass` with `query_idx`): the query's own position is 0, windows
 * with a non-finite value are Infinity, constant vs constant is 0, constant vs non-constant sqrt(m).
 * Direct sliding products, O(n·m): a handful of queries per motif search, each ~30 ms for a year of
 * 5-minute readings, so no FFT is needed.
 */
export function computeDistanceProfile(prepared: PreparedSeries, query: number): Float64Array {
  const { l, m, values, mean, invNorm, isFinite, isConstant } = prepared;
  const out = new Float64Array(l);
  if (!isFinite[query]) return out.fill(Infinity);

  if (isConstant[query]) {
    const far = Math.sqrt(m);
    for (let j = 0; j < l; j++) out[j] = !isFinite[j] ? Infinity : isConstant[j] ? 0 : far;
    out[query] = 0;
    return out;
  }

  const centred = new Float64Array(m);
  const mq = mean[query];
  for (let t = 0; t < m; t++) centred[t] = values[query + t] - mq;
  const sq = invNorm[query];
  const twoM = 2 * m;
  const far = Math.sqrt(m);
  for (let j = 0; j < l; j++) {
    if (!isFinite[j]) {
      out[j] = Infinity;
      continue;
    }
    if (isConstant[j]) {
      out[j] = far;
      continue;
    }
    const mj = mean[j];
    let dot = 0;
    for (let t = 0; t < m; t++) dot += (values[j + t] - mj) * centred[t];
    const rho = Math.min(1, dot * sq * invNorm[j]);
    out[j] = Math.sqrt(Math.max(0, twoM * (1 - rho)));
  }
  out[query] = 0;
  return out;
}
