"use server";

import { z } from "zod";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { createShareLink, revokeShareLink, SHARE_EXPIRY_DAYS } from "@/db/queries/sharing";
import { composeShareLinkEmail, sendEmail } from "@/lib/email";
import { getEnv } from "@/lib/env";
import { fieldErrorsFrom, runAction, type ActionResult } from "@/lib/action-result";

const isoDate = z.iso.date({ message: "Choose a date." });
const checkbox = z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean());

const createSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    expiresInDays: z.coerce
      .number({ message: "Enter a number of days." })
      .int("Enter a whole number of days.")
      .min(SHARE_EXPIRY_DAYS.min, `At least ${SHARE_EXPIRY_DAYS.min} day.`)
      .max(SHARE_EXPIRY_DAYS.max, `At most ${SHARE_EXPIRY_DAYS.max} days.`),
    recipientEmail: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined), z.email("Enter an email address, or leave it empty.").optional()),
    includeAnalysis: checkbox,
    includeNotes: checkbox,
  })
  .refine((v) => v.from <= v.to, { message: "The end date is before the start date.", path: ["to"] });

export type CreatedShare = { url: string; emailedTo: string | null; emailFailed: boolean; expiresAt: string };

/** The public origin for links in emails: APP_URL when set, else the host this request came to. */
async function publicOrigin(): Promise<string> {
  const configured = getEnv().APP_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.0.0.1") ? "http" : "https");
  return `${proto}://${host}`;
}

export async function createShareLinkAction(_prev: ActionResult<CreatedShare>, form: FormData): Promise<ActionResult<CreatedShare>> {
  return runAction(async () => {
    const { viewer, profile } = await requireViewer("patient");
    const parsed = createSchema.safeParse({
      from: form.get("from"),
      to: form.get("to"),
      expiresInDays: form.get("expiresInDays"),
      recipientEmail: form.get("recipientEmail"),
      includeAnalysis: form.get("includeAnalysis"),
      includeNotes: form.get("includeNotes"),
    });
    if (!parsed.success) return { ok: false, error: "Please fix the fields below.", fieldErrors: fieldErrorsFrom(parsed.error.issues) };
    const v = parsed.data;
    // Stories the person ticked; none ticked means the weeks that start inside the period.
    const storyWeeks = form.getAll("storyWeeks").map(String).filter((w) => /^\d{4}-\d{2}-\d{2}$/.test(w));
    const { token, expiresAt } = await createShareLink(viewer, {
      storyWeeks: storyWeeks.length > 0 ? storyWeeks : undefined,
      from: v.from,
      to: v.to,
      expiresInDays: v.expiresInDays,
      recipientEmail: v.recipientEmail ?? null,
      includeAnalysis: v.includeAnalysis,
      includeNotes: v.includeNotes,
    });
    const url = `${await publicOrigin()}/shared/${token}`;
    let emailFailed = false;
    if (v.recipientEmail) {
      try {
        await sendEmail(composeShareLinkEmail({ to: v.recipientEmail, patientName: profile.name ?? "A patient", url, from: v.from, until: v.to, expiresAt }));
      } catch (e) {
        // The link exists and is shown: the person can still pass it on themselves.
        console.error("[action:sharing.email]", e);
        emailFailed = true;
      }
    }
    revalidatePath("/sharing");
    return {
      ok: true,
      message: v.recipientEmail && !emailFailed ? `Link created and sent to ${v.recipientEmail}.` : "Link created.",
      data: { url, emailedTo: v.recipientEmail ?? null, emailFailed, expiresAt: expiresAt.toISOString() },
    };
  }, "sharing.create");
}

export async function revokeShareLinkAction(form: FormData): Promise<void> {
  const result = await runAction(async () => {
    const { viewer } = await requireViewer("patient");
    await revokeShareLink(viewer, String(form.get("linkId") ?? ""));
    return { ok: true };
  }, "sharing.revoke");
  if (!result.ok) console.warn("[sharing.revoke]", result.error);
  revalidatePath("/sharing");
}
