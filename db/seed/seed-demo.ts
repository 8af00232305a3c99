import { DateTime } from "luxon";
import { generateCohort } from "./generator/cohort";
import { insertDemoCohort } from "@/db/queries/seed";
import { findCredentialsByEmail } from "@/db/queries/users";

/** Demo data ends yesterday in the demo patient's timezone, so the dashboard looks current. */
export function defaultDemoEndDate(now = new Date(), timezone = "America/New_York"): string {
  return DateTime.fromJSDate(now, { zone: timezone }).minus({ days: 1 }).toISODate()!;
}

export async function seedDemo(options: { endDate?: string; seed?: number; withInsights?: boolean } = {}): Promise<{ created: boolean; endDate: string }> {
  const endDate = options.endDate ?? defaultDemoEndDate();
  const cohort = generateCohort({ seed: options.seed ?? 20261122, endDate });
  const created = await insertDemoCohort(cohort);
  if (created && options.withInsights) await runDemoInsights(cohort.people.find((p) => p.role === "member" && !p.mentorKey)?.email ?? "demo@proxima.local", endDate);
  return { created, endDate };
}

/**
 * Runs the real workflows for the demo patient, so the app opens with something to read: the
 * analysis (correlations, patterns), then the weekly briefs of the last four weeks, oldest first.
 */
async function runDemoInsights(email: string, endDate: string) {
  const { EmbeddedRunner } = await import("@/inngest/runner");
  const { workflows } = await import("@/inngest/functions");
  const person = await findCredentialsByEmail(email);
  if (!person) return;
  const runner = new EmbeddedRunner({ workflows, scheduleCrons: false, logger: { info() {}, warn: console.warn, error: console.error } });
  await runner.send("analytics/analysis.requested", { userId: person.id, scope: "all" });
  await runner.runUntilIdle();
  const thisWeek = DateTime.fromISO(endDate).startOf("week");
  for (let k = 3; k >= 0; k--) {
    const weekOf = thisWeek.minus({ weeks: k }).toISODate()!;
    await runner.send("intelligence/week.requested", { userId: person.id, weekOf, reason: "scheduled" }, { idempotencyKey: `weekly:${person.id}:${weekOf}` });
  }
  await runner.runUntilIdle();
}
