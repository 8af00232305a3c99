import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { createAccount } from "@/db/queries/users";
import { createAccessToken } from "@/db/queries/tokens";
import { withSystem, type Viewer } from "@/db/queries/context";
import { listExportHistory } from "@/db/queries/sharing";
import { GET } from "./route";

describe.each(testEngines())("GET /api/v1/reports/pdf on %s", (engine) => {
  let handle: DatabaseHandle;
  let ada: Viewer;
  let readToken: string;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const a = await createAccount({ email: "ada@example.com", name: "Ada", password: "a sturdy passphrase 7", timezone: "UTC" });
    ada = { userId: a.id, role: "patient" };
    readToken = (await createAccessToken(ada, { name: "reader", scope: "read" })).token;
    const start = Date.parse("2026-10-01T00:00:00Z");
    await withSystem((tx) => tx.insert(s.glucoseReadings).values(Array.from({ length: 600 }, (_, i) => ({ userId: ada.userId, time: new Date(start + i * 300_000), mgdl: 90 + (i % 60), source: "test" }))));
  });
  afterAll(async () => handle?.close());

  const get = (query: string, token: string | null = readToken) =>
    GET(new NextRequest(`http://127.0.0.1/api/v1/reports/pdf?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));

  it("streams a PDF attachment with a read token and records the export", async () => {
    const res = await get("from=2026-10-01&to=2026-10-03&analysis=0&notes=1&unit=mmol/L");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="proxima-report-2026-10-01-to-2026-10-03.pdf"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const history = await listExportHistory(ada);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ exportType: "pdf", periodStart: "2026-10-01", periodEnd: "2026-10-03", shareLinkId: null });
  });

  it("answers 401 without credentials and 400 with a sentence for a bad query, recording nothing", async () => {
    expect((await get("from=2026-10-01&to=2026-10-03", null)).status).toBe(401);
    const bad = await get("from=2026-10-01&to=oops");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("YYYY-MM-DD");
    const reversed = await get("from=2026-10-05&to=2026-10-01");
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).error.message).toContain("ends before it starts");
    expect(await listExportHistory(ada)).toHaveLength(1);
  });
});
