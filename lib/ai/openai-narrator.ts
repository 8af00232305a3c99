import { createOpenAI } from "@ai-sdk/openai";
import { APICallError, generateText, NoObjectGeneratedError, Output, RetryError } from "ai";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { WeeklyFacts } from "@/lib/intelligence";
import type { BriefDraft, Narrator, NarratorContext, Provider } from "./brief-draft";
import { BRIEF_SYSTEM_PROMPT, buildBriefPrompt } from "./brief-prompt";
import { writeGroundedBrief } from "./grounded-narrator";
import { guardModelBrief } from "./guard/guard-brief";
import { modelBriefSchema } from "./model-answer-schema";

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

/** Why a model call produced no usable answer (kept in the error's details and the fallback note). */
export type ModelFailure = "timeout" | "aborted" | "http_error" | "invalid_json" | "unreachable" | "other";

/**
 * The OpenAI-compatible narrator: `createOpenAI({ apiKey, baseURL }).chat(model)` speaks
 * /chat/completions, which DeepSeek, Ollama and vLLM also serve. The model receives the week's
 * facts as JSON and returns the brief through `generateText` with `Output.object({ schema })`;
 * the answer then goes through the guard, item by item. A call that yields nothing usable throws
 * AppError "unavailable:ai" (details.failure says why) so writeBriefWithFallback can fall back.
 */
export function createOpenAiNarrator(config: OpenAiNarratorConfig): Narrator {
  const provider: Provider = `model:${config.model}`;
  const openai = createOpenAI({ apiKey: config.apiKey, baseURL: config.baseURL });
  const model = openai.chat(config.model);

  return {
    provider,
    async writeBrief(facts: WeeklyFacts, ctx: NarratorContext = {}): Promise<BriefDraft> {
      const grounded = writeGroundedBrief(facts);
      const timeoutMs = ctx.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
      const ask = (mode: "json_schema" | "json_object") =>
        generateText({
          model,
          system: mode === "json_schema" ? BRIEF_SYSTEM_PROMPT : `${BRIEF_SYSTEM_PROMPT}\n${JSON_MODE_INSTRUCTION}`,
          prompt: buildBriefPrompt(facts),
          output: mode === "json_schema"
            ? Output.object({ schema: modelBriefSchema, name: "weekly_brief", description: "The weekly health brief" })
            : Output.json(),
          temperature: config.temperature ?? 0.3,
          maxRetries: config.maxRetries ?? 1,
          abortSignal: signal,
          // Non-strict JSON schema: strict mode rejects schemas some compatible servers emit, and the guard validates anyway.
          providerOptions: { openai: { strictJsonSchema: false } },
        }).then((r) => r.output as unknown);

      /** A well-formed JSON answer that breaks the schema somewhere is still worth guarding item by item. */
      const salvageOrThrow = (error: unknown): unknown => {
        const salvaged = NoObjectGeneratedError.isInstance(error) ? parseJsonLoosely(error.text) : undefined;
        if (salvaged !== undefined) return salvaged;
        const failure = classifyFailure(error, timeout, ctx.signal);
        throw new AppError("unavailable:ai", "The AI model could not write this week's brief.", {
          cause: error,
          details: { failure, provider, ...(failure === "timeout" ? { timeoutMs } : {}), ...statusOf(error) },
        });
      };

      let answer: unknown;
      try {
        answer = await ask("json_schema");
      } catch (error) {
        if (rejectsResponseFormat(error) && !signal.aborted) {
          // Servers without structured outputs (DeepSeek's API among them) answer 400 to a json_schema
          // response_format: ask once more in plain JSON mode, with the schema in the instructions.
          try {
            answer = await ask("json_object");
          } catch (second) {
            answer = salvageOrThrow(second);
          }
        } else {
          answer = salvageOrThrow(error);
        }
      }
      return guardModelBrief(answer, facts, grounded, provider);
    },
  };
}

/** The schema, spelled out for servers that only offer plain JSON mode. */
const JSON_MODE_INSTRUCTION = `Your answer must be one JSON object that follows this JSON schema:\n${JSON.stringify(z.toJSONSchema(modelBriefSchema))}`;

function rejectsResponseFormat(error: unknown): boolean {
  const last = RetryError.isInstance(error) ? error.lastError : error;
  return APICallError.isInstance(last) && (last.statusCode === 400 || last.statusCode === 422);
}

/** JSON from a model's text, tolerating a ```json fence around it; undefined when it is not JSON. */
export function parseJsonLoosely(text: string | undefined): unknown {
  if (!text) return undefined;
  const unfenced = text.trim().replace(/^```(?:json)?\s*/i, "").replace(/\s*```$/, "");
  try {
    return JSON.parse(unfenced);
  } catch {
    return undefined;
  }
}

export function classifyFailure(error: unknown, timeout: AbortSignal, outer?: AbortSignal): ModelFailure {
  if (timeout.aborted) return "timeout";
  if (outer?.aborted) return "aborted";
  const last = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(last)) return last.statusCode === undefined ? "unreachable" : "http_error";
  if (NoObjectGeneratedError.isInstance(last)) return "invalid_json";
  return "other";
}

function statusOf(error: unknown): { statusCode?: number } {
  const last = RetryError.isInstance(error) ? error.lastError : error;
  return APICallError.isInstance(last) && last.statusCode !== undefined ? { statusCode: last.statusCode } : {};
}
