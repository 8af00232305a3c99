import type { WeeklyFacts } from "@/lib/intelligence";
import type { BriefDraft, Narrator, NarratorContext, Provider } from "./brief-draft";
import { BRIEF_SYSTEM_PROMPT, buildBriefPrompt } from "./brief-prompt";
import { writeGroundedBrief } from "./grounded-narrator";
import { guardModelBrief } from "./guard/guard-brief";
import { modelBriefSchema } from "./model-answer-schema";
import { askModelForJson, chatModel } from "./model-json";

export type OpenAiNarratorConfig = {
  apiKey: string;
  /** An OpenAI-compatible endpoint (DeepSeek, Ollama, vLLM…), e.g. "http://127.0.0.1:11434/v1". */
  baseURL?: string;
  model: string;
  /** Whole-call timeout in ms (default 45 s: a weekly brief is a background job, not a chat). */
  timeoutMs?: number;
  /** Retries after a failed HTTP call (default 1; the grounded narrator is the real fallback). */
  maxRetries?: number;
  temperature?: number;
};

export const DEFAULT_MODEL = "gpt-4o-mini";
export const DEFAULT_TIMEOUT_MS = 45_000;

/**
 * The OpenAI-compatible narrator (chatModel: any /chat/completions server). The model receives the week's
 * facts as JSON and returns the brief as structured output (askModelForJson, lib/ai/model-json.ts);
 * the answer then goes through the guard, item by item. A call that yields nothing usable throws
 * AppError "unavailable:ai" (details.failure says why) so writeBriefWithFallback can fall back.
 */
export function createOpenAiNarrator(config: OpenAiNarratorConfig): Narrator {
  const handle = chatModel(config);
  const provider: Provider = handle.provider;

  return {
    provider,
    async writeBrief(facts: WeeklyFacts, ctx: NarratorContext = {}): Promise<BriefDraft> {
      const grounded = writeGroundedBrief(facts);
      const answer = await askModelForJson({
        handle,
        system: BRIEF_SYSTEM_PROMPT,
        prompt: buildBriefPrompt(facts),
        schema: modelBriefSchema,
        name: "weekly_brief",
        description: "The weekly health brief",
        failureMessage: "The AI model could not write this week's brief.",
        timeoutMs: ctx.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxRetries: config.maxRetries ?? 1,
        signal: ctx.signal,
        temperature: config.temperature,
      });
      return guardModelBrief(answer, facts, grounded, provider);
    },
  };
}
