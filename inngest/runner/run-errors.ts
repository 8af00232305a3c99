import { NonRetriableError, RetryAfterError } from "inngest";
import { isAppError } from "@/lib/errors";
import type { RunError } from "@/db/queries/jobs";
import { GENERIC_RUN_FAILURE } from "@/db/queries/task-status";

export { GENERIC_RUN_FAILURE };

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

/**
 * The owner's sentence for a failure that crossed Inngest's serialization (an onFailure handler's
 * `error`): the same rule as `describeError`, on what survives. Inngest keeps an error's name, message,
 * `code` and cause, but a failed step reaches the handler as a StepError that keeps only name and
 * message: an error named AppError (whose code, when present, is one of ours) is trusted as an
 * AppError; anything else gets the generic sentence.
 */
export function publicMessageOfFailure(error: unknown): string {
  if (isAppError(error)) return describeError(error).publicMessage;
  if (isSerializedAppError(error)) return error.message;
  if (error instanceof Error && error.name === "NonRetriableError" && isSerializedAppError(error.cause)) return error.cause.message;
  return GENERIC_RUN_FAILURE;
}

const APP_ERROR_CODE = /^(bad_request|unauthorized|forbidden|not_found|conflict|gone|payload_too_large|rate_limited|unprocessable|unavailable|internal):[\w.-]+$/;

function isSerializedAppError(e: unknown): e is { name: "AppError"; message: string } {
  if (typeof e !== "object" || e === null) return false;
  const { name, message, code } = e as { name?: unknown; message?: unknown; code?: unknown };
  return name === "AppError" && typeof message === "string" && message.length > 0 && (code === undefined || (typeof code === "string" && APP_ERROR_CODE.test(code)));
}
