import type { WeeklyFacts } from "@/lib/intelligence";
import type { BriefDraft } from "./brief-draft";
import { INSIGHTS_RANGE, STRATEGIC_MOVES_COUNT } from "./guard/guard-brief";

export type BriefProblemCode =
  | "too_few_insights"
  | "too_many_insights"
  | "insufficient_history"
  | "prediction_count"
  | "prediction_mismatch"
  | "shadow_pattern_count"
  | "strategic_move_count"
  | "value_out_of_range"
  | "missing_evidence"
  | "no_data"
  | "stale_data"
  | "freshness_not_mentioned";

/** `retryable`: regenerating may fix it (a model's slip); otherwise it is a fact about the data. */
export type BriefProblem = { code: BriefProblemCode; message: string; retryable: boolean };

/**
 * The checks the workflow runs on a finished brief (seeds/weekly-intelligence.md "Verification
 * System"): ≥ 3 insights, 2–3 predictions matching the computed ones, counts in range, evidence on
 * every item, and fresh data. Returns the problems (empty when the brief is sound) so the workflow
 * can regenerate once when one is retryable, and mark the brief otherwise.
 */
export function verifyBrief(draft: BriefDraft, facts: WeeklyFacts): BriefProblem[] {
  const problems: BriefProblem[] = [];
  const add = (code: BriefProblemCode, message: string, retryable: boolean) => problems.push({ code, message, retryable });

  if (draft.insights.length < INSIGHTS_RANGE.min) add("too_few_insights", `${draft.insights.length} insights; at least ${INSIGHTS_RANGE.min} are expected.`, true);
  if (draft.insights.length > INSIGHTS_RANGE.max) add("too_many_insights", `${draft.insights.length} insights; at most ${INSIGHTS_RANGE.max}.`, true);

  const computed = facts.predictions.chosen;
  if (computed.length < 2) {
    const reasons = [...new Set(facts.predictions.notChosen.filter((n) => n.kind === "insufficient_history").map((n) => n.reason))].slice(0, 2);
    add("insufficient_history", `Only ${computed.length} calibrated ${computed.length === 1 ? "prediction is" : "predictions are"} possible this week. ${reasons.join(" ")}`.trim(), false);
  }
  if (draft.predictions.length !== computed.length || draft.predictions.length > 3) {
    add("prediction_count", `${draft.predictions.length} predictions for ${computed.length} computed ones (2–3 expected).`, true);
  }
  draft.predictions.forEach((p, i) => {
    const cited = p.evidence.find((e) => /^prediction\..+\.probability$/.test(e.metric));
    const fact = cited ? facts.facts[cited.metric] : undefined;
    if (!fact || fact.value !== p.probability) {
      add("prediction_mismatch", `Prediction ${i + 1} states ${p.probability} %, which is not its computed probability.`, true);
    }
  });

  if (draft.shadowPatterns.length !== facts.shadowPatterns.length) {
    add("shadow_pattern_count", `${draft.shadowPatterns.length} shadow patterns for ${facts.shadowPatterns.length} found.`, true);
  }
  if (draft.strategicMoves.length !== STRATEGIC_MOVES_COUNT) {
    add("strategic_move_count", `${draft.strategicMoves.length} strategic moves; ${STRATEGIC_MOVES_COUNT} are expected.`, true);
  }
  if (draft.insights.some((i) => !(i.confidence >= 0 && i.confidence <= 100)) || draft.strategicMoves.some((m) => !(Number.isInteger(m.priority) && m.priority >= 1 && m.priority <= 10))) {
    add("value_out_of_range", "A confidence or a priority is outside its range.", true);
  }
  const items = [draft.story, ...draft.insights, ...draft.predictions, ...draft.shadowPatterns, ...draft.strategicMoves];
  const bare = items.filter((i) => i.evidence.length === 0).length;
  if (bare > 0) add("missing_evidence", `${bare} ${bare === 1 ? "item has" : "items have"} no evidence.`, true);

  if (facts.thisWeek.daysWithData === 0) add("no_data", "No data arrived for this week.", false);
  if (facts.freshness.stale && facts.freshness.lastDataDate) {
    add("stale_data", `The most recent data is from ${facts.freshness.lastDataDate}, ${facts.freshness.daysSinceLastData} days before the week ended.`, false);
    const mentioned = items.some((i) => i.evidence.some((e) => e.metric.startsWith("freshness.")));
    if (!mentioned) add("freshness_not_mentioned", "The data is stale but no item tells the person when the last data arrived.", true);
  }
  return problems;
}
