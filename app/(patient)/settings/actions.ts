"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { acceptMentorInvite, updateMentorConsent } from "@/db/queries/mentoring";
import { updateProfile } from "@/db/queries/users";
import { createAccessToken, revokeAccessToken, TOKEN_CREATE_LIMIT } from "@/db/queries/tokens";
import { enforceLimit } from "@/db/queries/rate-limit";
import { setBriefFrequency } from "@/db/queries/brief-state";
import { isValidTimezone } from "@/lib/time";
import { fieldErrorsFrom, runAction, type ActionResult } from "@/lib/action-result";

const profileSchema = z.object({
  name: z.string().trim().min(1, "Tell us your name.").max(100),
  timezone: z.string().refine(isValidTimezone, "Choose a timezone from the list, like Europe/Paris."),
  glucoseUnit: z.enum(["mg/dL", "mmol/L"], { message: "Choose mg/dL or mmol/L." }),
});

export async function updateProfileAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient", "admin");
    const parsed = profileSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, error: "Please fix the fields below.", fieldErrors: fieldErrorsFrom(parsed.error.issues) };
    await updateProfile(viewer, parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, message: "Saved." };
  }, "settings.profile");
}

export async function acceptInviteAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    const code = String(form.get("code") ?? "").trim();
    if (!/^[A-Za-z0-9-]{6,20}$/.test(code)) return { ok: false, error: "Enter the invite code your mentor gave you, like ABCDE-FGHJK." };
    const { mentorName } = await acceptMentorInvite(viewer, code);
    revalidatePath("/settings");
    return { ok: true, message: `${mentorName ?? "Your mentor"} can now see your goals and check-ins.` };
  }, "settings.invite");
}

const consentSchema = z.object({
  linkId: z.string().uuid(),
  change: z.enum(["share-glucose", "hide-glucose", "share-journal", "hide-journal", "revoke"]),
});

export async function changeMentorConsentAction(form: FormData): Promise<void> {
  const result = await runAction(async () => {
    const { viewer } = await requireViewer("patient");
    const parsed = consentSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, error: "That change is not valid." };
    const { linkId, change } = parsed.data;
    await updateMentorConsent(viewer, linkId, {
      shareGlucose: change === "share-glucose" ? true : change === "hide-glucose" ? false : undefined,
      shareJournal: change === "share-journal" ? true : change === "hide-journal" ? false : undefined,
      revoke: change === "revoke",
    });
    return { ok: true };
  }, "settings.consent");
  if (!result.ok) console.warn("[settings.consent]", result.error);
  revalidatePath("/settings");
}

const tokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token after the device or app that will use it.").max(60, "Use at most 60 characters."),
  scope: z.enum(["read", "write"], { message: "Choose read or write access." }),
});

export async function createTokenAction(_prev: ActionResult<{ token: string }>, form: FormData): Promise<ActionResult<{ token: string }>> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient", "admin");
    const parsed = tokenSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, error: "Please fix the fields below.", fieldErrors: fieldErrorsFrom(parsed.error.issues) };
    await enforceLimit(TOKEN_CREATE_LIMIT, viewer.userId, "rate_limited:tokens", (wait) => `You have created ${TOKEN_CREATE_LIMIT.points} tokens today. Use or revoke one of those, or create another in ${wait}.`);
    const { token } = await createAccessToken(viewer, parsed.data);
    revalidatePath("/settings");
    return { ok: true, data: { token } };
  }, "settings.token");
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const result = await runAction(async () => {
    const { viewer } = await requireViewer("patient", "admin");
    const id = z.string().uuid().safeParse(form.get("id"));
    if (!id.success) return { ok: false, error: "That token does not exist." };
    await revokeAccessToken(viewer, id.data);
    return { ok: true };
  }, "settings.token.revoke");
  if (!result.ok) console.warn("[settings.token.revoke]", result.error);
  revalidatePath("/settings");
}

const frequencySchema = z.enum(["weekly", "biweekly", "monthly", "never"], { message: "Choose how often you want a brief." });

export async function setBriefFrequencyAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    const parsed = frequencySchema.safeParse(form.get("frequency"));
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
    await setBriefFrequency(viewer, parsed.data);
    revalidatePath("/settings");
    return { ok: true, message: parsed.data === "never" ? "No more weekly briefs. You can turn them back on here." : "Saved." };
  }, "settings.brief-frequency");
}
