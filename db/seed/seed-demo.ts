import { DateTime } from "luxon";
import { generateCohort } from "./generator/cohort";
import { insertDemoCohort } from "@/db/queries/seed";

/** Demo data ends yesterday in the demo patient's timezone, so the dashboard looks current. */
export function defaultDemoEndDate(now = new Date(), timezone = "America/New_York"): string {
  return DateTime.fromJSDate(now, { zone: timezone }).minus({ days: 1 }).toISODate()!;
}

export async function seedDemo(options: { endDate?: string; seed?: number } = {}): Promise<{ created: boolean; endDate: string }> {
  const endDate = options.endDate ?? defaultDemoEndDate();
  const cohort = generateCohort({ seed: options.seed ?? 20261122, endDate });
  const created = await insertDemoCohort(cohort);
  return { created, endDate };
}
