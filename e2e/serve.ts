// Starts the built app for the e2e suite on a fresh embedded database with the demo cohort.
// Refuses any non-local database: e2e registers accounts and must never touch real data.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawn } from "node:child_process";

const port = process.argv.includes("--port") ? process.argv[process.argv.indexOf("--port") + 1] : "3100";
const url = process.env.DATABASE_URL;
if (url && !["localhost", "127.0.0.1", "::1"].includes(new URL(url).hostname)) {
  console.error(`e2e refuses to run against a non-local database (${new URL(url).hostname}). Unset DATABASE_URL.`);
  process.exit(2);
}

const dir = path.resolve(".data/e2e");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.PGLITE_DIR = path.join(dir, "pglite");
delete process.env.DATABASE_URL;

async function main() {
  const { migrateAndSeed } = await import("@/db/seed/index");
  await migrateAndSeed();
  const env = {
    ...process.env,
    PGLITE_DIR: path.join(dir, "pglite"),
    AUTH_SECRET: process.env.AUTH_SECRET ?? crypto.randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    OUTBOX_DIR: path.join(dir, "outbox"),
  };
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
