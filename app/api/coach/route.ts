// POST /api/coach — the member's message to the coach: kept first, the reply streamed back as a UI message stream and kept when it ends.
import { createUIMessageStream, createUIMessageStreamResponse, generateId } from "ai";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { jsonError } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/body";
import { consumeLimit } from "@/db/queries/rate-limit";
import {
  appendCoachMessage, claimAnswer, COACH_LIMIT, COACH_MESSAGE_MAX, findFinishedReply, listCoachMessages, releaseAnswer, type CoachMessage, type CoachReplyLink,
} from "@/db/queries/coach-messages";
import { loadMemberGoalSummary } from "@/db/queries/goals";
import { loadMoodTrend } from "@/db/queries/journal";
import type { Viewer } from "@/db/queries/context";
import { streamCoachReply, type CoachStream } from "@/lib/ai/goals";
import { COACH_INPUT_MAX, type CoachUIMessage } from "@/components/coach/coach-chat-model";

/** Stored messages the model reads before the new question. */
const COACH_HISTORY = 20;
const BODY_MAX_BYTES = 64_000;

const textPart = z.object({ type: z.literal("text"), text: z.string() });
/**
 * The page sends `{ message }`. A stock useChat transport sends all its `messages`; only the last
 * one's text is read (the server keeps the history, the client cannot rewrite it).
 */
const bodySchema = z.union([
  z.object({ message: z.string(), id: z.string().optional() }),
  z.object({
    messages: z
      .array(
        z.object({
          id: z.string().optional(),
          role: z.enum(["user", "assistant", "system"]),
          parts: z.array(z.union([textPart, z.looseObject({ type: z.string() })])),
        }),
      )
      .min(1),
  }),
]);

/** The member's question, and the chat's id for it when sent (a retry sends the same id). */
function questionFrom(raw: unknown): { text: string; clientId: string | null } {
  const parsed = bodySchema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request:coach", "Send your question as JSON: { \"message\": \"…\" }.");
  let text: string;
  let clientId: string | null;
  if ("message" in parsed.data) {
    text = parsed.data.message;
    clientId = parsed.data.id ?? null;
  } else {
    const last = parsed.data.messages.at(-1)!;
    if (last.role !== "user") throw new AppError("bad_request:coach", "The last message must be your question.");
    text = last.parts.map((p) => (p.type === "text" && "text" in p && typeof p.text === "string" ? p.text : "")).join("");
    clientId = last.id ?? null;
  }
  text = text.trim();
  if (text.length === 0) throw new AppError("bad_request:coach", "Write a question for the coach before sending.");
  if (text.length > COACH_INPUT_MAX) {
    throw new AppError("bad_request:coach", `A message to the coach can be at most ${COACH_INPUT_MAX.toLocaleString("en-US")} characters; this one has ${text.length.toLocaleString("en-US")}.`);
  }
  return { text, clientId };
}

async function readBody(req: Request): Promise<unknown> {
  try {
    return await readJsonBody(req, BODY_MAX_BYTES);
  } catch (e) {
    if (isAppError(e) && e.kind === "payload_too_large") {
      throw new AppError("payload_too_large:coach", `That message is far too long: a message to the coach can be at most ${COACH_INPUT_MAX.toLocaleString("en-US")} characters.`);
    }
    throw e;
  }
}

export async function POST(req: Request): Promise<Response> {
  let kept = false;
  try {
    const { viewer } = await requireViewer("patient");
    const { text: question, clientId } = questionFrom(await readBody(req));
    const limit = await consumeLimit(COACH_LIMIT, viewer.userId);
    if (!limit.allowed) {
      return refusal(
        new AppError("rate_limited:coach", `You have sent ${COACH_LIMIT.points} messages in the last minute. Take a breath and ask again in ${limit.retryAfterSeconds} s.`),
        false,
        { "Retry-After": String(limit.retryAfterSeconds) },
      );
    }
    // Kept before any model runs: whatever fails next, the member's words are not lost. A retry of
    // a question already kept (same chat id) is not kept again: it gets the finished answer kept for
    // it (lost on the way back), or, if that answer was cut short or never came, a new one.
    const asked = await appendCoachMessage(viewer, { role: "user", content: question, clientId });
    kept = true;
    if (!asked.created) {
      const finished = await findFinishedReply(viewer, asked.id);
      if (finished) return replayReply(finished);
    }
    if (!(await claimAnswer(viewer, asked.id))) {
      throw new AppError("conflict:coach_busy", "The coach is still answering this message, perhaps in another window. Wait a moment, then try again.");
    }
    // From here the question is held until the stream's end frees it; a failure before the stream starts frees it here.
    try {
      const history = (await listCoachMessages(viewer, COACH_HISTORY + 2))
        .filter((m) => m.id !== asked.id && m.replyTo !== asked.id)
        .slice(-COACH_HISTORY);
      const [summary, mood] = await Promise.all([
        loadMemberGoalSummary(viewer),
        // The mood only colours the answer; a journal problem must not stop the coach.
        loadMoodTrend(viewer).catch((e: unknown) => {
          console.error("[api:coach] mood trend unavailable", e);
          return null;
        }),
      ]);
      return streamAndKeepReply(req, viewer, asked.id, (signal) =>
        streamCoachReply({ summary, mood, history: history.map((m) => ({ role: m.role, content: m.content })), message: question, signal }),
      );
    } catch (e) {
      await releaseAnswer(viewer, asked.id).catch(() => {});
      throw e;
    }
  } catch (e) {
    if (isAppError(e)) {
      if (e.status >= 500) console.error("[api:coach]", e, e.cause);
      return refusal(e, kept);
    }
    console.error("[api:coach]", e);
    const keptNote = kept ? " Your message is kept." : "";
    return refusal(new AppError("internal:coach", `The coach could not answer just now.${keptNote} Please try again in a moment.`), kept);
  }
}

/**
 * Every refusal says whether the member's message is kept (`details.kept`): the chat then leaves it
 * in the conversation with "Try again", or takes it out and gives the words back to the input.
 */
function refusal(e: AppError, kept: boolean, headers: Record<string, string> = {}): Response {
  return jsonError(new AppError(e.code, e.message, { details: { ...e.details, kept } }), headers);
}

/**
 * Streams the reply as text parts and keeps the assistant's text once it ends: finished, failed
 * or cut short because the member closed the page (then the part that was written is kept, and
 * the model is stopped rather than left running for nobody).
 */
function streamAndKeepReply(req: Request, viewer: Viewer, questionId: string, start: (signal: AbortSignal) => CoachStream): Response {
  const gone = new AbortController();
  const stop = () => gone.abort();
  req.signal?.addEventListener("abort", stop, { once: true });

  const stream = createUIMessageStream<CoachUIMessage>({
    onError: () => "The coach stopped before finishing. What it wrote so far is kept.",
    execute: async ({ writer }) => {
      const reply = start(gone.signal);
      const textId = generateId();
      let text = "";
      let provider = reply.provider;
      // A model may still hand over to the grounded coach before its first sentence: its name is sent at the finish.
      writer.write({ type: "start", messageMetadata: reply.provider === "grounded" ? { provider: "grounded" } : {} });
      writer.write({ type: "text-start", id: textId });
      let threw = false;
      try {
        for await (const delta of reply.textStream) {
          if (gone.signal.aborted) break;
          text += delta;
          writer.write({ type: "text-delta", id: textId, delta });
        }
      } catch (e) {
        threw = true;
        throw e;
      } finally {
        // `finished` settles once the stream is read or abandoned and says who really answered (a
        // model that failed before its first sentence hands over to the grounded coach). A stream
        // that threw may never settle it, so then the provider asked first is kept.
        // An answer is finished only if the stream ran to its end: not thrown, not left by the member,
        // and not cut short by the model (which ends the stream with a sentence saying so).
        let cutShort = threw;
        if (!threw) ({ provider, cutShort } = await reply.finished);
        await keepReply(viewer, text, provider, { replyTo: questionId, complete: !cutShort && !gone.signal.aborted });
        await releaseAnswer(viewer, questionId).catch((e: unknown) => console.error("[api:coach] could not free the question", e));
        req.signal?.removeEventListener("abort", stop);
      }
      writer.write({ type: "text-end", id: textId });
      writer.write({ type: "finish", messageMetadata: { provider, createdAt: new Date().toISOString() } });
    },
  });
  return createUIMessageStreamResponse({ stream: notifyOnCancel(stream, stop), headers: { "Cache-Control": "no-store" } });
}

/** A kept answer sent again as the same stream a new one would be (the retry's answer was lost on the way back). */
function replayReply(kept: CoachMessage): Response {
  const stream = createUIMessageStream<CoachUIMessage>({
    execute: ({ writer }) => {
      const textId = generateId();
      writer.write({ type: "start", messageMetadata: kept.provider ? { provider: kept.provider } : {} });
      writer.write({ type: "text-start", id: textId });
      writer.write({ type: "text-delta", id: textId, delta: kept.content });
      writer.write({ type: "text-end", id: textId });
      writer.write({ type: "finish", messageMetadata: { ...(kept.provider ? { provider: kept.provider } : {}), createdAt: kept.createdAt.toISOString() } });
    },
  });
  return createUIMessageStreamResponse({ stream, headers: { "Cache-Control": "no-store" } });
}

async function keepReply(viewer: Viewer, text: string, provider: string, reply: CoachReplyLink) {
  const content = text.trim().slice(0, COACH_MESSAGE_MAX);
  // Nothing was said (the page closed before the first word): there is nothing to keep.
  if (!content) return;
  try {
    await appendCoachMessage(viewer, { role: "assistant", content, provider, reply });
  } catch (e) {
    console.error("[api:coach] could not keep the coach's reply", e);
  }
}

/** Passes a stream through, calling `onCancel` when its reader goes away (the client disconnected). */
function notifyOnCancel<T>(source: ReadableStream<T>, onCancel: () => void): ReadableStream<T> {
  const reader = source.getReader();
  return new ReadableStream<T>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      onCancel();
      return reader.cancel(reason);
    },
  });
}
