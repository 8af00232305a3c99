// Weekly brief generation through the embedded runner on PostgreSQL: N synthetic people (default
// 1,000) with 8 weeks of daily aggregates each; people per second, and what 500,000 people on a
// Monday would take. Then a failure run where 30 % of model calls fail (HTTP 500) against a local
// OpenAI-compatible server: every person must still get exactly one brief.
//   Run: npx tsx bench/weekly-generation.ts [--people 1000] [--failure-people 200] [--concurrency 4]
import { DateTime } from "luxon";

process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
process.env.PROXIMA_DISABLE_SCHEDULER = "1";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PEOPLE = arg("people", 1000);
const FAILURE_PEOPLE = arg("failure-people", 200);
const CONCURRENCY = arg("concurrency", 4);
const WEEK = "2026-11-16";

function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function main() {
  const { openTestDatabase } = await import("@/db/testing/test-database");
  const { withSystem } = await import("@/db/queries/context");
  const s = await import("@/db/schema");
  const { EmbeddedRunner } = await import("@/inngest/runner");
  const { workflows } = await import("@/inngest/functions");
  const { sql } = await import("drizzle-orm");
  const { resetEnvForTests } = await import("@/lib/env");
  const handle = await openTestDatabase("postgres");

  async function makePeople(count: number, prefix: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 500) {
      const rows = await withSystem((tx) =>
        tx.insert(s.users).values(Array.from({ length: Math.min(500, count - i) }, (_, k) => ({ email: `${prefix}-${i + k}@bench.local`, name: `Bench ${i + k}`, timezone: "UTC" }))).returning({ id: s.users.id }),
      );
      ids.push(...rows.map((r) => r.id));
    }
    const start = DateTime.fromISO(WEEK).minus({ weeks: 7 });
    const days = Array.from({ length: 56 }, (_, d) => start.plus({ days: d }).toISODate()!);
    for (const [p, userId] of ids.entries()) {
      const r = rng(p + 1);
      const values = days.map((date) => {
        const sleep = 300 + Math.round(r() * 200);
        const mean = 120 + (sleep < 360 ? 15 : 0) + r() * 30;
        return {
          userId, date, readings: 270 + Math.floor(r() * 18), meanMgdl: mean, minMgdl: mean - 50, maxMgdl: mean + 90, sdMgdl: 30 + r() * 10,
          tirPercent: 60 + r() * 35, tarPercent: 5 + r() * 25, tbrPercent: r() * 3, overnightMeanMgdl: mean - 10 + r() * 20, sleepMinutes: sleep,
          deepSleepMinutes: Math.round(sleep * 0.15), remSleepMinutes: Math.round(sleep * 0.2), exerciseMinutes: Math.round(r() * 60),
          eveningExerciseMinutes: r() < 0.4 ? 30 : 0, steps: 4000 + Math.round(r() * 8000), carbsG: 150 + r() * 150, kcal: 1800 + r() * 600,
          lateDinner: r() < 0.2, lastMealHour: 18 + r() * 4,
        };
      });
      await withSystem((tx) => tx.insert(s.dailyAggregates).values(values));
    }
    return ids;
  }

  async function generate(ids: string[], label: string) {
    const runner = new EmbeddedRunner({ workflows, maxConcurrentRuns: CONCURRENCY, scheduleCrons: false, logger: { info() {}, warn() {}, error() {} } });
    const t0 = performance.now();
    for (const userId of ids) await runner.send("intelligence/week.requested", { userId, weekOf: WEEK, reason: "scheduled" }, { idempotencyKey: `weekly:${userId}:${WEEK}` });
    const sent = performance.now();
    await runner.runUntilIdle();
    const seconds = (performance.now() - t0) / 1000;
    const [{ briefs, partial }] = await withSystem((tx) =>
      tx
        .select({ briefs: sql<number>`count(*)`.mapWith(Number), partial: sql<number>`count(*) filter (where ${s.weeklyHealthStories.partial})`.mapWith(Number) })
        .from(s.weeklyHealthStories)
        .where(sql`${s.weeklyHealthStories.userId} in (select id from users where email like ${`${label}-%`}) and ${s.weeklyHealthStories.weekOf} = ${WEEK}`),
    );
    return { seconds, sendSeconds: (sent - t0) / 1000, briefs, partial };
  }

  console.log(`Setting up ${PEOPLE} people × 8 weeks of daily aggregates on PostgreSQL…`);
  const people = await makePeople(PEOPLE, "grounded");
  const a = await generate(people, "grounded");
  const rate = PEOPLE / a.seconds;
  console.log(`Grounded narrator, ${CONCURRENCY} runs at a time: ${PEOPLE} briefs in ${a.seconds.toFixed(1)} s (sending ${a.sendSeconds.toFixed(1)} s) → ${rate.toFixed(1)} people/s; briefs stored ${a.briefs}, partial ${a.partial}`);
  const window = 4 * 3600;
  console.log(`500,000 people on a Monday: ${(500_000 / rate / 3600).toFixed(1)} machine-hours at this rate → ${Math.ceil(500_000 / (rate * window))} machines like this one (or Inngest workers of its size) for a 4-hour window, ${Math.ceil(500_000 / (rate * 3600))} for one hour.`);

  // Failure run: a local OpenAI-compatible server failing 30 % of calls.
  const { startOpenAiTestServer } = await import("@/lib/ai/testing/openai-test-server");
  const { chatCompletion, toModelAnswer } = await import("@/lib/ai/testing/model-answers");
  const { richFacts } = await import("@/lib/intelligence/testing/fixtures");
  const { writeGroundedBrief } = await import("@/lib/ai");
  const facts = richFacts();
  const canned = JSON.stringify(toModelAnswer(writeGroundedBrief(facts), facts));
  const random = rng(7);
  let calls = 0;
  let failed = 0;
  const server = await startOpenAiTestServer(() => {
    calls++;
    if (random() < 0.3) {
      failed++;
      return { status: 500, json: { error: { message: "overloaded" } } };
    }
    // A valid answer about another person's week: the guard must catch every number that is not this person's.
    return { json: chatCompletion(canned) };
  });
  process.env.OPENAI_API_KEY = "bench-key";
  process.env.OPENAI_BASE_URL = server.baseURL;
  resetEnvForTests();
  const failing = await makePeople(FAILURE_PEOPLE, "failing");
  const b = await generate(failing, "failing");
  const [{ dupes }] = await withSystem((tx) =>
    tx.select({ dupes: sql<number>`count(*) - count(distinct (${s.weeklyHealthStories.userId}, ${s.weeklyHealthStories.weekOf}))`.mapWith(Number) }).from(s.weeklyHealthStories),
  );
  console.log(`Failure run: ${FAILURE_PEOPLE} people, ${calls} model calls, ${failed} failed (${((100 * failed) / Math.max(1, calls)).toFixed(0)} %): ${b.briefs} briefs for ${FAILURE_PEOPLE} people (${b.partial} partial, grounded where the model failed or was corrected), duplicates ${dupes}, ${(FAILURE_PEOPLE / b.seconds).toFixed(1)} people/s`);
  await server.close();
  await handle.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
