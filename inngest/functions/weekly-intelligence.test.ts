import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { openTestDatabase } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { seedDemo } from "@/db/seed/seed-demo";
import { DEMO_PATIENT_EMAIL } from "@/db/seed/demo-accounts";
import { withSystem, type Viewer } from "@/db/queries/context";
import { createAccount } from "@/db/queries/users";
import { getWeeklyBrief, listBriefWeeks, updatePersonalNote } from "@/db/queries/weekly-brief";
import { listUnreadNotifications } from "@/db/queries/notifications";
import { getRun } from "@/db/queries/jobs";
import { sendEvent, runUntilIdle, stopEmbeddedRunner } from "@/inngest/runner";
import { resetEnvForTests } from "@/lib/env";
import * as s from "@/db/schema";

const WEEK = "2026-03-09"; // a Monday inside the demo's 90 days (which end 2026-03-20)

describe("weekly intelligence through the embedded runner", () => {
  let handle: DatabaseHandle;
  let demo: Viewer;

  beforeAll(async () => {
    handle = await openTestDatabase("pglite");
    await seedDemo({ endDate: "2026-03-20" });
    const [u] = await withSystem((tx) => tx.select({ id: s.users.id }).from(s.users).where(sql`${s.users.email} = ${DEMO_PATIENT_EMAIL}`));
    demo = { userId: u.id, role: "patient" };
  });
  afterAll(async () => {
    await stopEmbeddedRunner();
    await handle?.close();
  });

  it("writes one complete grounded brief per person and week, however often it runs, keeping the person's note", async () => {
    await sendEvent("intelligence/week.requested", { userId: demo.userId, weekOf: WEEK, reason: "scheduled" }, { idempotencyKey: `weekly:${demo.userId}:${WEEK}` });
    await runUntilIdle();
    const brief = await getWeeklyBrief(demo, WEEK);
    expect(brief).not.toBeNull();
    expect(brief!.story.provider).toBe("grounded");
    expect(brief!.story.partial).toBe(false);
    expect(brief!.insights.length).toBeGreaterThanOrEqual(3);
    expect(brief!.insights.length).toBeLessThanOrEqual(5);
    expect(brief!.predictions.length).toBeGreaterThanOrEqual(2);
    expect(brief!.predictions.length).toBeLessThanOrEqual(3);
    expect(brief!.strategicMoves).toHaveLength(5);
    expect(brief!.insights.every((i) => i.evidence.length > 0)).toBe(true);
    expect(brief!.predictions.every((p) => (p.sampleSize ?? 0) > 0)).toBe(true);
    expect((await listUnreadNotifications(demo)).filter((n) => n.kind === "brief_ready")).toHaveLength(1);

    await updatePersonalNote(demo, WEEK, "Ask Dr. Lee about the Thursday spike.");
    // A manual regeneration of the same week replaces it in place.
    await sendEvent("intelligence/week.requested", { userId: demo.userId, weekOf: WEEK, reason: "manual" }, { idempotencyKey: `manual:${demo.userId}:${WEEK}:1` });
    await runUntilIdle();
    const again = await getWeeklyBrief(demo, WEEK);
    expect(again!.story.id).toBe(brief!.story.id);
    expect(again!.story.personalNote).toBe("Ask Dr. Lee about the Thursday spike.");
    expect(again!.insights).toHaveLength(brief!.insights.length);
    expect((await listBriefWeeks(demo)).filter((w) => w.weekOf === WEEK)).toHaveLength(1);
    expect((await listUnreadNotifications(demo)).filter((n) => n.kind === "brief_ready")).toHaveLength(1);
  });

  it("explains an empty week for a person with no data instead of inventing one", async () => {
    const fresh = await createAccount({ email: "empty@example.com", name: "Empty", password: "a sturdy passphrase 7" });
    const viewer: Viewer = { userId: fresh.id, role: "patient" };
    await sendEvent("intelligence/week.requested", { userId: fresh.id, weekOf: WEEK, reason: "scheduled" });
    await runUntilIdle();
    const brief = await getWeeklyBrief(viewer, WEEK);
    expect(brief).not.toBeNull();
    expect(`${brief!.story.title} ${brief!.story.narrative}`).toMatch(/no data|nothing|not enough|no readings/i);
    expect(brief!.predictions).toHaveLength(0);
  });

  describe("with a model that fails", () => {
    let server: http.Server;
    const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
    beforeAll(async () => {
      // A real HTTP server speaking (badly) the chat-completions protocol: every call is a 500.
      server = http.createServer((_req, res) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "overloaded" } }));
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      process.env.OPENAI_API_KEY = "test-key";
      process.env.OPENAI_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      resetEnvForTests();
    });
    afterEach(() => undefined);
    afterAll(async () => {
      process.env.OPENAI_API_KEY = saved.key ?? "";
      process.env.OPENAI_BASE_URL = saved.url ?? "";
      resetEnvForTests();
      await new Promise((r) => server.close(r));
    });

    it("still delivers the brief, written by the grounded narrator and marked partial", async () => {
      const week = "2026-03-02";
      const sent = await sendEvent("intelligence/week.requested", { userId: demo.userId, weekOf: week, reason: "scheduled" });
      await runUntilIdle();
      const brief = await getWeeklyBrief(demo, week);
      expect(brief!.story.partial).toBe(true);
      expect(brief!.story.provider).toBe("grounded");
      expect(brief!.insights.length).toBeGreaterThanOrEqual(3);
      if (sent.mode === "embedded") expect((await getRun(sent.runIds[0]))?.status).toBe("completed");
    });
  });
});
