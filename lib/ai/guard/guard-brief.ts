import type { z } from "zod";
import type { EvidenceItem, WeeklyFacts } from "@/lib/intelligence";
import type {
  BriefDraft,
  CorrectionNote,
  FallbackNote,
  InsightDraft,
  PredictionDraft,
  Provider,
  ShadowPatternDraft,
  StrategicMoveDraft,
} from "../brief-draft";
import {
  modelInsightSchema,
  modelPredictionSchema,
  modelShadowPatternSchema,
  modelStorySchema,
  modelStrategicMoveSchema,
} from "../model-answer-schema";
import { checkEvidence } from "./evidence-check";
import { findForbiddenClaim } from "./forbidden-claims";
import { buildNumberAllowList, findUnsupportedNumbers, type NumberAllowList } from "./number-check";

export const INSIGHTS_RANGE = { min: 3, max: 5 } as const;
export const STRATEGIC_MOVES_COUNT = 5;

/**
 * The guard on a model's answer (DESIGN decision 4). Item by item:
 *   1. the item must fit its schema;
 *   2. every evidence item must name a metric of the week's facts with the same value (within
 *      rounding) — the stored evidence is then the facts as registered;
 *   3. every number in its sentences must be a figure of the week or a reference threshold;
 *   4. no diagnosis of a named condition, no medication advice (forbidden-claims.ts);
 *   5. probabilities, sample sizes and significances are replaced by the computed ones, and an
 *      insight's confidence by the lowest confidence of the facts it cites; a prediction or shadow
 *      pattern that matches no computed one is dropped;
 *   6. counts: 3–5 insights, one prediction per computed prediction, one shadow pattern per
 *      computed pattern, exactly 5 strategic moves.
 * Whatever fails is replaced by the grounded narrator's item; `fallbacks` says which and why,
 * `corrections` lists the numbers set back to the computed values, and `partial` is true when
 * anything fell back.
 */
export function guardModelBrief(answer: unknown, facts: WeeklyFacts, grounded: BriefDraft, provider: Provider): BriefDraft {
  const fallbacks: FallbackNote[] = [];
  const corrections: CorrectionNote[] = [];
  const allow = buildNumberAllowList(facts, [
    ...facts.predictions.chosen.map((p) => p.description),
    ...facts.shadowPatterns.flatMap((s) => [s.patternName, s.thisWeek.description, s.lastSeen?.description ?? ""]),
  ]);
  const root = isRecord(answer) ? answer : {};
  if (!isRecord(answer)) fallbacks.push({ part: "brief", reason: "the answer is not a JSON object" });
  const textProblem = (...texts: string[]) => checkTexts(texts, allow);

  // ————— story —————
  let story: BriefDraft["story"] = grounded.story;
  {
    const parsed = parseItem(modelStorySchema, root.story);
    if (!parsed.ok) fallbacks.push({ part: "story", reason: parsed.problem });
    else {
      const ev = checkEvidence(parsed.value.evidence, facts);
      const problem = !ev.ok ? ev.problem : textProblem(parsed.value.title, parsed.value.narrative);
      if (problem || !ev.ok) fallbacks.push({ part: "story", reason: problem! });
      else story = { title: parsed.value.title, narrative: parsed.value.narrative, evidence: ev.evidence, provider, partial: false };
    }
  }

  // ————— insights: keep valid ones (≤ 5), replace failures, fill to 3 —————
  const insights = replaceItemByItem<InsightDraft>({
    part: "insights",
    raw: root.insights,
    grounded: grounded.insights,
    max: INSIGHTS_RANGE.max,
    min: INSIGHTS_RANGE.min,
    fallbacks,
    corrections,
    validate: (raw, i) => {
      const parsed = parseItem(modelInsightSchema, raw);
      if (!parsed.ok) return parsed;
      const ev = checkEvidence(parsed.value.evidence, facts);
      if (!ev.ok) return ev;
      const problem = textProblem(parsed.value.title, parsed.value.description);
      if (problem) return { ok: false, problem };
      const confidence = lowestConfidence(ev.evidence, facts);
      if (Math.round(parsed.value.confidence) !== confidence) corrections.push({ part: `insights[${i}]`, field: "confidence", stated: parsed.value.confidence, computed: confidence });
      return { ok: true, value: { insightType: parsed.value.insightType, title: parsed.value.title, description: parsed.value.description, confidence, evidence: ev.evidence, provider } };
    },
  });

  // ————— predictions: one per computed prediction —————
  const chosen = facts.predictions.chosen;
  const predictionById = new Map<string, PredictionDraft>();
  forEachItem(root.predictions, "predictions", fallbacks, (raw, i) => {
    const parsed = parseItem(modelPredictionSchema, raw);
    if (!parsed.ok) return parsed.problem;
    const computed = chosen.find((p) => p.templateId === parsed.value.predictionId);
    if (!computed) return `names prediction "${parsed.value.predictionId}", which has no computed probability`;
    if (predictionById.has(computed.templateId)) return `repeats prediction "${computed.templateId}"`;
    const ev = checkEvidence(parsed.value.evidence, facts);
    if (!ev.ok) return ev.problem;
    const problem = textProblem(parsed.value.eventDescription, parsed.value.reasoning, parsed.value.timeframe);
    if (problem) return problem;
    if (Math.round(parsed.value.probability) !== computed.probabilityPercent) {
      corrections.push({ part: `predictions[${i}]`, field: "probability", stated: parsed.value.probability, computed: computed.probabilityPercent });
    }
    predictionById.set(computed.templateId, {
      eventDescription: parsed.value.eventDescription,
      probability: computed.probabilityPercent,
      sampleSize: computed.sampleSize,
      timeframe: parsed.value.timeframe,
      preventable: computed.preventable,
      reasoning: parsed.value.reasoning,
      evidence: mergeEvidence(ev.evidence, grounded.predictions[chosen.indexOf(computed)]?.evidence ?? []),
      provider,
    });
    return null;
  });
  const predictions = chosen.map((p, i) => {
    const fromModel = predictionById.get(p.templateId);
    if (fromModel) return fromModel;
    fallbacks.push({ part: `predictions:${p.templateId}`, reason: "no valid wording from the model" });
    return grounded.predictions[i];
  });

  // ————— shadow patterns: one per computed pattern —————
  const shadowById = new Map<string, ShadowPatternDraft>();
  forEachItem(root.shadowPatterns, "shadowPatterns", fallbacks, (raw, i) => {
    const parsed = parseItem(modelShadowPatternSchema, raw);
    if (!parsed.ok) return parsed.problem;
    const computed = facts.shadowPatterns.find((s) => s.id === parsed.value.patternId);
    if (!computed) return `names shadow pattern "${parsed.value.patternId}", which was not found in the data`;
    if (shadowById.has(computed.id)) return `repeats shadow pattern "${computed.id}"`;
    const ev = checkEvidence(parsed.value.evidence, facts);
    if (!ev.ok) return ev.problem;
    const problem = textProblem(parsed.value.patternName, parsed.value.lastSeenDescription);
    if (problem) return problem;
    if (parsed.value.significance !== computed.significance) {
      corrections.push({ part: `shadowPatterns[${i}]`, field: "significance", stated: parsed.value.significance, computed: computed.significance });
    }
    shadowById.set(computed.id, {
      patternName: parsed.value.patternName,
      lastSeenDescription: parsed.value.lastSeenDescription,
      significance: computed.significance,
      lastMentionedDate: computed.lastSeen?.date ?? null,
      evidence: mergeEvidence(ev.evidence, computed.evidence),
      provider,
    });
    return null;
  });
  const shadowPatterns = facts.shadowPatterns.map((s, i) => {
    const fromModel = shadowById.get(s.id);
    if (fromModel) return fromModel;
    fallbacks.push({ part: `shadowPatterns:${s.id}`, reason: "no valid wording from the model" });
    return grounded.shadowPatterns[i];
  });

  // ————— strategic moves: exactly 5 —————
  const strategicMoves = replaceItemByItem<StrategicMoveDraft>({
    part: "strategicMoves",
    raw: root.strategicMoves,
    grounded: grounded.strategicMoves,
    max: STRATEGIC_MOVES_COUNT,
    min: STRATEGIC_MOVES_COUNT,
    fallbacks,
    corrections,
    validate: (raw) => {
      const parsed = parseItem(modelStrategicMoveSchema, raw);
      if (!parsed.ok) return parsed;
      const ev = checkEvidence(parsed.value.evidence, facts);
      if (!ev.ok) return ev;
      const problem = textProblem(parsed.value.strategy);
      if (problem) return { ok: false, problem };
      return { ok: true, value: { strategy: parsed.value.strategy, strategyType: parsed.value.strategyType, priority: parsed.value.priority, evidence: ev.evidence, provider } };
    },
  }).sort((a, b) => b.priority - a.priority);

  const partial = fallbacks.length > 0;
  return {
    weekOf: facts.weekOf,
    story: { ...story, partial },
    insights,
    predictions,
    shadowPatterns,
    strategicMoves,
    partial,
    fallbacks,
    corrections,
  };
}

type Check<T> = { ok: true; value: T } | { ok: false; problem: string };

function parseItem<S extends z.ZodType>(schema: S, raw: unknown): Check<z.infer<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: `does not fit the schema (${issue.path.join(".") || "item"}: ${issue.message})` };
}

function checkTexts(texts: readonly string[], allow: NumberAllowList): string | null {
  for (const text of texts) {
    const forbidden = findForbiddenClaim(text);
    if (forbidden) return forbidden;
    const unsupported = findUnsupportedNumbers(text, allow);
    if (unsupported.length) return `states ${unsupported.map((n) => `"${n.text}"`).join(", ")}, not among the computed figures`;
  }
  return null;
}

function forEachItem(raw: unknown, part: string, fallbacks: FallbackNote[], visit: (item: unknown, index: number) => string | null): void {
  if (!Array.isArray(raw)) {
    fallbacks.push({ part, reason: "missing from the answer or not a list" });
    return;
  }
  raw.forEach((item, i) => {
    const problem = visit(item, i);
    if (problem) fallbacks.push({ part: `${part}[${i}]`, reason: problem });
  });
}

/**
 * Validates the model's items in order (at most `max`), replaces each failed one by a grounded
 * item on another topic (its first evidence metric not already cited), and tops up to `min`.
 */
function replaceItemByItem<T extends { evidence: EvidenceItem[] }>(options: {
  part: string;
  raw: unknown;
  grounded: readonly T[];
  max: number;
  min: number;
  fallbacks: FallbackNote[];
  corrections: CorrectionNote[];
  validate: (raw: unknown, index: number) => Check<T>;
}): T[] {
  const { part, fallbacks } = options;
  if (!Array.isArray(options.raw)) {
    fallbacks.push({ part, reason: "missing from the answer or not a list" });
    return options.grounded.slice(0, options.max);
  }
  if (options.raw.length > options.max) {
    options.corrections.push({ part, field: "count", stated: options.raw.length, computed: options.max });
  }
  const slots = options.raw.slice(0, options.max).map((raw, i) => {
    const check = options.validate(raw, i);
    if (!check.ok) fallbacks.push({ part: `${part}[${i}]`, reason: check.problem });
    return check.ok ? check.value : null;
  });
  const cited = new Set(slots.flatMap((s) => (s ? s.evidence.map((e) => e.metric) : [])));
  const pool = [...options.grounded];
  const takeReplacement = (): T | undefined => {
    const fresh = pool.findIndex((g) => !cited.has(g.evidence[0]?.metric ?? ""));
    const [taken] = pool.splice(fresh >= 0 ? fresh : 0, 1);
    taken?.evidence.forEach((e) => cited.add(e.metric));
    return taken;
  };
  const out: T[] = [];
  for (const slot of slots) {
    const item = slot ?? takeReplacement();
    if (item) out.push(item);
  }
  while (out.length < options.min && pool.length > 0) {
    fallbacks.push({ part: `${part}[${out.length}]`, reason: `fewer than ${options.min} valid items from the model` });
    out.push(takeReplacement()!);
  }
  return out;
}

function lowestConfidence(evidence: readonly EvidenceItem[], facts: WeeklyFacts): number {
  const values = evidence.map((e) => facts.facts[e.metric]?.confidence).filter((c): c is number => c !== undefined);
  return values.length ? Math.min(...values) : 0;
}

function mergeEvidence(a: readonly EvidenceItem[], b: readonly EvidenceItem[]): EvidenceItem[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((e) => !seen.has(e.metric) && seen.add(e.metric));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
