// Dashboard with 90 days of data (the demo patient): server response time p50/p95 from a load tool
// (autocannon) on 127.0.0.1, against the sign-in page measured in the same run as a baseline.
// Needs a production build (`npx next build`). Chart render time in Chromium: bench/chart-render.ts.
//   Run: npx tsx bench/dashboard.ts [--seconds 20] [--connections 4]
import { spawn } from "node:child_process";
import autocannon from "autocannon";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PORT = 3300;
const BASE = `http://127.0.0.1:${PORT}`;

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the app did not start");
}

async function signIn(): Promise<string> {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: "demo@proxima.local", password: "demo-password-1" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error("sign-in failed");
  return [...jar, session].join("; ");
}

function load(path: string, cookie: string | null, seconds: number, connections: number) {
  return new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url: `${BASE}${path}`, duration: seconds, connections, headers: cookie ? { cookie } : {} }, (err, result) => (err ? reject(err) : resolve(result))),
  );
}

async function main() {
  const seconds = arg("seconds", 20);
  const connections = arg("connections", 4);
  const server = spawn(process.execPath, ["--import", "tsx", "e2e/serve.ts", "--port", String(PORT)], { stdio: "ignore", env: { ...process.env, PROXIMA_DISABLE_SCHEDULER: "1" } });
  try {
    await waitForServer();
    const cookie = await signIn();
    const first = performance.now();
    const cold = await fetch(`${BASE}/dashboard`, { headers: { cookie } });
    const coldMs = performance.now() - first;
    if (!cold.ok || !(await cold.text()).includes("Ambulatory glucose profile")) throw new Error("the dashboard did not render the demo data");
    const sequential: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await (await fetch(`${BASE}/dashboard`, { headers: { cookie } })).text();
      sequential.push(Math.round(performance.now() - t));
    }
    const baseline = await load("/login", null, seconds, connections);
    const dashboard = await load("/dashboard", cookie, seconds, connections);
    const row = (name: string, r: autocannon.Result) =>
      `${name.padEnd(28)} p50 ${String(r.latency.p50).padStart(5)} ms  p97.5 ${String(r.latency.p97_5).padStart(5)} ms  p99 ${String(r.latency.p99).padStart(5)} ms  ${r.requests.average.toFixed(1)} req/s  errors ${r.errors + r.non2xx}`;
    console.log(`Dashboard, demo patient (90 days, 25,920 readings), ${connections} connections × ${seconds} s on 127.0.0.1`);
    console.log(`  first request (cache cold): ${coldMs.toFixed(0)} ms; then one at a time: ${sequential.join(", ")} ms`);
    console.log(`  ${row("/login (baseline)", baseline)}`);
    console.log(`  ${row("/dashboard (cached data)", dashboard)}`);
    console.log(`  ratio p50 dashboard / login: ${(dashboard.latency.p50 / Math.max(1, baseline.latency.p50)).toFixed(2)}×`);
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
