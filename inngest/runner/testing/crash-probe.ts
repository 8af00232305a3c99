import fs from "node:fs";
import { defineWorkflow } from "../../define-workflow";

/**
 * The workflow of the crash test (shared by the child process that is killed and the test that
 * resumes). Every step execution appends a line to `journal`, a file outside the database, so the
 * test can count how often each step really ran across both processes.
 */
export function createCrashProbe(options: { journal: string; duringStepTwo: () => Promise<void> }) {
  const note = (line: string) => fs.appendFileSync(options.journal, `${line} ${process.pid}\n`);
  return defineWorkflow({ id: "crash-probe", trigger: { event: "analytics/daily.requested" }, retries: 3 }, async ({ step, attempt }) => {
    const first = await step.run("step-1", () => {
      note("step-1");
      return { pid: process.pid };
    });
    const second = await step.run("step-2", async () => {
      note("step-2:start");
      await options.duringStepTwo();
      note("step-2:done");
      return { pid: process.pid };
    });
    return { first, second, attempt };
  });
}

export function readJournal(journal: string): { step: string; pid: number }[] {
  if (!fs.existsSync(journal)) return [];
  return fs
    .readFileSync(journal, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [step, pid] = line.split(" ");
      return { step, pid: Number(pid) };
    });
}
