import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { createAccount } from "@/db/queries/users";
import { createAccessToken } from "@/db/queries/tokens";
import { storeHealthBatch } from "@/db/queries/ingest";
import { listGlucoseReadings } from "@/db/queries/glucose";
import * as readings from "@/app/api/v1/glucose/readings/route";
import * as bulk from "@/app/api/v1/glucose/bulk/route";
import * as sleep from "@/app/api/v1/sleep/route";
import * as meals from "@/app/api/v1/meals/route";
import * as activities from "@/app/api/v1/activities/route";
import * as appleHealth from "@/app/api/v1/integrations/apple-health/route";
import * as dailySummary from "@/app/api/v1/glucose/daily-summary/route";
import * as dashboardSummary from "@/app/api/v1/dashboard/summary/route";
import * as imports from "@/app/api/v1/imports/route";
import { IMPORT_LIMIT } from "@/lib/imports/save-upload";
import { consumeLimit } from "@/db/queries/rate-limit";
import type { Viewer } from "@/db/queries/context";
import { normalizeGlucoseBulk } from "./normalize";

const BASE = "http://localhost/api/v1";

function request(method: string, path: string, token: string | null, body?: unknown, raw?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return new NextRequest(`${BASE}${path}`, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
}

async function call(handler: (req: NextRequest) => Promise<Response>, req: NextRequest) {
  const res = await handler(req);
  return { status: res.status, headers: res.headers, body: await res.json() };
}

describe.each(testEngines())("API v1 on %s", (engine) => {
  let handle: DatabaseHandle;
  let write: string, read: string, otherWrite: string;
  let alice: Viewer;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const a = await createAccount({ email: "alice@example.com", name: "Alice", password: "a sturdy passphrase 7", timezone: "America/New_York" });
    const b = await createAccount({ email: "bob@example.com", name: "Bob", password: "a sturdy passphrase 7", timezone: "Europe/Paris" });
    alice = { userId: a.id, role: "patient" };
    write = (await createAccessToken(alice, { name: "cgm", scope: "write" })).token;
    read = (await createAccessToken(alice, { name: "viewer", scope: "read" })).token;
    otherWrite = (await createAccessToken({ userId: b.id, role: "patient" }, { name: "bob", scope: "write" })).token;
  });
  afterAll(async () => handle?.close());

  it("refuses missing, unknown and read-only tokens with a sentence", async () => {
    const none = await call(bulk.POST, request("POST", "/glucose/bulk", null, { readings: [] }));
    expect(none.status).toBe(401);
    expect(none.body.error.message).toMatch(/Sign in, or send a personal access token/);
    const unknown = await call(bulk.POST, request("POST", "/glucose/bulk", "pxm_notarealtoken", { readings: [] }));
    expect(unknown.status).toBe(401);
    const readOnly = await call(bulk.POST, request("POST", "/glucose/bulk", read, { readings: [{ time: "2026-01-01T00:00:00Z", value: 100 }] }));
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.message).toMatch(/can only read/);
  });

  it("stores one reading once: the same reading again is a duplicate", async () => {
    const first = await call(readings.POST, request("POST", "/glucose/readings", write, { time: "2026-01-01T08:00:00-05:00", value: 5.5, unit: "mmol/L" }));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ inserted: 1, duplicates: 0, rejectedCount: 0, daysRecomputed: 1 });
    const again = await call(readings.POST, request("POST", "/glucose/readings", write, { time: "2026-01-01T13:00:00Z", value: 5.5, unit: "mmol/L" }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ inserted: 0, duplicates: 1 });
    const stored = await listGlucoseReadings(alice, { start: new Date("2026-01-01T00:00:00Z"), end: new Date("2026-01-02T00:00:00Z") });
    expect(stored).toHaveLength(1);
    // Stored unrounded: 5.5 × 18.0156.
    expect(stored[0].mgdl).toBeCloseTo(99.0858, 6);
  });

  it("answers a batch with counts inserted, duplicates and rejected rows with index and reason", async () => {
    const now = Date.now();
    const body = {
      unit: "mg/dL",
      source: "test-cgm",
      readings: [
        { time: "2026-01-02T00:00:00Z", value: 120 },
        { time: "2026-01-02T00:05:00Z", value: "High" },
        { time: "2026-01-02T00:10:00Z", value: "Low" },
        { time: "2026-01-02T00:15:00", value: 130 },
        { time: new Date(now + 3_600_000).toISOString(), value: 110 },
        { time: "2026-01-02T00:20:00Z", value: 900 },
        { time: "yesterday", value: 100 },
        { time: "2026-01-02T00:25:00Z", value: 6.2 },
      ],
    };
    const res = await call(bulk.POST, request("POST", "/glucose/bulk", write, body));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ inserted: 4, duplicates: 0, rejectedCount: 4 });
    expect(res.body.rejected.map((r: { index: number }) => r.index)).toEqual([4, 5, 6, 7]);
    expect(res.body.rejected[0].reason).toMatch(/more than 5 minutes in the future/);
    expect(res.body.rejected[1].reason).toMatch(/outside the 20–600 mg\/dL range/);
    expect(res.body.rejected[2].reason).toMatch(/is not a time/);
    expect(res.body.rejected[3].reason).toMatch(/Was it in mmol\/L/);
    const stored = await listGlucoseReadings(alice, { start: new Date("2026-01-02T00:00:00Z"), end: new Date("2026-01-03T00:00:00Z") });
    expect(stored.map((r) => [r.mgdl, r.flag])).toEqual([[120, null], [401, "high"], [39, "low"], [130, null]]);
    // A naive local time is read in the person's timezone (New York, UTC−5 in January).
    expect(stored.some((r) => r.time.toISOString() === "2026-01-02T05:15:00.000Z")).toBe(true);

    const again = await call(bulk.POST, request("POST", "/glucose/bulk", write, body));
    expect(again.body).toMatchObject({ inserted: 0, duplicates: 4 });
  });

  it("explains malformed JSON, wrong types, unknown units and oversize batches", async () => {
    const malformed = await call(bulk.POST, request("POST", "/glucose/bulk", write, undefined, '{"readings": [ {"time": '));
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/not valid JSON/);
    const wrongType = await call(bulk.POST, request("POST", "/glucose/bulk", write, { readings: "lots" }));
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error.details.issues[0].path).toBe("readings");
    const unit = await call(bulk.POST, request("POST", "/glucose/bulk", write, { unit: "mg", readings: [{ time: "2026-01-01T00:00:00Z", value: 1 }] }));
    expect(unit.status).toBe(422);
    expect(JSON.stringify(unit.body)).toMatch(/unit must be \\"mg\/dL\\" or \\"mmol\/L\\"/);
    const many = Array.from({ length: 50_001 }, (_, i) => ({ time: i, value: 100 }));
    const tooMany = await call(bulk.POST, request("POST", "/glucose/bulk", write, { readings: many }));
    expect(tooMany.status).toBe(413);
    expect(JSON.stringify(tooMany.body)).toMatch(/at most 50,000 readings/);
    const huge = await call(bulk.POST, request("POST", "/glucose/bulk", write, undefined, `{"readings":[${'{"time":"2026-01-01T00:00:00Z","value":100},'.repeat(260_000)}]}`));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/larger than 10 MB/);
  });

  it("writes a batch in one transaction: a failure stores nothing", async () => {
    const normalized = normalizeGlucoseBulk(
      { unit: "mg/dL", source: "atomic", readings: [{ time: "2026-02-01T00:00:00Z", value: 100 }, { time: "2026-02-01T00:05:00Z", value: 101 }] },
      "UTC",
    );
    // An impossible timezone makes the aggregate step fail after the rows were inserted.
    await expect(storeHealthBatch(alice, "Not/AZone", normalized.batch)).rejects.toThrow();
    const stored = await listGlucoseReadings(alice, { start: new Date("2026-02-01T00:00:00Z"), end: new Date("2026-02-02T00:00:00Z") });
    expect(stored).toHaveLength(0);
  });

  it("stores sleep, meals, activities and an Apple Health batch, and summarizes the day", async () => {
    const s = await call(sleep.POST, request("POST", "/sleep", write, { sessions: [{ start: "2026-01-02T23:00:00-05:00", end: "2026-01-03T06:30:00-05:00", deepMinutes: 80, remMinutes: 90, coreMinutes: 240 }] }));
    expect(s.body).toMatchObject({ inserted: 1 });
    const badSleep = await call(sleep.POST, request("POST", "/sleep", write, { sessions: [{ start: "2026-01-03T06:30:00Z", end: "2026-01-03T05:00:00Z" }] }));
    expect(badSleep.status).toBe(422);
    expect(badSleep.body.error.details.rejected[0].reason).toMatch(/ends before it starts/);
    const m = await call(meals.POST, request("POST", "/meals", write, { meals: [{ time: "2026-01-03T21:30:00-05:00", mealType: "dinner", carbsG: 85, kcal: 700 }] }));
    expect(m.body).toMatchObject({ inserted: 1 });
    const a = await call(activities.POST, request("POST", "/activities", write, { activities: [{ time: "2026-01-03T18:00:00-05:00", end: "2026-01-03T18:40:00-05:00", type: "Walking" }] }));
    expect(a.body).toMatchObject({ inserted: 1 });
    const ah = await call(appleHealth.POST, request("POST", "/integrations/apple-health", write, {
      glucose: [{ time: "2026-01-03T12:00:00-05:00", value: 6.1, unit: "mmol<180.1558800000541>/L" }, { time: "2026-01-03T12:05:00-05:00", value: 1, unit: "kg" }],
      carbs: [{ time: "2026-01-03T12:30:00-05:00", grams: 40 }],
      energy: [{ time: "2026-01-03T12:30:00-05:00", kcal: 450 }],
    }));
    expect(ah.body).toMatchObject({ inserted: 2, rejectedCount: 1 });
    expect(ah.body.rejected[0].reason).toMatch(/glucose\[1\]: Unknown glucose unit "kg"/);

    const day = await call(dailySummary.GET, request("GET", "/glucose/daily-summary?date=2026-01-03", read));
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({ date: "2026-01-03", readings: 1, sleepMinutes: 410, exerciseMinutes: 40, carbsG: 125, kcal: 1150, lateDinner: true });
    expect(day.body.meanMgdl).toBeCloseTo(6.1 * 18.0156, 6);
    const none = await call(dailySummary.GET, request("GET", "/glucose/daily-summary?date=2020-01-01", read));
    expect(none.status).toBe(404);
    const badDate = await call(dailySummary.GET, request("GET", "/glucose/daily-summary?date=tomorrow", read));
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/YYYY-MM-DD/);
  });

  it("never shows one person's data to another's token", async () => {
    const res = await call(readings.GET, request("GET", "/glucose/readings?start=2025-01-01T00:00:00Z&end=2027-01-01T00:00:00Z", otherWrite));
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(0);
    const mine = await call(readings.GET, request("GET", "/glucose/readings?start=2025-01-01T00:00:00Z&end=2027-01-01T00:00:00Z", read));
    expect(mine.body.count).toBeGreaterThan(4);
    const summary = await call(dashboardSummary.GET, request("GET", "/dashboard/summary?days=7", read));
    expect(summary.status).toBe(200);
    expect(summary.body.days).toBe(7);
    const badDays = await call(dashboardSummary.GET, request("GET", "/dashboard/summary?days=12", read));
    expect(badDays.status).toBe(400);
  });

  it("limits each person to 100 requests a minute, then 429 with Retry-After", async () => {
    let last = { status: 0, headers: new Headers(), body: {} as { error?: { message: string } } };
    for (let i = 0; i < 101; i++) {
      last = await call(dailySummary.GET, request("GET", "/glucose/daily-summary?date=2020-01-01", otherWrite));
      if (i < 99) expect(last.status).toBe(404);
    }
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last.body.error?.message).toMatch(/limit is 100 a minute/);
  });

  it("is not for mentors: a mentor's token gets 403 with a sentence, whatever the endpoint", async () => {
    const m = await createAccount({ email: "mentor@example.com", name: "Mia", password: "a sturdy passphrase 7", role: "mentor" });
    const mentorToken = (await createAccessToken({ userId: m.id, role: "mentor" }, { name: "m", scope: "write" })).token;
    const post = await call(bulk.POST, request("POST", "/glucose/bulk", mentorToken, { readings: [{ time: "2026-01-01T00:00:00Z", value: 100 }] }));
    expect(post.status).toBe(403);
    expect(post.body.error.message).toMatch(/not available for your account type/);
    const get = await call(dashboardSummary.GET, request("GET", "/dashboard/summary?days=7", mentorToken));
    expect(get.status).toBe(403);
  });

  it("limits uploads to 20 an hour per person, on top of the general limit", async () => {
    for (let i = 0; i < IMPORT_LIMIT.points; i++) await consumeLimit(IMPORT_LIMIT, alice.userId);
    const req = new NextRequest(`${BASE}/imports?fileName=entries.json`, { method: "POST", headers: { authorization: `Bearer ${write}` }, body: "[]" });
    const refused = await call(imports.POST, req);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited:imports");
    expect(refused.body.error.message).toMatch(/limit is 20 an hour\. Try again in \d+ min/);
  });
});
