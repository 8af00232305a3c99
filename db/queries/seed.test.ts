import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDatabase } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { seedDemo } from "@/db/seed/seed-demo";
import { authorizeCredentials } from "@/lib/auth/config";
import { DEMO_MENTOR_EMAIL, DEMO_PASSWORDS, DEMO_PATIENT_EMAIL } from "@/db/seed/demo-accounts";
import { listMentees } from "./mentoring";
import { getDashboardOverview } from "./dashboard";
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

    const mentees = await listMentees({ userId: mentor!.id, role: "mentor" });
    expect(mentees).toHaveLength(3);
    const overview = await getDashboardOverview({ userId: patient!.id, role: "patient" }, { low: 70, high: 180 });
    expect(overview.lastReading).not.toBeNull();
    expect(overview.last14d.n).toBeGreaterThan(14 * 288 * 0.8);
    expect(overview.last14d.tirPercent).toBeGreaterThan(50);
  });
});
