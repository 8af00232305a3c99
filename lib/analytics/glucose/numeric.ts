/**
 * Small numeric helpers that mirror base R, because iglu's numbers come from base R:
 * `round` rounds half to even (IEC 60559), `sd` divides by n − 1, `quantile` defaults to type 7.
 * NaN entries are skipped where R would use `na.rm = TRUE`.
 */

/** R's round(x): half to even, so round(2.5) = 2 and round(3.5) = 4. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Mean of the finite entries; NaN when there are none (callers turn that into null + reason). */
export function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? NaN : sum / n;
}

/** Sample standard deviation (n − 1) of the non-NaN entries, two-pass for accuracy; NaN when n < 2. */
export function sampleSdOf(values: ArrayLike<number>): number {
  const mean = meanOf(values);
  let ss = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      ss += (v - mean) * (v - mean);
      n++;
    }
  }
  return n < 2 ? NaN : Math.sqrt(ss / (n - 1));
}

/** Sorted copy of the non-NaN entries. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) out[k++] = values[i];
  return out.sort();
}

/** R quantile(type = 7) of an already sorted array: h = (n − 1)p, linear between neighbours. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Median of a numeric array without sorting it all (Hoare's quickselect on a copy, O(n) on
 * average): the day grid needs the median sampling interval of ~26,000 differences per call.
 */
export function medianOf(values: ArrayLike<number>): number {
  const a = Float64Array.from(values);
  const n = a.length;
  if (n === 0) return NaN;
  const select = (k: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const pivot = a[(lo + hi) >>> 1];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
          const t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return a[k];
    }
    return a[k];
  };
  if (n % 2 === 1) return select((n - 1) / 2);
  const upper = select(n / 2);
  // after selecting n/2, every element left of it is ≤ it: the lower middle is their maximum
  let lower = -Infinity;
  for (let i = 0; i < n / 2; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}
