import { afterAll, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";

const saved = { INNGEST_DEV: process.env.INNGEST_DEV, INNGEST_SIGNING_KEY: process.env.INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY: process.env.INNGEST_EVENT_KEY };

/** Imports the route afresh under the given environment (the Inngest client reads it when created). */
async function loadRoute(env: { INNGEST_DEV?: string }) {
  delete process.env.INNGEST_SIGNING_KEY;
  delete process.env.INNGEST_EVENT_KEY;
  if (env.INNGEST_DEV === undefined) delete process.env.INNGEST_DEV;
  else process.env.INNGEST_DEV = env.INNGEST_DEV;
  resetEnvForTests();
  vi.resetModules();
  return import("./route");
}

describe("GET /api/inngest", () => {
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvForTests();
  });

  it("serves the registry's functions in dev mode", async () => {
    const { GET } = await loadRoute({ INNGEST_DEV: "1" });
    const { workflows } = await import("@/inngest/functions");
    const res = await GET(new Request("http://localhost:3000/api/inngest") as never, undefined as never);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { function_count: number; mode: string };
    // Inngest registers a workflow's onFailure handler as a function of its own; every event-triggered
    // workflow has one under Inngest (it records a failed task), cron workflows only when they declare one.
    const failureHandlers = workflows.filter((w) => (w.inngestFunction as unknown as { opts: { onFailure?: unknown } }).opts.onFailure).length;
    expect(failureHandlers).toBeGreaterThanOrEqual(workflows.filter((w) => w.embedded.eventName).length);
    expect(body).toMatchObject({ function_count: workflows.length + failureHandlers, mode: "dev" });
  });

  it("answers 500 without INNGEST_DEV or a signing key (the embedded runner is in charge then)", async () => {
    const { GET } = await loadRoute({});
    const res = await GET(new Request("http://localhost:3000/api/inngest") as never, undefined as never);
    expect(res.status).toBe(500);
  });
});
