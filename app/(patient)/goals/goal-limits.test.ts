import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import type { Viewer } from "@/db/queries/context";
import { consumeGoalCreation, consumePlanProposal, GOAL_CREATE_LIMIT, PLAN_PROPOSAL_LIMIT } from "./goal-limits";

describe.each(testEngines())("the goal limits on %s", (engine) => {
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

  it("allows 20 new goals a day, then says how long to wait in hours", async () => {
    const cy: Viewer = { userId: crypto.randomUUID(), role: "patient" };
    for (let i = 0; i < GOAL_CREATE_LIMIT.points; i++) await consumeGoalCreation(cy);
    await expect(consumeGoalCreation(cy)).rejects.toMatchObject({
      code: "rate_limited:goals",
      message: expect.stringMatching(/^You have created 20 goals today\. Work on those, or create another in 2[34] h\.$/),
    });
  });
});
