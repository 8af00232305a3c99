import crypto from "node:crypto";
import { consumeLimit, type Limit } from "@/db/queries/rate-limit";
import { recordShareView, resolveShareToken, type ResolvedShare, type ShareViewKind } from "@/db/queries/sharing";
import { getAuthSecret } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { loadSharedReport } from "@/lib/reports/load-shared-report";
import type { ReportData } from "@/lib/reports/report-data";
import { describeProblem, type ShareProblem } from "./render-shared-page";

/** Token guessing: 30 lookups per IP in 10 minutes (page and PDF both count), then 429. */
export const SHARE_LOOKUP_LIMIT: Limit = { keyPrefix: "share-lookup", points: 30, durationSeconds: 600 };
/** Longer than any real token (43 chars): refused before hashing or touching the database. */
const MAX_TOKEN_CHARS = 64;

/** Headers of every answer on a doctor's link, whatever its status. */
export const SHARE_HEADERS: Record<string, string> = {
  "X-Robots-Tag": "noindex, nofollow, noarchive",
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};


let salt: string | undefined;

/**
 * SHA-256 of the IP with a server salt (derived from AUTH_SECRET, never stored with the views): the
 * log can tell "the same network opened it twice" without keeping an address a leak would reveal.
 */
export function hashIp(ip: string): string {
  salt ??= crypto.createHash("sha256").update(`proxima:share-view-ip:${getAuthSecret()}`).digest("hex");
  return crypto.createHash("sha256").update(`${salt}:${ip}`).digest("hex");
}

export type ShareLookup = { ok: true; link: ResolvedShare } | { ok: false; problem: ShareProblem };

/**
 * Everything both doctor routes do before showing anything: count the lookup against the IP's limit,
 * resolve the token (404 unknown/malformed, 410 expired/revoked), and log the view.
 */
export async function lookUpShare(req: Request, rawToken: string, kind: ShareViewKind): Promise<ShareLookup> {
  // An over-long token is refused before anything is written, not even a rate-limit counter.
  if (rawToken.length > MAX_TOKEN_CHARS) return { ok: false, problem: "not_found" };
  const ipHash = hashIp(clientIp(req.headers));
  const limit = await consumeLimit(SHARE_LOOKUP_LIMIT, ipHash);
  if (!limit.allowed) return { ok: false, problem: "rate_limited" };
  const link = await resolveShareToken(rawToken);
  if (link === null) return { ok: false, problem: "not_found" };
  if (link === "gone") return { ok: false, problem: "gone" };
  await recordShareView(link, { ipHash, userAgent: req.headers.get("user-agent"), kind });
  return { ok: true, link };
}

export function problemResponse(problem: ShareProblem): Response {
  const { status, html } = describeProblem(problem);
  const headers: Record<string, string> = { ...SHARE_HEADERS, "Content-Type": "text/html; charset=utf-8" };
  if (problem === "rate_limited") headers["Retry-After"] = String(SHARE_LOOKUP_LIMIT.durationSeconds);
  return new Response(html, { status, headers });
}

/**
 * The one way both share routes answer: look the token up (rate limit, 404/410, view logged) on
 * every request, load the report as the patient who shared it — their viewer only, so RLS scopes
 * every row to them; cached per link and data version — and hand it to `respond`. Any failure is
 * logged and shown as a plain page, never a stack.
 */
export async function serveShare(
  req: Request,
  params: Promise<{ token: string }>,
  kind: ShareViewKind,
  respond: (share: { link: ResolvedShare; data: ReportData; token: string }) => Promise<Response> | Response,
): Promise<Response> {
  try {
    const { token } = await params;
    const found = await lookUpShare(req, token, kind);
    if (!found.ok) return problemResponse(found.problem);
    const { link } = found;
    const data = await loadSharedReport(link);
    return await respond({ link, data, token });
  } catch (e) {
    console.error(`[shared.${kind}]`, e);
    return problemResponse("error");
  }
}
