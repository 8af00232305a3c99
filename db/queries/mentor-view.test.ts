import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { createTestViewer } from "@/db/testing/test-accounts";
import { withSystem, withViewer, type Viewer } from "./context";
import { createJournalEntry } from "./journal";
import { listMyMentors, updateMentorConsent } from "./mentoring";
import { compareMenteesByRisk, listMenteesRanked, loadMenteeDetail, summarizeGlucoseDays, type RankedMentee } from "./mentor-view";
import { linkMentor, seedHabitHistory } from "@/db/testing/mentor-fixtures";

describe("compareMenteesByRisk", () => {
  const mentee = (name: string, score: number, daysSinceLastCheckIn: number | null): RankedMentee => ({
    linkId: name, menteeId: name, name, email: `${name}@example.com`, consentedAt: new Date(0), shareGlucose: false, shareJournal: false,
    risk: { level: "medium", score, reasons: ["x"] }, adherence7: { due: 0, done: 0, ratio: null }, adherence30: { due: 0, done: 0, ratio: null },
    dailyAdherence: [], lastCheckInDay: null, daysSinceLastCheckIn, activeGoals: 1,
  });

  it("puts the highest score first, then the longest silence (never counts as longest), then the name", () => {
    const ranked = [mentee("Ann", 40, 1), mentee("Ben", 80, 0), mentee("Cat", 40, 6), mentee("Dov", 40, null), mentee("Eli", 40, 6)].sort(compareMenteesByRisk);
    expect(ranked.map((m) => m.name)).toEqual(["Ben", "Dov", "Cat", "Eli", "Ann"]);
  });
});

describe("summarizeGlucoseDays", () => {
  const window = { from: "2026-11-01", to: "2026-11-14" };

  it("weights days by their readings, so the mean is that of all readings together", () => {
    const s = summarizeGlucoseDays(
      [
        { readings: 288, meanMgdl: 100, tirPercent: 90 },
        { readings: 96, meanMgdl: 180, tirPercent: 50 },
        { readings: 0, meanMgdl: null, tirPercent: null }, // a day with only sleep or meals
      ],
      window,
    );
    expect(s).toMatchObject({ days: 2, from: "2026-11-01", to: "2026-11-14", gmi: null });
    expect(s!.meanMgdl).toBeCloseTo((288 * 100 + 96 * 180) / 384, 10);
    expect(s!.tirPercent).toBeCloseTo((288 * 90 + 96 * 50) / 384, 10);
  });

  it("gives GMI (3.31 + 0.02392 · mean) from 10 days of data, and nothing without readings", () => {
    const ten = summarizeGlucoseDays(Array.from({ length: 10 }, () => ({ readings: 100, meanMgdl: 150, tirPercent: 70 })), window);
    expect(ten!.gmi).toBeCloseTo(3.31 + 0.02392 * 150, 10);
    expect(summarizeGlucoseDays([], window)).toBeNull();
  });
});

describe.each(testEngines())("the mentor's view of mentees on %s", (engine) => {
  let handle: DatabaseHandle;
  let mia: Viewer; // the mentor under test
  let max: Viewer; // another mentor
  let ada: Viewer; // silent for a week: high risk; shares glucose
  let bob: Viewer; // checks in every day: low risk; shares nothing
  let cy: Viewer; // misses some: in between; shares the journal
  let dan: Viewer; // a member nobody mentors
  let eve: Viewer; // revoked Mia
  let fay: Viewer; // Max's mentee
  const now = new Date();
  const today = DateTime.fromJSDate(now, { zone: "UTC" }).toISODate()!;
  const daysAgo = (n: number) => DateTime.fromISO(today).minus({ days: n }).toISODate()!;


  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    [mia, max, ada, bob, cy, dan, eve, fay] = await Promise.all([
      createTestViewer("Mia", { role: "mentor" }), createTestViewer("Max", { role: "mentor" }), createTestViewer("Ada"), createTestViewer("Bob"), createTestViewer("Cy"), createTestViewer("Dan"), createTestViewer("Eve"), createTestViewer("Fay"),
    ]);
    for (const m of [ada, bob, cy, eve]) await linkMentor(mia, m);
    await linkMentor(max, fay);
    const [eveLink] = await listMyMentors(eve);
    await updateMentorConsent(eve, eveLink.id, { revoke: true });
    const [adaLink] = await listMyMentors(ada);
    await updateMentorConsent(ada, adaLink.id, { shareGlucose: true });
    const [cyLink] = await listMyMentors(cy);
    await updateMentorConsent(cy, cyLink.id, { shareJournal: true });

    // Ada: done 14…8 days ago, silent since. Bob: done every day. Cy: done on 4 of the last 7 days.
    await seedHabitHistory(ada, today, (n) => (n >= 8 && n <= 14 ? "done" : null));
    await seedHabitHistory(bob, today, (n) => (n <= 14 ? "done" : null));
    await seedHabitHistory(cy, today, (n) => (n <= 14 ? (n === 2 || n === 4 || n === 5 ? "missed" : "done") : null));
    for (const m of [dan, eve, fay]) await seedHabitHistory(m, today, (n) => (n <= 3 ? "done" : null));

    await withSystem((tx) =>
      tx.insert(s.dailyAggregates).values([
        ...Array.from({ length: 12 }, (_, i) => ({ userId: ada.userId, date: daysAgo(i), readings: 288, meanMgdl: 150 + i, tirPercent: 60 + i })),
        // Outside the 14-day window: must not count.
        { userId: ada.userId, date: daysAgo(20), readings: 288, meanMgdl: 400, tirPercent: 0 },
        ...Array.from({ length: 5 }, (_, i) => ({ userId: bob.userId, date: daysAgo(i), readings: 288, meanMgdl: 120, tirPercent: 95 })),
      ]),
    );
    await createJournalEntry(cy, { text: "A calm walk by the river today, felt good #walk", sharedWithMentor: true });
    await createJournalEntry(cy, { text: "Private: worried about the scale #private", sharedWithMentor: false });
    await createJournalEntry(ada, { text: "Ada's shared thoughts, but no journal consent", sharedWithMentor: true });
    // Written "an hour ago", so they fall before the `now` every call below is given.
    await withSystem((tx) => tx.update(s.journalEntries).set({ createdAt: new Date(now.getTime() - 3_600_000) }));
  });
  afterAll(async () => handle?.close());

  it("ranks the mentor's active mentees by risk, most at risk first", async () => {
    const ranked = await listMenteesRanked(mia, now);
    expect(ranked.map((m) => m.name)).toEqual(["Ada", "Cy", "Bob"]);
    const scores = ranked.map((m) => m.risk.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBeGreaterThan(scores[1]);
    expect(scores[1]).toBeGreaterThan(scores[2]);
    const [a, c, b] = ranked;
    expect(a.risk.level).toBe("high");
    expect(a.risk.reasons[0]).toBe("No check-in for 8 days");
    expect(a).toMatchObject({ lastCheckInDay: daysAgo(8), daysSinceLastCheckIn: 8, activeGoals: 1, shareGlucose: true, shareJournal: false });
    expect(b.adherence7).toEqual({ due: 7, done: 7, ratio: 1 });
    expect(c.adherence7.done).toBe(4);
    expect(b.dailyAdherence).toHaveLength(28);
    expect(b.dailyAdherence.at(-1)).toEqual({ day: today, ratio: 1 });
  });

  it("shows each mentor only their own mentees, and refuses members", async () => {
    expect((await listMenteesRanked(max, now)).map((m) => m.name)).toEqual(["Fay"]);
    await expect(listMenteesRanked(ada, now)).rejects.toMatchObject({ code: "forbidden:role" });
  });

  it("answers the same not_found for an unknown id, a malformed id, an unlinked member, a revoked link and another mentor's mentee", async () => {
    const messages = new Set<string>();
    for (const id of [crypto.randomUUID(), "not-a-uuid", "'; drop table users; --", dan.userId, eve.userId, fay.userId]) {
      const error = await loadMenteeDetail(mia, id, now).then(() => null, (e: unknown) => e);
      expect(isAppError(error) && error.code).toBe("not_found:mentee");
      messages.add((error as Error).message);
    }
    expect(messages.size).toBe(1);
  });

  it("lets RLS show a mentor nothing of people they do not (or no longer) mentor, even without a WHERE", async () => {
    for (const other of [dan, eve, fay]) {
      const rows = await withViewer(mia, async (tx) => ({
        users: await tx.select().from(s.users).where(eq(s.users.id, other.userId)),
        goals: await tx.select().from(s.goals).where(eq(s.goals.userId, other.userId)),
        habits: await tx.select().from(s.habits).where(eq(s.habits.userId, other.userId)),
        checkIns: await tx.select().from(s.checkIns).where(eq(s.checkIns.userId, other.userId)),
      }));
      expect(rows).toEqual({ users: [], goals: [], habits: [], checkIns: [] });
    }
    // Everything Mia can see at all belongs to her active mentees.
    const visible = await withViewer(mia, async (tx) => ({
      goals: new Set((await tx.select({ u: s.goals.userId }).from(s.goals)).map((r) => r.u)),
      aggregates: new Set((await tx.select({ u: s.dailyAggregates.userId }).from(s.dailyAggregates)).map((r) => r.u)),
      journal: (await tx.select({ text: s.journalEntries.text }).from(s.journalEntries)).map((r) => r.text),
    }));
    expect([...visible.goals].sort()).toEqual([ada.userId, bob.userId, cy.userId].sort());
    expect([...visible.aggregates]).toEqual([ada.userId]); // Bob has glucose data but did not share it
    expect(visible.journal).toEqual(["A calm walk by the river today, felt good #walk"]);
  });

  it("includes the 14-day glucose summary only when the mentee shares glucose", async () => {
    const adaView = await loadMenteeDetail(mia, ada.userId, now);
    expect(adaView.consent).toMatchObject({ shareGlucose: true, shareJournal: false });
    expect(adaView.glucose.shared).toBe(true);
    const g = adaView.glucose.shared ? adaView.glucose.summary : null;
    const means = Array.from({ length: 12 }, (_, i) => 150 + i);
    const mean = means.reduce((a, b) => a + b, 0) / 12;
    expect(g).toMatchObject({ days: 12, from: daysAgo(13), to: today });
    expect(g!.meanMgdl).toBeCloseTo(mean, 10);
    expect(g!.tirPercent).toBeCloseTo(mean - 90, 10);
    expect(g!.gmi).toBeCloseTo(3.31 + 0.02392 * mean, 10);

    const bobView = await loadMenteeDetail(mia, bob.userId, now);
    expect(bobView.glucose).toEqual({ shared: false });
    expect(JSON.stringify(bobView)).not.toContain("tirPercent"); // Bob's glucose never leaves the database
  });

  it("shows journal text only for entries shared under journal consent; mood is numbers and tags of those entries only", async () => {
    const cyView = await loadMenteeDetail(mia, cy.userId, now);
    expect(cyView.journal.shared).toBe(true);
    const entries = cyView.journal.shared ? cyView.journal.entries : [];
    expect(entries.map((e) => e.text)).toEqual(["A calm walk by the river today, felt good #walk"]);
    expect(JSON.stringify(cyView)).not.toContain("worried");
    expect(cyView.mood!.topTags.map((t) => t.tag)).toEqual(["walk"]);
    // Cy wrote two entries but shared one: the private one is not even counted.
    expect(cyView.mood!.daily.reduce((n, p) => n + p.entries, 0)).toBe(1);

    const adaView = await loadMenteeDetail(mia, ada.userId, now);
    expect(adaView.journal).toEqual({ shared: false });
    expect(adaView.mood).toBeNull();
    expect(JSON.stringify(adaView)).not.toContain("Ada's shared thoughts");
  });

  it("carries the summary the member sees, goals and habits included", async () => {
    const d = await loadMenteeDetail(mia, cy.userId, now);
    expect(d).toMatchObject({ menteeId: cy.userId, name: "Cy", email: "cy@example.com", timezone: "UTC" });
    expect(d.summary.today).toBe(today);
    expect(d.summary.goals).toHaveLength(1);
    expect(d.summary.goals[0].habits[0].title).toBe("Walk 20 minutes");
  });

  it("stops at once when the mentee revokes the link", async () => {
    const gus = await createTestViewer("Gus");
    await linkMentor(mia, gus);
    expect((await loadMenteeDetail(mia, gus.userId, now)).name).toBe("Gus");
    const [link] = await listMyMentors(gus);
    await updateMentorConsent(gus, link.id, { revoke: true });
    await expect(loadMenteeDetail(mia, gus.userId, now)).rejects.toMatchObject({ code: "not_found:mentee" });
    expect((await listMenteesRanked(mia, now)).map((m) => m.name)).not.toContain("Gus");
  });
});
