// `npm run db:migrate` — applies db/migrations to the database DATABASE_URL chooses.
import { getEnv } from "@/lib/env";
import { openDatabase } from "./client";

async function main() {
  const env = getEnv();
  const handle = await openDatabase({ url: env.DATABASE_URL, driver: env.DATABASE_DRIVER, pgliteDir: env.PGLITE_DIR, migrate: true });
  console.log(`Migrations applied (${handle.driver}).`);
  await handle.close();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
