import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CopilotAuditEntry } from "@/db/queries/copilot";
import type { RankedMentee } from "@/db/queries/mentor-view";
import type { MoodTrend } from "@/lib/goals/types";
import { AuditTrail } from "./audit-trail";
import { GlucoseCard } from "./glucose-card";
import { MenteeList } from "./mentee-list";
import { MoodCard, moodSeries } from "./mood-card";
import { describeProvider } from "./provider-label";
import { SharedJournal } from "./shared-journal";

describe("mentor components", () => {
  it("fills the mood series with gaps on days without entries, ending on the mentee's today", () => {
    const trend: MoodTrend = {
      daily: [{ day: "2026-11-20", mean: 0.4, entries: 2 }, { day: "2026-11-22", mean: -0.1, entries: 1 }],
      last7: 0.15, previous7: null, direction: "unknown", topTags: [],
    };
    const series = moodSeries(trend, "2026-11-22", 5);
    expect(series).toEqual([null, null, 0.4, null, -0.1]);
  });

  it("says plainly when glucose or the journal (and so the mood) is not shared, and shows the summary when it is", () => {
    expect(renderToStaticMarkup(<GlucoseCard glucose={{ shared: false }} unit="mg/dL" />)).toContain("Not shared with you");
    expect(renderToStaticMarkup(<SharedJournal journal={{ shared: false }} timezone="UTC" />)).toContain("Not shared");
    const notShared = renderToStaticMarkup(<MoodCard trend={null} today="2026-11-22" />);
    expect(notShared).toContain('data-testid="mood-not-shared"');
    expect(notShared).toContain("they have not allowed you to read their journal");
    const shared = renderToStaticMarkup(
      <MoodCard trend={{ daily: [{ day: "2026-11-22", mean: 0.2, entries: 1 }], last7: 0.2, previous7: null, direction: "unknown", topTags: [] }} today="2026-11-22" />,
    );
    expect(shared).toContain("1 shared entry in 28 days");
    expect(shared).toContain("+0.20");
    const html = renderToStaticMarkup(
      <GlucoseCard glucose={{ shared: true, summary: { from: "2026-11-09", to: "2026-11-22", days: 9, meanMgdl: 152.4, tirPercent: 71.6, gmi: null } }} unit="mmol/L" />,
    );
    expect(html).toContain("8.5 mmol/L");
    expect(html).toContain("72 %");
    expect(html).toContain("9 of 14");
    expect(html).toContain("GMI needs at least 10 days");
  });

  const auditEntry: CopilotAuditEntry = {
    id: "1", mentorId: "m", mentorName: "Mia", menteeId: "b", question: "How is Bob?", answer: "Bob is on track.",
    contextUsed: {
      mentee: { name: "Bob" }, mood: { direction: "steady" }, glucose: { tirPercent: 71, meanMgdl: 152 },
      sharedJournal: [{ day: "2026-11-21", text: "Rough night, ate too much" }], empty: [],
    },
    provider: "grounded",
    createdAt: new Date("2026-11-22T18:30:00Z"),
  };

  it("shows the member every audit entry with who asked, who answered and the exact context behind a disclosure", () => {
    const html = renderToStaticMarkup(<AuditTrail entries={[auditEntry]} timezone="Europe/Paris" audience="member" empty="none" />);
    expect(html).toContain("22 Nov 2026, 19:30");
    expect(html).toContain("asked by Mia");
    expect(html).toContain("<details");
    expect(html).toContain("Context used: goals summary, mood, glucose, shared journal<");
    expect(html).toContain("&quot;direction&quot;: &quot;steady&quot;");
    expect(html).toContain("Rough night, ate too much");
    expect(renderToStaticMarkup(<AuditTrail entries={[]} timezone="UTC" audience="member" empty="No questions yet." />)).toContain("No questions yet.");
  });

  it("shows the mentor only the names of the context parts, never their content", () => {
    const html = renderToStaticMarkup(<AuditTrail entries={[auditEntry]} timezone="Europe/Paris" audience="mentor" empty="none" />);
    expect(html).toContain("Q: How is Bob?");
    expect(html).toContain("A: Bob is on track.");
    expect(html).toContain("Context used: goals summary, mood, glucose, shared journal<");
    expect(html).not.toContain("<details");
    expect(html).not.toContain("Rough night");
    expect(html).not.toContain("152");
    expect(html).not.toContain("steady");
    expect(html).not.toContain("asked by");
  });

  it("names the answering provider for people", () => {
    expect(describeProvider("grounded")).toMatch(/no AI model/);
    expect(describeProvider("model:gpt-4o-mini")).toBe("the AI model gpt-4o-mini");
    expect(describeProvider(null)).toBe("an unrecorded source");
  });

  it("lists mentees in the order given, each linking to their page with the first reason and the 7-day adherence", () => {
    const mentee = (name: string, score: number, reason: string, lastCheckInDay: string | null, days: number | null): RankedMentee => ({
      linkId: `l-${name}`, menteeId: `id-${name}`, name, email: `${name}@example.com`, consentedAt: new Date(0), shareGlucose: false, shareJournal: false,
      risk: { level: score > 66 ? "high" : "low", score, reasons: [reason, "second reason"] },
      adherence7: { due: 7, done: 3, ratio: 3 / 7 }, adherence30: { due: 30, done: 20, ratio: 2 / 3 },
      dailyAdherence: Array.from({ length: 28 }, (_, i) => ({ day: `d${i}`, ratio: i % 2 ? 1 : 0 })), lastCheckInDay, daysSinceLastCheckIn: days, activeGoals: 1,
    });
    const html = renderToStaticMarkup(<MenteeList mentees={[mentee("Ada", 90, "No check-in for 8 days", "2026-11-14", 8), mentee("Bob", 5, "On track", null, null)]} />);
    expect(html.match(/data-testid="mentee-row"/g)).toHaveLength(2);
    expect(html.indexOf("Ada")).toBeLessThan(html.indexOf("Bob"));
    expect(html).toContain('href="/mentor/id-Ada"');
    expect(html).toContain("No check-in for 8 days");
    expect(html).not.toContain("second reason");
    expect(html).toContain("Last check-in 2026-11-14 (8 days ago)");
    expect(html).toContain("No check-in yet");
    expect(html).toContain("43 %");
    expect(html).toContain("Ada&#x27;s daily adherence over 28 days");
  });
});
