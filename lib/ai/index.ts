/**
 * lib/ai: one Narrator interface, two providers (DESIGN decision 4) — the grounded narrator
 * (default, deterministic, offline) and an OpenAI-compatible model through the Vercel AI SDK —
 * the guard that checks a model's answer against the week's facts, and the brief's verification.
 */
export type {
  BriefDraft, CorrectionNote, FallbackNote, InsightDraft, InsightType, Narrator, NarratorContext, PredictionDraft, Provider,
  ShadowPatternDraft, Significance, StoryDraft, StrategicMoveDraft, StrategyType,
} from "./brief-draft";
export { createGroundedNarrator, writeGroundedBrief } from "./grounded-narrator";
export { createOpenAiNarrator, DEFAULT_MODEL, DEFAULT_TIMEOUT_MS, type OpenAiNarratorConfig } from "./openai-narrator";
export type { ModelFailure } from "./model-json";
export { getNarrator, writeBriefWithFallback, describeModelFailure, type WriteBriefOptions } from "./get-narrator";
export { guardModelBrief, INSIGHTS_RANGE, STRATEGIC_MOVES_COUNT } from "./guard/guard-brief";
export { DIAGNOSIS_PATTERNS, DOSING_PATTERNS, findForbiddenClaim } from "./guard/forbidden-claims";
export { REFERENCE_NUMBERS, findUnsupportedNumbers, buildNumberAllowList } from "./guard/number-check";
export { BRIEF_SYSTEM_PROMPT, buildBriefPayload, buildBriefPrompt } from "./brief-prompt";
export { modelBriefSchema, type ModelBrief } from "./model-answer-schema";
export { verifyBrief, type BriefProblem, type BriefProblemCode } from "./verify-brief";
