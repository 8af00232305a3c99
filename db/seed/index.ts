// `npm run db:seed` — migrates, then writes the demo cohort into the database DATABASE_URL chooses (once).
import { installDatabase, openDatabase } from "@/db/client";
import { getEnv } from "@/lib/env";
import { seedDemo } from "./seed-demo";
import { DEMO_MENTOR_EMAIL, DEMO_PASSWORDS, DEMO_PATIENT_EMAIL } from "./demo-accounts";

export async function migrateAndSeed(): Promise<void> {
  const env = getEnv();
  const handle = await openDatabase({ url: env.DATABASE_URL, driver: env.DATABASE_DRIVER, pgliteDir: env.PGLITE_DIR, migrate: true });
  installDatabase(handle);
  try {
    const started = Date.now();
    const { created, endDate } = await seedDemo({ withInsights: true });
    console.log(
      created
        ? `Demo data written to ${handle.driver} in ${((Date.now() - started) / 1000).toFixed(1)} s (90 days ending ${endDate}).`
        : "Demo data is already there; nothing written.",
    );
  } finally {
    await handle.close();
  }
}

export function printDemoLogins() {
  console.log(`  patient: ${DEMO_PATIENT_EMAIL} / ${DEMO_PASSWORDS.member}`);
  console.log(`  mentor:  ${DEMO_MENTOR_EMAIL} / ${DEMO_PASSWORDS.mentor}`);
}

if (process.argv[1]?.endsWith("db/seed/index.ts")) {
  migrateAndSeed()
    .then(printDemoLogins)
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
