import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createTestViewer } from "@/db/testing/test-accounts";
import { withSystem, withViewer, type Viewer } from "./context";
import { ANSWER_LEASE_MS, appendCoachMessage, claimAnswer, COACH_MESSAGE_MAX, listCoachMessages, releaseAnswer } from "./coach-messages";

async function expectAppError(p: Promise<unknown>, code: string, message?: RegExp) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (message) expect((e as AppError).message).toMatch(message);
}

describe.each(testEngines())("coach messages on %s", (engine) => {
  let handle: DatabaseHandle;
  let ada: Viewer;
  let bob: Viewer;
  let mentor: Viewer;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ada = await createTestViewer("ada");
    bob = await createTestViewer("bob");
    mentor = await createTestViewer("mentor", { role: "mentor" });
  });
  afterAll(async () => handle?.close());

  it("keeps a member's messages with their role and provider, trimmed", async () => {
    const asked = await appendCoachMessage(ada, { role: "user", content: "  How are my streaks?  " });
    expect(asked).toMatchObject({ role: "user", content: "How are my streaks?", provider: null });
    const answered = await appendCoachMessage(ada, { role: "assistant", content: "Your walk streak is 4 days.", provider: "grounded" });
    expect(answered).toMatchObject({ role: "assistant", provider: "grounded" });
    const [row] = await withSystem((tx) => tx.select().from(s.messages).where(eq(s.messages.id, answered.id)));
    expect(row).toMatchObject({ userId: ada.userId, role: "assistant", content: "Your walk streak is 4 days.", provider: "grounded" });
  });

  it("lists the latest N oldest first", async () => {
    for (let i = 1; i <= 5; i++) await appendCoachMessage(ada, { role: i % 2 ? "user" : "assistant", content: `message ${i}`, provider: i % 2 ? null : "grounded" });
    const all = await listCoachMessages(ada, 50);
    expect(all.map((m) => m.content)).toEqual(["How are my streaks?", "Your walk streak is 4 days.", "message 1", "message 2", "message 3", "message 4", "message 5"]);
    const latest = await listCoachMessages(ada, 3);
    expect(latest.map((m) => m.content)).toEqual(["message 3", "message 4", "message 5"]);
    for (let i = 1; i < all.length; i++) expect(all[i].createdAt.getTime()).toBeGreaterThanOrEqual(all[i - 1].createdAt.getTime());
  });

  it("refuses empty and over-long content with a sentence, and stores nothing", async () => {
    const before = (await listCoachMessages(ada, 200)).length;
    await expectAppError(appendCoachMessage(ada, { role: "user", content: " \n " }), "bad_request:coach", /needs some text/);
    await expectAppError(appendCoachMessage(ada, { role: "assistant", content: "x".repeat(COACH_MESSAGE_MAX + 1) }), "bad_request:coach", /at most 20,000 characters; this one has 20,001/);
    expect(await appendCoachMessage(ada, { role: "assistant", content: "y".repeat(COACH_MESSAGE_MAX), provider: "grounded" })).toMatchObject({ role: "assistant" });
    expect((await listCoachMessages(ada, 200)).length).toBe(before + 1);
  });

  it("keeps a message sent again with the same chat id once, per member; the same id with other words is refused", async () => {
    const first = await appendCoachMessage(ada, { role: "user", content: "Retry me", clientId: "chat-42" });
    const again = await appendCoachMessage(ada, { role: "user", content: " Retry me ", clientId: "chat-42" });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ id: first.id, created: false });
    // Ids are the chat's own, so another member's chat may use the same one.
    expect(await appendCoachMessage(bob, { role: "user", content: "Mine", clientId: "chat-42" })).toMatchObject({ created: true });
    await expectAppError(appendCoachMessage(ada, { role: "user", content: "Different words", clientId: "chat-42" }), "conflict:coach", /already used/);
    await expectAppError(appendCoachMessage(ada, { role: "user", content: "Hi", clientId: "x".repeat(101) }), "bad_request:coach", /1 to 100 letters/);
    const rows = await withSystem((tx) => tx.select().from(s.messages).where(eq(s.messages.clientId, "chat-42")));
    expect(rows.map((r) => r.userId).sort()).toEqual([ada.userId, bob.userId].sort());
    await withSystem((tx) => tx.delete(s.messages).where(eq(s.messages.userId, bob.userId)));
  });

  it("lets one request at a time answer a message: a claim holds until released or its lease runs out", async () => {
    const q = await appendCoachMessage(ada, { role: "user", content: "Hold me", clientId: "chat-lease" });
    const t0 = new Date();
    expect(await claimAnswer(ada, q.id, t0)).toBe(true);
    expect(await claimAnswer(ada, q.id, t0)).toBe(false);
    await releaseAnswer(ada, q.id);
    expect(await claimAnswer(ada, q.id, t0)).toBe(true);
    // A holder that crashed frees the message once its lease has run out.
    expect(await claimAnswer(ada, q.id, new Date(t0.getTime() + ANSWER_LEASE_MS - 1))).toBe(false);
    expect(await claimAnswer(ada, q.id, new Date(t0.getTime() + ANSWER_LEASE_MS + 1))).toBe(true);
    // Only the member's own questions can be claimed.
    expect(await claimAnswer(bob, q.id, t0)).toBe(false);
    const answer = await appendCoachMessage(ada, { role: "assistant", content: "Held.", provider: "grounded", reply: { replyTo: q.id, complete: true } });
    expect(await claimAnswer(ada, answer.id, t0)).toBe(false);
  });

  it("shows another member none of them, and refuses a mentor", async () => {
    expect(await listCoachMessages(bob, 50)).toEqual([]);
    // Row-level security alone, without the query's WHERE clause, still hides Ada's conversation from Bob.
    const seenByBob = await withViewer(bob, (tx) => tx.select().from(s.messages));
    expect(seenByBob).toEqual([]);
    await appendCoachMessage(bob, { role: "user", content: "Bob's own question" });
    expect((await listCoachMessages(bob, 50)).map((m) => m.content)).toEqual(["Bob's own question"]);
    expect((await listCoachMessages(ada, 200)).some((m) => m.content === "Bob's own question")).toBe(false);
    await expectAppError(listCoachMessages(mentor, 50), "forbidden:role");
    await expectAppError(appendCoachMessage(mentor, { role: "user", content: "hello" }), "forbidden:role");
  });

  it("cannot write into another member's conversation even through the table directly", async () => {
    const attempt = withViewer(bob, (tx) => tx.insert(s.messages).values({ userId: ada.userId, role: "user", content: "sneaky" }));
    await expect(attempt).rejects.toThrow();
    expect((await listCoachMessages(ada, 200)).some((m) => m.content === "sneaky")).toBe(false);
  });
});
