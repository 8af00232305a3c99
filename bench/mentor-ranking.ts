// The mentor's ranked list: a mentor with N mentees (2 goals, 3 habits each, 90 days of check-ins or --days),
// ranked by risk with every streak, strength, adherence window and sparkline computed — against the
// baseline of only reading the same rows under the same row-level security, in the same process.
// Also one member's /goals summary. In-memory PGlite, so the figures are the app's own cost.
//   Run: npx tsx bench/mentor-ranking.ts [--mentees 25] [--runs 15] [--days 90]
import crypto from "node:crypto";
import { DateTime } from "luxon";
import { sql } from "drizzle-orm";
import { openDatabase, installDatabase } from "@/db/client";
import * as s from "@/db/schema";
import { createAccount } from "@/db/queries/users";
import { withSystem, withViewer, type Viewer } from "@/db/queries/context";
import { acceptMentorInvite, createMentorInvite } from "@/db/queries/mentoring";
import { createGoalFromPlan, loadMemberGoalSummary } from "@/db/queries/goals";
import { listMenteesRanked } from "@/db/queries/mentor-view";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const DAYS = arg("days", 90);

function median(xs: number[]) {
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
}

async function time(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return { median: median(out), min: Math.min(...out) };
}

async function main() {
  const menteeCount = arg("mentees", 25);
  const runs = arg("runs", 15);
  installDatabase(await openDatabase({ url: "memory://", migrate: true }));
  const m = await createAccount({ email: "mentor@bench.local", name: "Mentor", password: "a sturdy passphrase 7", role: "mentor" });
  const mentor: Viewer = { userId: m.id, role: "mentor" };
  const mentees: Viewer[] = [];
  const zones = ["America/New_York", "Europe/London", "Asia/Kathmandu", "Pacific/Auckland"];
  const started = DateTime.utc().minus({ days: DAYS });
  let checkInRows = 0;
  for (let i = 0; i < menteeCount; i++) {
    const a = await createAccount({ email: `m${i}@bench.local`, name: `Mentee ${i}`, password: "a sturdy passphrase 7", timezone: zones[i % zones.length] });
    const viewer: Viewer = { userId: a.id, role: "patient" };
    mentees.push(viewer);
    await acceptMentorInvite(viewer, (await createMentorInvite(mentor)).code);
    for (const title of ["Walk after dinner", "Sleep by 23:00"]) {
      await createGoalFromPlan(viewer, { title }, {
        proposalId: crypto.randomUUID(), summary: "", provider: "grounded", partial: false, subgoals: [{ title: "First step" }],
        habits: title.startsWith("Walk")
          ? [{ title: "Walk 20 minutes", schedule: { kind: "weekly", timesPerWeek: 4 }, skipBudgetPerWeek: 1 }, { title: "Log dinner", schedule: { kind: "daily" }, skipBudgetPerWeek: 1 }]
          : [{ title: "Lights out 23:00", schedule: { kind: "daily" }, skipBudgetPerWeek: 1 }],
      });
    }
    // 90 days of history: habits created 90 days ago, check-ins with a per-person adherence.
    const doneShare = 0.25 + (0.7 * i) / Math.max(1, menteeCount - 1);
    await withSystem(async (tx) => {
      await tx.update(s.habits).set({ createdAt: started.toJSDate() }).where(sql`${s.habits.userId} = ${a.id}`);
      const habits = await tx.select({ id: s.habits.id }).from(s.habits).where(sql`${s.habits.userId} = ${a.id}`);
      const rows = [];
      for (const h of habits) {
        for (let d = 0; d < DAYS; d++) {
          const r = (Math.sin(i * 97 + d * 13 + h.id.charCodeAt(0)) + 1) / 2;
          rows.push({ userId: a.id, habitId: h.id, day: started.plus({ days: d }).toISODate()!, status: (r < doneShare ? "done" : r < doneShare + 0.05 ? "skipped" : "missed") as "done" | "skipped" | "missed" });
        }
      }
      checkInRows += rows.length;
      await tx.insert(s.checkIns).values(rows);
    });
  }

  // Baseline: the same rows read under RLS as the mentor, nothing computed.
  const readOnly = () =>
    withViewer(mentor, async (tx) => {
      await tx.select().from(s.mentorLinks);
      await tx.select().from(s.goals);
      await tx.select().from(s.subgoals);
      await tx.select().from(s.habits);
      await tx.select().from(s.checkIns);
    });
  // The same reads with the owner's rights (no RLS): what the policies themselves cost.
  const readNoRls = () =>
    withSystem(async (tx) => {
      await tx.select().from(s.mentorLinks);
      await tx.select().from(s.goals);
      await tx.select().from(s.subgoals);
      await tx.select().from(s.habits);
      await tx.select().from(s.checkIns);
    });
  const noRls = await time(runs, readNoRls);
  const baseline = await time(runs, readOnly);
  const ranked = await time(runs, () => listMenteesRanked(mentor));
  const one = await time(runs, () => loadMemberGoalSummary(mentees[0]));
  const list = await listMenteesRanked(mentor);

  console.log(`Mentor ranking: ${menteeCount} mentees × 3 habits × ${DAYS} days (${checkInRows.toLocaleString("en-US")} check-ins), PGlite in memory, ${runs} runs`);
  console.log(`  the same rows without RLS: median ${noRls.median.toFixed(1)} ms`);
  console.log(`  baseline (read the same rows under RLS): median ${baseline.median.toFixed(1)} ms = ${(baseline.median / noRls.median).toFixed(2)}× without RLS`);
  console.log(`  listMenteesRanked (rows + every summary + ranking): median ${ranked.median.toFixed(1)} ms = ${(ranked.median / baseline.median).toFixed(2)}× the baseline`);
  console.log(`  one member's /goals summary: median ${one.median.toFixed(1)} ms`);
  console.log(`  order: ${list.map((x) => `${x.risk.level}(${x.risk.score})`).slice(0, 6).join(", ")}…`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
