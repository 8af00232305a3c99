import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { createAccount, updateProfile } from "./users";
import { updatePersonalNote } from "./weekly-brief";
import { withSystem, withViewer, type Viewer } from "./context";
import {
  createShareLink,
  getShareReportVersion,
  hashShareToken,
  isWellFormedShareToken,
  listExportHistory,
  listShareLinks,
  listShareViews,
  recordPdfExport,
  listShareViewsByLink,
  recordShareView,
  resolveShareToken,
  revokeShareLink,
} from "./sharing";

describe.each(testEngines())("share links on %s", (engine) => {
  let handle: DatabaseHandle;
  let ada: Viewer;
  let bob: Viewer;
  const now = new Date("2026-11-01T12:00:00Z");

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const a = await createAccount({ email: "ada@example.com", name: "Ada", password: "a sturdy passphrase 7" });
    const b = await createAccount({ email: "bob@example.com", name: "Bob", password: "a sturdy passphrase 8" });
    ada = { userId: a.id, role: "patient" };
    bob = { userId: b.id, role: "patient" };
    await withSystem(async (tx) => {
      await tx.insert(s.weeklyHealthStories).values([
        { userId: ada.userId, weekOf: "2026-10-05", title: "Ada week 1", narrative: "…" },
        { userId: ada.userId, weekOf: "2026-10-12", title: "Ada week 2", narrative: "…" },
        { userId: ada.userId, weekOf: "2026-09-07", title: "Ada before", narrative: "…" },
        { userId: bob.userId, weekOf: "2026-10-19", title: "Bob week", narrative: "…" },
      ]);
    });
  });
  afterAll(async () => handle?.close());

  it("returns a 32-byte base64url token and stores only its SHA-256", async () => {
    const { token, id, expiresAt } = await createShareLink(ada, { from: "2026-10-01", to: "2026-10-31", recipientEmail: "GP@Example.org" }, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isWellFormedShareToken(token)).toBe(true);
    expect(expiresAt.toISOString()).toBe("2026-12-01T12:00:00.000Z"); // default 30 days
    const [row] = await withSystem((tx) => tx.select().from(s.shareLinks).where(eq(s.shareLinks.id, id)));
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(row.tokenHash).toHaveLength(64);
    expect(row.recipientEmail).toBe("gp@example.org");
    // No column anywhere in the row holds the token itself.
    expect(JSON.stringify(row)).not.toContain(token);
    // Story weeks omitted → the stories whose week starts inside the period (2 of Ada's 3).
    expect(row.storyIds).toHaveLength(2);
    const history = await listExportHistory(ada);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ exportType: "doctor_share", shareLinkId: id, recipientEmail: "gp@example.org", periodStart: "2026-10-01" });
  });

  it("resolves a live token to the owner as a patient viewer, with the chosen weeks and options", async () => {
    const { token, id } = await createShareLink(ada, { from: "2026-09-01", to: "2026-10-31", storyWeeks: ["2026-10-12", "2026-09-07"], includeNotes: true, includeAnalysis: false, unit: "mmol/L", expiresInDays: 7 }, now);
    const resolved = await resolveShareToken(token, now);
    expect(resolved).toEqual({
      id,
      owner: { userId: ada.userId, role: "patient" },
      periodStart: "2026-09-01",
      periodEnd: "2026-10-31",
      storyWeeks: ["2026-09-07", "2026-10-12"],
      options: { includeAnalysis: false, includeNotes: true, unit: "mmol/L" },
      expiresAt: new Date("2026-11-08T12:00:00Z"),
    });
  });

  it("answers null for unknown, malformed or too-long tokens and 'gone' once expired", async () => {
    const { token } = await createShareLink(ada, { from: "2026-10-01", to: "2026-10-31", expiresInDays: 1 }, now);
    expect(await resolveShareToken(crypto.randomBytes(32).toString("base64url"), now)).toBeNull();
    expect(await resolveShareToken("short", now)).toBeNull();
    expect(await resolveShareToken(token + "A", now)).toBeNull();
    expect(await resolveShareToken(token.slice(0, 42) + "!", now)).toBeNull();
    // The hash itself is not a key: presenting what a database leak shows opens nothing.
    expect(await resolveShareToken(hashShareToken(token), now)).toBeNull();
    expect(await resolveShareToken(token, new Date(now.getTime() + 86_400_000 - 1))).not.toBe("gone");
    expect(await resolveShareToken(token, new Date(now.getTime() + 86_400_000))).toBe("gone");
  });

  it("revokes at once; another person can neither revoke nor list it", async () => {
    const { token, id } = await createShareLink(ada, { from: "2026-10-01", to: "2026-10-31" }, now);
    await expect(revokeShareLink(bob, id, now)).rejects.toMatchObject({ code: "not_found:share" });
    expect(await resolveShareToken(token, now)).not.toBe("gone");
    expect((await listShareLinks(bob, now)).map((l) => l.id)).not.toContain(id);
    await revokeShareLink(ada, id, now);
    await revokeShareLink(ada, id, new Date(now.getTime() + 1000)); // harmless twice, keeps the first time
    expect(await resolveShareToken(token, now)).toBe("gone");
    const listed = (await listShareLinks(ada, now)).find((l) => l.id === id);
    expect(listed).toMatchObject({ status: "revoked", revokedAt: now, views: 0 });
    await expect(revokeShareLink(ada, "not-a-uuid", now)).rejects.toMatchObject({ code: "not_found:share" });
  });

  it("refuses another person's weeks, an expiry out of 1–90 days, a bad email and a reversed period", async () => {
    await expect(createShareLink(ada, { from: "2026-10-01", to: "2026-10-31", storyWeeks: ["2026-10-05", "2026-10-19"] }, now)).rejects.toMatchObject({ code: "forbidden:share" });
    await expect(createShareLink(ada, { from: "2026-10-01", to: "2026-10-31", expiresInDays: 0 }, now)).rejects.toMatchObject({ code: "bad_request:share", details: { field: "expiresInDays" } });
    await expect(createShareLink(ada, { from: "2026-10-01", to: "2026-10-31", expiresInDays: 91 }, now)).rejects.toThrow("at most 90 days");
    await expect(createShareLink(ada, { from: "2026-10-01", to: "2026-10-31", expiresInDays: 2.5 }, now)).rejects.toMatchObject({ code: "bad_request:share" });
    await expect(createShareLink(ada, { from: "2026-10-01", to: "2026-10-31", recipientEmail: "doctor at clinic" }, now)).rejects.toThrow("does not look like an email");
    await expect(createShareLink(ada, { from: "2026-10-31", to: "2026-10-01" }, now)).rejects.toThrow("ends before it starts");
    await expect(createShareLink(ada, { from: "2025-01-01", to: "2026-10-31" }, now)).rejects.toThrow("at most 366 days");
    const ninety = await createShareLink(ada, { from: "2026-10-01", to: "2026-10-31", expiresInDays: 90, storyWeeks: [] }, now);
    expect(ninety.expiresAt.toISOString()).toBe("2027-01-30T12:00:00.000Z");
  });

  it("logs every view under the owner, counts them in the list, and hides them from others", async () => {
    const { token, id } = await createShareLink(ada, { from: "2026-10-01", to: "2026-10-31" }, now);
    const link = await resolveShareToken(token, now);
    if (!link || link === "gone") throw new Error("expected a live link");
    await recordShareView(link, { ipHash: "a".repeat(64), userAgent: "Mozilla/5.0 Test", kind: "page" }, new Date("2026-11-02T09:00:00Z"));
    await recordShareView(link, { ipHash: "a".repeat(64), userAgent: "x".repeat(1000), kind: "pdf" }, new Date("2026-11-02T09:01:00Z"));
    const listed = (await listShareLinks(ada, now)).find((l) => l.id === id);
    expect(listed).toMatchObject({ status: "active", views: 2, lastViewedAt: new Date("2026-11-02T09:01:00Z") });
    const views = await listShareViews(ada, id);
    expect(views.map((v) => v.kind)).toEqual(["pdf", "page"]);
    expect(views[0].userAgent).toHaveLength(400);
    expect(views[1]).toMatchObject({ ipHash: "a".repeat(64), userAgent: "Mozilla/5.0 Test" });
    expect(await listShareViews(bob, id)).toEqual([]);
    // Row-level security too: Bob's transaction sees none of Ada's views even without a WHERE clause.
    const seen = await withViewer(bob, (tx) => tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(s.shareLinkViews));
    expect(seen[0].n).toBe(0);
  });

  it("lists the views of several links in one read, the latest N per link, and none of another person's", async () => {
    const first = await createShareLink(ada, { from: "2026-10-01", to: "2026-10-07" }, now);
    const second = await createShareLink(ada, { from: "2026-10-08", to: "2026-10-14" }, now);
    for (const [made, count] of [[first, 3], [second, 1]] as const) {
      const link = await resolveShareToken(made.token, now);
      if (!link || link === "gone") throw new Error("expected a live link");
      for (let i = 0; i < count; i++) await recordShareView(link, { ipHash: "b".repeat(64), userAgent: "Mozilla/5.0", kind: "page" }, new Date(Date.UTC(2026, 10, 3, 9, i)));
    }
    const byLink = await listShareViewsByLink(ada, [first.id, second.id, "not-a-uuid"], 2);
    expect(byLink.get(first.id)?.map((v) => v.viewedAt.toISOString())).toEqual(["2026-11-03T09:02:00.000Z", "2026-11-03T09:01:00.000Z"]);
    expect(byLink.get(second.id)).toHaveLength(1);
    expect((await listShareViewsByLink(bob, [first.id, second.id])).size).toBe(0);
    expect((await listShareViewsByLink(ada, [])).size).toBe(0);
  });

  it("lists links newest first with their status", async () => {
    const later = new Date("2026-11-20T00:00:00Z");
    const links = await listShareLinks(ada, later);
    expect(links.length).toBeGreaterThanOrEqual(6);
    const times = links.map((l) => l.createdAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    // The 7-day and 1-day links have expired by Nov 20; the revoked one stays revoked.
    expect(links.filter((l) => l.status === "expired")).toHaveLength(2);
    expect(links.filter((l) => l.status === "revoked")).toHaveLength(1);
  });

  it("records a downloaded PDF in the export history with the weeks' story ids", async () => {
    await recordPdfExport(bob, { from: "2026-10-01", to: "2026-10-31", storyWeeks: ["2026-10-19", "2026-10-05"], options: { includeAnalysis: true, includeNotes: false, unit: null } });
    const history = await listExportHistory(bob);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ exportType: "pdf", periodStart: "2026-10-01", periodEnd: "2026-10-31", shareLinkId: null });
    // Ada's week 2026-10-05 is not Bob's: only his own story id is recorded.
    const [row] = await withSystem((tx) => tx.select({ storyIds: s.exportHistory.storyIds }).from(s.exportHistory).where(eq(s.exportHistory.id, history[0].id)));
    expect(row.storyIds).toHaveLength(1);
  });
  it("changes the report version with the data, a story's note or regeneration and the profile, and only the owner's", async () => {
    const v0 = await getShareReportVersion(ada);
    expect(await getShareReportVersion(ada)).toBe(v0);
    const bobBefore = await getShareReportVersion(bob);

    await withSystem((tx) => tx.insert(s.dailyAggregates).values({ userId: ada.userId, date: "2026-10-06", readings: 288, computedAt: new Date("2026-10-07T03:00:00Z") }));
    const v1 = await getShareReportVersion(ada);
    expect(v1).not.toBe(v0);
    await withSystem((tx) => tx.update(s.dailyAggregates).set({ computedAt: new Date("2026-10-08T03:00:00Z") }).where(eq(s.dailyAggregates.userId, ada.userId)));
    const v2 = await getShareReportVersion(ada);
    expect(v2).not.toBe(v1);

    await updatePersonalNote(ada, "2026-10-05", "Started a new basal dose.");
    const v3 = await getShareReportVersion(ada);
    expect(v3).not.toBe(v2);
    await withSystem((tx) => tx.update(s.weeklyHealthStories).set({ generatedAt: new Date("2026-10-13T09:00:00Z") }).where(eq(s.weeklyHealthStories.userId, ada.userId)));
    const v4 = await getShareReportVersion(ada);
    expect(v4).not.toBe(v3);

    await updateProfile(ada, { glucoseUnit: "mmol/L" });
    const v5 = await getShareReportVersion(ada);
    expect(v5).not.toBe(v4);
    await updateProfile(ada, { glucoseUnit: "mg/dL" });
    expect(await getShareReportVersion(ada)).toBe(v4);

    // Another person's writes leave Ada's version alone, and Ada's leave Bob's.
    expect(await getShareReportVersion(bob)).toBe(bobBefore);
  });
});
