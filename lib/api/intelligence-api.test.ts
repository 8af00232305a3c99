import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { openTestDatabase } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { createAccount } from "@/db/queries/users";
import { createAccessToken } from "@/db/queries/tokens";
import { runUntilIdle, stopEmbeddedRunner } from "@/inngest/runner";
import * as generate from "@/app/api/v1/intelligence/generate/route";
import * as analysis from "@/app/api/v1/health-analysis/route";

const post = (token: string) => new NextRequest("http://localhost/api/v1/intelligence/generate", { method: "POST", headers: { authorization: `Bearer ${token}` } });
const get = (token: string, q = "") => new NextRequest(`http://localhost/api/v1/health-analysis${q}`, { headers: { authorization: `Bearer ${token}` } });

describe("brief generation and reading through the API", () => {
  let handle: DatabaseHandle;
  let token: string;
  beforeAll(async () => {
    handle = await openTestDatabase("pglite");
    const u = await createAccount({ email: "brief@example.com", name: "B", password: "a sturdy passphrase 7", timezone: "Europe/Paris" });
    token = (await createAccessToken({ userId: u.id, role: "patient" }, { name: "t", scope: "write" })).token;
  });
  afterAll(async () => {
    await stopEmbeddedRunner();
    await handle?.close();
  });

  it("generates this week's brief on request, counts refreshes, and stops at 10 a week", async () => {
    const before = await analysis.GET(get(token));
    expect(before.status).toBe(404);
    expect((await before.json()).error.message).toMatch(/no brief for the week of/);

    const first = await generate.POST(post(token));
    expect(first.status).toBe(202);
    const body = await first.json();
    expect(body.refreshes).toEqual({ used: 1, remaining: 9, limit: 10 });
    await runUntilIdle();
    const brief = await analysis.GET(get(token));
    expect(brief.status).toBe(200);
    const json = await brief.json();
    expect(json.weekOf).toBe(body.weekOf);
    expect(json.story.title.length).toBeGreaterThan(5);
    expect(json.story).not.toHaveProperty("userId");

    for (let i = 2; i <= 10; i++) expect((await generate.POST(post(token))).status).toBe(202);
    const over = await generate.POST(post(token));
    expect(over.status).toBe(429);
    expect((await over.json()).error).toMatchObject({ details: { used: 10, remaining: 0 } });
    await runUntilIdle();

    const bad = await analysis.GET(get(token, "?week_of=2026-13-45"));
    expect(bad.status).toBe(400);
  });
});
