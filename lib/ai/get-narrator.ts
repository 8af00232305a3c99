import { getEnv, type Env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import type { WeeklyFacts } from "@/lib/intelligence";
import type { BriefDraft, Narrator, NarratorContext } from "./brief-draft";
import { createGroundedNarrator, writeGroundedBrief } from "./grounded-narrator";
import { createOpenAiNarrator, DEFAULT_MODEL } from "./openai-narrator";

/**
 * The configured narrator: the OpenAI-compatible model when OPENAI_API_KEY is set (with
 * OPENAI_BASE_URL and OPENAI_MODEL, default gpt-4o-mini), the grounded narrator otherwise.
 */
export function getNarrator(env: Pick<Env, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL"> = getEnv()): Narrator {
  if (!env.OPENAI_API_KEY) return createGroundedNarrator();
  return createOpenAiNarrator({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL ?? DEFAULT_MODEL });
}

export type WriteBriefOptions = NarratorContext & {
  narrator?: Narrator;
  /** Where a model failure is logged in full (default console.error); people only see the fallback marks. */
  onModelError?: (error: unknown) => void;
};

/**
 * The brief, whatever the model does: any model error, timeout or unusable answer gives the
 * grounded brief, marked partial with the reason in `fallbacks`; a partly invalid answer has
 * already been repaired item by item by the guard. Only a cancellation by the caller's own signal
 * is rethrown (the workflow step is being stopped, not failing).
 */
export async function writeBriefWithFallback(facts: WeeklyFacts, options: WriteBriefOptions = {}): Promise<BriefDraft> {
  const narrator = options.narrator ?? getNarrator();
  if (narrator.provider === "grounded") return narrator.writeBrief(facts, options);
  try {
    return await narrator.writeBrief(facts, options);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    (options.onModelError ?? logModelError)(error);
    const grounded = writeGroundedBrief(facts);
    return {
      ...grounded,
      story: { ...grounded.story, partial: true },
      partial: true,
      fallbacks: [{ part: "brief", reason: describeModelFailure(error) }],
    };
  }
}

export function describeModelFailure(error: unknown): string {
  const details = isAppError(error) ? error.details ?? {} : {};
  switch (details.failure) {
    case "timeout": return `the model did not answer within ${details.timeoutMs} ms`;
    case "http_error": return `the model endpoint answered with HTTP ${details.statusCode ?? "error"}`;
    case "invalid_json": return "the model's answer was not valid JSON";
    case "unreachable": return "the model endpoint could not be reached";
    default: return "the model call failed";
  }
}

function logModelError(error: unknown): void {
  console.error("[ai] the model narrator failed; the grounded brief is used instead:", error);
}
