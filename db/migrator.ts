import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migrateNeon } from "drizzle-orm/neon-serverless/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { NeonDatabase } from "drizzle-orm/neon-serverless";

/** The committed drizzle-kit migrations, applied identically on every driver. */
export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** drizzle's migrators differ only in their session type, so the driver picks the one to use. */
export async function runMigrations(db: unknown, driver: "pglite" | "pg" | "neon"): Promise<void> {
  if (driver === "pglite") return migratePglite(db as PgliteDatabase, { migrationsFolder });
  if (driver === "neon") return migrateNeon(db as NeonDatabase, { migrationsFolder });
  return migratePg(db as NodePgDatabase, { migrationsFolder });
}
