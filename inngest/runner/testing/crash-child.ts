/**
 * Child process of the crash-resume test (run with `node --import tsx`): opens the database named by
 * its environment (DATABASE_URL, or PGLITE_DIR for a file-backed PGlite), enqueues one crash-probe run,
 * and runs it with a real clock until step 2 starts, where it prints STEP2_STARTED and hangs — until
 * the test kills it with SIGKILL. Arguments: <journal file> <user id or "new">.
 */
import * as s from "@/db/schema";
import { withSystem } from "@/db/queries/context";
import { EmbeddedRunner } from "../embedded-runner";
import { createCrashProbe } from "./crash-probe";

async function main() {
  const [journal, userArg] = process.argv.slice(2);
  const userId =
    userArg && userArg !== "new"
      ? userArg
      : (await withSystem((tx) => tx.insert(s.users).values({ email: `crash-${process.pid}@example.com` }).returning({ id: s.users.id })))[0].id;
  const probe = createCrashProbe({
    journal,
    duringStepTwo: async () => {
      process.stdout.write("STEP2_STARTED\n");
      await new Promise(() => {}); // hang here: the test kills us mid-step
    },
  });
  const runner = new EmbeddedRunner({ workflows: [probe], leaseMs: 30_000, logger: console });
  const [runId] = await runner.send("analytics/daily.requested", { userId, fromDate: "2026-03-01", toDate: "2026-03-01" });
  process.stdout.write(`RUN ${runId}\n`);
  await runner.runUntilIdle();
  process.stdout.write("UNEXPECTED_FINISH\n");
}

main().catch((e) => {
  process.stderr.write(`crash-child failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
