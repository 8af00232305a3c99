import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./config";
import { getProfile, type Profile } from "@/db/queries/users";
import type { Role, Viewer } from "@/db/queries/context";
import { AppError } from "@/lib/errors";

/**
 * The signed-in viewer, checked against the database (a deleted account's cookie is not enough).
 * Memoized per request with React's cache(): the layout and the page both ask, the database once.
 */
export const getViewer = cache(async function getViewer(): Promise<{ viewer: Viewer; profile: Profile } | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const viewer: Viewer = { userId: id, role: session.user.role };
  const profile = await getProfile(viewer).catch(() => null);
  if (!profile) return null;
  // The role in the database wins over the one in the cookie.
  return { viewer: { userId: profile.id, role: profile.role }, profile };
});

/** For pages and layouts: redirect to sign-in when there is no session, home when the role is wrong. */
export async function requirePageViewer(...roles: Role[]): Promise<{ viewer: Viewer; profile: Profile }> {
  const current = await getViewer();
  if (!current) redirect("/login");
  if (roles.length && !roles.includes(current.viewer.role)) redirect(current.viewer.role === "mentor" ? "/mentor" : "/dashboard");
  return current;
}

/** For server actions and route handlers: throw a clear error instead of redirecting. */
export async function requireViewer(...roles: Role[]): Promise<{ viewer: Viewer; profile: Profile }> {
  const current = await getViewer();
  if (!current) throw new AppError("unauthorized:session", "Your session has ended. Please sign in again.");
  if (roles.length && !roles.includes(current.viewer.role)) {
    throw new AppError("forbidden:role", "Your account type cannot do this.");
  }
  return current;
}
