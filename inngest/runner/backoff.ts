/**
 * Exponential backoff between attempts: base · factor^(attempt − 1), capped. No jitter: the embedded
 * runner is one process (or a few on one database), not a fleet that would retry in lockstep.
 */
export type BackoffPolicy = { baseMs: number; factor: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, factor: 2, maxMs: 30 * 60_000 };

/** Delay before the retry that follows failed attempt number `attempt` (1-based). */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.maxMs, Math.round(policy.baseMs * policy.factor ** exponent));
}
