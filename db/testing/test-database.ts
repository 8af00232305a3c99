import crypto from "node:crypto";
import { Client } from "pg";
import { openDatabase, installDatabase, type DatabaseHandle } from "@/db/client";
import { getEnv } from "@/lib/env";

export type TestEngine = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it to the local server). */
export function testEngines(): TestEngine[] {
  return getEnv().TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a throwaway database on the
 * PostgreSQL server of TEST_DATABASE_URL (dropped by `close`). It is installed as the process database.
 */
export async function openTestDatabase(engine: TestEngine): Promise<DatabaseHandle> {
  if (engine === "pglite") {
    const handle = await openDatabase({ url: "memory://", migrate: true });
    installDatabase(handle);
    return handle;
  }
  const base = getEnv().TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `proxima_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), driver: "pg", migrate: true });
  installDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
