import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDatabase } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { seedDemo } from "@/db/seed/seed-demo";
import { authorizeCredentials } from "@/lib/auth/config";
import { DEMO_MENTOR_EMAIL, DEMO_PASSWORDS, DEMO_PATIENT_EMAIL } from "@/db/seed/demo-accounts";
import { listMenteesRanked } from "./mentor-view";
import { getDashboardOverview } from "./dashboard";
import { getPeriodSummary } from "./glucose";
import { withSystem } from "./context";
import * as s from "@/db/schema";

describe("demo seeding", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase("pglite");
  });
  afterAll(async () => handle?.close());

  it("writes the cohort once, and the demo logins work", async () => {
    const first = await seedDemo({ endDate: "2026-03-20" });
    expect(first.created).toBe(true);
    const again = await seedDemo({ endDate: "2026-03-20" });
    expect(again.created).toBe(false);

    const counts = await withSystem(async (tx) => {
      const one = async (t: typeof s.glucoseReadings | typeof s.users | typeof s.sleepSessions | typeof s.checkIns) =>
        (await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(t))[0].n;
      return { users: await one(s.users), glucose: await one(s.glucoseReadings), sleep: await one(s.sleepSessions), checkIns: await one(s.checkIns) };
    });
    expect(counts.users).toBe(5);
    // 90 days of 5-minute CGM for the demo patient (minus gaps and warm-ups) + 14 days for each mentee.
    expect(counts.glucose).toBeGreaterThan(90 * 288 * 0.85);
    expect(counts.sleep).toBeGreaterThanOrEqual(89);
    expect(counts.checkIns).toBeGreaterThan(50);

    const patient = await authorizeCredentials({ email: DEMO_PATIENT_EMAIL, password: DEMO_PASSWORDS.member }, new Headers());
    expect(patient?.role).toBe("patient");
    const mentor = await authorizeCredentials({ email: DEMO_MENTOR_EMAIL, password: DEMO_PASSWORDS.mentor }, new Headers());
    expect(mentor?.role).toBe("mentor");

    const mentees = await listMenteesRanked({ userId: mentor!.id, role: "mentor" });
    expect(mentees).toHaveLength(3);
    const overview = await getDashboardOverview({ userId: patient!.id, role: "patient" });
    const last14d = await getPeriodSummary({ userId: patient!.id, role: "patient" }, "America/New_York", 14, new Date("2026-03-20T20:00:00Z"));
    expect(overview.lastReading).not.toBeNull();
    expect(last14d.readings).toBeGreaterThan(14 * 288 * 0.8);
    expect(last14d.glucose!.timeInRanges.inRange).toBeGreaterThan(50);
  });
});

describe("daily aggregates of the demo patient", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase("pglite");
    await seedDemo({ endDate: "2026-03-20" });
  });
  afterAll(async () => handle?.close());

  it("has one row per local day, including the 23-hour DST day, with sleep and meals", async () => {
    const rows = await withSystem((tx) =>
      tx.select().from(s.dailyAggregates).innerJoin(s.users, sql`${s.users.id} = ${s.dailyAggregates.userId}`).where(sql`${s.users.email} = ${DEMO_PATIENT_EMAIL}`),
    );
    const days = rows.map((r) => r.daily_aggregates);
    expect(days).toHaveLength(90);
    const dst = days.find((d) => d.date === "2026-03-08")!;
    // 23 hours of 5-minute readings at most (276), less any sensor gap.
    expect(dst.readings).toBeLessThanOrEqual(276);
    expect(dst.readings).toBeGreaterThan(200);
    expect(days.filter((d) => d.readings > 276 && d.readings <= 288).length).toBeGreaterThan(60);
    expect(days.every((d) => d.tirPercent === null || (d.tirPercent >= 0 && d.tirPercent <= 100))).toBe(true);
    expect(days.filter((d) => d.sleepMinutes !== null).length).toBeGreaterThanOrEqual(89);
    expect(days.filter((d) => (d.carbsG ?? 0) > 50).length).toBe(90);
    const sum = days.reduce((acc, d) => acc + d.readings, 0);
    const [{ n }] = await withSystem((tx) =>
      tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(s.glucoseReadings).innerJoin(s.users, sql`${s.users.id} = ${s.glucoseReadings.userId}`).where(sql`${s.users.email} = ${DEMO_PATIENT_EMAIL}`),
    );
    expect(sum).toBe(n);
  });
});
