import type { RunnerLogger } from "../embedded-runner";

/** A clock tests move by hand: leases, backoffs and sleeps never depend on wall-clock time. */
export function createFakeClock(start: Date) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Keeps the runner's log lines for assertions instead of printing them. */
export function createMemoryLogger(): RunnerLogger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => {
    lines.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" "));
  };
  return { lines, info: keep, warn: keep, error: keep };
}

/** A promise the test opens when it chooses (to hold a step in the middle of its work). */
export function createGate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

