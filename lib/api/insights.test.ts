import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { openTestDatabase } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { seedDemo } from "@/db/seed/seed-demo";
import { DEMO_PATIENT_EMAIL } from "@/db/seed/demo-accounts";
import { withSystem } from "@/db/queries/context";
import { createAccessToken } from "@/db/queries/tokens";
import { runUntilIdle, stopEmbeddedRunner } from "@/inngest/runner";
import * as trigger from "@/app/api/v1/insights/trigger-analysis/route";
import * as correlations from "@/app/api/v1/insights/correlations/route";
import * as patterns from "@/app/api/v1/insights/patterns/route";
import * as recommendations from "@/app/api/v1/insights/recommendations/route";
import * as status from "@/app/api/v1/tasks/status/[id]/route";
import * as s from "@/db/schema";

const get = (path: string, token: string) => new NextRequest(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });

describe("analysis on demand through the API", () => {
  let handle: DatabaseHandle;
  let token: string;

  beforeAll(async () => {
    handle = await openTestDatabase("pglite");
    // Demo data ending yesterday, so "the last 90 days" of the analysis covers it.
    await seedDemo();
    const [u] = await withSystem((tx) => tx.select({ id: s.users.id }).from(s.users).where(sql`${s.users.email} = ${DEMO_PATIENT_EMAIL}`));
    token = (await createAccessToken({ userId: u.id, role: "patient" }, { name: "t", scope: "write" })).token;
  });
  afterAll(async () => {
    await stopEmbeddedRunner();
    await handle?.close();
  });

  it("answers 202 with a task, runs it in the background, then serves correlations, patterns and recommendations", async () => {
    const res = await trigger.POST(new NextRequest("http://localhost/api/v1/insights/trigger-analysis", { method: "POST", headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(202);
    const { taskId } = await res.json();
    await runUntilIdle();
    const done = await (await status.GET(get(`/tasks/status/${taskId}`, token), { params: Promise.resolve({ id: taskId }) })).json();
    expect(done.status).toBe("completed");
    expect(done.output.correlations.significant).toBeGreaterThanOrEqual(3);

    const corr = await (await correlations.GET(get("/insights/correlations", token))).json();
    expect(corr.correlations.some((c: { factor: string; outcome: string; lagDays: number }) => c.factor === "sleep_hours" && c.outcome === "mean_glucose" && c.lagDays === 0)).toBe(true);
    expect(corr.correlations.every((c: { significant: boolean }) => c.significant)).toBe(true);
    const all = await (await correlations.GET(get("/insights/correlations?all=1", token))).json();
    expect(all.correlations.length).toBeGreaterThan(corr.correlations.length);

    const pats = await (await patterns.GET(get("/insights/patterns", token))).json();
    const types = new Set(pats.patterns.map((p: { patternType: string }) => p.patternType));
    expect(types.has("recurring_motif")).toBe(true);
    expect(types.has("causal_link")).toBe(true);

    const recs = await (await recommendations.GET(get("/insights/recommendations", token))).json();
    expect(recs.recommendations.length).toBeGreaterThanOrEqual(2);
    expect(recs.recommendations[0].evidence.n).toBeGreaterThan(60);
  });
});
