import type { WeeklyFacts } from "@/lib/intelligence";
import type { BriefDraft, Narrator } from "./brief-draft";
import { FactReader } from "./grounded/fact-reader";
import { writeInsights } from "./grounded/insights";
import { writeMoves } from "./grounded/moves";
import { writePredictions, writeShadowPatterns } from "./grounded/predictions-and-patterns";
import { writeStory } from "./grounded/story";

/**
 * The default narrator (DESIGN decision 4): deterministic templates over the week's facts, offline.
 * Same facts → same brief; every number it writes is a registered fact, cited in `evidence`.
 */
export function writeGroundedBrief(facts: WeeklyFacts): BriefDraft {
  const r = new FactReader(facts);
  const story = writeStory(r);
  return {
    weekOf: facts.weekOf,
    story: { ...story, provider: "grounded", partial: false },
    insights: writeInsights(r).map((i) => ({ insightType: i.insightType, title: i.title, description: i.description, confidence: i.confidence, evidence: i.evidence, provider: "grounded" })),
    predictions: writePredictions(r).map(({ templateId: _, ...p }) => ({ ...p, provider: "grounded" })),
    shadowPatterns: writeShadowPatterns(r).map(({ patternId: _, ...s }) => ({ ...s, provider: "grounded" })),
    strategicMoves: writeMoves(r).map((m) => ({ ...m, provider: "grounded" })),
    partial: false,
    fallbacks: [],
    corrections: [],
  };
}

export function createGroundedNarrator(): Narrator {
  return {
    provider: "grounded",
    writeBrief: async (facts) => writeGroundedBrief(facts),
  };
}
