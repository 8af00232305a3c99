import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { AppError, type ErrorCode } from "@/lib/errors";

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

/**
 * Counts one hit; once over the limit, throws a 429 with the caller's sentence, given the wait as
 * words ("40 s", "12 min", "3 h"). For actions, whose errors become the form's message.
 */
export async function enforceLimit(limit: Limit, key: string, code: `rate_limited:${string}` & ErrorCode, sentence: (wait: string) => string): Promise<void> {
  const state = await consumeLimit(limit, key);
  if (!state.allowed) {
    throw new AppError(code, sentence(formatWait(state.retryAfterSeconds)), { details: { retryAfterSeconds: state.retryAfterSeconds } });
  }
}

/** A wait in the unit a person reads it in: seconds up to two minutes, minutes up to two hours, then hours. */
export function formatWait(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7_200) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.ceil(seconds / 3_600)} h`;
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

/**
 * Deletes counters whose window ended before `now` (the heartbeat calls it hourly): every new key
 * (an IP, a member) leaves a row, and rate-limiter-flexible's own timer cleanup is off here because
 * it would run in every process. A deleted counter is the same as a fresh one, so this loses nothing.
 */
export async function pruneExpiredLimits(now: Date): Promise<number> {
  const db = await getDb();
  const rows = await db.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ key: rateLimits.key });
  return rows.length;
}

export async function resetLimit(limit: Limit, key: string): Promise<void> {
  const limiter = await limiterFor(limit);
  await limiter.delete(key);
}
