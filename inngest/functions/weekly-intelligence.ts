import { NonRetriableError } from "inngest";
import { DateTime } from "luxon";
import { defineWorkflow } from "../define-workflow";
import { getJobSubject } from "@/db/queries/users";
import type { Viewer } from "@/db/queries/context";
import { loadWeeklyInput, replaceWeeklyBrief } from "@/db/queries/weekly-brief";
import { loadGlucoseSeries } from "@/db/queries/glucose";
import { listJournalSignals } from "@/db/queries/journal";
import { notifyOnce } from "@/db/queries/notifications";
import { buildWeeklyFacts, type WeeklyFacts } from "@/lib/intelligence";
import { invalidatePerson } from "@/lib/cache";
import { verifyBrief, writeBriefWithFallback, writeGroundedBrief, type BriefDraft } from "@/lib/ai";

/** Reads a week's facts: every read happens here, inside the "gather" step (memoized on replay). */
async function gatherFacts(userId: string, weekOf: string): Promise<{ facts: WeeklyFacts; timezone: string; viewer: Viewer } | null> {
  const subject = await getJobSubject(userId);
  if (!subject) return null;
  const input = await loadWeeklyInput(subject.viewer, weekOf);
  const start = DateTime.fromISO(weekOf, { zone: subject.timezone }).startOf("day");
  const glucose = await loadGlucoseSeries(subject.viewer, { start: start.toJSDate(), end: start.plus({ weeks: 1 }).toJSDate() });
  // Sentiment and tags (never text) of this week and the week before, for the journal facts.
  const journal = await listJournalSignals(subject.viewer, { from: start.minus({ weeks: 1 }).toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() });
  const facts = buildWeeklyFacts({ weekOf, timezone: subject.timezone, days: input.days, correlations: input.correlations, glucoseThisWeek: glucose, journal });
  return { facts, timezone: subject.timezone, viewer: subject.viewer };
}

/**
 * A person's weekly brief: gather → narrate → verify (one regeneration when verification fails) →
 * store (atomic replace: the previous brief stays visible until the new one commits; one brief per
 * person and week however often this runs) → notify. The narrator writes the story, insights,
 * predictions, shadow patterns and strategic moves in one call, so a model sees the whole week at
 * once and is called once per brief (cost and the throttle below); each item records its provider.
 * After the last retry, onFailure writes a grounded brief marked partial, so everyone gets one.
 */
export const weeklyIntelligenceGenerate = defineWorkflow(
  {
    id: "weekly-intelligence-generate",
    name: "Generate a weekly brief",
    trigger: { event: "intelligence/week.requested" },
    retries: 3,
    concurrency: { key: "event.data.userId", limit: 1 },
    // At most 2,000 generations (model calls) a minute across everyone: below the requests-per-minute
    // limits of hosted models' usual tiers; extra runs wait instead of failing with 429s.
    throttle: { limit: 2_000, period: "1m" },
    onFailure: async ({ event, step }) => {
      const { userId, weekOf } = event.data;
      await step.run("fallback-grounded-brief", async () => {
        const gathered = await gatherFacts(userId, weekOf);
        if (!gathered) return { stored: false };
        const grounded = writeGroundedBrief(gathered.facts);
        const draft: BriefDraft = {
          ...grounded,
          story: { ...grounded.story, partial: true },
          partial: true,
          fallbacks: [{ part: "brief", reason: "the generation failed after every retry; this grounded brief replaced it" }],
        };
        await replaceWeeklyBrief(gathered.viewer, weekOf, draft);
        return { stored: true };
      });
    },
  },
  async ({ event, step, runId }) => {
    const { userId, weekOf } = event.data;
    const gathered = await step.run("gather", async () => {
      const found = await gatherFacts(userId, weekOf);
      if (!found) throw new NonRetriableError("The account no longer exists.");
      return found;
    });
    const facts = gathered.facts as unknown as WeeklyFacts;

    let draft = (await step.run("narrate", () => writeBriefWithFallback(facts))) as unknown as BriefDraft;
    const problems = await step.run("verify", () => verifyBrief(draft, facts));
    let regenerated = false;
    if (problems.some((p) => p.retryable)) {
      regenerated = true;
      draft = (await step.run("narrate-again", () => writeBriefWithFallback(facts))) as unknown as BriefDraft;
    }

    // The person read in "gather" (memoized) is who store and notify act for.
    const { viewer } = gathered;
    const storyId = await step.run("store", async () => {
      const id = await replaceWeeklyBrief(viewer, weekOf, draft, { runId });
      invalidatePerson(userId);
      return id;
    });

    await step.run("notify", () =>
      notifyOnce(viewer, {
        kind: "brief_ready",
        title: "Your weekly brief is ready",
        body: draft.story.title,
        dedupeKey: `brief:${weekOf}`,
      }),
    );

    return {
      storyId,
      weekOf,
      partial: draft.partial,
      providers: [...new Set([draft.story.provider, ...draft.insights.map((i) => i.provider), ...draft.strategicMoves.map((m) => m.provider)])],
      problems: problems.map((p) => p.code),
      regenerated,
    };
  },
);
