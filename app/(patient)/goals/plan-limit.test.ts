import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import type { Viewer } from "@/db/queries/context";
import { consumePlanProposal, PLAN_PROPOSAL_LIMIT } from "./plan-limit";

describe.each(testEngines())("the plan proposal limit on %s", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
  });
  afterAll(async () => handle?.close());

  it("allows a member PLAN_PROPOSAL_LIMIT proposals a minute, then refuses with a sentence, per member", async () => {
    const ada: Viewer = { userId: crypto.randomUUID(), role: "patient" };
    const bob: Viewer = { userId: crypto.randomUUID(), role: "patient" };
    expect(PLAN_PROPOSAL_LIMIT).toMatchObject({ points: 6, durationSeconds: 60 });
    for (let i = 0; i < PLAN_PROPOSAL_LIMIT.points; i++) await consumePlanProposal(ada);
    await expect(consumePlanProposal(ada)).rejects.toMatchObject({
      code: "rate_limited:goals",
      status: 429,
      message: expect.stringMatching(/^You have asked for 6 plans in the last minute\. Edit the one you have, or ask again in \d+ s\.$/),
    });
    await expect(consumePlanProposal(bob)).resolves.toBeUndefined();
  });
});
