import { DateTime } from "luxon";
import { NonRetriableError } from "inngest";
import { defineWorkflow } from "../define-workflow";
import { getJobSubject } from "@/db/queries/users";
import { listActivePatientIds, loadDiscoveryInput, replaceCorrelations, replacePatterns } from "@/db/queries/analysis";
import { recomputeDays } from "@/db/queries/ingest";
import { computeLaggedCorrelations } from "@/lib/analytics/correlation";
import { toCorrelationInput } from "@/lib/analytics/discovery/daily-features";
import { discoverPatterns } from "@/lib/analytics/discovery/discover-patterns";
import { FAN_OUT_BATCH_SIZE } from "./weekly-brief-fan-out";
import { invalidatePerson } from "@/lib/cache";

const PATTERN_TYPES = ["recurring_motif", "anomaly", "association_rule", "causal_link"] as const;

/**
 * One person's analysis: lagged correlations (nightly) and/or pattern discovery (weekly: rules,
 * PCMCI, matrix-profile motifs — the O(n²) part runs here, off the request path). Each part reads
 * its inputs inside its own step and replaces the stored results atomically.
 */
export const runAnalysis = defineWorkflow(
  {
    id: "analytics-run",
    name: "Correlations and pattern discovery for one person",
    trigger: { event: "analytics/analysis.requested" },
    retries: 3,
    concurrency: { key: "event.data.userId", limit: 1 },
  },
  async ({ event, step }) => {
    const { userId, scope } = event.data;
    const subject = await step.run("load-person", async () => {
      const found = await getJobSubject(userId);
      if (!found) throw new NonRetriableError("The account no longer exists.");
      return found;
    });
    const result: { correlations?: { tested: number; significant: number }; patterns?: { found: number; notes: string[] } } = {};
    if (scope === "correlations" || scope === "all") {
      await step.progress({ phase: "correlations" });
      result.correlations = await step.run("correlations", async () => {
        const input = await loadDiscoveryInput(subject.viewer, subject.timezone);
        const { rows } = computeLaggedCorrelations(toCorrelationInput(input.daily), { lags: [0, 1, 2, 3], minSamples: 14 });
        await replaceCorrelations(subject.viewer, rows);
        invalidatePerson(userId);
        return { tested: rows.length, significant: rows.filter((r) => r.significant).length };
      });
    }
    if (scope === "patterns" || scope === "all") {
      await step.progress({ phase: "patterns" });
      result.patterns = await step.run("patterns", async () => {
        const input = await loadDiscoveryInput(subject.viewer, subject.timezone);
        const found = discoverPatterns(input.daily, input.glucose, { timezone: subject.timezone });
        await replacePatterns(subject.viewer, [...PATTERN_TYPES], found.patterns);
        invalidatePerson(userId);
        return { found: found.patterns.length, notes: found.notes };
      });
    }
    return result;
  },
);

/** Recomputes a person's daily aggregates for a range of local days (after a sync, or a timezone change). */
export const recomputeDailyAggregatesWorkflow = defineWorkflow(
  {
    id: "analytics-daily-aggregates",
    name: "Recompute daily aggregates",
    trigger: { event: "analytics/daily.requested" },
    retries: 3,
    concurrency: { key: "event.data.userId", limit: 1 },
  },
  async ({ event, step }) => {
    const { userId, fromDate, toDate } = event.data;
    return step.run("recompute", async () => {
      const subject = await getJobSubject(userId);
      if (!subject) return { days: 0 };
      const dates: string[] = [];
      for (let d = DateTime.fromISO(fromDate); d <= DateTime.fromISO(toDate); d = d.plus({ days: 1 })) dates.push(d.toISODate()!);
      return { days: await recomputeDays(subject.viewer, subject.timezone, dates) };
    });
  },
);

/**
 * Nightly 03:00 UTC: for every active patient, recompute the last three local days (late-arriving
 * data, timezone changes) and refresh the correlations. Idempotent per person and night.
 */
export const nightlyAnalytics = defineWorkflow(
  { id: "analytics-nightly", name: "Nightly aggregates and correlations (03:00 UTC)", trigger: { cron: "TZ=UTC 0 3 * * *" }, retries: 3 },
  async ({ event, step }) => {
    const night = DateTime.fromMillis(event.ts, { zone: "UTC" }).toISODate()!;
    const from = DateTime.fromISO(night).minus({ days: 3 }).toISODate()!;
    const userIds = await step.run("list-active-patients", () => listActivePatientIds());
    for (let i = 0; i < userIds.length; i += FAN_OUT_BATCH_SIZE) {
      const batch = userIds.slice(i, i + FAN_OUT_BATCH_SIZE);
      await step.sendEvent(`request-nightly-${i / FAN_OUT_BATCH_SIZE}`, [
        ...batch.map((userId) => ({ name: "analytics/daily.requested" as const, data: { userId, fromDate: from, toDate: night }, id: `daily:${userId}:${night}` })),
        ...batch.map((userId) => ({ name: "analytics/analysis.requested" as const, data: { userId, scope: "correlations" as const }, id: `correlations:${userId}:${night}` })),
      ]);
    }
    return { night, people: userIds.length };
  },
);

/** Sunday 04:00 UTC: weekly pattern discovery for every active patient, before Monday's briefs. */
export const weeklyPatternDiscovery = defineWorkflow(
  { id: "analytics-weekly-patterns", name: "Weekly pattern discovery (Sunday 04:00 UTC)", trigger: { cron: "TZ=UTC 0 4 * * 0" }, retries: 3 },
  async ({ event, step }) => {
    const week = DateTime.fromMillis(event.ts, { zone: "UTC" }).toISODate()!;
    const userIds = await step.run("list-active-patients", () => listActivePatientIds());
    for (let i = 0; i < userIds.length; i += FAN_OUT_BATCH_SIZE) {
      await step.sendEvent(
        `request-patterns-${i / FAN_OUT_BATCH_SIZE}`,
        userIds.slice(i, i + FAN_OUT_BATCH_SIZE).map((userId) => ({ name: "analytics/analysis.requested" as const, data: { userId, scope: "patterns" as const }, id: `patterns:${userId}:${week}` })),
      );
    }
    return { week, people: userIds.length };
  },
);
