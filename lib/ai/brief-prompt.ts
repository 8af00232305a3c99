import type { WeeklyFacts } from "@/lib/intelligence";
import { INSIGHTS_RANGE, STRATEGIC_MOVES_COUNT } from "./guard/guard-brief";

/**
 * The instructions and the facts a model receives. The model words; it never computes: every
 * number it may use is in the facts list, and the guard rejects any other.
 */
export const BRIEF_SYSTEM_PROMPT = [
  "You write the weekly health brief of Proxima, an app for people who live with diabetes or watch their metabolic health.",
  "You receive the computed facts of one person's week as JSON. Write for that person, plainly and warmly, in the second person; a doctor may read it too.",
  "Rules:",
  "1. Use only the facts given. Every number you write must be one of the fact values (or its n), written with the same rounding, or a threshold the facts mention (70–180 mg/dL, 70 %, 4 %, 36 %…). Never compute new numbers (no differences, ratios or totals of your own).",
  "2. Every item has an `evidence` list: cite the metric keys you rely on, each with its value exactly as given.",
  "3. Do not diagnose: never say or suggest the person has a named condition, never mention a diagnosis, never give medication or dosing advice. Correlations are associations, not causes.",
  `4. Return ${INSIGHTS_RANGE.min} to ${INSIGHTS_RANGE.max} insights (positive, warning or neutral; confidence may be any number, it is replaced by the computed one).`,
  "5. Return exactly one prediction per entry of `predictions`, with its `predictionId`, its probabilityPercent unchanged as `probability`, and reasoning that explains where the number comes from. Never add a prediction of your own.",
  "6. Return exactly one shadow pattern per entry of `shadowPatterns`, with its `patternId`.",
  `7. Return exactly ${STRATEGIC_MOVES_COUNT} strategic moves: specific, achievable next-week actions, typed discovery (learn something), pattern (keep or restore a habit) or prevention (avoid a predicted event), with a priority from 1 to 10.`,
  "8. If the data is thin (see dataQuality), say so simply and suggest how to get more data; do not fill gaps with guesses.",
  "Answer with the JSON object only.",
].join("\n");

/** The facts payload (JSON) the model reads: compact, with stable keys it must cite. */
export function buildBriefPayload(facts: WeeklyFacts) {
  return {
    weekOf: facts.weekOf,
    weekEnd: facts.weekEnd,
    dataQuality: { level: facts.dataQuality.level, flags: facts.dataQuality.flags, notes: facts.dataQuality.notes },
    facts: Object.values(facts.facts).map((f) => ({
      metric: f.metric,
      label: f.label,
      value: f.value,
      ...(f.unit ? { unit: f.unit } : {}),
      ...(f.n !== undefined ? { n: f.n } : {}),
      ...(f.detail ? { detail: f.detail } : {}),
    })),
    predictions: facts.predictions.chosen.map((p) => ({
      predictionId: p.templateId,
      event: p.description,
      probabilityPercent: p.probabilityPercent,
      sampleSize: p.sampleSize,
      baseRatePercent: p.baseRatePercent,
      timeframe: p.timeframe,
      preventable: p.preventable,
      evidenceKeys: [`prediction.${p.templateId}.probability`, `prediction.${p.templateId}.base_rate`, `prediction.${p.templateId}.sample_size`, `prediction.${p.templateId}.events`],
    })),
    predictionsNotAvailable: [...new Set(facts.predictions.notChosen.filter((n) => n.kind === "insufficient_history").map((n) => n.reason))],
    shadowPatterns: facts.shadowPatterns.map((s) => ({
      patternId: s.id,
      patternName: s.patternName,
      weeksPresentOfLast4: s.weeksPresent,
      thisWeek: s.thisWeek.description,
      lastSeen: s.lastSeen?.description ?? null,
      significance: s.significance,
      evidenceKeys: s.evidence.map((e) => e.metric),
    })),
    correlations: facts.correlations.map((c) => ({ metric: c.metric, description: c.description, rho: c.spearmanRho, days: c.sampleSize, confidence: c.confidence })),
  };
}

export function buildBriefPrompt(facts: WeeklyFacts): string {
  return `Write this week's brief from these facts:\n${JSON.stringify(buildBriefPayload(facts))}`;
}
