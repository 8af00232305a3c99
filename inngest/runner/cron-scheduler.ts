import { Cron } from "croner";
import { scheduledTickFor, type CronExpression } from "../cron-expression";

export type CronSchedule = { functionId: string; cron: CronExpression };

/**
 * Fires cron-triggered workflows with croner. Each firing reports the schedule tick it belongs to
 * (not the instant the timer woke up), which is what the runner keys the run on. Timers are unref'd:
 * a script that finished its work may exit even with schedules armed.
 */
export class CronScheduler {
  private jobs: Cron[] = [];

  constructor(private readonly onTick: (functionId: string, tick: Date) => Promise<unknown>, private readonly onError: (functionId: string, e: unknown) => void) {}

  start(schedules: CronSchedule[]): void {
    if (this.jobs.length > 0) return;
    for (const { functionId, cron } of schedules) {
      const job = new Cron(cron.pattern, { timezone: cron.timezone, mode: "5-part", unref: true }, async (self: Cron) => {
        const tick = scheduledTickFor(cron, self.currentRun() ?? new Date());
        try {
          await this.onTick(functionId, tick);
        } catch (e) {
          this.onError(functionId, e);
        }
      });
      this.jobs.push(job);
    }
  }

  /** True while schedules are armed. */
  get active(): boolean {
    return this.jobs.length > 0;
  }

  stop(): void {
    for (const job of this.jobs) job.stop();
    this.jobs = [];
  }
}
