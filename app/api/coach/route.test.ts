import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DateTime } from "luxon";
import { eq } from "drizzle-orm";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { createTestViewer } from "@/db/testing/test-accounts";
import { withSystem, type Viewer } from "@/db/queries/context";
import { appendCoachMessage, claimAnswer, COACH_LIMIT, listCoachMessages, releaseAnswer } from "@/db/queries/coach-messages";
import { loadMemberGoalSummary } from "@/db/queries/goals";
import { consumeLimit } from "@/db/queries/rate-limit";
import { resetEnvForTests } from "@/lib/env";
import { startOpenAiTestServer } from "@/lib/ai/testing/openai-test-server";
import { chatStreamEvents, unfinishedChatStreamEvents } from "@/lib/ai/goals/testing/chat-stream";
import { COACH_UNAVAILABLE } from "@/lib/ai/goals";
import { waitFor } from "@/lib/testing/wait-for";
import { POST } from "./route";

// The signed-in person, as Auth.js would report it from the session cookie; getViewer then checks it against the database.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string } } }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => session.current }));

const signIn = (viewer: Viewer | null) => {
  session.current = viewer ? { user: { id: viewer.userId, role: viewer.role } } : null;
};

const post = (body: unknown) =>
  POST(new Request("http://127.0.0.1/api/coach", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));

type Chunk = { type: string; delta?: string; messageMetadata?: { provider?: string } };

/** The UI message stream's server-sent events as chunks. */
function parseStream(sse: string): Chunk[] {
  return sse
    .split("\n\n")
    .map((event) => event.replace(/^data: /, "").trim())
    .filter((data) => data !== "" && data !== "[DONE]")
    .map((data) => JSON.parse(data) as Chunk);
}

const streamedText = (chunks: Chunk[]) => chunks.filter((c) => c.type === "text-delta").map((c) => c.delta).join("");

const MODEL_ENV = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL"] as const;

function useModel(baseURL: string | null) {
  for (const key of MODEL_ENV) delete process.env[key];
  if (baseURL) Object.assign(process.env, { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: baseURL, OPENAI_MODEL: "test-model" });
  resetEnvForTests();
}

describe.each(testEngines())("POST /api/coach on %s", (engine) => {
  let handle: DatabaseHandle;
  let ada: Viewer;
  let bob: Viewer;
  let mentor: Viewer;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ada = await createTestViewer("ada");
    bob = await createTestViewer("bob");
    mentor = await createTestViewer("mentor", { role: "mentor" });
    // Ada walks daily since 10 days ago and checked in done on each of the last 4 days: a streak the coach must cite.
    const today = DateTime.utc().startOf("day");
    await withSystem(async (tx) => {
      const [goal] = await tx.insert(s.goals).values({ userId: ada.userId, title: "Walk after dinner", status: "active" }).returning({ id: s.goals.id });
      const [habit] = await tx
        .insert(s.habits)
        .values({ userId: ada.userId, goalId: goal.id, title: "Walk 15 minutes", schedule: { kind: "daily" }, createdAt: today.minus({ days: 10 }).toJSDate() })
        .returning({ id: s.habits.id });
      await tx.insert(s.checkIns).values([1, 2, 3, 4].map((d) => ({ userId: ada.userId, habitId: habit.id, day: today.minus({ days: d }).toISODate()!, status: "done" as const })));
    });
  });
  afterEach(() => {
    signIn(null);
    useModel(null);
  });
  afterAll(async () => handle?.close());

  it("streams a grounded answer that cites the member's streak, and keeps both messages", async () => {
    useModel(null);
    signIn(ada);
    const res = await post({ message: "  How are my streaks?  " });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const chunks = parseStream(await res.text());
    const text = streamedText(chunks);

    const summary = await loadMemberGoalSummary(ada);
    const walk = summary.goals[0].habits[0];
    expect(walk.stats.currentStreak).toBeGreaterThanOrEqual(4);
    expect(text).toContain(`"Walk 15 minutes" at ${walk.stats.currentStreak} days`);
    expect(chunks.find((c) => c.type === "finish")?.messageMetadata?.provider).toBe("grounded");

    const stored = await listCoachMessages(ada, 50);
    expect(stored.map((m) => ({ role: m.role, content: m.content, provider: m.provider }))).toEqual([
      { role: "user", content: "How are my streaks?", provider: null },
      { role: "assistant", content: text.trim(), provider: "grounded" },
    ]);
  });

  it("refuses an empty, over-long or shapeless message with a sentence and keeps nothing", async () => {
    signIn(ada);
    const before = (await listCoachMessages(ada, 200)).length;
    const empty = await post({ message: "   \n " });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toBe("Write a question for the coach before sending.");
    const long = await post({ message: "x".repeat(2_001) });
    expect(long.status).toBe(400);
    expect((await long.json()).error.message).toMatch(/at most 2,000 characters; this one has 2,001/);
    const huge = await post({ message: "x".repeat(70_000) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toMatch(/far too long: a message to the coach can be at most 2,000 characters/);
    const shapeless = await post({ text: "hello" });
    expect(shapeless.status).toBe(400);
    expect((await listCoachMessages(ada, 200)).length).toBe(before);
  });

  it("reads the last user message of a stock useChat body", async () => {
    useModel(null);
    signIn(bob);
    const res = await post({ messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "What should I focus on today?" }] }] });
    expect(res.status).toBe(200);
    const text = streamedText(parseStream(await res.text()));
    expect(text).toContain("no active habit");
    expect((await listCoachMessages(bob, 50)).map((m) => m.role)).toEqual(["user", "assistant"]);
  });

  it("a retry of a question (same chat id) is kept once: a finished answer is sent again, without the model", async () => {
    const server = await startOpenAiTestServer(() => ({ events: chatStreamEvents(["Keep the walks going."]) }));
    try {
      useModel(server.baseURL);
      signIn(bob);
      const before = await listCoachMessages(bob, 200);
      const first = await post({ message: "Was Monday a good day?", id: "q-retry-1" });
      expect(streamedText(parseStream(await first.text()))).toBe("Keep the walks going.");
      // The answer was lost on the way back; the chat sends the same message again (a stock useChat body).
      const retry = await post({ messages: [{ id: "q-retry-1", role: "user", parts: [{ type: "text", text: "Was Monday a good day?" }] }] });
      expect(retry.status).toBe(200);
      const chunks = parseStream(await retry.text());
      expect(streamedText(chunks)).toBe("Keep the walks going.");
      expect(chunks.find((c) => c.type === "finish")?.messageMetadata?.provider).toBe("model:test-model");
      expect(server.requests).toHaveLength(1);
      const stored = (await listCoachMessages(bob, 200)).slice(before.length);
      expect(stored.map((m) => m.role)).toEqual(["user", "assistant"]);
      expect(stored[1].replyTo).toBe(stored[0].id);

      const reused = await post({ message: "Something else entirely", id: "q-retry-1" });
      expect(reused.status).toBe(409);
      expect((await reused.json()).error).toMatchObject({ message: expect.stringMatching(/already used for another message/), details: { kept: false } });
      const badId = await post({ message: "Hello", id: "has spaces in it" });
      expect(badId.status).toBe(400);
      expect((await listCoachMessages(bob, 200)).length).toBe(before.length + 2);
    } finally {
      await server.close();
    }
  }, 30_000);

  it("a retry after an answer cut short asks the model again, with neither the question twice nor the cut answer in its history", async () => {
    const server = await startOpenAiTestServer(() => ({ events: chatStreamEvents(["Tuesday was better."]) }));
    try {
      useModel(server.baseURL);
      signIn(bob);
      const before = await listCoachMessages(bob, 200);
      const asked = await appendCoachMessage(bob, { role: "user", content: "And Tuesday?", clientId: "q-retry-2" });
      await appendCoachMessage(bob, { role: "assistant", content: "Tuesday", provider: "model:test-model", reply: { replyTo: asked.id, complete: false } });
      const retry = await post({ message: "And Tuesday?", id: "q-retry-2" });
      expect(streamedText(parseStream(await retry.text()))).toBe("Tuesday was better.");
      const sent = server.requests[0].body.messages as { role: string; content: unknown }[];
      expect(sent.filter((m) => JSON.stringify(m.content).includes("And Tuesday?"))).toHaveLength(1);
      expect(sent.some((m) => m.role === "assistant" && JSON.stringify(m.content) === JSON.stringify("Tuesday"))).toBe(false);
      expect(sent.map((m) => m.role)).toEqual(["system", ...before.slice(-20).map((m) => m.role), "user"]);
      const stored = (await listCoachMessages(bob, 200)).slice(before.length);
      expect(stored.map((m) => [m.role, m.content])).toEqual([
        ["user", "And Tuesday?"],
        ["assistant", "Tuesday"],
        ["assistant", "Tuesday was better."],
      ]);
    } finally {
      await server.close();
    }
  }, 30_000);

  it("a second request for a message still being answered waits (409 with a sentence, message kept) and asks no model", async () => {
    const server = await startOpenAiTestServer(() => ({ events: chatStreamEvents(["Thursday looks fine."]) }));
    try {
      useModel(server.baseURL);
      signIn(bob);
      // The first request holds the question while it answers (here: it has not finished).
      const asked = await appendCoachMessage(bob, { role: "user", content: "What about Thursday?", clientId: "q-busy-1" });
      expect(await claimAnswer(bob, asked.id)).toBe(true);
      const second = await post({ message: "What about Thursday?", id: "q-busy-1" });
      expect(second.status).toBe(409);
      expect((await second.json()).error).toMatchObject({ code: "conflict:coach_busy", message: expect.stringMatching(/still answering this message/), details: { kept: true } });
      expect(server.requests).toHaveLength(0);
      // Once the holder is done (or its lease ran out), a retry is answered, and frees the question again.
      await releaseAnswer(bob, asked.id);
      const third = await post({ message: "What about Thursday?", id: "q-busy-1" });
      expect(streamedText(parseStream(await third.text()))).toBe("Thursday looks fine.");
      expect(await claimAnswer(bob, asked.id)).toBe(true);
      await releaseAnswer(bob, asked.id);
    } finally {
      await server.close();
    }
  }, 30_000);

  it("an answer the model broke off mid-way is kept as not finished, so a retry asks again instead of replaying it", async () => {
    let calls = 0;
    const server = await startOpenAiTestServer(() =>
      ++calls === 1
        ? { events: unfinishedChatStreamEvents(["You ran twice this week. ", "Tomorrow, try a"]), cutAfterEvents: true }
        : { events: chatStreamEvents(["You ran twice this week; keep it up."]) },
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      useModel(server.baseURL);
      signIn(bob);
      const first = await post({ message: "How are my runs?", id: "q-broken-1" });
      expect(streamedText(parseStream(await first.text()))).toContain("You ran twice this week.");
      const retry = await post({ message: "How are my runs?", id: "q-broken-1" });
      expect(streamedText(parseStream(await retry.text()))).toBe("You ran twice this week; keep it up.");
      expect(server.requests).toHaveLength(2);
      const answers = await withSystem((tx) =>
        tx.select({ complete: s.messages.complete, content: s.messages.content }).from(s.messages).where(eq(s.messages.role, "assistant")),
      );
      const mine = answers.filter((a) => a.content.startsWith("You ran twice this week"));
      expect(mine.map((a) => a.complete).sort()).toEqual([false, true]);
    } finally {
      logged.mockRestore();
      await server.close();
    }
  }, 30_000);

  it("answers from the data with the unavailability sentence when the model is down, and keeps both messages", async () => {
    const server = await startOpenAiTestServer(() => ({ status: 500, json: { error: { message: "the model is down" } } }));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      useModel(server.baseURL);
      signIn(ada);
      const before = await listCoachMessages(ada, 200);
      const res = await post({ message: "What should I focus on today?" });
      expect(res.status).toBe(200);
      const chunks = parseStream(await res.text());
      const text = streamedText(chunks);
      expect(text.startsWith(COACH_UNAVAILABLE)).toBe(true);
      expect(text.length).toBeGreaterThan(COACH_UNAVAILABLE.length + 20);
      expect(chunks.find((c) => c.type === "finish")?.messageMetadata?.provider).toBe("grounded");
      expect(server.requests.length).toBeGreaterThanOrEqual(1);

      // The model was given the stored conversation as history, then the new question.
      const sent = server.requests[0].body.messages as { role: string; content: unknown }[];
      expect(sent.map((m) => m.role)).toEqual(["system", ...before.map((m) => m.role), "user"]);
      expect(JSON.stringify(sent.at(-1)?.content)).toContain("What should I focus on today?");

      const stored = (await listCoachMessages(ada, 200)).slice(before.length);
      expect(stored.map((m) => ({ role: m.role, content: m.content, provider: m.provider }))).toEqual([
        { role: "user", content: "What should I focus on today?", provider: null },
        { role: "assistant", content: text.trim(), provider: "grounded" },
      ]);
    } finally {
      logged.mockRestore();
      await server.close();
    }
  }, 30_000);

  it("keeps the part of a model answer already written when the member closes the page, and stops the model", async () => {
    const sentence = "Your walks are going well this week.";
    let modelConnectionClosed!: () => void;
    const closed = new Promise<void>((resolve) => (modelConnectionClosed = resolve));
    // A model that writes one sentence, then keeps the connection open as if still thinking.
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        const [role, first] = chatStreamEvents([`${sentence} `, "And"]);
        res.write(`data: ${JSON.stringify(role)}\n\n`);
        res.write(`data: ${JSON.stringify(first)}\n\n`);
        res.on("close", modelConnectionClosed);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      useModel(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
      signIn(ada);
      const before = (await listCoachMessages(ada, 200)).length;
      const res = await post({ message: "How is my walking going?" });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let received = "";
      while (!received.includes('"text-delta"')) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value, { stream: true });
      }
      expect(streamedText(parseStream(received.slice(0, received.lastIndexOf("\n\n"))))).toBe(`${sentence} `);
      await reader.cancel();

      await closed;
      const stored = await waitFor(async () => {
        const all = await listCoachMessages(ada, 200);
        return all.length === before + 2 && all;
      }, "the question and the partial answer to be kept");
      expect(stored.slice(before).map((m) => ({ role: m.role, content: m.content, provider: m.provider }))).toEqual([
        { role: "user", content: "How is my walking going?", provider: null },
        { role: "assistant", content: sentence, provider: "model:test-model" },
      ]);
      // Kept as cut short: a retry of this question would ask again rather than send this part back.
      const [cut] = await withSystem((tx) => tx.select({ complete: s.messages.complete, replyTo: s.messages.replyTo }).from(s.messages).where(eq(s.messages.id, stored.at(-1)!.id)));
      expect(cut).toEqual({ complete: false, replyTo: stored.at(-2)!.id });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 30_000);

  it("limits a member to 10 messages a minute with a 429 sentence, keeping nothing", async () => {
    signIn(bob);
    const before = (await listCoachMessages(bob, 200)).length;
    // Use up the minute's messages (Bob already sent one above).
    for (let i = 0; i < COACH_LIMIT.points && (await consumeLimit(COACH_LIMIT, bob.userId)).allowed; i++);
    const res = await post({ message: "One more question" });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await res.json()).error.message).toMatch(/You have sent 10 messages in the last minute\. Take a breath and ask again in \d+ s\./);
    expect((await listCoachMessages(bob, 200)).length).toBe(before);
  });

  it("answers 401 without a session and 403 for a mentor, as JSON sentences", async () => {
    signIn(null);
    const anonymous = await post({ message: "Hello" });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.message).toMatch(/sign in/i);
    signIn(mentor);
    const asMentor = await post({ message: "Hello" });
    expect(asMentor.status).toBe(403);
    expect((await asMentor.json()).error.message).toBeTruthy();
  });
});
