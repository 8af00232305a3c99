import crypto from "node:crypto";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { createAccount } from "@/db/queries/users";
import { withSystem, type Viewer } from "@/db/queries/context";
import { createShareLink, listShareLinks, listShareViews, revokeShareLink } from "@/db/queries/sharing";
import { updatePersonalNote } from "@/db/queries/weekly-brief";
import { updateProfile } from "@/db/queries/users";
import { invalidatePerson } from "@/lib/cache";
import { resetEnvForTests } from "@/lib/env";
import { GET as getPage } from "./route";
import { GET as getPdf } from "./pdf/route";
import { hashIp, SHARE_LOOKUP_LIMIT } from "./share-request";

// Each request starts X-Forwarded-For with a made-up address (what a client may send); the proxy
// appends the real one. The per-IP limit and the view log must follow the real one.
let spoofed = 0;
const call = (handler: typeof getPage, token: string, ip: string, ua = "DoctorBrowser/1.0") =>
  handler(new Request(`http://127.0.0.1/shared/${token}`, { headers: { "x-forwarded-for": `198.51.100.${++spoofed % 250}, ${ip}`, "user-agent": ua } }), {
    params: Promise.resolve({ token }),
  });

describe.each(testEngines())("the doctor's routes on %s", (engine) => {
  let handle: DatabaseHandle;
  let ada: Viewer;
  const savedSecret = process.env.AUTH_SECRET;

  beforeAll(async () => {
    process.env.AUTH_SECRET = "test-secret-for-ip-salt";
    resetEnvForTests();
    handle = await openTestDatabase(engine);
    const a = await createAccount({ email: "ada@example.com", name: "Ada <script>", password: "a sturdy passphrase 7", timezone: "UTC" });
    ada = { userId: a.id, role: "patient" };
    const start = Date.now() - 5 * 86_400_000;
    await withSystem(async (tx) => {
      await tx.insert(s.glucoseReadings).values(Array.from({ length: 500 }, (_, i) => ({ userId: ada.userId, time: new Date(start + i * 300_000), mgdl: 100 + (i % 50), source: "test" })));
    });
  });
  afterAll(async () => {
    await handle?.close();
    if (savedSecret === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = savedSecret;
    resetEnvForTests();
  });

  const period = () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    return { from: day(-7), to: day(0) };
  };

  it("shows the report as escaped HTML with noindex, no-store, no-referrer, and logs the view", async () => {
    const { token, id } = await createShareLink(ada, period());
    const res = await call(getPage, token, "203.0.113.7");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await res.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain("Glucose report: Ada &lt;script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Time in ranges");
    expect(html).toContain("Consensus targets");
    expect(html).toContain(`href="/shared/${token}/pdf"`);
    const views = await listShareViews(ada, id);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ kind: "page", userAgent: "DoctorBrowser/1.0", ipHash: hashIp("203.0.113.7") });
    // The stored hash is salted: it is not the plain SHA-256 of the address.
    expect(views[0].ipHash).not.toBe(crypto.createHash("sha256").update("203.0.113.7").digest("hex"));
  });

  it("streams the PDF and logs it as a pdf view", async () => {
    const { token, id } = await createShareLink(ada, period());
    const res = await call(getPdf, token, "203.0.113.8");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="glucose-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(5_000);
    expect((await listShareViews(ada, id)).map((v) => v.kind)).toEqual(["pdf"]);
  });

  it("answers 404 for unknown, malformed and too-long tokens and 410 once revoked, logging nothing", async () => {
    expect((await call(getPage, crypto.randomBytes(32).toString("base64url"), "198.51.100.1")).status).toBe(404);
    expect((await call(getPage, "abc", "198.51.100.1")).status).toBe(404);
    expect((await call(getPdf, "x".repeat(5000), "198.51.100.1")).status).toBe(404);
    const { token, id } = await createShareLink(ada, period());
    await revokeShareLink(ada, id);
    const gone = await call(getPage, token, "198.51.100.1");
    expect(gone.status).toBe(410);
    expect(gone.headers.get("x-robots-tag")).toContain("noindex");
    expect(await gone.text()).toContain("expired or was revoked");
    expect((await call(getPdf, token, "198.51.100.1")).status).toBe(410);
    expect(await listShareViews(ada, id)).toEqual([]);
  });

  it(`limits lookups to ${SHARE_LOOKUP_LIMIT.points} per IP, then 429 even for a valid link`, async () => {
    const { token } = await createShareLink(ada, period());
    for (let i = 0; i < SHARE_LOOKUP_LIMIT.points; i++) {
      expect((await call(getPage, crypto.randomBytes(32).toString("base64url"), "192.0.2.50")).status).toBe(404);
    }
    const blocked = await call(getPage, token, "192.0.2.50");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("600");
    // Another address is not affected.
    expect((await call(getPage, token, "192.0.2.51")).status).toBe(200);
    const listed = await listShareLinks(ada);
    expect(listed.find((l) => l.views === 1)).toBeDefined();
  });

  describe("the cached report", () => {
    const readingsShown = (html: string) => /Readings<\/span><b>(\d+)<\/b>/.exec(html)?.[1];
    const thisMonday = () => DateTime.utc().startOf("week").toISODate()!;

    it("is served again on the next view while the data version holds, each view still logged", async () => {
      const { token, id } = await createShareLink(ada, period());
      const before = readingsShown(await (await call(getPage, token, "203.0.113.20")).text());
      // A reading written behind the app's back (no aggregate recomputed, no tag expired) does not
      // change the data version: the next view is the cached report.
      await withSystem((tx) => tx.insert(s.glucoseReadings).values({ userId: ada.userId, time: new Date(Date.now() - 3_600_000), mgdl: 120, source: "test" }));
      expect(readingsShown(await (await call(getPage, token, "203.0.113.21")).text())).toBe(before);
      expect((await call(getPdf, token, "203.0.113.22")).status).toBe(200);
      expect((await listShareViews(ada, id)).map((v) => v.kind).sort()).toEqual(["page", "page", "pdf"]);
      // A write through the app expires the person's entries.
      invalidatePerson(ada.userId);
      expect(readingsShown(await (await call(getPage, token, "203.0.113.23")).text())).toBe(String(Number(before) + 1));
    });

    it("is never served to another link, even of the same patient over the same period", async () => {
      await withSystem((tx) =>
        tx.insert(s.weeklyHealthStories).values({ userId: ada.userId, weekOf: thisMonday(), title: "This week", narrative: "Steady.", personalNote: "Ate late on Friday." }).onConflictDoNothing(),
      );
      const withNotes = await createShareLink(ada, { ...period(), includeNotes: true });
      const withoutNotes = await createShareLink(ada, { ...period(), includeNotes: false });
      expect(await (await call(getPage, withNotes.token, "203.0.113.30")).text()).toContain("Ate late on Friday.");
      const other = await (await call(getPage, withoutNotes.token, "203.0.113.31")).text();
      expect(other).toContain("This week");
      expect(other).not.toContain("Ate late on Friday.");
      expect(await listShareViews(ada, withoutNotes.id)).toHaveLength(1);
    });

    it("follows an edited personal note and a renamed profile at once", async () => {
      await withSystem((tx) =>
        tx.insert(s.weeklyHealthStories).values({ userId: ada.userId, weekOf: thisMonday(), title: "This week", narrative: "Steady.", personalNote: "Ate late on Friday." }).onConflictDoNothing(),
      );
      const { token } = await createShareLink(ada, { ...period(), includeNotes: true });
      await call(getPage, token, "203.0.113.40");
      await updatePersonalNote(ada, thisMonday(), "Walked after dinner every day.");
      expect(await (await call(getPage, token, "203.0.113.41")).text()).toContain("Walked after dinner every day.");
      await updateProfile(ada, { name: "Ada L." });
      expect(await (await call(getPage, token, "203.0.113.42")).text()).toContain("Glucose report: Ada L.");
      await updateProfile(ada, { name: "Ada <script>" });
    });

    it("does not outlive a revocation: the next request is 410 and logs nothing", async () => {
      const { token, id } = await createShareLink(ada, period());
      expect((await call(getPage, token, "203.0.113.50")).status).toBe(200);
      await revokeShareLink(ada, id);
      expect((await call(getPage, token, "203.0.113.51")).status).toBe(410);
      expect((await call(getPdf, token, "203.0.113.51")).status).toBe(410);
      expect(await listShareViews(ada, id)).toHaveLength(1);
    });
  });

});
