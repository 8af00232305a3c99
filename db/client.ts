import path from "node:path";
import fs from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";
import { getEnv, dataDir } from "@/lib/env";
import { acquireDirectoryLock } from "./pglite-lock";
import { runMigrations } from "./migrator";

export type Schema = typeof schema;
/** The drizzle database, whichever driver is behind it (PGlite, node-postgres or Neon). */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DriverName = "pglite" | "pg" | "neon";

type Handle = { db: Db; driver: DriverName; close: () => Promise<void> };

/**
 * Which driver DATABASE_URL chooses (DESIGN decision 1):
 * unset → PGlite in PGLITE_DIR or .data/pglite (file-backed, migrated on open);
 * `memory://` → in-memory PGlite (tests); `postgres://…` → node-postgres;
 * a Neon host (`*.neon.tech`) or DATABASE_DRIVER=neon → @neondatabase/serverless.
 */
export function chooseDriver(url: string | undefined, forced?: DriverName): DriverName {
  if (forced) return forced;
  if (!url || url === "memory://") return "pglite";
  const host = new URL(url).hostname;
  return host.endsWith(".neon.tech") || host.endsWith(".neon.build") ? "neon" : "pg";
}

export async function openDatabase(options: { url?: string; driver?: DriverName; pgliteDir?: string; migrate?: boolean } = {}): Promise<Handle> {
  const driver = chooseDriver(options.url, options.driver);
  if (driver === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const inMemory = options.url === "memory://";
    let client: InstanceType<typeof PGlite>;
    let release = () => {};
    if (inMemory) {
      client = await PGlite.create();
    } else {
      // The data folder is chosen at run time; tell Turbopack not to trace it into the build output.
      const dir = path.resolve(/*turbopackIgnore: true*/ options.pgliteDir ?? path.join(dataDir(), "pglite"));
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      release = acquireDirectoryLock(dir).release;
      client = await PGlite.create(dir);
    }
    const db = drizzle({ client, schema }) as unknown as Db;
    if (options.migrate ?? true) await runMigrations(db, driver);
    return { db, driver, close: async () => { await client.close(); release(); } };
  }
  if (driver === "pg") {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({ connectionString: options.url, max: 10 });
    const db = drizzle({ client: pool, schema }) as unknown as Db;
    if (options.migrate) await runMigrations(db, driver);
    return { db, driver, close: () => pool.end() };
  }
  const { Pool, neonConfig } = await import("@neondatabase/serverless");
  const { drizzle } = await import("drizzle-orm/neon-serverless");
  const { default: ws } = await import("ws");
  // Node has no global WebSocket before v22; Neon's driver speaks Postgres over one.
  neonConfig.webSocketConstructor = ws;
  const pool = new Pool({ connectionString: options.url });
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  if (options.migrate) await runMigrations(db, driver);
  return { db, driver, close: () => pool.end() };
}

// One handle per process, shared by every module instance (Next bundles a module more than once).
const globalForDb = globalThis as unknown as { __proximaDb?: Promise<Handle> };

/** The process-wide database. Only db/queries/* may call this (house style). */
export function getDb(): Promise<Db> {
  return getHandle().then((h) => h.db);
}

export function getHandle(): Promise<Handle> {
  if (!globalForDb.__proximaDb) {
    const env = getEnv();
    globalForDb.__proximaDb = openDatabase({ url: env.DATABASE_URL, driver: env.DATABASE_DRIVER, pgliteDir: env.PGLITE_DIR }).catch((e) => {
      globalForDb.__proximaDb = undefined;
      throw e;
    });
  }
  return globalForDb.__proximaDb;
}

export async function closeDb() {
  const handle = globalForDb.__proximaDb;
  globalForDb.__proximaDb = undefined;
  if (handle) await (await handle).close();
}

/** Makes an already-open handle the process database (tests, seeding and scripts that open their own). */
export function installDatabase(handle: Handle) {
  globalForDb.__proximaDb = Promise.resolve(handle);
}
export type DatabaseHandle = Handle;
