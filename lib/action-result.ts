import { isAppError } from "./errors";

/** What every server action returns to its form: a sentence to show, never a stack trace. */
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export const idle = { ok: true } as ActionResult;

/** Runs an action body; AppErrors become their message, anything else is logged and shown generically. */
export async function runAction<T>(fn: () => Promise<ActionResult<T>>, surface: string): Promise<ActionResult<T>> {
  try {
    return await fn();
  } catch (e) {
    // Next's redirect()/notFound() signal by throwing; let them through.
    if (e && typeof e === "object" && "digest" in e && typeof (e as { digest?: unknown }).digest === "string" && (e as { digest: string }).digest.startsWith("NEXT_")) throw e;
    if (isAppError(e) && e.status < 500) return { ok: false, error: e.message };
    console.error(`[action:${surface}]`, e);
    return { ok: false, error: "Something went wrong on our side. Your data is safe; please try again in a moment." };
  }
}

/** zod issues → one sentence per field, keyed by field name. */
export function fieldErrorsFrom(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
