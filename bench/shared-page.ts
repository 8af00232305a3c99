// A doctor's /shared/[token] page and its PDF for the demo patient (90 days, 12 weekly stories),
// measured through the real route handlers in process on PGlite: p50/p95 over many requests, against
// the OpenAPI document handler as a baseline in the same run. Goal: page < 300 ms (PDF: bench/report-pdf.ts).
// The report is cached per link and data version (lib/reports/load-shared-report.ts); outside Next the
// cache is lib/cache.ts's in-process fallback, so this measures the path production takes.
//   Run: npx tsx bench/shared-page.ts [--requests 40]
import { DateTime } from "luxon";

process.env.PROXIMA_DISABLE_SCHEDULER = "1";
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function time(n: number, call: (i: number) => Promise<Response>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await call(i);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`answered ${res.status}`);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

async function main() {
  const requests = arg("requests", 40);
  const { openTestDatabase } = await import("@/db/testing/test-database");
  const { seedDemo } = await import("@/db/seed/seed-demo");
  const { findCredentialsByEmail } = await import("@/db/queries/users");
  const { createShareLink } = await import("@/db/queries/sharing");
  const { EmbeddedRunner } = await import("@/inngest/runner");
  const { workflows } = await import("@/inngest/functions");
  const page = await import("@/app/shared/[token]/route");
  const openapi = await import("@/app/api/v1/openapi.json/route");
  const handle = await openTestDatabase("pglite");
  const { endDate } = await seedDemo({ withInsights: true });
  const user = (await findCredentialsByEmail("demo@proxima.local"))!;
  const viewer = { userId: user.id, role: "patient" as const };
  // Twelve weekly stories, as a quarter of briefs would give.
  const runner = new EmbeddedRunner({ workflows, scheduleCrons: false, logger: { info() {}, warn() {}, error: console.error } });
  const last = DateTime.fromISO(endDate).startOf("week");
  for (let k = 4; k < 12; k++) {
    const weekOf = last.minus({ weeks: k }).toISODate()!;
    await runner.send("intelligence/week.requested", { userId: user.id, weekOf, reason: "scheduled" });
  }
  await runner.runUntilIdle();
  const from = DateTime.fromISO(endDate).minus({ days: 89 }).toISODate()!;
  const { token } = await createShareLink(viewer, { from, to: endDate, includeAnalysis: true, includeNotes: true });
  // Distinct client IPs so the per-IP guessing limit does not count the benchmark as an attack.
  const req = (path: string, i: number) => new Request(`http://127.0.0.1/${path}`, { headers: { "x-forwarded-for": `10.9.${Math.floor(i / 200)}.${i % 200}` } });
  const params = { params: Promise.resolve({ token }) };

  const baseline = await time(requests, () => Promise.resolve(openapi.GET()));
  // The first view builds the report and caches it (per link and data version); later views read
  // the cache, but still rate-limit, resolve the token and log the view on every request.
  const first = await time(1, (i) => page.GET(req(`shared/${token}`, i), params));
  const shared = await time(requests, (i) => page.GET(req(`shared/${token}`, i + 1), params));
  console.log(`Doctor's share link, demo patient: 90 days, 12 weekly stories, ${requests} requests in process (PGlite)`);
  console.log(`  baseline (OpenAPI document) p50 ${baseline.p50.toFixed(1)} ms  p95 ${baseline.p95.toFixed(1)} ms`);
  console.log(`  /shared/[token] first view   ${first.p50.toFixed(1)} ms  (builds and caches the report)`);
  console.log(`  /shared/[token] page         p50 ${shared.p50.toFixed(1)} ms  p95 ${shared.p95.toFixed(1)} ms  (goal < 300 ms; ${(shared.p50 / Math.max(0.1, baseline.p50)).toFixed(1)}× baseline)`);
  console.log("  the PDF itself: bench/report-pdf.ts (react-pdf needs ES modules, which this CommonJS-run script cannot load)");
  await handle.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
