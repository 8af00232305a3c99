import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { createTestViewer } from "@/db/testing/test-accounts";
import { withSystem, withViewer, type Viewer } from "./context";
import { startOpenAiTestServer } from "@/lib/ai/testing/openai-test-server";
import { askCopilot, consumeCopilotQuestion, COPILOT_LIMIT, listCopilotAudit } from "./copilot";
import { createJournalEntry } from "./journal";
import { listMyMentors, updateMentorConsent } from "./mentoring";
import { linkMentor, seedHabitHistory } from "@/db/testing/mentor-fixtures";

// The grounded copilot, whatever the machine's environment says: no model, no network.
const env = { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, OPENAI_MODEL: undefined };

describe.each(testEngines())("the mentor copilot and its audit trail on %s", (engine) => {
  let handle: DatabaseHandle;
  let mia: Viewer; // mentor of Ada (glucose and journal shared) and Bob (goals only)
  let max: Viewer; // another mentor, of nobody here
  let ada: Viewer;
  let bob: Viewer;
  let dan: Viewer; // nobody's mentee
  const now = new Date();
  const today = DateTime.fromJSDate(now, { zone: "UTC" }).toISODate()!;

  const auditRows = () => withSystem((tx) => tx.select().from(s.mentorInteractions));

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    [mia, max, ada, bob, dan] = await Promise.all([createTestViewer("Mia", { role: "mentor" }), createTestViewer("Max", { role: "mentor" }), createTestViewer("Ada"), createTestViewer("Bob"), createTestViewer("Dan")]);
    await linkMentor(mia, ada);
    await linkMentor(mia, bob);
    const [adaLink] = await listMyMentors(ada);
    await updateMentorConsent(ada, adaLink.id, { shareGlucose: true, shareJournal: true });
    for (const m of [ada, bob, dan]) await seedHabitHistory(m, today, (n) => (n <= 10 && n !== 3 ? "done" : null));
    await withSystem((tx) =>
      tx.insert(s.dailyAggregates).values(
        [ada, bob].flatMap((m) =>
          Array.from({ length: 10 }, (_, i) => ({ userId: m.userId, date: DateTime.fromISO(today).minus({ days: i }).toISODate()!, readings: 288, meanMgdl: 143, tirPercent: 77 })),
        ),
      ),
    );
    await createJournalEntry(ada, { text: "Shared: the evening walks help me sleep", sharedWithMentor: true });
    await createJournalEntry(ada, { text: "Private: nobody else should read this", sharedWithMentor: false });
    await createJournalEntry(bob, { text: "Bob shared this, but gave no journal consent", sharedWithMentor: true });
    await withSystem((tx) => tx.update(s.journalEntries).set({ createdAt: new Date(now.getTime() - 3_600_000) }));
    // Check-in notes are free text: only Ada, who shares her journal, may have them in the context.
    await withSystem((tx) => tx.update(s.checkIns).set({ note: "Knee pain after the fight at home" }));
  });
  afterAll(async () => handle?.close());

  it("stores exactly one audit row with the question, the answer, the provider and no unconsented context", async () => {
    const before = (await auditRows()).length;
    const entry = await askCopilot(mia, bob.userId, "  How is Bob doing this week?  ", { env, now });
    const rows = await auditRows();
    expect(rows).toHaveLength(before + 1);
    const row = rows.find((r) => r.id === entry.id)!;
    expect(row).toMatchObject({ mentorId: mia.userId, menteeId: bob.userId, question: "How is Bob doing this week?", provider: "grounded" });
    expect(row.answer.length).toBeGreaterThan(0);
    expect(row.answer).toBe(entry.answer);
    expect(entry).toMatchObject({ mentorName: "Mia", question: "How is Bob doing this week?" });
    // Bob shares neither glucose nor his journal: the context has the goals, without the check-in
    // notes, and no mood (it comes from the journal).
    expect(Object.keys(row.contextUsed).sort()).toEqual(["mentee"]);
    const stored = JSON.stringify(row.contextUsed);
    expect(stored).not.toContain("143");
    expect(stored).not.toContain("Bob shared this");
    expect(stored).not.toContain("Knee pain");
    const checkIns = (row.contextUsed.mentee as { recentCheckIns: Record<string, unknown>[] }).recentCheckIns;
    expect(checkIns.length).toBeGreaterThan(0);
    expect(checkIns[0]).toEqual({ day: today, habit: "Walk 20 minutes", status: "done" });
    expect((row.contextUsed.mentee as { name: string }).name).toBe("Bob");
  });

  it("gives the copilot glucose and shared journal text when the mentee consented, never the private entries", async () => {
    const entry = await askCopilot(mia, ada.userId, "What is her glucose like?", { env, now });
    expect(entry.contextUsed.glucose).toEqual({ tirPercent: 77, meanMgdl: 143, gmi: 6.7, days: 10 });
    expect(entry.contextUsed.sharedJournal).toEqual([{ day: DateTime.fromJSDate(new Date(now.getTime() - 3_600_000), { zone: "UTC" }).toISODate(), text: "Shared: the evening walks help me sleep" }]);
    expect(JSON.stringify(entry.contextUsed)).not.toContain("Private");
    expect(entry.answer).toContain("77 %");
    const checkIns = (entry.contextUsed.mentee as { recentCheckIns: Record<string, unknown>[] }).recentCheckIns;
    expect(checkIns[0]).toEqual({ day: today, habit: "Walk 20 minutes", status: "done", note: "Knee pain after the fight at home" });
  });

  it("stores nothing when the mentee stops sharing the journal while the copilot is answering, and says to ask again", async () => {
    const server = await startOpenAiTestServer(() => ({ hang: true }));
    const [adaLink] = await listMyMentors(ada);
    const before = (await auditRows()).length;
    try {
      const modelEnv = { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "test-model" };
      const asking = askCopilot(mia, ada.userId, "How is she feeling?", { env: modelEnv, now, onModelError: () => {} });
      const outcome = asking.then(() => null, (e: unknown) => e);
      await server.nextRequest();
      // The context already holds the shared journal; Ada turns journal sharing off meanwhile.
      await updateMentorConsent(ada, adaLink.id, { shareJournal: false });
      await server.close(); // the model fails; the grounded answer is ready to be stored
      expect(await outcome).toMatchObject({ code: "conflict:copilot", message: expect.stringMatching(/changed what they share.*Ask again\.$/) });
      expect(await auditRows()).toHaveLength(before);
    } finally {
      await server.close();
      await updateMentorConsent(ada, adaLink.id, { shareJournal: true });
    }
  });

  it("lets the mentee read every entry about them with the mentor's name; nobody else sees them", async () => {
    const bobsView = await listCopilotAudit(bob);
    expect(bobsView).toHaveLength(1);
    expect(bobsView[0]).toMatchObject({ mentorId: mia.userId, mentorName: "Mia", menteeId: bob.userId, question: "How is Bob doing this week?", provider: "grounded" });
    expect(bobsView[0].contextUsed).toHaveProperty("mentee");

    expect(await listCopilotAudit(dan)).toEqual([]);
    expect(await listCopilotAudit(max)).toEqual([]);
    expect(await listCopilotAudit(max, { menteeId: bob.userId })).toEqual([]);
    // Under RLS, even a select without a WHERE shows them nothing.
    expect(await withViewer(dan, (tx) => tx.select().from(s.mentorInteractions))).toEqual([]);
    expect(await withViewer(max, (tx) => tx.select().from(s.mentorInteractions))).toEqual([]);

    const miaAboutBob = await listCopilotAudit(mia, { menteeId: bob.userId });
    expect(miaAboutBob.map((e) => e.question)).toEqual(["How is Bob doing this week?"]);
    // The mentor learns which parts of the context were used, never their content.
    expect(Object.values(miaAboutBob[0].contextUsed).every((v) => v === true)).toBe(true);
    expect(miaAboutBob[0].contextUsed).toHaveProperty("mentee", true);
    expect(bobsView[0].contextUsed.mentee).not.toBe(true);
    const miaAll = await listCopilotAudit(mia);
    expect(miaAll.map((e) => e.question)).toEqual(["What is her glucose like?", "How is Bob doing this week?"]); // newest first
    expect(await listCopilotAudit(mia, { menteeId: "not-a-uuid" })).toEqual([]);
  });

  it("refuses a question about someone who is not the mentor's mentee, storing nothing", async () => {
    const before = (await auditRows()).length;
    await expect(askCopilot(mia, dan.userId, "How is Dan doing?", { env, now })).rejects.toMatchObject({ code: "not_found:mentee" });
    await expect(askCopilot(max, bob.userId, "How is Bob doing?", { env, now })).rejects.toMatchObject({ code: "not_found:mentee" });
    await expect(askCopilot(mia, "not-a-uuid", "How are they?", { env, now })).rejects.toMatchObject({ code: "not_found:mentee" });
    await expect(askCopilot(ada, bob.userId, "How is Bob?", { env, now })).rejects.toMatchObject({ code: "forbidden:role" });
    expect(await auditRows()).toHaveLength(before);
  });

  it("refuses an empty or a too-long question with a sentence, storing nothing", async () => {
    const before = (await auditRows()).length;
    await expect(askCopilot(mia, bob.userId, "   ", { env, now })).rejects.toMatchObject({ code: "bad_request:copilot", message: "Type a question about your mentee first." });
    await expect(askCopilot(mia, bob.userId, "x".repeat(1_001), { env, now })).rejects.toMatchObject({ code: "bad_request:copilot" });
    expect(await auditRows()).toHaveLength(before);
  });

  it("lets RLS refuse an audit row for a non-mentee or in another mentor's name", async () => {
    const row = (mentorId: string, menteeId: string) => ({ mentorId, menteeId, question: "q", answer: "a", contextUsed: {}, provider: "grounded" });
    await expect(withViewer(mia, (tx) => tx.insert(s.mentorInteractions).values(row(mia.userId, dan.userId)))).rejects.toThrow();
    await expect(withViewer(max, (tx) => tx.insert(s.mentorInteractions).values(row(mia.userId, bob.userId)))).rejects.toThrow();
    // A mentee cannot write into their own trail either.
    await expect(withViewer(bob, (tx) => tx.insert(s.mentorInteractions).values(row(mia.userId, bob.userId)))).rejects.toThrow();
    // Nobody can change or delete what was recorded: no policy allows it, so nothing is touched.
    const changed = await withViewer(mia, (tx) => tx.update(s.mentorInteractions).set({ answer: "rewritten" }).returning());
    const deleted = await withViewer(bob, (tx) => tx.delete(s.mentorInteractions).returning());
    expect([changed, deleted]).toEqual([[], []]);
  });

  it("allows a mentor COPILOT_LIMIT questions a minute, then refuses with a sentence", async () => {
    for (let i = 0; i < COPILOT_LIMIT.points; i++) await consumeCopilotQuestion(max);
    await expect(consumeCopilotQuestion(max)).rejects.toMatchObject({
      code: "rate_limited:copilot",
      message: expect.stringMatching(/^You have asked the copilot 10 questions in the last minute\. Ask again in \d+ s\.$/),
    });
    // Counted per mentor: Mia is not held back by Max's questions.
    await expect(consumeCopilotQuestion(mia)).resolves.toBeUndefined();
  });

  it("keeps the record for the mentee after they revoke the mentor, who can no longer ask", async () => {
    const cy = await createTestViewer("Cy");
    await seedHabitHistory(cy, today, (n) => (n <= 5 ? "done" : null));
    await linkMentor(mia, cy);
    await askCopilot(mia, cy.userId, "What should we talk about?", { env, now });
    const [link] = await listMyMentors(cy);
    await updateMentorConsent(cy, link.id, { revoke: true });
    await expect(askCopilot(mia, cy.userId, "And now?", { env, now })).rejects.toMatchObject({ code: "not_found:mentee" });
    const trail = await listCopilotAudit(cy);
    expect(trail.map((e) => [e.question, e.mentorName])).toEqual([["What should we talk about?", "Mia"]]);
  });
});
