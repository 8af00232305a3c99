import { NonRetriableError, RetryAfterError } from "inngest";
import { isAppError } from "@/lib/errors";
import type { RunError } from "@/db/queries/jobs";

/** What a person may read about a failure that is not an AppError (whose message is written for people). */
export const GENERIC_RUN_FAILURE = "The task could not be completed. Please try again later.";

/** The stored description of a failure: full message for operators, a safe sentence for the owner. */
export function describeError(e: unknown): RunError {
  // A NonRetriableError wrapping an AppError: the AppError's sentence is the one to show.
  if (e instanceof Error && !isAppError(e) && isAppError(e.cause) && isNonRetriable(e)) e = e.cause;
  if (isAppError(e)) return { name: e.name, message: e.message, code: e.code, publicMessage: e.message };
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: err.name || "Error", message: err.message, publicMessage: GENERIC_RUN_FAILURE };
}

/**
 * Inngest's NonRetriableError (by class, or by name when it crossed a module-instance boundary), and
 * any AppError of a 4xx kind: bad input (a file that is not an export, a missing account) will not
 * get better on a retry.
 */
export function isNonRetriable(e: unknown): boolean {
  if (isAppError(e)) return e.status < 500;
  return e instanceof NonRetriableError || (e instanceof Error && e.name === "NonRetriableError");
}

/** When a RetryAfterError asks to be retried: `retryAfter` is whole seconds or an RFC 3339 date. */
export function retryAfterDate(e: unknown, now: Date): Date | null {
  if (!(e instanceof RetryAfterError)) return null;
  const value = e.retryAfter;
  if (/^\d+$/.test(value)) return new Date(now.getTime() + Number(value) * 1000);
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
