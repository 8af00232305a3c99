import { getEnv, type Env } from "@/lib/env";
import { DEFAULT_MODEL } from "../openai-narrator";
import { chatModel, type ModelHandle } from "../model-json";

export type ModelEnv = Partial<Pick<Env, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL">>;

/** Options every goal AI entry point accepts; none is required. */
export type GoalAiOptions = {
  /** Defaults to getEnv(); no OPENAI_API_KEY means the grounded answer, without any network call. */
  env?: ModelEnv;
  /** The caller's cancellation (a closed request). */
  signal?: AbortSignal;
  /** Where a model failure is logged in full (default console.error); people only see the fallback. */
  onModelError?: (error: unknown) => void;
  /** Whole-call timeout in ms. */
  timeoutMs?: number;
  /** Retries after a failed HTTP call (default 1; the grounded answer is the real fallback). */
  maxRetries?: number;
};

/** The chat model for goals, or null when no key is configured (then the grounded answer, no network call). */
export function resolveGoalModel(env: ModelEnv = getEnv()): ModelHandle | null {
  if (!env.OPENAI_API_KEY) return null;
  return chatModel({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL ?? DEFAULT_MODEL });
}

export function logGoalModelError(error: unknown): void {
  console.error("[ai/goals] the model failed; the grounded answer is used instead:", error);
}
