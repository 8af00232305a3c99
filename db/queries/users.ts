import { eq, sql } from "drizzle-orm";
import { users, userPreferences } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { withSystem, withViewer, type Role, type Viewer } from "./context";

export type NewAccount = { email: string; name: string; password: string; timezone?: string; role?: Role };

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/** Registration. Runs as the system (there is no viewer yet); one transaction for user + preferences. */
export async function createAccount(input: NewAccount): Promise<{ id: string; email: string; role: Role }> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return withSystem(async (tx) => {
    const existing = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
    if (existing.length > 0) {
      throw new AppError("conflict:register", "An account with this email already exists. Sign in instead, or use another email.");
    }
    const [user] = await tx
      .insert(users)
      .values({ email, name: input.name.trim(), passwordHash, role: input.role ?? "patient", timezone: input.timezone ?? "UTC" })
      .returning({ id: users.id, email: users.email, role: users.role });
    await tx.insert(userPreferences).values({ userId: user.id });
    return user;
  });
}

/** Sign-in lookup by email (system: the person is not signed in yet). */
export async function findCredentialsByEmail(email: string) {
  const rows = await withSystem((tx) =>
    tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, passwordHash: users.passwordHash })
      .from(users)
      .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`)
      .limit(1),
  );
  return rows[0] ?? null;
}

export type Profile = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  timezone: string;
  glucoseUnit: "mg/dL" | "mmol/L";
  targetLowMgdl: number;
  targetHighMgdl: number;
  createdAt: Date;
};

/** The viewer's own profile, or null when the account no longer exists (a stale session). */
export async function getProfile(viewer: Viewer): Promise<Profile | null> {
  const rows = await withViewer(viewer, (tx) =>
    tx
      .select({
        id: users.id, email: users.email, name: users.name, role: users.role, timezone: users.timezone,
        glucoseUnit: users.glucoseUnit, targetLowMgdl: users.targetLowMgdl, targetHighMgdl: users.targetHighMgdl, createdAt: users.createdAt,
      })
      .from(users)
      .where(eq(users.id, viewer.userId)),
  );
  return rows[0] ?? null;
}

export type ProfileUpdate = { name?: string; timezone?: string; glucoseUnit?: "mg/dL" | "mmol/L" };

export async function updateProfile(viewer: Viewer, update: ProfileUpdate): Promise<void> {
  await withViewer(viewer, (tx) => tx.update(users).set({ ...update, updatedAt: new Date() }).where(eq(users.id, viewer.userId)));
}

/**
 * For workflows: the person a job acts for, with their timezone. System rights (a job has no
 * session); the job then scopes every read and write to this viewer under RLS.
 */
export async function getJobSubject(userId: string): Promise<{ viewer: Viewer; timezone: string } | null> {
  const rows = await withSystem((tx) => tx.select({ id: users.id, role: users.role, timezone: users.timezone }).from(users).where(eq(users.id, userId)));
  const row = rows[0];
  return row ? { viewer: { userId: row.id, role: row.role }, timezone: row.timezone } : null;
}
