// `npm run jobs -- weekly --user EMAIL [--week YYYY-MM-DD]` — generate a weekly brief now, through the
// same workflow the Monday schedule runs (embedded runner, or Inngest when configured).
import { DateTime } from "luxon";
import { installDatabase, openDatabase } from "@/db/client";
import { findCredentialsByEmail, getJobSubject } from "@/db/queries/users";
import { getRun } from "@/db/queries/jobs";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";

const USAGE = "Usage: npm run jobs -- weekly --user EMAIL [--week YYYY-MM-DD]";

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  const email = flag(argv, "user");
  if (command !== "weekly" || !email) {
    console.error(USAGE);
    return 2;
  }
  const env = getEnv();
  const handle = await openDatabase({ url: env.DATABASE_URL, driver: env.DATABASE_DRIVER, pgliteDir: env.PGLITE_DIR, migrate: true });
  installDatabase(handle);
  const { sendEvent, runUntilIdle, stopEmbeddedRunner } = await import("./runner");
  try {
    const user = await findCredentialsByEmail(email);
    if (!user) {
      console.error(`No account with the email ${email}.`);
      return 1;
    }
    const subject = (await getJobSubject(user.id))!;
    const week = flag(argv, "week");
    if (week && !DateTime.fromISO(week).isValid) {
      console.error(`--week must be a date, YYYY-MM-DD (got "${week}").`);
      return 2;
    }
    const weekOf = (week ? DateTime.fromISO(week, { zone: subject.timezone }) : DateTime.now().setZone(subject.timezone)).startOf("week").toISODate()!;
    const sent = await sendEvent("intelligence/week.requested", { userId: user.id, weekOf, reason: "manual" }, { idempotencyKey: `cli:${user.id}:${weekOf}:${Date.now()}` });
    if (sent.mode === "inngest") {
      console.log(`Sent to Inngest (event ${sent.eventIds[0]}, task ${sent.taskIds[0]}) for the week of ${weekOf}.`);
      return 0;
    }
    await runUntilIdle();
    const run = await getRun(sent.runIds[0]);
    console.log(JSON.stringify({ weekOf, runId: sent.runIds[0], status: run?.status, output: run?.output }, null, 2));
    return run?.status === "completed" ? 0 : 1;
  } catch (e) {
    console.error(isAppError(e) ? e.message : e);
    return 1;
  } finally {
    await stopEmbeddedRunner();
    await handle.close();
  }
}

if (process.argv[1]?.endsWith("inngest/run-now.ts")) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
