import { sql } from "drizzle-orm";
import * as s from "@/db/schema";
import type { DemoCohort } from "@/db/seed/generator/types";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORDS } from "@/db/seed/demo-accounts";
import { withSystem } from "./context";
import { recomputeDailyAggregates } from "./daily-aggregates";
import { localDate } from "@/lib/time";
import { collectTags } from "@/lib/journal/tags";
import { scoreSentiment } from "@/lib/journal/sentiment";
import type { Tx } from "@/db/client";

const CHUNK = 2_000;

async function insertChunked<T extends Record<string, unknown>>(tx: Tx, table: Parameters<Tx["insert"]>[0], rows: T[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Idempotent like the ingestion API: (user, time, source) rows already there are left alone.
    await tx.insert(table).values(rows.slice(i, i + CHUNK) as never).onConflictDoNothing();
  }
}

/**
 * Writes the generated demo cohort in one transaction: all of it or nothing. Returns false (and
 * writes nothing) when the demo patient already exists, so `npm run demo` can run again safely.
 */
export async function insertDemoCohort(cohort: DemoCohort): Promise<boolean> {
  const hashes = { member: await hashPassword(DEMO_PASSWORDS.member), mentor: await hashPassword(DEMO_PASSWORDS.mentor) };
  return withSystem(async (tx) => {
    const emails = cohort.people.map((p) => p.email.toLowerCase());
    const existing = await tx.select({ id: s.users.id }).from(s.users).where(sql`lower(${s.users.email}) in ${emails}`);
    if (existing.length > 0) return false;

    const userIds = new Map<string, string>();
    for (const p of cohort.people) {
      const [u] = await tx
        .insert(s.users)
        .values({
          email: p.email.toLowerCase(), name: p.name, role: p.role === "mentor" ? "mentor" : "patient",
          passwordHash: p.role === "mentor" ? hashes.mentor : hashes.member, timezone: p.timezone, glucoseUnit: p.glucoseUnit,
          diabetesType: p.diabetesType,
        })
        .returning({ id: s.users.id });
      userIds.set(p.key, u.id);
      await tx.insert(s.userPreferences).values({ userId: u.id });
    }
    const id = (key: string) => {
      const v = userIds.get(key);
      if (!v) throw new Error(`demo cohort: unknown person ${key}`);
      return v;
    };

    for (const p of cohort.people) {
      if (p.mentorKey) {
        // Mentees consent to goals and a glucose summary; journal text stays private by default, except
        // that Lee (whose mood is sliding) shares the journal, so the demo mentor sees both cases.
        await tx.insert(s.mentorLinks).values({ mentorId: id(p.mentorKey), menteeId: id(p.key), shareGlucose: true, shareJournal: p.key === JOURNAL_SHARING_MENTEE });
      }
    }

    for (const [key, h] of Object.entries(cohort.health)) {
      const userId = id(key);
      const source = "demo";
      await insertChunked(tx, s.glucoseReadings, h.glucose.map((g) => ({ userId, time: g.time, mgdl: g.mgdl, kind: "cgm" as const, source, device: "Dexcom G7 (demo)" })));
      await insertChunked(tx, s.sleepSessions, h.sleep.map((z) => ({
        userId, start: z.start, end: z.end, asleepMinutes: z.asleepMinutes, inBedMinutes: Math.round((z.end.getTime() - z.start.getTime()) / 60_000),
        deepMinutes: z.deepMinutes, remMinutes: z.remMinutes, coreMinutes: z.coreMinutes, awakeMinutes: z.awakeMinutes, source, device: "Apple Watch (demo)",
      })));
      await insertChunked(tx, s.activities, h.activities.map((a) => ({
        userId, time: a.start, end: a.end, type: a.type, durationMin: a.durationMinutes, intensity: a.intensity, kcal: a.kcal,
        distanceKm: a.distanceKm, steps: a.steps, heartRateAvg: a.avgHeartRate, source, device: "Apple Watch (demo)",
      })));
      await insertChunked(tx, s.meals, h.meals.map((m) => ({
        userId, time: m.time, mealType: m.type, carbsG: m.carbsG, proteinG: m.proteinG, fatG: m.fatG, kcal: m.kcal, description: m.description, source,
      })));
    }

    const goalIds = new Map<string, string>();
    for (const g of cohort.goals) {
      const [row] = await tx
        .insert(s.goals)
        .values({
          userId: id(g.personKey), title: g.title, description: g.description, theme: g.theme, status: g.status,
          targetDate: g.targetDate, createdAt: g.createdAt, planProvider: "grounded",
        })
        .returning({ id: s.goals.id });
      goalIds.set(g.key, row.id);
    }
    for (const sg of cohort.subgoals) {
      const goal = cohort.goals.find((g) => g.key === sg.goalKey)!;
      await tx.insert(s.subgoals).values({
        userId: id(goal.personKey), goalId: goalIds.get(sg.goalKey)!, title: sg.title, position: sg.position, status: sg.status,
        completedAt: sg.status === "done" ? goal.createdAt : null,
      });
    }
    const habitIds = new Map<string, string>();
    for (const h of cohort.habits) {
      const [row] = await tx
        .insert(s.habits)
        .values({
          userId: id(h.personKey), goalId: goalIds.get(h.goalKey)!, title: h.title, schedule: h.schedule,
          skipBudgetPerWeek: h.skipBudgetPerWeek, active: h.active, createdAt: h.createdAt,
        })
        .returning({ id: s.habits.id });
      habitIds.set(h.key, row.id);
    }
    await insertChunked(tx, s.checkIns, cohort.checkIns.map((c) => ({
      userId: id(c.personKey), habitId: habitIds.get(c.habitKey)!, day: c.date, status: c.status, note: c.note, createdAt: c.loggedAt,
    })));
    for (const [key, h] of Object.entries(cohort.health)) {
      const person = cohort.people.find((p) => p.key === key)!;
      const dates = new Set(h.glucose.map((g) => localDate(g.time, person.timezone)));
      await recomputeDailyAggregates(tx, id(key), person.timezone, dates);
    }
    await insertChunked(tx, s.journalEntries, cohort.journalEntries.map((j) => {
      // Scored and tagged exactly as an entry written in the app would be (the generator only knows the planted mood).
      const { comparative, mood } = scoreSentiment(j.text);
      return {
        userId: id(j.personKey), text: j.text, createdAt: j.createdAt, sentiment: comparative, mood,
        tags: collectTags(j.text, demoTags(j.text)), sharedWithMentor: j.personKey === JOURNAL_SHARING_MENTEE,
      };
    }));
    return true;
  });
}

const JOURNAL_SHARING_MENTEE = "lee";

/** The tags a member would plausibly type for a demo entry, from its topic words. */
function demoTags(text: string): string[] {
  const t = text.toLowerCase();
  const topics: [string, RegExp][] = [["walk", /walk/], ["sleep", /sle?ep/], ["stress", /stress|worried|meeting/], ["food", /ate|dinner|lunch|breakfast|cooking/]];
  return topics.filter(([, re]) => re.test(t)).map(([tag]) => tag);
}
