import type { WeeklyFacts } from "@/lib/intelligence";
import type { BriefDraft } from "../brief-draft";
import type { ModelBrief } from "../model-answer-schema";

/**
 * A model answer (the JSON a model returns) carrying the same content as a draft, for tests of the
 * guard and the providers. `reword` lets a test change the wording so "model" items are told apart.
 */
export function toModelAnswer(draft: BriefDraft, facts: WeeklyFacts, reword: (s: string) => string = (s) => s): ModelBrief {
  const ev = (items: BriefDraft["insights"][number]["evidence"]) => items.map((e) => ({ metric: e.metric, value: e.value }));
  return {
    story: { title: reword(draft.story.title), narrative: reword(draft.story.narrative), evidence: ev(draft.story.evidence) },
    insights: draft.insights.map((i) => ({ insightType: i.insightType, title: reword(i.title), description: reword(i.description), confidence: 50, evidence: ev(i.evidence) })),
    predictions: draft.predictions.map((p, i) => ({
      predictionId: facts.predictions.chosen[i].templateId,
      eventDescription: reword(p.eventDescription),
      probability: p.probability,
      timeframe: p.timeframe,
      reasoning: reword(p.reasoning),
      evidence: ev(p.evidence),
    })),
    shadowPatterns: draft.shadowPatterns.map((s, i) => ({
      patternId: facts.shadowPatterns[i].id,
      patternName: reword(s.patternName),
      lastSeenDescription: reword(s.lastSeenDescription),
      significance: s.significance,
      evidence: ev(s.evidence),
    })),
    strategicMoves: draft.strategicMoves.map((m) => ({ strategy: reword(m.strategy), strategyType: m.strategyType, priority: m.priority, evidence: ev(m.evidence) })),
  };
}

/** The answer as an OpenAI chat-completions response body. */
export function chatCompletion(content: string, model = "test-model") {
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1_750_000_000,
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 100, completion_tokens: 100, total_tokens: 200 },
  };
}

/** Every sentence of a draft a person reads, with where it sits. */
export function draftTexts(draft: BriefDraft): { part: string; text: string }[] {
  return [
    { part: "story.title", text: draft.story.title },
    { part: "story.narrative", text: draft.story.narrative },
    ...draft.insights.flatMap((i, k) => [{ part: `insights[${k}].title`, text: i.title }, { part: `insights[${k}].description`, text: i.description }]),
    ...draft.predictions.flatMap((p, k) => [{ part: `predictions[${k}].event`, text: p.eventDescription }, { part: `predictions[${k}].reasoning`, text: p.reasoning }, { part: `predictions[${k}].timeframe`, text: p.timeframe }]),
    ...draft.shadowPatterns.flatMap((s, k) => [{ part: `shadowPatterns[${k}].name`, text: s.patternName }, { part: `shadowPatterns[${k}].lastSeen`, text: s.lastSeenDescription }]),
    ...draft.strategicMoves.map((m, k) => ({ part: `strategicMoves[${k}]`, text: m.strategy })),
  ];
}
