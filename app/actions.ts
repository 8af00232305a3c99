"use server";

import { signOut } from "@/lib/auth/config";

/** Signing out needs no authorization: it only ends the caller's own session. */
export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
