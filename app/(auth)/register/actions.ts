"use server";

import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { createAccount } from "@/db/queries/users";
import { passwordWeakness } from "@/lib/auth/password";
import { isValidTimezone } from "@/lib/time";
import { fieldErrorsFrom, runAction, type ActionResult } from "@/lib/action-result";

const registerSchema = z
  .object({
    name: z.string().trim().min(1, "Tell us your name.").max(100, "Use at most 100 characters for your name."),
    email: z.string().trim().email("Enter a valid email address, like name@example.com.").max(254),
    password: z.string(),
    timezone: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const weakness = passwordWeakness(v.password, v.email);
    if (weakness) ctx.addIssue({ code: "custom", path: ["password"], message: weakness });
  });

export async function registerAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const parsed = registerSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      return { ok: false, error: "Please fix the fields below.", fieldErrors: fieldErrorsFrom(parsed.error.issues) };
    }
    const { name, email, password, timezone } = parsed.data;
    await createAccount({ name, email, password, timezone: timezone && isValidTimezone(timezone) ? timezone : "UTC" });
    await signIn("credentials", { email, password, redirectTo: "/dashboard" });
    return { ok: true };
  }, "register");
}
