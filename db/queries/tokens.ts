import crypto from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { personalAccessTokens, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { withSystem, withViewer, type Role, type Viewer } from "./context";
import type { Limit } from "./rate-limit";

export type TokenScope = "read" | "write";
const PREFIX = "pxm_";

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Tokens a person may create a day: a few per device or script, not a table full. */
export const TOKEN_CREATE_LIMIT: Limit = { keyPrefix: "token-create", points: 20, durationSeconds: 86_400 };

/** Creates a token: 32 random bytes, shown once; only the SHA-256 is kept (with a short prefix to tell tokens apart). */
export async function createAccessToken(viewer: Viewer, input: { name: string; scope: TokenScope }): Promise<{ id: string; token: string }> {
  const token = PREFIX + crypto.randomBytes(32).toString("base64url");
  const [row] = await withViewer(viewer, (tx) =>
    tx
      .insert(personalAccessTokens)
      .values({ userId: viewer.userId, name: input.name, scope: input.scope, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) })
      .returning({ id: personalAccessTokens.id }),
  );
  return { id: row.id, token };
}

export async function listAccessTokens(viewer: Viewer) {
  return withViewer(viewer, (tx) =>
    tx
      .select({
        id: personalAccessTokens.id, name: personalAccessTokens.name, prefix: personalAccessTokens.prefix, scope: personalAccessTokens.scope,
        lastUsedAt: personalAccessTokens.lastUsedAt, revokedAt: personalAccessTokens.revokedAt, createdAt: personalAccessTokens.createdAt,
      })
      .from(personalAccessTokens)
      .where(eq(personalAccessTokens.userId, viewer.userId))
      .orderBy(desc(personalAccessTokens.createdAt)),
  );
}

export async function revokeAccessToken(viewer: Viewer, id: string): Promise<void> {
  const rows = await withViewer(viewer, (tx) =>
    tx
      .update(personalAccessTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(personalAccessTokens.id, id), eq(personalAccessTokens.userId, viewer.userId), isNull(personalAccessTokens.revokedAt)))
      .returning({ id: personalAccessTokens.id }),
  );
  if (rows.length === 0) throw new AppError("not_found:token", "That token does not exist or is already revoked.");
}

export type TokenIdentity = { viewer: Viewer; scope: TokenScope; timezone: string };

/**
 * Looks a bearer token up by hash (system rights: the caller is not signed in). Unknown and revoked
 * tokens get the same answer. Touches last_used_at at most once a minute to keep writes rare.
 */
export async function authenticateAccessToken(token: string): Promise<TokenIdentity | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const tokenHash = hashToken(token);
  return withSystem(async (tx) => {
    const [row] = await tx
      .select({ id: personalAccessTokens.id, userId: personalAccessTokens.userId, scope: personalAccessTokens.scope, lastUsedAt: personalAccessTokens.lastUsedAt, role: users.role, timezone: users.timezone })
      .from(personalAccessTokens)
      .innerJoin(users, eq(users.id, personalAccessTokens.userId))
      .where(and(eq(personalAccessTokens.tokenHash, tokenHash), isNull(personalAccessTokens.revokedAt)));
    if (!row) return null;
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
      await tx.update(personalAccessTokens).set({ lastUsedAt: new Date() }).where(eq(personalAccessTokens.id, row.id));
    }
    return { viewer: { userId: row.userId, role: row.role as Role }, scope: row.scope, timezone: row.timezone };
  });
}
