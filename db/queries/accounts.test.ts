import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { createAccount, findCredentialsByEmail, getProfile } from "./users";
import { acceptMentorInvite, createMentorInvite, listMyMentors, updateMentorConsent } from "./mentoring";
import { listMenteesRanked } from "./mentor-view";
import { authorizeCredentials, LOGIN_LIMIT_PER_ACCOUNT, TooManyAttempts } from "@/lib/auth/config";
import { withSystem, type Viewer } from "./context";
import { mentorInvites } from "@/db/schema";
import { sql } from "drizzle-orm";

describe.each(testEngines())("accounts and mentor invites on %s", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
  });
  afterAll(async () => handle?.close());

  const headers = (ip: string) => new Headers({ "x-forwarded-for": ip });

  it("registers once per email, case-insensitively, and stores only a hash", async () => {
    const user = await createAccount({ email: "Casey@Example.com", name: "Casey", password: "a sturdy passphrase 7" });
    expect(user.email).toBe("casey@example.com");
    await expect(createAccount({ email: "casey@EXAMPLE.com", name: "Other", password: "another passphrase 8" })).rejects.toThrow(
      /already exists/,
    );
    const creds = await findCredentialsByEmail("CASEY@example.com");
    expect(creds?.passwordHash).toMatch(/^scrypt\$/);
    expect(creds?.passwordHash).not.toContain("sturdy");
    const profile = await getProfile({ userId: user.id, role: "patient" });
    expect(profile?.role).toBe("patient");
  });

  it("signs in with the right password only, with the role", async () => {
    const ok = await authorizeCredentials({ email: "casey@example.com", password: "a sturdy passphrase 7" }, headers("10.0.0.1"));
    expect(ok).toMatchObject({ email: "casey@example.com", role: "patient" });
    expect(await authorizeCredentials({ email: "casey@example.com", password: "wrong one 123" }, headers("10.0.0.1"))).toBeNull();
    expect(await authorizeCredentials({ email: "nobody@example.com", password: "wrong one 123" }, headers("10.0.0.1"))).toBeNull();
    expect(await authorizeCredentials({ email: "not an email", password: "x" }, headers("10.0.0.1"))).toBeNull();
  });

  it("rate-limits failed sign-ins per account, even with the right password afterwards", async () => {
    await createAccount({ email: "target@example.com", name: "T", password: "a sturdy passphrase 7" });
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT.points; i++) {
      expect(await authorizeCredentials({ email: "target@example.com", password: `guess-${i}-xxxxxx` }, headers(`10.1.0.${i}`))).toBeNull();
    }
    await expect(authorizeCredentials({ email: "target@example.com", password: "a sturdy passphrase 7" }, headers("10.2.0.1"))).rejects.toBeInstanceOf(
      TooManyAttempts,
    );
  });

  it("mentor invite codes work once, expire, and consent can be changed and revoked", async () => {
    const mentorUser = await createAccount({ email: "coach@example.com", name: "Coach", password: "a sturdy passphrase 7", role: "mentor" });
    const memberUser = await createAccount({ email: "member@example.com", name: "Member", password: "a sturdy passphrase 7" });
    const other = await createAccount({ email: "other@example.com", name: "Other", password: "a sturdy passphrase 7" });
    const mentor: Viewer = { userId: mentorUser.id, role: "mentor" };
    const member: Viewer = { userId: memberUser.id, role: "patient" };

    await expect(createMentorInvite(member)).rejects.toThrow(/not available for your account type/);
    const { code } = await createMentorInvite(mentor);
    const stored = await withSystem((tx) => tx.select().from(mentorInvites));
    expect(stored.some((i) => i.codeHash.includes(code))).toBe(false);

    await expect(acceptMentorInvite(member, "ZZZZZ-ZZZZZ")).rejects.toThrow(/not valid/);
    expect((await acceptMentorInvite(member, code.toLowerCase())).mentorName).toBe("Coach");
    await expect(acceptMentorInvite({ userId: other.id, role: "patient" }, code)).rejects.toThrow(/already been used/);
    expect((await listMenteesRanked(mentor)).map((m) => m.email)).toEqual(["member@example.com"]);

    const expired = await createMentorInvite(mentor);
    await withSystem((tx) => tx.update(mentorInvites).set({ expiresAt: sql`now() - interval '1 day'` }).where(sql`${mentorInvites.usedAt} is null`));
    await expect(acceptMentorInvite({ userId: other.id, role: "patient" }, expired.code)).rejects.toThrow(/expired/);

    const [link] = await listMyMentors(member);
    await updateMentorConsent(member, link.id, { shareGlucose: true });
    expect((await listMyMentors(member))[0].shareGlucose).toBe(true);
    // Another member cannot touch this link.
    await expect(updateMentorConsent({ userId: other.id, role: "patient" }, link.id, { revoke: true })).rejects.toThrow(/does not exist/);
    await updateMentorConsent(member, link.id, { revoke: true });
    expect(await listMenteesRanked(mentor)).toEqual([]);
    const history = await listMyMentors(member);
    expect(history[0]).toMatchObject({ status: "revoked", mentorName: "Coach" });
  });
});
