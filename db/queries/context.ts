import { sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { AppError } from "@/lib/errors";

export type Role = "patient" | "mentor" | "admin";
/** Who is asking. Every query function takes one (DESIGN decision 2). */
export type Viewer = { userId: string; role: Role };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from outside (URL, form, token) has the shape of a row id; checked before any query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Runs `fn` in one transaction as the viewer: `app.user_id` is set for the transaction only and the
 * role drops to `app_user`, so row-level security filters every statement — a query that forgets its
 * WHERE clause still sees only what this viewer may see.
 */
export async function withViewer<T>(viewer: Viewer, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!isUuid(viewer.userId)) throw new AppError("unauthorized:session", "Your session is not valid. Please sign in again.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.user_id', ${viewer.userId}, true)`);
    await tx.execute(sql`set local role app_user`);
    return fn(tx);
  });
}

/**
 * Runs `fn` in one transaction with the owner's rights, bypassing RLS. Only for what has no viewer:
 * sign-in and registration lookups, a doctor's token lookup, schedulers and the workflow runner (which
 * then scope each person's work with withViewer), and seeding.
 */
export async function withSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(fn);
}

export function assertRole(viewer: Viewer, ...roles: Role[]) {
  if (!roles.includes(viewer.role)) {
    throw new AppError("forbidden:role", "This page is not available for your account type.");
  }
}
