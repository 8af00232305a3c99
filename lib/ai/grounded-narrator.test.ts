import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { buildWeeklyFacts, type WeeklyFacts } from "@/lib/intelligence";
import { addDays } from "@/lib/analytics/predictions";
import { emptyFacts, FIXTURE_CORRELATIONS, FIXTURE_WEEK, oneDayFacts, richFacts, richHistory, sleepOnlyFacts } from "@/lib/intelligence/testing/fixtures";
import type { BriefDraft } from "./brief-draft";
import { createGroundedNarrator, writeGroundedBrief } from "./grounded-narrator";
import { findForbiddenClaim } from "./guard/forbidden-claims";
import { buildNumberAllowList, findUnsupportedNumbers } from "./guard/number-check";
import { draftTexts } from "./testing/model-answers";

/** The invariants every grounded brief keeps, whatever the data. */
function expectSoundBrief(draft: BriefDraft, facts: WeeklyFacts) {
  expect(draft.insights.length).toBeGreaterThanOrEqual(3);
  expect(draft.insights.length).toBeLessThanOrEqual(5);
  expect(draft.strategicMoves).toHaveLength(5);
  expect(draft.predictions).toHaveLength(facts.predictions.chosen.length);
  expect(draft.shadowPatterns).toHaveLength(facts.shadowPatterns.length);
  expect(draft.partial).toBe(false);
  const priorities = draft.strategicMoves.map((m) => m.priority);
  expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  for (const item of [draft.story, ...draft.insights, ...draft.predictions, ...draft.shadowPatterns, ...draft.strategicMoves]) {
    expect(item.provider).toBe("grounded");
    expect(item.evidence.length).toBeGreaterThan(0);
    for (const e of item.evidence) expect(e.value).toBe(facts.facts[e.metric].value);
  }
  const allow = buildNumberAllowList(facts, [...facts.predictions.chosen.map((p) => p.description), ...facts.shadowPatterns.flatMap((s) => [s.thisWeek.description, s.lastSeen?.description ?? ""])]);
  for (const { part, text } of draftTexts(draft)) {
    expect(text, part).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
    expect(findForbiddenClaim(text), part).toBeNull();
    expect(findUnsupportedNumbers(text, allow).map((n) => n.text), `${part}: ${text}`).toEqual([]);
    // no "Your metric X is Y" boilerplate
    expect(text, part).not.toMatch(/^Your [a-z_ ]+ (is|was) /);
  }
  for (const i of draft.insights) expect(i.confidence).toBe(Math.min(...i.evidence.map((e) => facts.facts[e.metric].confidence)));
}

describe("grounded narrator — a rich week", () => {
  const facts = richFacts();
  const draft = writeGroundedBrief(facts);

  it("keeps every invariant", () => expectSoundBrief(draft, facts));

  it("tells the week with its own numbers and dates", () => {
    expect(draft.story.title).toBe("A harder week: 64 % in range");
    expect(draft.story.narrative).toContain("64 % of readings were in the 70–180 mg/dL range, with an average of 164 mg/dL, 8 points below your 4-week average of 72 %.");
    expect(draft.story.narrative).toContain("Friday 4 July was the best day, with 96 % in range; Monday 30 June was the hardest, at 44 %, averaging 187 mg/dL.");
    expect(draft.story.narrative).toContain("You slept 6.7 h a night on average, 0.8 h less than your usual 7.5 h, with 3 nights under 6 h.");
    expect(draft.story.narrative).toContain("not proof of cause");
    expect(draft.insights[0]).toMatchObject({ insightType: "warning", title: "Fewer readings in range: 64 %", confidence: 95 });
    expect(draft.insights.map((i) => i.insightType)).toContain("positive");
  });

  it("words the calibrated predictions without touching their numbers", () => {
    expect(draft.predictions.map((p) => p.probability)).toEqual(facts.predictions.chosen.map((p) => p.probabilityPercent));
    expect(draft.predictions.map((p) => p.sampleSize)).toEqual(facts.predictions.chosen.map((p) => p.sampleSize));
    const late = draft.predictions.find((p) => p.eventDescription.includes("dinner after 21:00"))!;
    expect(late).toMatchObject({ probability: 85, sampleSize: 33, preventable: true, timeframe: "Next week, after late dinners" });
    expect(late.reasoning).toBe("In your history, 29 of 33 dinners after 21:00 were followed by an overnight average above 140 mg/dL, against 63 % of days overall. The estimate is that frequency pulled slightly toward your usual rate, so a handful of days cannot swing it.");
  });

  it("names the shadow patterns and when they were last seen", () => {
    expect(draft.shadowPatterns[0]).toMatchObject({ patternName: "Evening walks", significance: "high", lastMentionedDate: "2025-06-24" });
    expect(draft.shadowPatterns[0].lastSeenDescription).toMatch(/^Last seen Tuesday 24 June: 39 min of activity after 17:00\. Part of 3 of the 4 weeks before/);
  });

  it("ranks moves: prevention from the largest lift, the lost habit, then discoveries", () => {
    expect(draft.strategicMoves.map((m) => [m.strategyType, m.priority])).toEqual([["prevention", 8], ["pattern", 8], ["prevention", 7], ["discovery", 7], ["discovery", 7]]);
    expect(draft.strategicMoves[1].strategy).toBe("Bring back the evening walks: 15 minutes after dinner, on 2 or more evenings, as in 3 of the 4 weeks before this one.");
  });

  it("is deterministic and varies between weeks", async () => {
    expect(writeGroundedBrief(richFacts())).toEqual(draft);
    expect(await createGroundedNarrator().writeBrief(facts)).toEqual(draft);
    const days = richHistory();
    const titles = new Set<string>();
    const openings = new Set<string>();
    for (let w = 1; w <= 8; w++) {
      const weekOf = addDays(FIXTURE_WEEK, -7 * w);
      const b = writeGroundedBrief(buildWeeklyFacts({ weekOf, timezone: "Europe/Paris", days, correlations: FIXTURE_CORRELATIONS }));
      titles.add(b.story.title.replace(/\d+ %/, "N %"));
      openings.add(b.story.narrative.split(" ").slice(0, 3).join(" "));
    }
    expect(titles.size).toBeGreaterThanOrEqual(3);
    expect(openings.size).toBeGreaterThanOrEqual(2);
    // within one brief, no two insights open the same way
    const starts = draft.insights.map((i) => i.description.split(" ").slice(0, 2).join(" "));
    expect(new Set(starts).size).toBe(starts.length);
  });
});

describe("grounded narrator — thin data", () => {
  it("one day: says so, no predictions, still 3 insights and 5 moves", () => {
    const facts = oneDayFacts();
    const draft = writeGroundedBrief(facts);
    expectSoundBrief(draft, facts);
    expect(draft.story.narrative).toMatch(/^Only Wednesday 2 July has data this week: 68 % of readings were in range \(70–180 mg\/dL\) and glucose averaged 151 mg\/dL\. There is no earlier history/);
    expect(draft.predictions).toEqual([]);
    expect(draft.insights.map((i) => i.title)).toEqual(["One day is not a trend", "The end of the week is missing", "Predictions are waiting for more history", "Two weeks of data unlock comparisons"]);
    expect(draft.strategicMoves[0].strategy).toBe("Keep the sensor on all 7 days next week: this week had full readings on 1 day, and every full day sharpens the figures and the predictions.");
  });

  it("only sleep: no glucose claims, the missing sensor is the headline", () => {
    const facts = sleepOnlyFacts();
    const draft = writeGroundedBrief(facts);
    expectSoundBrief(draft, facts);
    expect(draft.story.title).toMatch(/sleep/i);
    expect(draft.story.narrative).toContain("Only sleep was recorded this week; no glucose readings arrived. Sleep came through for 7 nights, at 6.5 h a night on average (2 nights under 6 h).");
    expect(draft.story.narrative).toContain("The last glucose reading is from Sunday 29 June.");
    expect(draft.insights[0]).toMatchObject({ insightType: "warning", title: "No glucose readings this week" });
    expect(draft.shadowPatterns.map((s) => s.patternName)).toEqual(["Wearing the sensor on 5 or more days", "7 h of sleep on most nights"]);
    expect(draft.story.narrative).not.toMatch(/in range/);
  });

  it("empty week after a gap: when the data stopped and what to do", () => {
    const facts = emptyFacts();
    const draft = writeGroundedBrief(facts);
    expectSoundBrief(draft, facts);
    expect(draft.story.narrative).toBe("No data arrived for the week of Monday 30 June to Sunday 6 July. The most recent data is from Wednesday 25 June, 11 days before the week ended. If the sensor or an app connection stopped, reconnecting it on the Data page brings next week's brief back.");
    expect(draft.insights[0].title).toBe("No data this week");
    expect(draft.strategicMoves[0]).toMatchObject({ strategyType: "prevention", priority: 8 });
    expect(draft.strategicMoves[0].strategy).toMatch(/^Check the Data page/);
  });

  it("a person with no data at all still gets a complete, honest brief", () => {
    const facts = emptyFacts({ neverAnyData: true });
    const draft = writeGroundedBrief(facts);
    expectSoundBrief(draft, facts);
    expect(draft.story.narrative).toContain("Nothing has been imported yet");
    expect(draft.insights).toHaveLength(3);
    expect(draft.insights[2].description).toBe("Comparisons with your own baseline start after 14 days with data; so far there are 0 days.");
  });
});

/** Journal entries around FIXTURE_WEEK (Monday 30 June 2025, Paris): 2 the week before, 4 this week. */
function fixtureJournal() {
  const paris = (local: string) => DateTime.fromISO(local, { zone: "Europe/Paris" }).toJSDate();
  return [
    { createdAt: paris("2025-06-24T21:00"), sentiment: -0.3, tags: ["stress"] },
    { createdAt: paris("2025-06-27T21:00"), sentiment: -0.1, tags: ["stress"] },
    { createdAt: paris("2025-06-30T08:00"), sentiment: 0.4, tags: ["stress", "sleep"] },
    { createdAt: paris("2025-07-01T21:00"), sentiment: 0.2, tags: ["stress", "walk"] },
    { createdAt: paris("2025-07-03T21:00"), sentiment: null, tags: ["sleep"] },
    { createdAt: paris("2025-07-06T22:00"), sentiment: 0.3, tags: ["stress", "10k"] },
  ];
}

describe("grounded narrator — the week's journal", () => {
  // "#10k" also checks that a tag's digits pass the number guard: the tag's fact label carries them.
  it("tells how much was written, its tone against the week before, and the tags, citing each figure", () => {
    const facts = buildWeeklyFacts({ weekOf: FIXTURE_WEEK, timezone: "Europe/Paris", days: richHistory(), correlations: FIXTURE_CORRELATIONS, journal: fixtureJournal() });
    const draft = writeGroundedBrief(facts);
    expectSoundBrief(draft, facts);
    expect(draft.story.narrative).toContain(
      "You wrote 4 entries in your journal, positive in tone on average (sentiment 0.30, up from -0.20 the week before); you tagged 3 entries #stress, 2 #sleep and 1 #10k.",
    );
    expect(draft.story.evidence.map((e) => e.metric)).toEqual(expect.arrayContaining([
      "journal.entries", "journal.mean_sentiment", "journal.prev_mean_sentiment", "journal.delta_mean_sentiment", "journal.tag.stress", "journal.tag.sleep", "journal.tag.10k",
    ]));
  });

  it("notes a silent week after a written one, and says nothing without any entry", () => {
    const lastWeekOnly = fixtureJournal().slice(0, 2);
    const quiet = buildWeeklyFacts({ weekOf: FIXTURE_WEEK, timezone: "Europe/Paris", days: richHistory(), correlations: FIXTURE_CORRELATIONS, journal: lastWeekOnly });
    const draft = writeGroundedBrief(quiet);
    expectSoundBrief(draft, quiet);
    expect(draft.story.narrative).toContain("You wrote no journal entries this week, after 2 entries the week before.");
    expect(writeGroundedBrief(richFacts()).story.narrative).not.toContain("journal");
  });

  it("mentions the journal in a week without glucose too", () => {
    const days = richHistory().map((d) => (d.date >= FIXTURE_WEEK ? { ...d, readings: 0, meanMgdl: null, sdMgdl: null, tirPercent: null, tarPercent: null, tbrPercent: null, overnightMeanMgdl: null } : d));
    const facts = buildWeeklyFacts({ weekOf: FIXTURE_WEEK, timezone: "Europe/Paris", days, correlations: [], journal: fixtureJournal() });
    const draft = writeGroundedBrief(facts);
    expectSoundBrief(draft, facts);
    expect(draft.story.narrative).toContain("You wrote 4 entries in your journal");
  });
});
