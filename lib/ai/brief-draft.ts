import type { EvidenceItem, WeeklyFacts } from "@/lib/intelligence";

/**
 * What a narrator writes for one week. Each part maps 1:1 onto a table of
 * db/schema/intelligence.ts (story → weekly_health_stories, insights → health_insights,
 * predictions → health_predictions, shadowPatterns → shadow_patterns, strategicMoves →
 * strategic_moves), with the same field names in camelCase; the workflow adds user, week and story ids.
 */
export type Provider = "grounded" | `model:${string}`;

export type InsightType = "positive" | "warning" | "neutral";
export type Significance = "high" | "medium" | "low";
export type StrategyType = "discovery" | "pattern" | "prevention";

export type StoryDraft = {
  title: string;
  narrative: string;
  evidence: EvidenceItem[];
  provider: Provider;
  /** True when any part of the brief came from a fallback (see BriefDraft.fallbacks). */
  partial: boolean;
};

export type InsightDraft = {
  insightType: InsightType;
  title: string;
  description: string;
  /** 0–100: the lowest confidence among the facts in `evidence` (never a model's own figure). */
  confidence: number;
  evidence: EvidenceItem[];
  provider: Provider;
};

export type PredictionDraft = {
  eventDescription: string;
  /** 0–100: the calibrated probability computed in lib/analytics/predictions, never a model's. */
  probability: number;
  sampleSize: number;
  timeframe: string;
  preventable: boolean;
  reasoning: string;
  evidence: EvidenceItem[];
  provider: Provider;
};

export type ShadowPatternDraft = {
  patternName: string;
  lastSeenDescription: string;
  significance: Significance;
  lastMentionedDate: string | null;
  evidence: EvidenceItem[];
  provider: Provider;
};

export type StrategicMoveDraft = {
  strategy: string;
  strategyType: StrategyType;
  /** 1–10, 10 first. */
  priority: number;
  evidence: EvidenceItem[];
  provider: Provider;
};

/** A part a model wrote that the guard replaced with the grounded narrator's, and why. */
export type FallbackNote = { part: string; reason: string };
/** A number the guard set back to the computed value (the item itself was kept). */
export type CorrectionNote = { part: string; field: string; stated: number | string | null; computed: number | string | null };

export type BriefDraft = {
  weekOf: string;
  story: StoryDraft;
  /** 3–5 (fewer only if the facts cannot support 3; verifyBrief reports it). */
  insights: InsightDraft[];
  /** One per calibrated prediction chosen for the week (2–3, or 0 with too little history). */
  predictions: PredictionDraft[];
  /** One per shadow pattern found (0–4). */
  shadowPatterns: ShadowPatternDraft[];
  /** Exactly 5. */
  strategicMoves: StrategicMoveDraft[];
  /** True when a fallback replaced part of what the configured narrator was asked to write. */
  partial: boolean;
  fallbacks: FallbackNote[];
  corrections: CorrectionNote[];
};

export type NarratorContext = {
  /** Cancels the call (the workflow step's signal). */
  signal?: AbortSignal;
  /** Overrides the provider's default timeout, in ms. */
  timeoutMs?: number;
};

/** One interface, two providers (DESIGN decision 4): the grounded narrator and an OpenAI-compatible model. */
export interface Narrator {
  readonly provider: Provider;
  writeBrief(facts: WeeklyFacts, ctx?: NarratorContext): Promise<BriefDraft>;
}
