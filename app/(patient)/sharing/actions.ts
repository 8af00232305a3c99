"use server";

import { z } from "zod";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { createShareLink, revokeShareLink, SHARE_EMAIL_LIMIT, SHARE_EXPIRY_DAYS } from "@/db/queries/sharing";
import { consumeLimit } from "@/db/queries/rate-limit";
import { emailLinkOrigin, requestOrigin } from "@/lib/http/public-origin";
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
    unit: z.enum(["mg/dL", "mmol/L"], { message: "Choose mg/dL or mmol/L." }).optional(),
  })
  .refine((v) => v.from <= v.to, { message: "The end date is before the start date.", path: ["to"] });

export type CreatedShare = { url: string; emailedTo: string | null; emailFailed: boolean; expiresAt: string };


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
      unit: form.get("unit") ?? undefined,
    });
    if (!parsed.success) return { ok: false, error: "Please fix the fields below.", fieldErrors: fieldErrorsFrom(parsed.error.issues) };
    const v = parsed.data;
    // Stories the person ticked; none ticked means the weeks that start inside the period.
    const storyWeeks = form.getAll("storyWeeks").map(String).filter((w) => /^\d{4}-\d{2}-\d{2}$/.test(w));
    // The link shown on screen may use this request's origin; an emailed one must not (lib/http/public-origin).
    const shownOrigin = requestOrigin(await headers());
    const mailOrigin = emailLinkOrigin(getEnv().APP_URL, shownOrigin);
    if (v.recipientEmail) {
      if (mailOrigin === null) {
        return refuseEmail("This server cannot email links until its administrator sets APP_URL. Leave the email empty, create the link and send it yourself.");
      }
      const limit = await consumeLimit(SHARE_EMAIL_LIMIT, viewer.userId);
      if (!limit.allowed) {
        const hours = Math.ceil(limit.retryAfterSeconds / 3600);
        return refuseEmail(`You have emailed ${SHARE_EMAIL_LIMIT.points} links in the last 24 hours. Leave the email empty and send this link yourself, or try again in ${hours} hour${hours === 1 ? "" : "s"}.`);
      }
    }
    const { token, expiresAt } = await createShareLink(viewer, {
      storyWeeks: storyWeeks.length > 0 ? storyWeeks : undefined,
      from: v.from,
      to: v.to,
      expiresInDays: v.expiresInDays,
      recipientEmail: v.recipientEmail ?? null,
      includeAnalysis: v.includeAnalysis,
      includeNotes: v.includeNotes,
      unit: v.unit ?? null,
    });
    const path = `/shared/${token}`;
    const url = `${mailOrigin ?? shownOrigin}${path}`;
    let emailFailed = false;
    if (v.recipientEmail) {
      try {
        await sendEmail(composeShareLinkEmail({ to: v.recipientEmail, patientName: profile.name ?? "A patient", url: `${mailOrigin}${path}`, from: v.from, until: v.to, expiresAt }));
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

/** Nothing is created: the email field says why, and the rest of the form is kept. */
function refuseEmail(sentence: string): ActionResult<CreatedShare> {
  return { ok: false, error: "The link was not created.", fieldErrors: { recipientEmail: sentence } };
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
