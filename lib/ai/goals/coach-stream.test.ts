import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { startOpenAiTestServer, type TestReply } from "../testing/openai-test-server";
import { groundedCoachReply } from "./coach-grounded";
import { COACH_CUT_SHORT, COACH_SENTENCE_LEFT_OUT, COACH_UNAVAILABLE, streamCoachReply, type CoachMessage } from "./coach-stream";
import { chatStreamEvents, unfinishedChatStreamEvents } from "./testing/chat-stream";
import { decliningMood, strugglingRunner } from "./testing/fixtures";

const summary = strugglingRunner();
const mood = decliningMood();
const history: CoachMessage[] = [{ role: "user", content: "I want to run more." }, { role: "assistant", content: "Great, let's look at your runs." }];
const message = "I missed my run yesterday, what now?";
const grounded = groundedCoachReply({ summary, mood, message });

let server: Awaited<ReturnType<typeof startOpenAiTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function read(stream: AsyncIterable<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

async function coachFrom(reply: () => TestReply, options: { firstTextTimeoutMs?: number } = {}) {
  server = await startOpenAiTestServer(reply);
  const errors: unknown[] = [];
  const coach = streamCoachReply({
    summary, mood, history, message,
    env: { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "test-model" },
    maxRetries: 0,
    firstTextTimeoutMs: options.firstTextTimeoutMs,
    onModelError: (e) => errors.push(e),
  });
  const chunks = await read(coach.textStream);
  return { coach, chunks, text: chunks.join(""), outcome: await coach.finished, errors, requests: server.requests };
}

describe("streamCoachReply", () => {
  it("without a key: the grounded reply, streamed in several chunks", async () => {
    const coach = streamCoachReply({ summary, mood, history, message, env: {} });
    expect(coach.provider).toBe("grounded");
    const chunks = await read(coach.textStream);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe(grounded);
    expect(await coach.finished).toEqual({ text: grounded, provider: "grounded", cutShort: false });
  });

  it("a streamed model reply arrives sentence by sentence, with the member's data, the history and the message sent", async () => {
    const pieces = ["You did 1 of 3 ru", "ns this week, and that is ok", ". You still have 1 skip left this week! Try a short run tonight", "."];
    const { coach, chunks, text, outcome, errors, requests } = await coachFrom(() => ({ events: chatStreamEvents(pieces) }));
    expect(coach.provider).toBe("model:test-model");
    expect(errors).toEqual([]);
    expect(text).toBe(pieces.join(""));
    expect(chunks).toEqual(["You did 1 of 3 runs this week, and that is ok. ", "You still have 1 skip left this week! ", "Try a short run tonight."]);
    expect(outcome).toEqual({ text, provider: "model:test-model", cutShort: false });

    expect(requests).toHaveLength(1);
    expect(requests[0].body.stream).toBe(true);
    const messages = requests[0].body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(messages.at(-1)!.content).toBe(message);
    expect(messages[0].content).toContain("never give medication, insulin or dosing advice");
    const data = JSON.parse(messages[0].content.slice(messages[0].content.lastIndexOf("\n") + 1));
    expect(data.goals[0].habits[0]).toMatchObject({ title: "Run 30 minutes", adherence7Days: { done: 1, due: 3, percent: 33 }, skipsLeftThisWeek: 1 });
    expect(data.journalMood).toEqual({ direction: "declining", meanLast7Days: -0.21, meanPrevious7Days: 0.34, topTags: mood.topTags });
  });

  it("model down (HTTP 500) before any text: the grounded reply after one sentence saying the model is unavailable", async () => {
    const { text, outcome, errors } = await coachFrom(() => ({ status: 500, json: { error: { message: "boom", type: "server_error" } } }));
    expect(text).toBe(`${COACH_UNAVAILABLE} ${grounded}`);
    expect(outcome).toMatchObject({ provider: "grounded", fallbackReason: "the model endpoint answered with HTTP 500", cutShort: false });
    expect(isAppError(errors[0]) && errors[0].details).toMatchObject({ failure: "http_error", statusCode: 500 });
  });

  it("a model that never starts answering: the same fallback after the first-text timeout", async () => {
    const { text, outcome } = await coachFrom(() => ({ hang: true }), { firstTextTimeoutMs: 150 });
    expect(text).toBe(`${COACH_UNAVAILABLE} ${grounded}`);
    expect(outcome.fallbackReason).toBe("the model did not answer within 150 ms");
  });

  it("a failure mid-stream keeps what was said and ends with a sentence saying it was cut short", async () => {
    const { text, outcome } = await coachFrom(() => ({ events: unfinishedChatStreamEvents(["You did 1 of 3 runs this week. ", "Tomorrow, try a"]), cutAfterEvents: true }));
    expect(text).toBe(`You did 1 of 3 runs this week. ${COACH_CUT_SHORT}`);
    expect(outcome).toMatchObject({ provider: "model:test-model", cutShort: true });
  });

  it("sentences with dosing advice or invented numbers are left out, and the reply says so", async () => {
    const pieces = ["You did 1 of 3 runs (33 %) this week. ", "Lower your insulin dose on run days. ", "Runners like you improve 47 % in a month. ", "Try a short run tonight."];
    const { text, outcome } = await coachFrom(() => ({ events: chatStreamEvents(pieces) }));
    expect(text).toBe(`You did 1 of 3 runs (33 %) this week. Try a short run tonight. ${COACH_SENTENCE_LEFT_OUT}`);
    expect(outcome.provider).toBe("model:test-model");
  });
});
