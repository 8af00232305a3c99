import { describe, expect, it } from "vitest";
import { emptyFacts, oneDayFacts, richFacts } from "@/lib/intelligence/testing/fixtures";
import { writeGroundedBrief } from "./grounded-narrator";
import { verifyBrief } from "./verify-brief";

describe("verifyBrief", () => {
  it("a sound brief has no problems", () => {
    const facts = richFacts();
    expect(verifyBrief(writeGroundedBrief(facts), facts)).toEqual([]);
  });

  it("reports a model's slips as retryable", () => {
    const facts = richFacts();
    const draft = structuredClone(writeGroundedBrief(facts));
    draft.insights = draft.insights.slice(0, 2);
    draft.predictions[0].probability = 50;
    draft.strategicMoves.pop();
    draft.shadowPatterns[0].evidence = [];
    expect(verifyBrief(draft, facts)).toEqual([
      { code: "too_few_insights", message: "2 insights; at least 3 are expected.", retryable: true },
      { code: "prediction_mismatch", message: "Prediction 1 states 50 %, which is not its computed probability.", retryable: true },
      { code: "strategic_move_count", message: "4 strategic moves; 5 are expected.", retryable: true },
      { code: "missing_evidence", message: "1 item has no evidence.", retryable: true },
    ]);
  });

  it("reports facts about the data as not retryable", () => {
    const facts = oneDayFacts();
    const problems = verifyBrief(writeGroundedBrief(facts), facts);
    expect(problems).toEqual([
      { code: "insufficient_history", message: "Only 0 calibrated predictions are possible this week. Only 1 day has complete glucose data; 14 are needed to know your usual rate.", retryable: false },
      { code: "stale_data", message: "The most recent data is from 2025-07-02, 4 days before the week ended.", retryable: false },
    ]);
  });

  it("an empty week: no data, stale; and a stale brief that never says so", () => {
    const facts = emptyFacts();
    const draft = writeGroundedBrief(facts);
    expect(verifyBrief(draft, facts).map((p) => p.code)).toEqual(["no_data", "stale_data"]);
    const silent = structuredClone(draft);
    for (const item of [silent.story, ...silent.insights, ...silent.strategicMoves]) item.evidence = item.evidence.filter((e) => !e.metric.startsWith("freshness."));
    expect(verifyBrief(silent, facts).map((p) => [p.code, p.retryable])).toEqual([["no_data", false], ["stale_data", false], ["freshness_not_mentioned", true]]);
  });
});
