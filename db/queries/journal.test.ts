import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { eq } from "drizzle-orm";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { AppError } from "@/lib/errors";
import { scoreSentiment } from "@/lib/journal/sentiment";
import { createAccount } from "./users";
import { createTestViewer } from "@/db/testing/test-accounts";
import { withSystem, withViewer, type Viewer } from "./context";
import { acceptMentorInvite, createMentorInvite, listMyMentors, updateMentorConsent } from "./mentoring";
import {
  createJournalEntry,
  deleteJournalEntry,
  JOURNAL_TEXT_MAX,
  listJournalEntries,
  listJournalSignals,
  listSharedJournalForMentor,
  loadMenteeMoodTrend,
  loadMoodTrend,
  setEntrySharing,
} from "./journal";

async function expectAppError(p: Promise<unknown>, code: string, message?: RegExp) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (message) expect((e as AppError).message).toMatch(message);
}

/** Links a mentor to a member through an invite code, optionally with journal consent; returns the link id. */
async function linkMentor(mentor: Viewer, member: Viewer, shareJournal: boolean): Promise<string> {
  const { code } = await createMentorInvite(mentor);
  await acceptMentorInvite(member, code);
  const link = (await listMyMentors(member)).find((l) => l.status === "active")!;
  if (shareJournal) await updateMentorConsent(member, link.id, { shareJournal: true });
  return link.id;
}

describe.each(testEngines())("journal on %s", (engine) => {
  let handle: DatabaseHandle;
  let ada: Viewer;
  let bob: Viewer;
  let cleo: Viewer;
  let mentor: Viewer;
  let stranger: Viewer;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ada = await createTestViewer("ada", { role: "patient", timezone: "Europe/Paris" });
    bob = await createTestViewer("bob");
    cleo = await createTestViewer("cleo");
    mentor = await createTestViewer("mentor", { role: "mentor" });
    stranger = await createTestViewer("stranger", { role: "mentor" });
  });
  afterAll(async () => handle?.close());

  describe("writing and reading one's own journal", () => {
    it("stores the trimmed text, its sentiment and mood, and the tags from hashtags and typed ones", async () => {
      const entry = await createJournalEntry(ada, { text: "  Great walk after dinner, feeling proud #Walk  ", tags: "evening, WALK" });
      expect(entry).toMatchObject({ text: "Great walk after dinner, feeling proud #Walk", mood: "very_positive", sharedWithMentor: false, tags: ["evening", "walk"] });
      expect(entry.sentiment).toBe(scoreSentiment(entry.text).comparative);
      expect(entry.sentiment).toBeGreaterThan(0.5);
      const [row] = await withSystem((tx) => tx.select().from(s.journalEntries).where(eq(s.journalEntries.id, entry.id)));
      expect(row).toMatchObject({ userId: ada.userId, sentiment: entry.sentiment, mood: "very_positive", tags: ["evening", "walk"] });
    });

    it("refuses empty and over-long text with a sentence, and writes nothing", async () => {
      const before = (await listJournalEntries(ada, { limit: 100 })).length;
      await expectAppError(createJournalEntry(ada, { text: "   \n " }), "bad_request:journal", /Write something/);
      await expectAppError(createJournalEntry(ada, { text: "x".repeat(JOURNAL_TEXT_MAX + 1) }), "bad_request:journal", /at most 5,000 characters; this one has 5,001/);
      expect(await listJournalEntries(ada, { limit: 100 })).toHaveLength(before);
      // Exactly 5,000 after trimming is fine.
      const long = await createJournalEntry(ada, { text: ` ${"y".repeat(JOURNAL_TEXT_MAX)} ` });
      expect(long.text).toHaveLength(JOURNAL_TEXT_MAX);
      expect(long.mood).toBe("neutral");
      await deleteJournalEntry(ada, long.id);
    });

    it("is for members: a mentor cannot write a journal entry", async () => {
      await expectAppError(createJournalEntry(mentor, { text: "hello" }), "forbidden:role");
    });

    it("lists newest first and pages back with before", async () => {
      const base = DateTime.fromISO("2026-01-10T12:00:00Z");
      await withSystem((tx) =>
        tx.insert(s.journalEntries).values([0, 1, 2].map((i) => ({ userId: bob.userId, text: `day ${i}`, sentiment: 0, mood: "neutral", createdAt: base.plus({ days: i }).toJSDate() }))),
      );
      const page1 = await listJournalEntries(bob, { limit: 2 });
      expect(page1.map((e) => e.text)).toEqual(["day 2", "day 1"]);
      const page2 = await listJournalEntries(bob, { limit: 2, before: page1[1].createdAt });
      expect(page2.map((e) => e.text)).toEqual(["day 0"]);
    });

    it("deletes one's own entry", async () => {
      const entry = await createJournalEntry(bob, { text: "Throwaway thought" });
      await deleteJournalEntry(bob, entry.id);
      expect((await listJournalEntries(bob, { limit: 100 })).map((e) => e.id)).not.toContain(entry.id);
    });
  });

  describe("other people", () => {
    it("another member sees nothing of Ada's journal, even with a forgotten WHERE", async () => {
      expect((await listJournalEntries(cleo, { limit: 100 })).length).toBe(0);
      const everything = await withViewer(cleo, (tx) => tx.select().from(s.journalEntries));
      expect(everything).toEqual([]);
    });

    it("cannot share or delete someone else's entry, and learns nothing about whether it exists", async () => {
      const [adaEntry] = await listJournalEntries(ada, { limit: 1 });
      const unknownId = crypto.randomUUID();
      for (const id of [adaEntry.id, unknownId, "not-a-uuid"]) {
        await expectAppError(deleteJournalEntry(cleo, id), "not_found:journal", /^That journal entry does not exist\.$/);
        await expectAppError(setEntrySharing(cleo, id, true), "not_found:journal", /^That journal entry does not exist\.$/);
      }
      const [still] = await withSystem((tx) => tx.select().from(s.journalEntries).where(eq(s.journalEntries.id, adaEntry.id)));
      expect(still.sharedWithMentor).toBe(false);
    });

    it("another member's mood trend is not found, and the mentee reader is for mentors", async () => {
      await expectAppError(loadMoodTrend(cleo, ada.userId), "not_found:mentee");
      await expectAppError(loadMenteeMoodTrend(cleo, ada.userId), "forbidden:role");
    });
  });

  describe("a mentor", () => {
    let shared: string;
    let privateEntry: string;
    let linkId: string;

    beforeAll(async () => {
      linkId = await linkMentor(mentor, ada, true);
      shared = (await createJournalEntry(ada, { text: "Tired but glad I walked #stress", sharedWithMentor: false })).id;
      await setEntrySharing(ada, shared, true);
      privateEntry = (await createJournalEntry(ada, { text: "Private worry about work #secret-tag" })).id;
    });

    it("with journal consent reads only the entries the member shared", async () => {
      const entries = await listSharedJournalForMentor(mentor, ada.userId, 50);
      expect(entries.map((e) => e.id)).toEqual([shared]);
      expect(entries[0]).toMatchObject({ text: "Tired but glad I walked #stress", sharedWithMentor: true, tags: ["stress"] });
      // RLS alone, without the query's filter, shows the same.
      const raw = await withViewer(mentor, (tx) => tx.select({ id: s.journalEntries.id }).from(s.journalEntries));
      expect(raw.map((r) => r.id)).toEqual([shared]);
      expect(raw.map((r) => r.id)).not.toContain(privateEntry);
    });

    it("cannot change or delete the member's entries", async () => {
      await expectAppError(setEntrySharing(mentor, privateEntry, true), "not_found:journal");
      await expectAppError(deleteJournalEntry(mentor, shared), "not_found:journal");
      expect((await listSharedJournalForMentor(mentor, ada.userId, 50)).map((e) => e.id)).toEqual([shared]);
    });

    it("sees no entry once the member stops sharing it", async () => {
      await setEntrySharing(ada, shared, false);
      expect(await listSharedJournalForMentor(mentor, ada.userId, 50)).toEqual([]);
      await setEntrySharing(ada, shared, true);
      expect(await listSharedJournalForMentor(mentor, ada.userId, 50)).toHaveLength(1);
    });

    it("gets a mood trend computed from the shared entries only: no count, score or tag of a private one, and no text", async () => {
      const trend = (await loadMenteeMoodTrend(mentor, ada.userId))!;
      const own = await loadMoodTrend(ada);
      const sharedScore = (await listSharedJournalForMentor(mentor, ada.userId, 50))[0].sentiment;
      // The member's own trend counts all three of today's entries; the mentor's only the shared one.
      expect(own.daily.reduce((n, p) => n + p.entries, 0)).toBe(3);
      expect(trend.daily.map((p) => [p.entries, p.mean])).toEqual([[1, sharedScore]]);
      expect(trend.last7).toBe(sharedScore);
      expect(trend.last7).not.toBe(own.last7);
      expect(own.topTags.map((t) => t.tag)).toContain("secret-tag");
      expect(trend.topTags).toEqual([{ tag: "stress", count: 1 }]);
      expect(JSON.stringify(trend)).not.toMatch(/worry|Tired/);
    });

    it("the member's own reader gives a mentor nothing", async () => {
      await expectAppError(loadMoodTrend(mentor, ada.userId), "not_found:mentee");
    });

    it("a mentor of someone else reads nothing and gets no trend", async () => {
      expect(await listSharedJournalForMentor(stranger, ada.userId, 50)).toEqual([]);
      await expectAppError(loadMenteeMoodTrend(stranger, ada.userId), "not_found:mentee");
      await expectAppError(loadMenteeMoodTrend(stranger, "not-a-uuid"), "not_found:mentee");
    });

    it("without journal consent reads no entry and gets no mood trend at all: the journal is not shared", async () => {
      await updateMentorConsent(ada, linkId, { shareJournal: false });
      expect(await listSharedJournalForMentor(mentor, ada.userId, 50)).toEqual([]);
      expect(await loadMenteeMoodTrend(mentor, ada.userId)).toBeNull();
      await updateMentorConsent(ada, linkId, { shareJournal: true });
      expect(await listSharedJournalForMentor(mentor, ada.userId, 50)).toHaveLength(1);
      expect((await loadMenteeMoodTrend(mentor, ada.userId))!.daily).toHaveLength(1);
    });

    it("after the member un-shares the entry, the trend has nothing of it", async () => {
      await setEntrySharing(ada, shared, false);
      const trend = (await loadMenteeMoodTrend(mentor, ada.userId))!;
      expect(trend).toMatchObject({ daily: [], last7: null, topTags: [] });
      await setEntrySharing(ada, shared, true);
    });

    it("after the member revokes the link reads nothing and gets no trend", async () => {
      await updateMentorConsent(ada, linkId, { revoke: true });
      expect(await listSharedJournalForMentor(mentor, ada.userId, 50)).toEqual([]);
      await expectAppError(loadMenteeMoodTrend(mentor, ada.userId), "not_found:mentee");
    });

    it("a member cannot use the mentor reader", async () => {
      await expectAppError(listSharedJournalForMentor(cleo, ada.userId, 10), "forbidden:role");
    });
  });

  describe("mood trend over local days", () => {
    it("groups a member's entries by their local day and compares the last 7 days with the 7 before", async () => {
      const member = (await createAccount({ email: "dana@example.com", name: "Dana", password: "a sturdy passphrase dana", timezone: "America/Los_Angeles" })).id;
      const dana: Viewer = { userId: member, role: "patient" };
      const la = (iso: string) => DateTime.fromISO(iso, { zone: "America/Los_Angeles" }).toJSDate();
      await withSystem((tx) =>
        tx.insert(s.journalEntries).values([
          { userId: member, text: "a", sentiment: -0.4, mood: "negative", tags: ["work"], createdAt: la("2026-05-05T21:00") },
          // 23:30 in Los Angeles is already the next day in UTC: it stays on 12 May.
          { userId: member, text: "b", sentiment: 0.2, mood: "positive", tags: ["walk", "work"], createdAt: la("2026-05-12T23:30") },
          { userId: member, text: "c", sentiment: 0.4, mood: "positive", tags: ["walk"], createdAt: la("2026-05-12T08:00") },
          // Too old for the 28-day window.
          { userId: member, text: "d", sentiment: 1, mood: "very_positive", tags: ["old"], createdAt: la("2026-04-01T12:00") },
        ]),
      );
      const now = la("2026-05-14T10:00");
      const trend = await loadMoodTrend(dana, undefined, undefined, now);
      expect(trend.daily.map((p) => p.day)).toEqual(["2026-05-05", "2026-05-12"]);
      expect(trend.daily[1].entries).toBe(2);
      expect(trend.daily[1].mean).toBeCloseTo(0.3, 10);
      expect(trend.last7).toBeCloseTo(0.3, 10);
      expect(trend.previous7).toBeCloseTo(-0.4, 10);
      expect(trend.direction).toBe("improving");
      expect(trend.topTags).toEqual([{ tag: "walk", count: 2 }, { tag: "work", count: 2 }]);
      // An explicit timezone overrides the profile's: in Tokyo (16 h ahead) both 12 May entries fall on 13 May.
      const tokyo = await loadMoodTrend(dana, member, "Asia/Tokyo", now);
      expect(tokyo.daily.map((p) => [p.day, p.entries])).toEqual([["2026-05-06", 1], ["2026-05-13", 2]]);
      await expectAppError(loadMoodTrend(dana, member, "Mars/Olympus", now), "bad_request:journal");

      const signals = await listJournalSignals(dana, { from: la("2026-05-11T00:00"), to: la("2026-05-18T00:00") });
      expect(signals).toEqual([
        { createdAt: la("2026-05-12T08:00"), sentiment: 0.4, tags: ["walk"] },
        { createdAt: la("2026-05-12T23:30"), sentiment: 0.2, tags: ["walk", "work"] },
      ]);
    });
  });
});
