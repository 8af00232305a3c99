// Bulk insert of a year of CGM (105,120 readings) through the API's bulk handler — auth, JSON parse,
// zod validation, normalization, one-transaction store with daily aggregates — on PGlite and on
// PostgreSQL, against PostgreSQL's own COPY of the same rows into the same table in the same run.
// Goal: the API within 3× of COPY on PostgreSQL.   Run: npx tsx bench/ingest-api.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";

process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
process.env.PROXIMA_DISABLE_SCHEDULER = "1";

const N = 105_120;
const BATCH = 50_000;
const START = Date.UTC(2025, 0, 1);

function yearOfReadings() {
  // A smooth daily rhythm with meal bumps and deterministic noise (LCG): realistic value spread, no Math.random.
  let seed = 42;
  const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: N }, (_, i) => {
    const minute = (i * 5) % 1440;
    const value = 115 + 25 * Math.sin((minute / 1440) * 2 * Math.PI) + (minute > 480 && minute < 600 ? 40 : 0) + (rand() - 0.5) * 20;
    return { time: new Date(START + i * 300_000).toISOString(), value: Math.round(value * 10) / 10 };
  });
}

async function main() {
  const { openTestDatabase } = await import("@/db/testing/test-database");
  const { createAccount } = await import("@/db/queries/users");
  const { createAccessToken } = await import("@/db/queries/tokens");
  const { POST } = await import("@/app/api/v1/glucose/bulk/route");
  const { API_LIMIT } = await import("@/lib/api/handler");
  API_LIMIT.points = 1_000_000; // the bench is one client; the limit is measured elsewhere
  const readings = yearOfReadings();

  async function throughApi(engine: "pglite" | "postgres") {
    const handle = await openTestDatabase(engine);
    const user = await createAccount({ email: `bench-${engine}@example.com`, name: "Bench", password: "a sturdy passphrase 7", timezone: "UTC" });
    const { token } = await createAccessToken({ userId: user.id, role: "patient" }, { name: "bench", scope: "write" });
    // The client's JSON encoding is not the server's cost: bodies are built before the clock starts.
    const bodies: string[] = [];
    for (let i = 0; i < N; i += BATCH) bodies.push(JSON.stringify({ unit: "mg/dL", source: "bench", readings: readings.slice(i, i + BATCH) }));
    const send = async () => {
      const t0 = performance.now();
      let inserted = 0;
      let duplicates = 0;
      for (const body of bodies) {
        const req = new NextRequest("http://localhost/api/v1/glucose/bulk", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
        const res = await POST(req);
        const json = await res.json();
        if (res.status >= 300 && res.status !== 200) throw new Error(`API answered ${res.status}: ${JSON.stringify(json)}`);
        inserted += json.inserted;
        duplicates += json.duplicates;
      }
      return { seconds: (performance.now() - t0) / 1000, inserted, duplicates };
    };
    const first = await send();
    const again = await send();
    await handle.close();
    return { first, again };
  }

  async function copyBaseline() {
    const handle = await openTestDatabase("postgres");
    const user = await createAccount({ email: "bench-copy@example.com", name: "Copy", password: "a sturdy passphrase 7" });
    const file = path.join(os.tmpdir(), `proxima-copy-${process.pid}.csv`);
    fs.writeFileSync(file, readings.map((r) => `${user.id},${r.time},${r.value},cgm,bench`).join("\n"));
    fs.chmodSync(file, 0o644);
    const { sql } = await import("drizzle-orm");
    const t0 = performance.now();
    await handle.db.execute(sql.raw(`COPY glucose_readings (user_id, time, mgdl, kind, source) FROM '${file}' WITH (FORMAT csv)`));
    const seconds = (performance.now() - t0) / 1000;
    fs.rmSync(file);
    await handle.close();
    return seconds;
  }

  const copy = await copyBaseline();
  const pg = await throughApi("postgres");
  const lite = await throughApi("pglite");
  const rate = (s: number) => `${Math.round(N / s).toLocaleString("en")} rows/s`;
  console.log(`Year of CGM: ${N.toLocaleString("en")} readings in batches of ${BATCH.toLocaleString("en")}`);
  console.log(`  PostgreSQL COPY (baseline):      ${copy.toFixed(2)} s  ${rate(copy)}`);
  console.log(`  API on PostgreSQL:               ${pg.first.seconds.toFixed(2)} s  ${rate(pg.first.seconds)}  inserted ${pg.first.inserted}  → ${(pg.first.seconds / copy).toFixed(2)}× COPY (goal ≤ 3×)`);
  console.log(`  API on PostgreSQL, re-import:    ${pg.again.seconds.toFixed(2)} s  duplicates ${pg.again.duplicates}, inserted ${pg.again.inserted}`);
  console.log(`  API on PGlite:                   ${lite.first.seconds.toFixed(2)} s  ${rate(lite.first.seconds)}  inserted ${lite.first.inserted}  → ${(lite.first.seconds / copy).toFixed(2)}× PostgreSQL COPY`);
  console.log(`  API on PGlite, re-import:        ${lite.again.seconds.toFixed(2)} s  duplicates ${lite.again.duplicates}, inserted ${lite.again.inserted}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
