import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { buildWeeklyFacts } from "@/lib/intelligence";
import { FIXTURE_CORRELATIONS, FIXTURE_WEEK, richFacts, richHistory, sleepOnlyFacts } from "@/lib/intelligence/testing/fixtures";
import { writeGroundedBrief } from "../grounded-narrator";
import type { ModelBrief } from "../model-answer-schema";
import { toModelAnswer } from "../testing/model-answers";
import { guardModelBrief } from "./guard-brief";

const facts = richFacts();
const grounded = writeGroundedBrief(facts);
const MODEL = "model:test-model" as const;
/** A model-worded copy of the grounded brief: same facts, different sentences. */
const reword = (s: string) => (s.length > 40 ? `In short: ${s}` : s);
const validAnswer = (): ModelBrief => structuredClone(toModelAnswer(grounded, facts, reword));
const guard = (answer: unknown) => guardModelBrief(answer, facts, grounded, MODEL);

describe("guardModelBrief — a valid answer", () => {
  it("keeps every item, marks it as the model's, and replaces confidences by the computed ones", () => {
    const out = guard(validAnswer());
    expect(out.partial).toBe(false);
    expect(out.fallbacks).toEqual([]);
    for (const item of [out.story, ...out.insights, ...out.predictions, ...out.shadowPatterns, ...out.strategicMoves]) expect(item.provider).toBe(MODEL);
    expect(out.story.narrative.startsWith("In short: ")).toBe(true);
    // the answer said 50 for every confidence; the stored one is the lowest confidence of the cited facts
    expect(out.insights.map((i) => i.confidence)).toEqual(grounded.insights.map((i) => i.confidence));
    expect(out.corrections.filter((c) => c.field === "confidence")).toHaveLength(grounded.insights.length);
    expect(out.corrections[0]).toMatchObject({ part: "insights[0]", field: "confidence", stated: 50, computed: 95 });
  });

  it("stores the facts as registered, even when the model rounded or quoted them as strings", () => {
    const answer = validAnswer();
    answer.insights[0].evidence = [{ metric: "week.tir_percent", value: "64" }, { metric: "correlation.sleep_hours.time_in_range.lag0", value: 0.4 }];
    const out = guard(answer);
    expect(out.insights[0].provider).toBe(MODEL);
    expect(out.insights[0].evidence).toEqual([
      { metric: "week.tir_percent", value: 64, unit: "%", n: 7 },
      { metric: "correlation.sleep_hours.time_in_range.lag0", value: 0.41, unit: "rho", n: 150, detail: "q = 0.002, 150 paired days" },
    ]);
  });
});

describe("guardModelBrief — made-up statistics", () => {
  it("an evidence value that differs from the computed one: that insight is replaced", () => {
    const answer = validAnswer();
    answer.insights[1].evidence = [{ metric: "week.tir_percent", value: 91 }];
    const out = guard(answer);
    expect(out.partial).toBe(true);
    expect(out.story.partial).toBe(true);
    expect(out.fallbacks).toEqual([{ part: "insights[1]", reason: "states week.tir_percent = 91, but the computed value is 64" }]);
    expect(out.insights[1].provider).toBe("grounded");
    expect(out.insights.filter((i) => i.provider === MODEL)).toHaveLength(4);
    expect(out.insights).toHaveLength(5);
  });

  it("a metric that does not exist", () => {
    const answer = validAnswer();
    answer.insights[0].evidence = [{ metric: "week.hba1c", value: 6.1 }];
    expect(guard(answer).fallbacks).toEqual([{ part: "insights[0]", reason: 'cites "week.hba1c", which is not a computed metric' }]);
  });

  it("a number in a sentence that is not a figure of the week (the evidence being right)", () => {
    const answer = validAnswer();
    answer.insights[2].description = "Overnight glucose averaged 128 mg/dL, a clear improvement.";
    answer.story.narrative = "Your time in range reached 91 % this week, up from 72 % over the 4 weeks before.";
    const out = guard(answer);
    expect(out.fallbacks).toEqual([
      { part: "story", reason: 'states "91", not among the computed figures' },
      { part: "insights[2]", reason: 'states "128", not among the computed figures' },
    ]);
    expect(out.story).toEqual({ ...grounded.story, partial: true });
    expect(out.insights[2].provider).toBe("grounded");
  });

  it("rounding is tolerated, a wrong rounding is not", () => {
    const answer = validAnswer();
    answer.insights[0].description = "About 64.0 % of readings were in range, with rho near 0.4 and 0.8 h less sleep.";
    answer.insights[1].description = "The sleep correlation was 0 in practice.";
    const out = guard(answer);
    expect(out.insights[0].provider).toBe(MODEL);
    expect(out.fallbacks).toEqual([]); // "0" is a reference count (and a figure of the week)
    answer.insights[1].description = "The sleep correlation was 0.97, nearly perfect.";
    expect(guard(answer).fallbacks).toEqual([{ part: "insights[1]", reason: 'states "0.97", not among the computed figures' }]);
  });
});

describe("guardModelBrief — probabilities and computed fields", () => {
  it("a wrong probability is set back to the computed one; sample size and preventable too", () => {
    const answer = validAnswer();
    answer.predictions[1].probability = 97;
    const out = guard(answer);
    expect(out.predictions[1]).toMatchObject({ probability: facts.predictions.chosen[1].probabilityPercent, sampleSize: facts.predictions.chosen[1].sampleSize, provider: MODEL });
    expect(out.corrections).toContainEqual({ part: "predictions[1]", field: "probability", stated: 97, computed: facts.predictions.chosen[1].probabilityPercent });
    expect(out.partial).toBe(false);
  });

  it("a prediction the analytics did not compute is dropped, and the missing one comes from the grounded narrator", () => {
    const answer = validAnswer();
    answer.predictions[0] = { ...answer.predictions[0], predictionId: "hypo_tomorrow", probability: 40 };
    const out = guard(answer);
    expect(out.predictions).toHaveLength(facts.predictions.chosen.length);
    expect(out.predictions[0]).toEqual(grounded.predictions[0]);
    expect(out.fallbacks).toEqual([
      { part: "predictions[0]", reason: 'names prediction "hypo_tomorrow", which has no computed probability' },
      { part: `predictions:${facts.predictions.chosen[0].templateId}`, reason: "no valid wording from the model" },
    ]);
  });

  it("a repeated prediction and a wrong significance", () => {
    const answer = validAnswer();
    answer.predictions.push(structuredClone(answer.predictions[0]));
    answer.shadowPatterns[0].significance = "low";
    const out = guard(answer);
    expect(out.predictions).toHaveLength(facts.predictions.chosen.length);
    expect(out.fallbacks).toEqual([{ part: `predictions[${answer.predictions.length - 1}]`, reason: `repeats prediction "${facts.predictions.chosen[0].templateId}"` }]);
    expect(out.shadowPatterns[0]).toMatchObject({ significance: "high", provider: MODEL, lastMentionedDate: "2025-06-24" });
    expect(out.corrections).toContainEqual({ part: "shadowPatterns[0]", field: "significance", stated: "low", computed: "high" });
  });
});

describe("guardModelBrief — diagnoses and dosing", () => {
  it.each([
    ["These readings suggest you have prediabetes.", "attributes a named condition"],
    ["This pattern is consistent with diabetes.", "reads the data as signs"],
    ["Ask your doctor about a diagnosis of neuropathy.", "speaks of a diagnosis"],
    ["You are now diabetic by these numbers.", "labels the person"],
    ["Increase your insulin dose before dinner.", "medication or dosing"],
  ])("%s → replaced", (sentence, why) => {
    const answer = validAnswer();
    answer.insights[0].description = sentence;
    const out = guard(answer);
    expect(out.insights[0].provider).toBe("grounded");
    expect(out.fallbacks).toHaveLength(1);
    expect(out.fallbacks[0].part).toBe("insights[0]");
    expect(out.fallbacks[0].reason).toContain(why);
  });
});

describe("guardModelBrief — bad schema and counts", () => {
  it("not an object: the whole grounded brief, marked", () => {
    const out = guard("Sure! Here is your brief.");
    expect(out.partial).toBe(true);
    expect(out.fallbacks.map((f) => f.part)).toEqual([
      "brief", "story", "insights", "predictions",
      ...facts.predictions.chosen.map((p) => `predictions:${p.templateId}`),
      "shadowPatterns", ...facts.shadowPatterns.map((s) => `shadowPatterns:${s.id}`),
      "strategicMoves",
    ]);
    const { partial: _p, fallbacks: _f, corrections: _c, story, ...rest } = out;
    const { partial: _gp, fallbacks: _gf, corrections: _gc, story: gStory, ...gRest } = grounded;
    expect(rest).toEqual(gRest);
    expect(story).toEqual({ ...gStory, partial: true });
  });

  it("items that break the schema are replaced one by one", () => {
    const answer = validAnswer() as unknown as Record<string, unknown[]>;
    (answer.insights[3] as Record<string, unknown>).insightType = "great";
    (answer.strategicMoves[0] as Record<string, unknown>).priority = 11;
    delete (answer.strategicMoves[2] as Record<string, unknown>).evidence;
    const out = guard(answer);
    expect(out.fallbacks).toEqual([
      { part: "insights[3]", reason: expect.stringMatching(/^does not fit the schema \(insightType: /) },
      { part: "strategicMoves[0]", reason: expect.stringMatching(/^does not fit the schema \(priority: /) },
      { part: "strategicMoves[2]", reason: expect.stringMatching(/^does not fit the schema \(evidence: /) },
    ]);
    expect(out.insights).toHaveLength(5);
    expect(out.strategicMoves).toHaveLength(5);
    expect(out.strategicMoves.filter((m) => m.provider === "grounded")).toHaveLength(2);
    expect(out.strategicMoves.every((m) => m.priority >= 1 && m.priority <= 10)).toBe(true);
  });

  it("too many insights are cut to 5; too few are topped up to 3 from the grounded narrator", () => {
    const many = validAnswer();
    many.insights = [...many.insights, ...many.insights.slice(0, 2)];
    const cut = guard(many);
    expect(cut.insights).toHaveLength(5);
    expect(cut.corrections).toContainEqual({ part: "insights", field: "count", stated: 7, computed: 5 });
    const few = validAnswer();
    few.insights = few.insights.slice(0, 1);
    few.strategicMoves = few.strategicMoves.slice(0, 3);
    const topped = guard(few);
    expect(topped.insights.map((i) => i.provider)).toEqual([MODEL, "grounded", "grounded"]);
    // the top-up skips the grounded insight on the topic the model already covered
    expect(topped.insights[1].title).toBe(grounded.insights[1].title);
    expect(topped.strategicMoves.map((m) => m.provider).filter((p) => p === "grounded")).toHaveLength(2);
    expect(topped.fallbacks.map((f) => f.part)).toEqual(["insights[1]", "insights[2]", "strategicMoves[3]", "strategicMoves[4]"]);
  });

  it("a shadow pattern not found in the data is dropped", () => {
    const f = sleepOnlyFacts();
    const g = writeGroundedBrief(f);
    const answer = toModelAnswer(g, f);
    answer.shadowPatterns[1].patternId = "meditation";
    const out = guardModelBrief(answer, f, g, MODEL);
    expect(out.shadowPatterns).toHaveLength(2);
    expect(out.shadowPatterns[1]).toEqual(g.shadowPatterns[1]);
    expect(out.fallbacks[0]).toEqual({ part: "shadowPatterns[1]", reason: 'names shadow pattern "meditation", which was not found in the data' });
  });
});

describe("guardModelBrief — the journal's tags", () => {
  const paris = (local: string) => DateTime.fromISO(local, { zone: "Europe/Paris" }).toJSDate();
  const journalFacts = buildWeeklyFacts({
    weekOf: FIXTURE_WEEK,
    timezone: "Europe/Paris",
    days: richHistory(),
    correlations: FIXTURE_CORRELATIONS,
    journal: [
      { createdAt: paris("2025-07-01T21:00"), sentiment: -0.2, tags: ["stress"] },
      { createdAt: paris("2025-07-02T21:00"), sentiment: -0.4, tags: ["stress", "10k"] },
      { createdAt: paris("2025-07-04T21:00"), sentiment: 0.1, tags: ["stress"] },
    ],
  });
  const journalGrounded = writeGroundedBrief(journalFacts);
  const answerWithStory = (narrative: string, stressCount: number) => {
    const answer = structuredClone(toModelAnswer(journalGrounded, journalFacts, reword));
    answer.story = {
      title: answer.story.title,
      narrative,
      evidence: [{ metric: "journal.entries", value: 3 }, { metric: "journal.tag.stress", value: stressCount }, { metric: "journal.tag.10k", value: 1 }],
    };
    return guardModelBrief(answer, journalFacts, journalGrounded, MODEL);
  };

  it("a story citing the tag counts as computed is kept", () => {
    const out = answerWithStory("A tense week: you wrote 3 journal entries and tagged 3 of them #stress, and 1 #10k.", 3);
    expect(out.fallbacks).toEqual([]);
    expect(out.story).toMatchObject({ provider: MODEL, narrative: "A tense week: you wrote 3 journal entries and tagged 3 of them #stress, and 1 #10k." });
    expect(out.story.evidence).toContainEqual({ metric: "journal.tag.stress", value: 3, unit: "entries", n: 3 });
  });

  it("a story that miscounts a tag falls back to the grounded story", () => {
    const out = answerWithStory("You tagged 4 entries #stress.", 4);
    expect(out.fallbacks).toEqual([{ part: "story", reason: "states journal.tag.stress = 4, but the computed value is 3" }]);
    expect(out.story.provider).toBe("grounded");
    expect(out.story.narrative).toContain("you tagged 3 entries #stress and 1 #10k.");
  });
});
