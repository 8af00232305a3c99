import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDatabase } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { seedDemo } from "@/db/seed/seed-demo";
import { DEMO_PATIENT_EMAIL } from "@/db/seed/demo-accounts";
import { discoverPatterns } from "@/lib/analytics/discovery/discover-patterns";
import { withSystem, type Viewer } from "./context";
import { listCorrelations, listPatterns, loadDiscoveryInput, replaceCorrelations, replacePatterns } from "./analysis";
import * as s from "@/db/schema";

/**
 * The demo generator plants three effects (db/seed/generator/planted-effects.ts). The analytics must
 * find them — and nothing the generator did not build in.
 */
const PLANTED = [
  { factor: "sleep_hours", outcome: "mean_glucose", lag: 0, direction: "negative" },
  { factor: "evening_exercise_minutes", outcome: "overnight_mean", lag: 1, direction: "negative" },
  { factor: "carbs_g", outcome: "time_above_180", lag: 0, direction: "positive" },
];
/**
 * What else may be significant, because the generator built it in: the planted effects seen through
 * proxies (sleep stages scale with sleep; evening exercise is part of exercise; a walk's night is part
 * of the next day's mean), meals raising glucose in proportion to carbs, and exercise lowering glucose
 * while it happens. Everything must be at lag 0 or 1; steps, lags 2–3 and anything else must not appear.
 */
function explainable(r: { factor: string; outcome: string; lagDays: number }) {
  const sleep = ["sleep_hours", "deep_sleep_minutes", "rem_sleep_minutes"].includes(r.factor);
  const exercise = ["exercise_minutes", "evening_exercise_minutes"].includes(r.factor);
  const carbs = r.factor === "carbs_g";
  return (sleep && r.lagDays === 0) || (exercise && r.lagDays <= 1) || (carbs && r.lagDays === 0);
}

describe("pattern discovery on the demo patient", () => {
  let handle: DatabaseHandle;
  let viewer: Viewer;
  const timezone = "America/New_York";

  beforeAll(async () => {
    handle = await openTestDatabase("pglite");
    await seedDemo({ endDate: "2026-03-20" });
    const [u] = await withSystem((tx) => tx.select({ id: s.users.id }).from(s.users).where(sql`${s.users.email} = ${DEMO_PATIENT_EMAIL}`));
    viewer = { userId: u.id, role: "patient" };
  });
  afterAll(async () => handle?.close());

  it("finds the planted effects as significant, and no effect that was not planted", async () => {
    const input = await loadDiscoveryInput(viewer, timezone, 90, new Date("2026-03-20T20:00:00Z"));
    expect(input.daily).toHaveLength(90);
    const result = discoverPatterns(input.daily, input.glucose, { timezone });
    await replaceCorrelations(viewer, result.correlations);
    await replacePatterns(viewer, ["recurring_motif", "anomaly", "association_rule", "causal_link"], result.patterns);

    const stored = await listCorrelations(viewer, { significantOnly: true });
    for (const p of PLANTED) {
      const hit = stored.find((r) => r.factor === p.factor && r.outcome === p.outcome && r.lagDays === p.lag);
      expect(hit, `${p.factor} → ${p.outcome} at lag ${p.lag}`).toBeDefined();
      expect(Math.sign(hit!.spearmanRho!)).toBe(p.direction === "negative" ? -1 : 1);
    }
    const unexplained = stored.filter((r) => !explainable(r));
    expect(unexplained.map((r) => `${r.factor}→${r.outcome}@${r.lagDays} q=${r.qValue?.toFixed(4)}`)).toEqual([]);

    const found = await listPatterns(viewer);
    expect(found.filter((p) => p.patternType === "recurring_motif").length).toBeGreaterThan(0);
    expect(found.filter((p) => p.patternType === "anomaly").length).toBeGreaterThan(0);
    // PCMCI recovers the lagged planted effect: evening exercise → next night's glucose.
    const causal = found.filter((p) => p.patternType === "causal_link").map((p) => p.metadata as { source: string; target: string; lag: number });
    expect(causal).toContainEqual(expect.objectContaining({ source: "evening_exercise_minutes", target: "overnight_mean", lag: 1 }));
    for (const link of causal) expect(["evening_exercise_minutes", "carbs_g", "sleep_hours"]).toContain(link.source);
  });
});
