import { APICallError, generateText, NoObjectGeneratedError, Output, RetryError, type LanguageModel } from "ai";
import { createOpenAI } from "@ai-sdk/openai";
import { z } from "zod";
import { AppError } from "@/lib/errors";

/** A configured chat model and the provider name stored with what it wrote ("model:gpt-4o-mini"). */
export type ModelHandle = { provider: `model:${string}`; model: LanguageModel };

/**
 * The one way to reach a model: `createOpenAI({ apiKey, baseURL }).chat(model)` speaks
 * /chat/completions, which OpenAI and every compatible server (DeepSeek, Ollama, vLLM…) serve.
 */
export function chatModel(config: { apiKey: string; baseURL?: string; model: string }): ModelHandle {
  const openai = createOpenAI({ apiKey: config.apiKey, baseURL: config.baseURL });
  return { provider: `model:${config.model}`, model: openai.chat(config.model) };
}

/** Why a model call produced no usable answer (kept in the error's details and the fallback note). */
export type ModelFailure = "timeout" | "aborted" | "http_error" | "invalid_json" | "unreachable" | "other";

export type AskJsonRequest = {
  handle: ModelHandle;
  system: string;
  prompt: string;
  schema: z.ZodType;
  name: string;
  description: string;
  /** What could not be done, for the AppError message ("The AI model could not draft this plan."). */
  failureMessage: string;
  timeoutMs: number;
  maxRetries: number;
  signal?: AbortSignal;
  temperature?: number;
};

/**
 * One JSON answer from the model (the weekly brief, goal plans, suggestions): structured output first,
 * plain JSON mode for servers that refuse a json_schema response_format, and a well-formed answer
 * that breaks the schema in places is returned as-is so the caller's guard can repair it item by
 * item. Nothing usable → AppError "unavailable:ai" with details.failure (describeModelFailure reads it).
 */
export async function askModelForJson(req: AskJsonRequest): Promise<unknown> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const { provider, model } = req.handle;
  const ask = (mode: "json_schema" | "json_object") =>
    generateText({
      model,
      system: mode === "json_schema" ? req.system : `${req.system}\nYour answer must be one JSON object that follows this JSON schema:\n${JSON.stringify(z.toJSONSchema(req.schema))}`,
      prompt: req.prompt,
      output: mode === "json_schema" ? Output.object({ schema: req.schema, name: req.name, description: req.description }) : Output.json(),
      temperature: req.temperature ?? 0.3,
      maxRetries: req.maxRetries,
      abortSignal: signal,
      // Non-strict: strict mode rejects schemas some compatible servers emit, and the guard validates anyway.
      providerOptions: { openai: { strictJsonSchema: false } },
    }).then((r) => r.output as unknown);

  const salvageOrThrow = (error: unknown): unknown => {
    const salvaged = NoObjectGeneratedError.isInstance(error) ? parseJsonLoosely(error.text) : undefined;
    if (salvaged !== undefined) return salvaged;
    const failure = classifyFailure(error, timeout, req.signal);
    throw new AppError("unavailable:ai", req.failureMessage, {
      cause: error,
      details: { failure, provider, ...(failure === "timeout" ? { timeoutMs: req.timeoutMs } : {}), ...statusOf(error) },
    });
  };

  try {
    return await ask("json_schema");
  } catch (error) {
    if (!rejectsResponseFormat(error) || signal.aborted) return salvageOrThrow(error);
    try {
      return await ask("json_object");
    } catch (second) {
      return salvageOrThrow(second);
    }
  }
}

export function rejectsResponseFormat(error: unknown): boolean {
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

export function statusOf(error: unknown): { statusCode?: number } {
  const last = RetryError.isInstance(error) ? error.lastError : error;
  return APICallError.isInstance(last) && last.statusCode !== undefined ? { statusCode: last.statusCode } : {};
}
