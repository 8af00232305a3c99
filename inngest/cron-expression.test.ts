import { afterEach, describe, expect, it, vi } from "vitest";
import { nextTicks, parseCronExpression, scheduledTickFor } from "./cron-expression";
import { CronScheduler } from "./runner/cron-scheduler";

describe("cron expressions (Inngest syntax, croner underneath)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reads the TZ= prefix and keeps five fields", () => {
    expect(parseCronExpression("TZ=UTC 0 9 * * 1")).toEqual({ pattern: "0 9 * * 1", timezone: "UTC" });
    expect(parseCronExpression("  7 * * * *  ")).toEqual({ pattern: "7 * * * *", timezone: undefined });
    expect(() => parseCronExpression("0 0 9 * * 1")).toThrow("five fields");
    expect(() => parseCronExpression("TZ=UTC 61 9 * * 1")).toThrow("is not valid");
  });

  it("Monday 09:00 in a zone follows its daylight-saving time", () => {
    const paris = parseCronExpression("TZ=Europe/Paris 0 9 * * 1");
    // CET (UTC+1) before 29 March 2026, CEST (UTC+2) after.
    expect(nextTicks(paris, 3, new Date("2026-03-20T00:00:00Z")).map((d) => d.toISOString())).toEqual([
      "2026-03-23T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
      "2026-04-06T07:00:00.000Z",
    ]);
    const utc = parseCronExpression("TZ=UTC 0 9 * * 1");
    expect(nextTicks(utc, 1, new Date("2026-03-02T09:00:00Z"))[0].toISOString()).toBe("2026-03-09T09:00:00.000Z");
  });

  it("a late timer still belongs to the tick it was scheduled for", () => {
    const utc = parseCronExpression("TZ=UTC 0 9 * * 1");
    expect(scheduledTickFor(utc, new Date("2026-03-02T09:00:00.000Z")).toISOString()).toBe("2026-03-02T09:00:00.000Z");
    expect(scheduledTickFor(utc, new Date("2026-03-02T09:00:00.457Z")).toISOString()).toBe("2026-03-02T09:00:00.000Z");
    expect(scheduledTickFor(utc, new Date("2026-03-02T09:00:03.900Z")).toISOString()).toBe("2026-03-02T09:00:00.000Z");
  });

  it("the scheduler fires each tick once with its scheduled time (fake timers)", async () => {
    vi.useFakeTimers({ now: new Date("2026-03-02T08:58:30.000Z") });
    const ticks: string[] = [];
    const errors: unknown[] = [];
    const scheduler = new CronScheduler(
      async (functionId, tick) => {
        ticks.push(`${functionId}@${tick.toISOString()}`);
        if (ticks.length === 2) throw new Error("database down");
      },
      (functionId, e) => errors.push(`${functionId}: ${(e as Error).message}`),
    );
    scheduler.start([
      { functionId: "weekly", cron: parseCronExpression("TZ=UTC 0 9 * * 1") },
      { functionId: "hourly", cron: parseCronExpression("TZ=UTC 7 * * * *") },
    ]);
    await vi.advanceTimersByTimeAsync(90_000); // to 09:00:00
    await vi.advanceTimersByTimeAsync(7 * 60_000); // to 09:07:00
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(3_600_000); // stopped: nothing more
    expect(ticks).toEqual(["weekly@2026-03-02T09:00:00.000Z", "hourly@2026-03-02T09:07:00.000Z"]);
    expect(errors).toEqual(["hourly: database down"]);
  });
});
