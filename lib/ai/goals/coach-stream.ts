import { streamText, type ModelMessage } from "ai";
import { AppError } from "@/lib/errors";
import type { MemberGoalSummary, MoodTrend } from "@/lib/goals/types";
import { describeModelFailure } from "../get-narrator";
import { classifyFailure, statusOf } from "../model-json";
import { groundedCoachReply } from "./coach-grounded";
import { coachSystemPrompt } from "./coach-prompt";
import { logGoalModelError, resolveGoalModel, type GoalAiOptions } from "./goal-model";
import type { ModelHandle } from "../model-json";
import { findTextProblem, numberAllowListFromTexts, takeSentences } from "./text-guard";

export type CoachMessage = { role: "user" | "assistant"; content: string };

export type StreamCoachInput = GoalAiOptions & {
  summary: MemberGoalSummary;
  mood?: MoodTrend | null;
  /** The conversation so far, oldest first, without the new message. */
  history: CoachMessage[];
  message: string;
  /** How long the model may take to produce its first words (default 15 s). */
  firstTextTimeoutMs?: number;
};

export type CoachReplyOutcome = {
  /** Exactly the text the stream yielded, to store as the assistant's message. */
  text: string;
  /** Who actually wrote it: "grounded" when the model failed before its first sentence. */
  provider: string;
  fallbackReason?: string;
  cutShort: boolean;
};

export type CoachStream = {
  /** The provider asked first ("model:<name>" or "grounded"); `finished` says who really answered. */
  provider: string;
  textStream: AsyncIterable<string>;
  /** Settles once the stream has been read to its end or the reader stopped early (return/break); never rejects. */
  finished: Promise<CoachReplyOutcome>;
};

export const COACH_UNAVAILABLE = "The coach model is unavailable right now, so this answer comes straight from your check-in data.";
export const COACH_CUT_SHORT = "The answer was cut short because the coach model stopped responding; ask again in a moment.";
export const COACH_SENTENCE_LEFT_OUT = "(I left out a sentence that went beyond your data or into medical advice; your care team is the right person for medical questions.)";

const HISTORY_LIMIT = 20;
const MESSAGE_LIMIT = 4_000;
const DEFAULT_FIRST_TEXT_TIMEOUT_MS = 15_000;
const DEFAULT_TOTAL_TIMEOUT_MS = 60_000;

/**
 * The coach's answer as a text stream. With a model configured, its words are streamed sentence
 * by sentence through the guard (a sentence with a diagnosis, dosing advice or an invented number
 * is left out); without one, or when the model fails before its first sentence, the grounded reply
 * is streamed instead, after one sentence saying the model is unavailable. A failure mid-answer
 * ends the text with a sentence saying it was cut short. Nothing here throws for a model failure,
 * and the caller's own cancellation simply ends the stream.
 */
export function streamCoachReply(input: StreamCoachInput): CoachStream {
  const goalModel = resolveGoalModel(input.env);
  let settle!: (outcome: CoachReplyOutcome) => void;
  const finished = new Promise<CoachReplyOutcome>((resolve) => (settle = resolve));
  const grounded = () => groundedCoachReply(input);
  if (!goalModel) {
    return { provider: "grounded", textStream: recorded(inChunks(grounded()), { provider: "grounded", cutShort: false }, settle), finished };
  }
  return { provider: goalModel.provider, textStream: modelReply(goalModel, input, grounded, settle), finished };
}

async function* modelReply(goalModel: ModelHandle, input: StreamCoachInput, grounded: () => string, settle: (o: CoachReplyOutcome) => void): AsyncGenerator<string> {
  const history = input.history.slice(-HISTORY_LIMIT).map((m) => ({ role: m.role, content: m.content.slice(0, MESSAGE_LIMIT) }));
  const messages: ModelMessage[] = [...history, { role: "user", content: input.message.slice(0, MESSAGE_LIMIT) }];
  const system = coachSystemPrompt(input.summary, input.mood);
  const allow = numberAllowListFromTexts([system, ...messages.map((m) => String(m.content))]);

  const stop = new AbortController();
  const timedOut = new AbortController();
  let timeoutMs = 0;
  const timeoutAfter = (ms: number) => setTimeout(() => { timeoutMs = ms; timedOut.abort(); stop.abort(); }, ms);
  const firstTextTimer = timeoutAfter(input.firstTextTimeoutMs ?? DEFAULT_FIRST_TEXT_TIMEOUT_MS);
  const totalTimer = timeoutAfter(input.timeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS);
  const signal = input.signal ? AbortSignal.any([input.signal, stop.signal]) : stop.signal;

  let text = "";
  let provider: string = goalModel.provider;
  let fallbackReason: string | undefined;
  let cutShort = false;
  let failure: unknown = null;
  let dropped = 0;
  let buffer = "";
  const emit = (s: string) => { text += s; return s; };

  try {
    const result = streamText({
      model: goalModel.model,
      system,
      messages,
      temperature: 0.5,
      maxRetries: input.maxRetries ?? 1,
      abortSignal: signal,
      // Failures are read from the stream's parts below; the default handler would only print them.
      onError: () => {},
    });
    try {
      for await (const part of result.fullStream) {
        if (part.type === "text-delta") {
          clearTimeout(firstTextTimer);
          buffer += part.text;
          const { sentences, rest } = takeSentences(buffer);
          buffer = rest;
          for (const sentence of sentences) {
            if (findTextProblem(sentence, allow)) dropped += 1;
            else yield emit(sentence);
          }
        } else if (part.type === "error") {
          failure = part.error;
          break;
        } else if (part.type === "abort") {
          failure = new Error("the model stream was aborted");
          break;
        }
      }
    } catch (error) {
      failure = error;
    }
    if (input.signal?.aborted) return;

    if (failure === null && buffer.trim()) {
      if (findTextProblem(buffer, allow)) dropped += 1;
      else yield emit(buffer);
    }
    if (failure === null && text.trim() === "" && dropped === 0) failure = new Error("the model returned an empty answer");

    if (failure !== null) {
      const error = new AppError("unavailable:ai", "The coach model could not answer.", {
        cause: failure,
        details: { failure: classifyFailure(failure, timedOut.signal, input.signal), provider: goalModel.provider, ...(timedOut.signal.aborted ? { timeoutMs } : {}), ...statusOf(failure) },
      });
      (input.onModelError ?? logGoalModelError)(error);
      fallbackReason = describeModelFailure(error);
      if (text.trim() === "") {
        provider = "grounded";
        for (const chunk of inChunks(`${COACH_UNAVAILABLE} ${grounded()}`)) yield emit(chunk);
      } else {
        cutShort = true;
        yield emit(`${spaceAfter(text)}${COACH_CUT_SHORT}`);
      }
    } else if (text.trim() === "") {
      // Every sentence broke the rules: the grounded reply stands in.
      provider = "grounded";
      fallbackReason = "the model's answer broke the coach's rules";
      for (const chunk of inChunks(grounded())) yield emit(chunk);
    } else if (dropped > 0) {
      yield emit(`${spaceAfter(text)}${COACH_SENTENCE_LEFT_OUT}`);
    }
  } finally {
    clearTimeout(firstTextTimer);
    clearTimeout(totalTimer);
    stop.abort();
    settle({ text, provider, cutShort, ...(fallbackReason ? { fallbackReason } : {}) });
  }
}

async function* recorded(chunks: string[], meta: Omit<CoachReplyOutcome, "text">, settle: (o: CoachReplyOutcome) => void): AsyncGenerator<string> {
  let text = "";
  try {
    for (const chunk of chunks) {
      text += chunk;
      yield chunk;
    }
  } finally {
    settle({ ...meta, text });
  }
}

/** A reply split after each sentence, so a grounded answer streams like a model's. */
export function inChunks(reply: string): string[] {
  return reply.split(/(?<=[.!?:;])\s+/).map((s, i, all) => (i < all.length - 1 ? `${s} ` : s));
}

function spaceAfter(text: string): string {
  return /\s$/.test(text) ? "" : " ";
}
