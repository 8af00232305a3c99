import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { auth } from "@/lib/auth/config";
import { authenticateAccessToken, type TokenScope } from "@/db/queries/tokens";
import { getProfile } from "@/db/queries/users";
import { consumeLimit, formatWait, type Limit } from "@/db/queries/rate-limit";
import { assertRole, type Role, type Viewer } from "@/db/queries/context";
import { readJsonBody } from "./body";
import { zodIssuesToDetails } from "./validation";

/** 100 requests a minute per person across the API, then 429 with Retry-After. */
export const API_LIMIT: Limit = { keyPrefix: "api", points: 100, durationSeconds: 60 };

/** Mentors read members through their own pages (consent, audit), never through this API. */
const DEFAULT_ROLES: readonly Role[] = ["patient", "admin"];

export type ApiCaller = { viewer: Viewer; timezone: string; via: "token" | "session" };

export type ApiContext<B> = { req: NextRequest; caller: ApiCaller; body: B; params: Record<string, string> };

type Options<S extends z.ZodType | undefined> = {
  /** read: GET endpoints; write: anything that stores. A read token cannot write. */
  scope: TokenScope;
  body?: S;
  /** Request body limit in bytes (default 1 MB). */
  maxBytes?: number;
  /** Names the endpoint in logs and errors. */
  surface: string;
  /** A limit per person on top of API_LIMIT, for endpoints that cost more (uploads, analyses). */
  limit?: Limit;
  /** Who may call it (default: the people with health data of their own, as on the pages: patients and admins). */
  roles?: readonly Role[];
};

/**
 * The one wrapper every /api/v1 handler goes through: authenticate (bearer token or session cookie),
 * authorize the role and the scope, rate-limit, read and validate the body, and turn every failure into a status
 * and a sentence. Stack traces and internal messages are logged, never sent.
 */
export function apiHandler<S extends z.ZodType | undefined>(
  options: Options<S>,
  handle: (ctx: ApiContext<S extends z.ZodType ? z.infer<S> : undefined>) => Promise<Response>,
) {
  return async (req: NextRequest, routeContext?: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const caller = await authenticate(req);
      assertRole(caller.viewer, ...(options.roles ?? DEFAULT_ROLES));
      if (options.scope === "write" && caller.via === "token" && caller.scopeGranted === "read") {
        throw new AppError("forbidden:token_scope", "This token can only read. Create a token with write access to send data.");
      }
      for (const limit of options.limit ? [API_LIMIT, options.limit] : [API_LIMIT]) {
        const state = await consumeLimit(limit, caller.viewer.userId);
        if (!state.allowed) {
          const code = limit === API_LIMIT ? "rate_limited:api" : (`rate_limited:${options.surface}` as const);
          return jsonError(new AppError(code, `Too many requests: the limit is ${describeLimit(limit)}. Try again in ${formatWait(state.retryAfterSeconds)}.`), {
            "Retry-After": String(state.retryAfterSeconds),
          });
        }
      }
      let body: unknown = undefined;
      if (options.body) {
        const raw = await readJsonBody(req, options.maxBytes ?? 1_000_000);
        const parsed = options.body.safeParse(raw);
        if (!parsed.success) {
          // A batch over its item limit is a size problem (413), like a body over its byte limit.
          const tooMany = parsed.error.issues.find((i) => i.code === "too_big" && (i as { origin?: string }).origin === "array");
          if (tooMany) throw new AppError("payload_too_large:batch", `${tooMany.message} Split the data into smaller batches.`);
          throw new AppError("unprocessable:validation", "The request body does not have the expected shape. See details for each problem.", {
            details: { issues: zodIssuesToDetails(parsed.error.issues) },
          });
        }
        body = parsed.data;
      }
      const params = (await routeContext?.params) ?? {};
      return await handle({ req, caller: { viewer: caller.viewer, timezone: caller.timezone, via: caller.via }, body: body as never, params });
    } catch (e) {
      if (isAppError(e)) {
        if (e.status >= 500) console.error(`[api:${options.surface}]`, e, e.cause);
        return jsonError(e);
      }
      console.error(`[api:${options.surface}]`, e);
      return jsonError(new AppError("internal:api", "Something went wrong on our side; nothing was stored. Please try again."));
    }
  };
}

function describeLimit(limit: Limit): string {
  if (limit.durationSeconds === 60) return `${limit.points} a minute`;
  if (limit.durationSeconds === 3_600) return `${limit.points} an hour`;
  return `${limit.points} per ${formatWait(limit.durationSeconds)}`;
}

export function jsonError(e: AppError, headers: Record<string, string> = {}) {
  return NextResponse.json(e.toJSON(), { status: e.status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function json(data: unknown, init: ResponseInit = {}) {
  return NextResponse.json(data, { ...init, headers: { "Cache-Control": "no-store", ...(init.headers ?? {}) } });
}

async function authenticate(req: NextRequest): Promise<ApiCaller & { scopeGranted?: TokenScope }> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const identity = match ? await authenticateAccessToken(match[1]) : null;
    if (!identity) throw new AppError("unauthorized:token", "The access token is missing, malformed, unknown or revoked. Create one in Settings → API tokens.");
    return { viewer: identity.viewer, timezone: identity.timezone, via: "token", scopeGranted: identity.scope };
  }
  // Without a session cookie there is nothing for Auth.js to read: answer 401 straight away.
  if (!/(?:^|;\s*)(?:__Secure-)?authjs\.session-token/.test(req.headers.get("cookie") ?? "")) {
    throw new AppError("unauthorized:api", "Sign in, or send a personal access token as `Authorization: Bearer <token>`.");
  }
  const session = await auth();
  if (!session?.user?.id) throw new AppError("unauthorized:api", "Sign in, or send a personal access token as `Authorization: Bearer <token>`.");
  const profile = await getProfile({ userId: session.user.id, role: session.user.role });
  if (!profile) throw new AppError("unauthorized:api", "Your session is no longer valid. Please sign in again.");
  return { viewer: { userId: profile.id, role: profile.role }, timezone: profile.timezone, via: "session" };
}
