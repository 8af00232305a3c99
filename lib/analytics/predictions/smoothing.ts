/**
 * The two estimators behind every probability shown to a person (DESIGN decision 5).
 *
 * Base rate: Laplace's rule of succession, (x + 1) / (n + 2) — the posterior mean under a uniform
 * Beta(1, 1) prior. It never says 0 % or 100 % from a finite history.
 *
 * Conditional rate: the posterior mean under a Beta(m·p0, m·(1 − p0)) prior centred on the person's
 * own base rate p0, i.e. (x + m·p0) / (n + m). With few conditioning days the estimate stays near
 * the base rate; with many, it follows the observed frequency. m is the prior's weight in days
 * (default 4: the bench/prediction-calibration.ts run shows m = 4 beats m = 0 and m = 16 on Brier).
 */
export const DEFAULT_PRIOR_STRENGTH = 4;

export function laplaceRate(events: number, trials: number): number {
  assertCounts(events, trials);
  return (events + 1) / (trials + 2);
}

export function shrinkTowardBaseRate(events: number, trials: number, baseRate: number, priorStrength = DEFAULT_PRIOR_STRENGTH): number {
  assertCounts(events, trials);
  if (!(baseRate >= 0 && baseRate <= 1)) throw new RangeError(`baseRate must be in [0, 1], got ${baseRate}`);
  if (!(priorStrength >= 0)) throw new RangeError(`priorStrength must be ≥ 0, got ${priorStrength}`);
  // With no prior weight and no trials there is nothing to estimate from: fall back to the base rate.
  if (trials + priorStrength === 0) return baseRate;
  return (events + priorStrength * baseRate) / (trials + priorStrength);
}

function assertCounts(events: number, trials: number): void {
  if (!Number.isInteger(events) || !Number.isInteger(trials) || events < 0 || trials < 0 || events > trials) {
    throw new RangeError(`Counts must be integers with 0 ≤ events ≤ trials (got ${events} of ${trials}).`);
  }
}
