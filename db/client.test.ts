import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { chooseDriver, openDatabase } from "./client";
import { getEnv, resetEnvForTests } from "@/lib/env";
import { sql } from "drizzle-orm";

describe("driver choice", () => {
  it("picks PGlite, pg or Neon from DATABASE_URL", () => {
    expect(chooseDriver(undefined)).toBe("pglite");
    expect(chooseDriver("memory://")).toBe("pglite");
    expect(chooseDriver("postgres://u:p@127.0.0.1:5432/test")).toBe("pg");
    expect(chooseDriver("postgresql://u:p@ep-cool-cat-123.eu-central-1.aws.neon.tech/db")).toBe("neon");
    expect(chooseDriver("postgres://u:p@127.0.0.1:5432/test", "neon")).toBe("neon");
  });
});

describe("configuration errors", () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    resetEnvForTests();
  });

  it("explains a malformed DATABASE_URL", () => {
    process.env.DATABASE_URL = "not a url";
    resetEnvForTests();
    expect(() => getEnv()).toThrow(/DATABASE_URL is not a valid URL/);
    process.env.DATABASE_URL = "mysql://root@localhost/db";
    resetEnvForTests();
    expect(() => getEnv()).toThrow(/must start with postgres:\/\//);
  });
});

describe("file-backed PGlite", () => {
  it("keeps data across reopen and refuses a second process on the same directory", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "proxima-db-")), "pglite");
    const first = await openDatabase({ pgliteDir: dir });
    await first.db.execute(sql`create table kept (v int)`);
    await first.db.execute(sql`insert into kept values (42)`);

    // A second process opening the same directory fails at once with the holder's PID.
    const script = `
      import("${path.resolve("db/client.ts")}").then(async (m) => {
        const open = m.openDatabase ?? m.default.openDatabase;
        try { await open({ pgliteDir: ${JSON.stringify(dir)} }); console.log("OPENED"); }
        catch (e) { console.log("REFUSED:" + e.message); }
      });`;
    const out = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8", timeout: 60_000 });
    expect(out.stdout).toContain(`REFUSED:`);
    expect(out.stdout).toContain(`PID ${process.pid}`);

    await first.close();
    const again = await openDatabase({ pgliteDir: dir });
    const rows = await again.db.execute(sql`select v from kept`);
    expect((rows as unknown as { rows: { v: number }[] }).rows[0].v).toBe(42);
    await again.close();
  });
});
