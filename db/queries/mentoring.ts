import crypto from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { mentorInvites, mentorLinks, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { assertRole, withSystem, withViewer, type Viewer } from "./context";
import type { Limit } from "./rate-limit";

const INVITE_DAYS = 7;
// Unambiguous alphabet (no 0/O, 1/I/L) so a code read aloud or copied by hand still works.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function hashInviteCode(code: string) {
  return crypto.createHash("sha256").update(code.replace(/[^A-Za-z0-9]/g, "").toUpperCase()).digest("hex");
}

function newInviteCode() {
  const bytes = crypto.randomBytes(10);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Invite codes a mentor may create a day (each is a row until it expires). */
export const MENTOR_INVITE_LIMIT: Limit = { keyPrefix: "mentor-invite", points: 30, durationSeconds: 86_400 };

/** A mentor creates a single-use code, shown once; only its hash is stored. */
export async function createMentorInvite(viewer: Viewer): Promise<{ code: string; expiresAt: Date }> {
  assertRole(viewer, "mentor");
  const code = newInviteCode();
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  await withViewer(viewer, (tx) => tx.insert(mentorInvites).values({ mentorId: viewer.userId, codeHash: hashInviteCode(code), expiresAt }));
  return { code, expiresAt };
}

/**
 * A member accepts a code and so consents to the mentor. The code is looked up by hash with system
 * rights (the member cannot read the mentor's invites), marked used and the link created in one
 * transaction, so a code works exactly once even when two people try it at the same moment.
 */
export async function acceptMentorInvite(viewer: Viewer, code: string): Promise<{ mentorName: string | null }> {
  assertRole(viewer, "patient");
  const codeHash = hashInviteCode(code);
  return withSystem(async (tx) => {
    const [invite] = await tx.select().from(mentorInvites).where(eq(mentorInvites.codeHash, codeHash)).for("update");
    if (!invite) throw new AppError("not_found:invite", "That invite code is not valid. Check it with your mentor.");
    if (invite.usedAt) throw new AppError("gone:invite", "That invite code has already been used. Ask your mentor for a new one.");
    if (invite.expiresAt.getTime() < Date.now()) throw new AppError("gone:invite", "That invite code has expired. Ask your mentor for a new one.");
    if (invite.mentorId === viewer.userId) throw new AppError("bad_request:invite", "You cannot be your own mentor.");
    const existing = await tx
      .select({ id: mentorLinks.id })
      .from(mentorLinks)
      .where(and(eq(mentorLinks.mentorId, invite.mentorId), eq(mentorLinks.menteeId, viewer.userId), eq(mentorLinks.status, "active")));
    if (existing.length > 0) throw new AppError("conflict:invite", "This mentor is already linked to your account.");
    await tx.update(mentorInvites).set({ usedAt: new Date(), usedBy: viewer.userId }).where(eq(mentorInvites.id, invite.id));
    await tx.insert(mentorLinks).values({ mentorId: invite.mentorId, menteeId: viewer.userId });
    const [mentor] = await tx.select({ name: users.name }).from(users).where(eq(users.id, invite.mentorId));
    return { mentorName: mentor?.name ?? null };
  });
}

export type MentorLinkView = {
  id: string;
  mentorName: string | null;
  mentorEmail: string;
  status: "active" | "revoked";
  shareGlucose: boolean;
  shareJournal: boolean;
  consentedAt: Date;
  revokedAt: Date | null;
};

/** The member's mentors, active and past. */
export async function listMyMentors(viewer: Viewer): Promise<MentorLinkView[]> {
  const links = await withViewer(viewer, (tx) =>
    tx.select().from(mentorLinks).where(eq(mentorLinks.menteeId, viewer.userId)).orderBy(desc(mentorLinks.consentedAt)),
  );
  // A revoked mentor's profile is no longer visible under RLS, yet the member should still see who it
  // was: read just those names with system rights, after (never inside) the viewer's transaction —
  // a nested transaction on the outer db would deadlock PGlite.
  const ids = [...new Set(links.map((l) => l.mentorId))];
  const names = ids.length
    ? await withSystem((tx) => tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids)))
    : [];
  return links.map((l) => {
    const m = names.find((n) => n.id === l.mentorId);
    return {
      id: l.id, mentorName: m?.name ?? null, mentorEmail: m?.email ?? "", status: l.status,
      shareGlucose: l.shareGlucose, shareJournal: l.shareJournal, consentedAt: l.consentedAt, revokedAt: l.revokedAt,
    };
  });
}

/** The member changes what a mentor may see, or revokes the link (at once: RLS stops the mentor's reads). */
export async function updateMentorConsent(
  viewer: Viewer,
  linkId: string,
  change: { shareGlucose?: boolean; shareJournal?: boolean; revoke?: boolean },
): Promise<void> {
  await withViewer(viewer, async (tx) => {
    const [link] = await tx.select().from(mentorLinks).where(and(eq(mentorLinks.id, linkId), eq(mentorLinks.menteeId, viewer.userId)));
    if (!link) throw new AppError("not_found:mentor_link", "That mentor link does not exist.");
    if (link.status === "revoked") throw new AppError("gone:mentor_link", "You have already revoked this mentor's access.");
    await tx
      .update(mentorLinks)
      .set(
        change.revoke
          ? { status: "revoked", revokedAt: new Date() }
          : { shareGlucose: change.shareGlucose ?? link.shareGlucose, shareJournal: change.shareJournal ?? link.shareJournal },
      )
      .where(eq(mentorLinks.id, linkId));
  });
}
