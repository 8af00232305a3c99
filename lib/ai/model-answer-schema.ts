import { z } from "zod";

/**
 * The JSON a model must return (AI SDK `Output.object({ schema })`). Ids tie an item to the
 * computed prediction or shadow pattern it words; numbers in it are checked by the guard and the
 * probabilities replaced by the computed ones. Kept flat and free of optional fields so strict
 * JSON-schema modes (OpenAI, vLLM) accept it.
 */
export const modelEvidenceSchema = z.object({
  metric: z.string().min(1).describe("A metric key from the facts, exactly as given"),
  value: z.union([z.number(), z.string()]).describe("The fact's value, exactly as given"),
});

export const modelStorySchema = z.object({
  title: z.string().min(3).max(120),
  narrative: z.string().min(20).max(2400),
  evidence: z.array(modelEvidenceSchema).min(1),
});

export const modelInsightSchema = z.object({
  insightType: z.enum(["positive", "warning", "neutral"]),
  title: z.string().min(3).max(120),
  description: z.string().min(10).max(700),
  confidence: z.number().min(0).max(100),
  evidence: z.array(modelEvidenceSchema).min(1),
});

export const modelPredictionSchema = z.object({
  predictionId: z.string().min(1).describe("The predictionId of a computed prediction"),
  eventDescription: z.string().min(5).max(240),
  probability: z.number().min(0).max(100).describe("The computed probabilityPercent, unchanged"),
  timeframe: z.string().min(3).max(80),
  reasoning: z.string().min(10).max(700),
  evidence: z.array(modelEvidenceSchema).min(1),
});

export const modelShadowPatternSchema = z.object({
  patternId: z.string().min(1).describe("The patternId of a computed shadow pattern"),
  patternName: z.string().min(3).max(100),
  lastSeenDescription: z.string().min(5).max(400),
  significance: z.enum(["high", "medium", "low"]),
  evidence: z.array(modelEvidenceSchema).min(1),
});

export const modelStrategicMoveSchema = z.object({
  strategy: z.string().min(10).max(400),
  strategyType: z.enum(["discovery", "pattern", "prevention"]),
  priority: z.number().int().min(1).max(10),
  evidence: z.array(modelEvidenceSchema).min(1),
});

export const modelBriefSchema = z.object({
  story: modelStorySchema,
  insights: z.array(modelInsightSchema),
  predictions: z.array(modelPredictionSchema),
  shadowPatterns: z.array(modelShadowPatternSchema),
  strategicMoves: z.array(modelStrategicMoveSchema),
});

export type ModelBrief = z.infer<typeof modelBriefSchema>;
export type ModelEvidence = z.infer<typeof modelEvidenceSchema>;
