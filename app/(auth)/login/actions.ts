"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { runAction, type ActionResult } from "@/lib/action-result";

export async function loginAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return { ok: false, error: "Enter your email and password." };
    try {
      await signIn("credentials", { email, password, redirectTo: "/" });
      return { ok: true };
    } catch (e) {
      if (e instanceof AuthError) {
        if ((e as AuthError & { code?: string }).code === "rate_limited") {
          return { ok: false, error: "Too many failed attempts. Wait 15 minutes, then try again." };
        }
        // One message for unknown email and wrong password alike.
        return { ok: false, error: "That email and password do not match an account." };
      }
      throw e;
    }
  }, "login");
}
