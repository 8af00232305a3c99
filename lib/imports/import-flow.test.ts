import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NextRequest } from "next/server";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { createAccount } from "@/db/queries/users";
import { createAccessToken } from "@/db/queries/tokens";
import { listGlucoseReadings } from "@/db/queries/glucose";
import { listDailyAggregates } from "@/db/queries/daily-aggregates";
import { runUntilIdle, sendEvent, stopEmbeddedRunner, taskIdOf } from "@/inngest/runner";
import * as imports from "@/app/api/v1/imports/route";
import * as status from "@/app/api/v1/tasks/status/[id]/route";
import type { Viewer } from "@/db/queries/context";
import { uploadDir } from "./save-upload";

const here = path.dirname(fileURLToPath(import.meta.url));
const FORMATS = path.resolve(here, "../../../shared/data/formats");

function upload(token: string, fileName: string, body: Buffer | string, timezone?: string) {
  const params = new URLSearchParams({ fileName, ...(timezone ? { timezone } : {}) });
  return new NextRequest(`http://localhost/api/v1/imports?${params}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: typeof body === "string" ? body : new Uint8Array(body) });
}

async function statusOf(token: string, taskId: string) {
  const res = await status.GET(new NextRequest(`http://localhost/api/v1/tasks/status/${taskId}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ id: taskId }),
  });
  return { code: res.status, body: await res.json() };
}

describe.each(testEngines())("file imports through the workflow runner on %s", (engine) => {
  let handle: DatabaseHandle;
  let token: string;
  let otherToken: string;
  let viewer: Viewer;
  // The upload route starts the process's embedded runner; the test waits for it to finish the queue.
  const runner = () => ({ runUntilIdle });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const user = await createAccount({ email: "importer@example.com", name: "Imp", password: "a sturdy passphrase 7", timezone: "UTC" });
    viewer = { userId: user.id, role: "patient" };
    token = (await createAccessToken(viewer, { name: "t", scope: "write" })).token;
    const other = await createAccount({ email: "other@example.com", name: "O", password: "a sturdy passphrase 7" });
    otherToken = (await createAccessToken({ userId: other.id, role: "patient" }, { name: "o", scope: "read" })).token;
  });
  afterAll(async () => {
    await stopEmbeddedRunner();
    await handle?.close();
  });

  it("imports a Dexcom Clarity export once: progress, summary, aggregates, and a re-import adds nothing", async () => {
    // The file was recorded in Helsinki: its repeated 03:00 hour on 2019-10-27 is the DST fall-back,
    // resolved by the importer into distinct instants (read in another zone they would collide).
    const file = fs.readFileSync(path.join(FORMATS, "dexcom-clarity/g6-android-mgdl.csv"));
    const res = await imports.POST(upload(token, "clarity.csv", file, "Europe/Helsinki"));
    expect(res.status).toBe(202);
    const { taskId, format } = await res.json();
    expect(format).toBe("dexcom-clarity");
    await runner().runUntilIdle();

    const done = await statusOf(token, taskId);
    expect(done.body.status).toBe("completed");
    expect(done.body.output).toMatchObject({ format: "dexcom-clarity", inserted: 3913 + 4 + 3, duplicates: 0, rejectedCount: 0 });
    expect(done.body.output.byKind.glucose).toEqual({ inserted: 3913, duplicates: 0 });
    expect(done.body.progress).toMatchObject({ phase: "storing", rowsStored: 3920, rowsToStore: 3920 });
    const stored = await listGlucoseReadings(viewer, { start: new Date("2019-01-01"), end: new Date("2020-01-01") });
    expect(stored).toHaveLength(3913);
    expect(stored.filter((r) => r.flag === "high")).toHaveLength(13);
    const days = await listDailyAggregates(viewer, { from: "2019-10-01", to: "2019-11-30" });
    expect(days.reduce((n, d) => n + d.readings, 0)).toBe(3913);
    // The upload is deleted once stored.
    expect(fs.readdirSync(uploadDir()).filter((f) => f.includes("clarity"))).toEqual([]);

    const again = await (await imports.POST(upload(token, "clarity.csv", file, "Europe/Helsinki"))).json();
    await runner().runUntilIdle();
    const second = await statusOf(token, again.taskId);
    expect(second.body.output).toMatchObject({ inserted: 0, duplicates: 3920 });
    expect(await listGlucoseReadings(viewer, { start: new Date("2019-01-01"), end: new Date("2020-01-01") })).toHaveLength(3913);
  });

  it("imports Nightscout and Apple Health exports", async () => {
    const ns = await (await imports.POST(upload(token, "entries.json", fs.readFileSync(path.join(FORMATS, "nightscout/example.json"))))).json();
    const ah = await (await imports.POST(upload(token, "export.xml", fs.readFileSync(path.join(FORMATS, "apple-health/sleep-stages-dst.xml"))))).json();
    await runner().runUntilIdle();
    expect((await statusOf(token, ns.taskId)).body.output).toMatchObject({ format: "nightscout", rejectedCount: 12 });
    expect((await statusOf(token, ns.taskId)).body.output.byKind.glucose.inserted).toBe(18);
    const apple = (await statusOf(token, ah.taskId)).body.output;
    expect(apple.format).toBe("apple-health-xml");
    expect(apple.byKind.sleep.inserted).toBe(1);
  });

  it("refuses another vendor's file at upload, and a truncated export fails cleanly without storing anything", async () => {
    const notes = await imports.POST(upload(token, "notes.csv", fs.readFileSync(path.join(FORMATS, "libreview/us-notes.csv"))));
    expect(notes.status).toBe(422);
    expect((await notes.json()).error.message).toMatch(/not a Dexcom, LibreView/);

    const xml = fs.readFileSync(path.join(FORMATS, "apple-health/glucose-sleep-workouts.xml"), "utf8");
    const truncated = xml.slice(0, Math.floor(xml.length * 0.6));
    const before = (await listGlucoseReadings(viewer, { start: new Date("2000-01-01"), end: new Date("2030-01-01") })).length;
    const res = await (await imports.POST(upload(token, "export.xml", truncated))).json();
    await runner().runUntilIdle();
    const failed = await statusOf(token, res.taskId);
    expect(failed.body.status).toBe("failed");
    expect(failed.body.attempt).toBe(1);
    expect(failed.body.error).toMatch(/truncated|ends|incomplete|not complete/i);
    expect((await listGlucoseReadings(viewer, { start: new Date("2000-01-01"), end: new Date("2030-01-01") })).length).toBe(before);
  });

  it("an upload that is gone by the time the import runs fails at once with a sentence, not a retry", async () => {
    const storagePath = path.join(uploadDir(), "gone-before-import.csv");
    const sent = await sendEvent("ingest/file.uploaded", { userId: viewer.userId, storagePath, fileName: "gone.csv", sizeBytes: 10 });
    await runner().runUntilIdle();
    const failed = await statusOf(token, taskIdOf(sent));
    expect(failed.body).toMatchObject({ status: "failed", attempt: 1, error: "The uploaded file is no longer available. Please upload it again." });
  });

  it("never shows one person's task to another", async () => {
    const file = fs.readFileSync(path.join(FORMATS, "nightscout/oref0-glucose.json"));
    const res = await (await imports.POST(upload(token, "g.json", file))).json();
    const peek = await statusOf(otherToken, res.taskId);
    expect(peek.code).toBe(404);
    await runner().runUntilIdle();
  });
});
