import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Rate limits kept in the database (rate-limiter-flexible's RateLimiterDrizzle: one atomic upsert per
 * hit), so they hold across processes and restarts on every driver.
 */
export type Limit = { keyPrefix: string; points: number; durationSeconds: number; blockSeconds?: number };
export type LimitState = { allowed: boolean; remaining: number; retryAfterSeconds: number };

// One limiter per database instance and prefix: tests and benchmarks swap databases in one process.
const limiters = new WeakMap<object, Map<string, RateLimiterDrizzle>>();

async function limiterFor(limit: Limit) {
  const db = await getDb();
  let byPrefix = limiters.get(db);
  if (!byPrefix) limiters.set(db, (byPrefix = new Map()));
  let limiter = byPrefix.get(limit.keyPrefix);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: limit.keyPrefix,
      points: limit.points,
      duration: limit.durationSeconds,
      blockDuration: limit.blockSeconds ?? 0,
      clearExpiredByTimeout: false,
    });
    byPrefix.set(limit.keyPrefix, limiter);
  }
  return limiter;
}

/** Counts one hit; `allowed` is false once the key used up its points in the window. */
export async function consumeLimit(limit: Limit, key: string, points = 1): Promise<LimitState> {
  const limiter = await limiterFor(limit);
  try {
    const res = await limiter.consume(key, points);
    return { allowed: true, remaining: res.remainingPoints, retryAfterSeconds: 0 };
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    }
    throw e;
  }
}

/** Looks without counting: is this key already over its limit? */
export async function peekLimit(limit: Limit, key: string): Promise<LimitState> {
  const limiter = await limiterFor(limit);
  const res = await limiter.get(key);
  if (!res || res.consumedPoints < limit.points) {
    return { allowed: true, remaining: limit.points - (res?.consumedPoints ?? 0), retryAfterSeconds: 0 };
  }
  return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

export async function resetLimit(limit: Limit, key: string): Promise<void> {
  const limiter = await limiterFor(limit);
  await limiter.delete(key);
}
