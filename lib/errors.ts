/**
 * The one error type of Proxima. A code is `kind:surface` (for example `forbidden:share` or
 * `bad_request:ingest`); the kind decides the HTTP status, the message is a sentence a person can
 * read. Internal details (causes, SQL, stack traces) stay in `cause` and are only ever logged.
 */
export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "payload_too_large"
  | "rate_limited"
  | "unprocessable"
  | "unavailable"
  | "internal";

export type ErrorCode = `${ErrorKind}:${string}`;

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly status: number;
  /** Extra, safe-to-show facts (for example rejected row indexes or Retry-After seconds). */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.kind = code.split(":")[0] as ErrorKind;
    this.status = STATUS[this.kind] ?? 500;
    this.details = options.details;
  }

  /** What a client may see: never the cause, never a stack. */
  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Turns anything thrown into an AppError safe to show; unknown errors become a generic 500. */
export function toAppError(e: unknown, surface = "app"): AppError {
  if (isAppError(e)) return e;
  return new AppError(`internal:${surface}`, "Something went wrong on our side. Please try again in a moment.", { cause: e });
}
