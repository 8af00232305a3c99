import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";
import { resetEnvForTests } from "@/lib/env";

const VARIABLES = ["OUTBOX_DIR", "SMTP_URL", "APP_URL"] as const;

/**
 * For email tests: each test gets a fresh temporary folder with no SMTP_URL and no APP_URL, and
 * the environment is put back afterwards. `outbox` is where messages land (`subfolder` under the
 * folder when given, to test that a missing outbox folder is created).
 */
export function useTemporaryOutbox(options: { subfolder?: string } = {}) {
  const current = { dir: "", outbox: "" };
  let saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    saved = Object.fromEntries(VARIABLES.map((k) => [k, process.env[k]]));
    current.dir = fs.mkdtempSync(path.join(os.tmpdir(), "proxima-outbox-"));
    current.outbox = options.subfolder ? path.join(current.dir, options.subfolder) : current.dir;
    process.env.OUTBOX_DIR = current.outbox;
    delete process.env.SMTP_URL;
    delete process.env.APP_URL;
    resetEnvForTests();
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvForTests();
    fs.rmSync(current.dir, { recursive: true, force: true });
  });
  return current;
}
