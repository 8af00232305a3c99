import { describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";

// No database here: the adapter's task-status writes (inngest_tasks) are tested in inngest/inngest-tasks.test.ts.
vi.mock("@/db/queries/inngest-tasks", () => ({
  markInngestTaskRunning: async () => {},
  setInngestTaskProgress: async () => {},
  completeInngestTask: async () => {},
  failInngestTask: async () => {},
}));
import { weeklyIntelligenceGenerate } from "./weekly-intelligence";
import { richFacts } from "@/lib/intelligence/testing/fixtures";
import { writeGroundedBrief } from "@/lib/ai";

// The weekly generation under Inngest's own engine: database steps mocked, the narration real.
const USER = "0f8d2a52-8c1e-4a53-9b7c-2f7d3b8e1a01";
const event = [{ name: "intelligence/week.requested", data: { userId: USER, weekOf: "2025-06-30", reason: "scheduled" } }] as [
  { name: string; data: Record<string, unknown> },
];

describe("weekly-intelligence-generate under @inngest/test", () => {
  it("runs gather → narrate → verify → store → notify and reports a complete grounded brief", async () => {
    const facts = richFacts();
    const engine = new InngestTestEngine({ function: weeklyIntelligenceGenerate.inngestFunction });
    const { result } = await engine.execute({
      events: event,
      steps: [
        { id: "gather", handler: () => ({ facts, timezone: "UTC", viewer: { userId: USER, role: "patient" } }) },
        { id: "store", handler: () => "story-1" },
        { id: "notify", handler: () => true },
      ],
    });
    expect(result).toMatchObject({ storyId: "story-1", weekOf: "2025-06-30", partial: false, providers: ["grounded"], problems: [], regenerated: false });
  });

  it("regenerates once when verification finds a fixable problem", async () => {
    const facts = richFacts();
    const broken = { ...writeGroundedBrief(facts), insights: [] };
    const engine = new InngestTestEngine({ function: weeklyIntelligenceGenerate.inngestFunction });
    const { result } = await engine.execute({
      events: event,
      steps: [
        { id: "gather", handler: () => ({ facts, timezone: "UTC", viewer: { userId: USER, role: "patient" } }) },
        { id: "narrate", handler: () => broken },
        { id: "store", handler: () => "story-2" },
        { id: "notify", handler: () => true },
      ],
    });
    expect(result).toMatchObject({ storyId: "story-2", regenerated: true });
    expect((result as { problems: string[] }).problems).toContain("too_few_insights");
  });
});
