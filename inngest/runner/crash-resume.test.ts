import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import { openDatabase, installDatabase, type DatabaseHandle } from "@/db/client";
import { getRun, listRunSteps } from "@/db/queries/jobs";
import { getEnv } from "@/lib/env";
import { EmbeddedRunner } from "./embedded-runner";
import { createCrashProbe, readJournal } from "./testing/crash-probe";
import { createFakeClock, createMemoryLogger } from "./testing/runner-test-kit";

/** Resolves with everything the child printed once `marker` appears; rejects if it exits first. */
function waitForMarker(child: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`${marker}\n`)) resolve(out);
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once("exit", (code, signal) => reject(new Error(`child exited (${code ?? signal}) before ${marker}.\nstdout:\n${out}\nstderr:\n${err}`)));
  });
}

// A real crash: a child process runs the workflow, is killed with SIGKILL in the middle of step 2,
// and this process resumes the run once the dead worker's lease has expired.
describe.each(testEngines())("crash resume on %s", (engine) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "proxima-crash-"));
  let handle: DatabaseHandle | undefined;
  let child: ChildProcess | undefined;

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await handle?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a run killed with SIGKILL during step 2 resumes at step 2: step 1 ran once, step 2 completed", { timeout: 180_000 }, async () => {
    const journal = path.join(dir, "journal.log");
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    const pgliteDir = path.join(dir, "pglite");
    if (engine === "postgres") {
      handle = await openTestDatabase("postgres");
      const result = (await handle.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
      const url = new URL(getEnv().TEST_DATABASE_URL!);
      url.pathname = `/${result.rows[0].name}`;
      childEnv.DATABASE_URL = url.toString();
      delete childEnv.PGLITE_DIR;
    } else {
      // A file-backed PGlite: only one process may hold it, so we open it after the child is dead.
      delete childEnv.DATABASE_URL;
      childEnv.PGLITE_DIR = pgliteDir;
    }

    child = spawn(process.execPath, ["--import", "tsx", "inngest/runner/testing/crash-child.ts", journal], {
      cwd: process.cwd(),
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const printed = await waitForMarker(child, "STEP2_STARTED");
    const runId = /RUN (\S+)/.exec(printed)![1];
    const childPid = child.pid!;
    child.kill("SIGKILL");
    await once(child, "exit");
    expect(child.signalCode).toBe("SIGKILL");

    if (engine === "pglite") {
      handle = await openDatabase({ pgliteDir }); // takes over the dead process's directory lock
      installDatabase(handle);
    }
    const orphan = await getRun(runId);
    expect(orphan).toMatchObject({ status: "running", attempt: 1 });
    expect((await listRunSteps(runId)).map((r) => r.stepId)).toEqual(["step-1"]);

    // Time is ours to move: just before the dead worker's lease ends nothing happens, just after we take over.
    const clock = createFakeClock(new Date(orphan!.leaseUntil!.getTime() - 1));
    const probe = createCrashProbe({ journal, duringStepTwo: async () => {} });
    const runner = new EmbeddedRunner({ workflows: [probe], clock: clock.now, leaseMs: 30_000, logger: createMemoryLogger() });
    expect(await runner.runUntilIdle()).toBe(0);
    clock.advance(2);
    expect(await runner.runUntilIdle()).toBe(1);

    const resumed = await getRun(runId);
    expect(resumed).toMatchObject({
      status: "completed",
      attempt: 2,
      output: { first: { pid: childPid }, second: { pid: process.pid }, attempt: 1 },
    });
    expect(readJournal(journal)).toEqual([
      { step: "step-1", pid: childPid },
      { step: "step-2:start", pid: childPid },
      { step: "step-2:start", pid: process.pid },
      { step: "step-2:done", pid: process.pid },
    ]);
  });
});
