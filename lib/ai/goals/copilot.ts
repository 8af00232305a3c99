import { generateText } from "ai";
import { AppError } from "@/lib/errors";
import type { MemberGoalSummary, MoodTrend } from "@/lib/goals/types";
import { describeModelFailure } from "../get-narrator";
import { classifyFailure, statusOf } from "../model-json";
import { groundedCopilotAnswer, type CopilotGlucose, type CopilotJournalEntry } from "./copilot-grounded";
import { buildGoalContext, buildMoodContext } from "./goal-context";
import { logGoalModelError, resolveGoalModel, type GoalAiOptions } from "./goal-model";
import { findTextProblem, numberAllowListFromTexts } from "./text-guard";

export type CopilotInput = GoalAiOptions & {
  question: string;
  mentee: MemberGoalSummary;
  mood?: MoodTrend | null;
  /** Only when the mentee shares glucose with the mentor. */
  glucose?: CopilotGlucose | null;
  /** Only entries the mentee chose to share. */
  sharedJournal?: CopilotJournalEntry[];
  /** Check-in notes are free text like a journal: only when the mentee shares the journal (false by default). */
  checkInNotes?: boolean;
};

export type CopilotAnswer = {
  answer: string;
  provider: string;
  /** Exactly the data the answer was written from, for the audit trail. */
  contextUsed: Record<string, unknown>;
  /** Set when a configured model failed or its answer was rejected and the grounded copilot answered. */
  fallbackReason?: string;
};

export const COPILOT_QUESTION_MAX = 1_000;
export const COPILOT_TIMEOUT_MS = 30_000;
const JOURNAL_ENTRIES = 14;
const JOURNAL_TEXT_LIMIT = 1_000;
const ANSWER_LIMIT = 4_000;

const COPILOT_SYSTEM_PROMPT = [
  "You are the mentor copilot of Proxima, a health app for people who live with diabetes or watch their metabolic health.",
  "A mentor asks you about one of their mentees. Answer the mentor in at most 150 words, concretely, from the data given.",
  "Rules:",
  "1. Use only the data given. Every number you write must appear in it; never compute new numbers.",
  "2. Never diagnose, never interpret symptoms, never give medication, insulin or dosing advice: those belong to the mentee's care team.",
  "3. Glucose and journal entries appear only when the mentee shared them; when they are absent, say you cannot see them rather than guess.",
  "4. Suggest what the mentor could say or ask, kindly and without blame.",
].join("\n");

/**
 * The mentor copilot's answer about one mentee. The context built here is exactly what the model
 * (or the grounded copilot) reads and is returned for the audit trail; glucose, the journal and
 * check-in notes are in it only when passed. A model failure or an answer with a diagnosis or an
 * invented number gives the grounded answer.
 */
export async function answerCopilotQuestion(input: CopilotInput): Promise<CopilotAnswer> {
  const question = validateCopilotQuestion(input.question);
  const journal = input.sharedJournal
    ?.slice()
    .sort((a, b) => b.day.localeCompare(a.day))
    .slice(0, JOURNAL_ENTRIES)
    .map((e) => ({ day: e.day, text: e.text.slice(0, JOURNAL_TEXT_LIMIT) }));
  const contextUsed: Record<string, unknown> = {
    mentee: { name: input.mentee.name, ...buildGoalContext(input.mentee, { checkInNotes: input.checkInNotes ?? false }) },
    ...(input.mood ? { mood: buildMoodContext(input.mood) } : {}),
    ...(input.glucose ? { glucose: input.glucose } : {}),
    ...(journal?.length ? { sharedJournal: journal } : {}),
  };
  const grounded = () => groundedCopilotAnswer({ question, mentee: input.mentee, mood: input.mood, glucose: input.glucose, sharedJournal: journal });

  const goalModel = resolveGoalModel(input.env);
  if (!goalModel) return { answer: grounded(), provider: "grounded", contextUsed };

  const prompt = `The mentee's data:\n${JSON.stringify(contextUsed)}\n\nThe mentor's question:\n${question}`;
  const timeoutMs = input.timeoutMs ?? COPILOT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const { text } = await generateText({
      model: goalModel.model,
      system: COPILOT_SYSTEM_PROMPT,
      prompt,
      temperature: 0.3,
      maxRetries: input.maxRetries ?? 1,
      abortSignal: input.signal ? AbortSignal.any([input.signal, timeout]) : timeout,
    });
    const answer = text.trim();
    const problem = !answer ? "the model returned an empty answer"
      : answer.length > ANSWER_LIMIT ? "the model's answer was too long"
        : findTextProblem(answer, numberAllowListFromTexts([prompt]));
    if (!problem) return { answer, provider: goalModel.provider, contextUsed };
    (input.onModelError ?? logGoalModelError)(new AppError("unprocessable:ai", "The copilot model's answer was rejected.", { details: { problem, provider: goalModel.provider } }));
    return { answer: grounded(), provider: "grounded", contextUsed, fallbackReason: `the model's answer was set aside: ${problem}` };
  } catch (error) {
    if (input.signal?.aborted) throw error;
    const wrapped = new AppError("unavailable:ai", "The copilot model could not answer.", {
      cause: error,
      details: { failure: classifyFailure(error, timeout, input.signal), provider: goalModel.provider, ...(timeout.aborted ? { timeoutMs } : {}), ...statusOf(error) },
    });
    (input.onModelError ?? logGoalModelError)(wrapped);
    return { answer: grounded(), provider: "grounded", contextUsed, fallbackReason: describeModelFailure(wrapped) };
  }
}

export function validateCopilotQuestion(question: unknown): string {
  const text = typeof question === "string" ? question.trim() : "";
  if (!text) throw new AppError("bad_request:copilot", "Type a question about your mentee first.");
  if (text.length > COPILOT_QUESTION_MAX) {
    throw new AppError("bad_request:copilot", `Keep the question to ${COPILOT_QUESTION_MAX.toLocaleString("en-US")} characters (it has ${text.length.toLocaleString("en-US")}).`);
  }
  return text;
}
