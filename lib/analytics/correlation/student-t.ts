/**
 * Student's t distribution, written here instead of taken from jstat because the p-values we need
 * are often tiny (1e-30 for a strong link over 1000 points): computing them as 1 − cdf loses every
 * digit, while the tail written as a regularized incomplete beta keeps them:
 *   P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2)            (Abramowitz & Stegun 26.7.1 / 26.5.27)
 * The incomplete beta is evaluated with the continued fraction of Numerical Recipes (3rd ed., §6.4,
 * modified Lentz), the log-gamma with Lanczos' approximation (g = 7, 9 terms).
 */

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the Lanczos series in its accurate range.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_G + 2; i++) sum += LANCZOS_COEFFICIENTS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const CF_EPSILON = 1e-15;
const CF_TINY = 1e-300;
const CF_MAX_ITERATIONS = 10_000;

/** Continued fraction for I_x(a, b) (Numerical Recipes `betacf`), valid for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < CF_TINY) d = CF_TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= CF_MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPSILON) return h;
  }
  // Convergence takes O(sqrt(max(a, b))) steps; 10,000 covers df up to ~10^8.
  return h;
}

/** Regularized incomplete beta I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || Number.isNaN(x)) {
    throw new RangeError(`regularizedIncompleteBeta needs a, b > 0 and a number x (got x=${x}, a=${a}, b=${b})`);
  }
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  // Use the fraction where it converges fast, and the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) elsewhere.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * Two-sided p-value P(|T| ≥ |t|) of Student's t with `df` degrees of freedom
 * (scipy: `2 * stats.t.sf(abs(t), df)`). df must be > 0; t = ±Infinity gives 0.
 */
export function studentTTwoSidedPValue(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Student's t needs df > 0 (got ${df})`);
  if (Number.isNaN(t)) throw new RangeError("Student's t statistic is NaN");
  if (!Number.isFinite(t)) return 0;
  const p = regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return Math.min(1, Math.max(0, p));
}

/**
 * Two-sided p-value of a (partial) correlation coefficient r tested against 0 with `df` degrees of
 * freedom: t = r·sqrt(df / (1 − r²)) (scipy.stats.pearsonr / spearmanr with df = n − 2; tigramite
 * ParCorr.get_analytic_significance with df = n − 2 − |Z|). |r| = 1 gives 0, as in tigramite.
 */
export function correlationPValue(r: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`A correlation test needs df > 0 (got ${df})`);
  const absR = Math.abs(r);
  if (absR >= 1) return 0;
  // With x = df/(df+t²) = 1 − r², the t tail is I_{1−r²}(df/2, 1/2): no division by (1 − r²) needed.
  const p = regularizedIncompleteBeta(1 - absR * absR, df / 2, 0.5);
  return Math.min(1, Math.max(0, p));
}
