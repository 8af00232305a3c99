import { Cron } from "croner";
import { AppError } from "@/lib/errors";

/**
 * Inngest cron triggers are five-field cron lines with an optional `TZ=<IANA zone>` prefix
 * ("TZ=UTC 0 9 * * 1" = Mondays 09:00 UTC). The embedded runner hands the same line to croner, so
 * we accept exactly what Inngest accepts: five fields (croner would also take seconds and years,
 * which Inngest would reject at sync time).
 */
export type CronExpression = { pattern: string; timezone: string | undefined };

const TZ_PREFIX = /^TZ=(\S+)\s+(.+)$/;

export function parseCronExpression(expression: string): CronExpression {
  const trimmed = expression.trim();
  const match = TZ_PREFIX.exec(trimmed);
  const timezone = match?.[1];
  const pattern = (match ? match[2] : trimmed).trim();
  if (pattern.split(/\s+/).length !== 5) {
    throw new AppError("internal:workflow", `The cron trigger "${expression}" must have five fields (minute hour day month weekday), optionally after TZ=<zone>.`);
  }
  try {
    // Parsing only: a paused job never schedules a timer.
    new Cron(pattern, { timezone, paused: true, mode: "5-part" }).stop();
  } catch (e) {
    throw new AppError("internal:workflow", `The cron trigger "${expression}" is not valid: ${(e as Error).message}`, { cause: e });
  }
  return { pattern, timezone };
}

/**
 * The schedule tick a firing belongs to: the latest time matching the pattern at or before
 * `firedAt`. Timers fire a little late (and two processes fire at slightly different instants),
 * so the tick, not the firing instant, is what makes a cron idempotency key.
 */
export function scheduledTickFor(expression: CronExpression, firedAt: Date): Date {
  const job = new Cron(expression.pattern, { timezone: expression.timezone, paused: true, mode: "5-part" });
  try {
    // croner's previousRuns excludes a run exactly at the reference; our patterns have whole-minute
    // ticks, so looking back from one second later finds the tick even when the timer was punctual.
    const [tick] = job.previousRuns(1, new Date(firedAt.getTime() + 1000));
    return tick ?? new Date(Math.floor(firedAt.getTime() / 1000) * 1000);
  } finally {
    job.stop();
  }
}

/** The next `count` ticks after `from` (for status pages and tests). */
export function nextTicks(expression: CronExpression, count: number, from: Date): Date[] {
  const job = new Cron(expression.pattern, { timezone: expression.timezone, paused: true, mode: "5-part" });
  try {
    return job.nextRuns(count, from);
  } finally {
    job.stop();
  }
}
