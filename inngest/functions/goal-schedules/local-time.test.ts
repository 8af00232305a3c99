import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { nextTicks, parseCronExpression } from "@/inngest/cron-expression";
import {
  CRON,
  DAILY_REMINDER,
  localDateAtTick,
  mondayOfLocalDate,
  MONTHLY_REPORT,
  PLAN_SUGGESTIONS,
  previousMonth,
  previousWeek,
  scheduledInstant,
  TICK_MINUTES,
  WEEKLY_REVIEW,
  zonesAtTick,
  type LocalSchedule,
} from "./local-time";

const at = (iso: string) => new Date(iso);

/** Every UTC tick (every 15 minutes) from `from` for `hours` hours. */
function ticks(from: string, hours: number): Date[] {
  const start = at(from).getTime();
  return Array.from({ length: (hours * 60) / TICK_MINUTES }, (_, i) => new Date(start + i * TICK_MINUTES * 60_000));
}

function selections(schedule: LocalSchedule, zone: string, from: string, hours: number) {
  return ticks(from, hours).flatMap((tick) => {
    const localDate = localDateAtTick(schedule, tick, zone);
    return localDate ? [{ tick: tick.toISOString(), localDate }] : [];
  });
}

describe("daily reminder selection (07:00 local)", () => {
  it("follows Paris across the spring-forward day (07:00 CEST is 05:00 UTC, the day before it was 06:00)", () => {
    expect(localDateAtTick(DAILY_REMINDER, at("2026-03-28T06:00:00Z"), "Europe/Paris")).toBe("2026-03-28");
    expect(localDateAtTick(DAILY_REMINDER, at("2026-03-29T05:00:00Z"), "Europe/Paris")).toBe("2026-03-29");
    expect(localDateAtTick(DAILY_REMINDER, at("2026-03-29T06:00:00Z"), "Europe/Paris")).toBeNull();
    expect(selections(DAILY_REMINDER, "Europe/Paris", "2026-03-27T00:00:00Z", 72).map((s) => s.tick)).toEqual([
      "2026-03-27T06:00:00.000Z",
      "2026-03-28T06:00:00.000Z",
      "2026-03-29T05:00:00.000Z",
    ]);
  });

  it("follows Paris across the fall-back day, once (07:00 CET is 06:00 UTC again)", () => {
    expect(selections(DAILY_REMINDER, "Europe/Paris", "2026-10-24T00:00:00Z", 72)).toEqual([
      { tick: "2026-10-24T05:00:00.000Z", localDate: "2026-10-24" },
      { tick: "2026-10-25T06:00:00.000Z", localDate: "2026-10-25" },
      { tick: "2026-10-26T06:00:00.000Z", localDate: "2026-10-26" },
    ]);
  });

  it("follows New York across its own DST days", () => {
    expect(localDateAtTick(DAILY_REMINDER, at("2026-03-08T11:00:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(localDateAtTick(DAILY_REMINDER, at("2026-03-07T12:00:00Z"), "America/New_York")).toBe("2026-03-07");
    expect(localDateAtTick(DAILY_REMINDER, at("2026-11-01T12:00:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(localDateAtTick(DAILY_REMINDER, at("2026-11-01T11:00:00Z"), "America/New_York")).toBeNull();
  });

  it("picks Kathmandu (+05:45) at the 01:15 UTC tick only", () => {
    expect(localDateAtTick(DAILY_REMINDER, at("2026-11-23T01:15:00Z"), "Asia/Kathmandu")).toBe("2026-11-23");
    expect(localDateAtTick(DAILY_REMINDER, at("2026-11-23T01:00:00Z"), "Asia/Kathmandu")).toBeNull();
    expect(localDateAtTick(DAILY_REMINDER, at("2026-11-23T01:30:00Z"), "Asia/Kathmandu")).toBeNull();
    // A timer that fires late within the window still counts; one past it does not.
    expect(localDateAtTick(DAILY_REMINDER, at("2026-11-23T01:29:59Z"), "Asia/Kathmandu")).toBe("2026-11-23");
  });

  it("selects each zone exactly once per local day through every 2026 DST change", () => {
    // March 5 – April 9 and September 24 – November 5 hold the European, North American, Australian
    // and Chatham changes of 2026.
    const windows: [string, number][] = [["2026-03-05T00:00:00Z", 35], ["2026-09-24T00:00:00Z", 42]];
    for (const zone of ["Europe/Paris", "America/New_York", "Asia/Kathmandu", "Australia/Adelaide", "Pacific/Chatham", "Pacific/Honolulu", "Pacific/Kiritimati", "America/St_Johns"]) {
      for (const [from, days] of windows) {
        const found = selections(DAILY_REMINDER, zone, from, days * 24).map((s) => s.localDate);
        expect(new Set(found).size, zone).toBe(found.length);
        // A window of N UTC days holds N local 07:00s (one may fall just outside at either end).
        expect(found.length, `${zone} from ${from}`).toBeGreaterThanOrEqual(days - 1);
        expect(found.length, `${zone} from ${from}`).toBeLessThanOrEqual(days + 1);
      }
    }
  });

  it("gives the member's local date, not the UTC one", () => {
    // 2026-11-22T18:00Z is already Monday 07:00 in Kiritimati (+14).
    expect(localDateAtTick(DAILY_REMINDER, at("2026-11-22T17:00:00Z"), "Pacific/Kiritimati")).toBe("2026-11-23");
  });
});

describe("weekly and monthly selection", () => {
  it("starts a UTC−10 member's Monday review a day after UTC+14's", () => {
    // Monday 2026-11-23 08:00 in London is still Sunday evening in Honolulu.
    expect(localDateAtTick(WEEKLY_REVIEW, at("2026-11-23T08:00:00Z"), "Europe/London")).toBe("2026-11-23");
    expect(localDateAtTick(WEEKLY_REVIEW, at("2026-11-23T08:00:00Z"), "Pacific/Honolulu")).toBeNull();
    expect(localDateAtTick(WEEKLY_REVIEW, at("2026-11-23T18:00:00Z"), "Pacific/Honolulu")).toBe("2026-11-23");
    expect(localDateAtTick(WEEKLY_REVIEW, at("2026-11-22T18:00:00Z"), "Pacific/Kiritimati")).toBe("2026-11-23");
    // Sunday 08:00 and Tuesday 08:00 are not Monday.
    expect(localDateAtTick(WEEKLY_REVIEW, at("2026-11-22T08:00:00Z"), "Europe/London")).toBeNull();
    expect(localDateAtTick(WEEKLY_REVIEW, at("2026-11-24T08:00:00Z"), "Europe/London")).toBeNull();
  });

  it("runs suggestions on the local Wednesday", () => {
    expect(localDateAtTick(PLAN_SUGGESTIONS, at("2026-11-25T07:00:00Z"), "Europe/Berlin")).toBe("2026-11-25");
    expect(localDateAtTick(PLAN_SUGGESTIONS, at("2026-11-24T07:00:00Z"), "Europe/Berlin")).toBeNull();
  });

  it("runs the monthly report on the local 1st, which may be the UTC 30th or 31st", () => {
    // Auckland is +13 in summer: 1 December 09:00 there is 30 November 20:00 UTC.
    expect(localDateAtTick(MONTHLY_REPORT, at("2026-11-30T20:00:00Z"), "Pacific/Auckland")).toBe("2026-12-01");
    expect(localDateAtTick(MONTHLY_REPORT, at("2026-12-01T09:00:00Z"), "UTC")).toBe("2026-12-01");
    expect(localDateAtTick(MONTHLY_REPORT, at("2026-12-01T09:00:00Z"), "Pacific/Auckland")).toBeNull();
    expect(localDateAtTick(MONTHLY_REPORT, at("2026-12-02T09:00:00Z"), "UTC")).toBeNull();
  });

  it("lists the zones due at a tick, skipping a zone nobody knows", () => {
    const due = zonesAtTick(DAILY_REMINDER, at("2026-11-23T01:15:00Z"), ["Asia/Kathmandu", "Europe/Paris", "Mars/Olympus_Mons"]);
    expect([...due]).toEqual([["Asia/Kathmandu", "2026-11-23"]]);
  });

  it("has cron lines that tick at every offset's target instant", () => {
    const zones = ["Etc/GMT+12", "Pacific/Honolulu", "America/St_Johns", "UTC", "Asia/Kathmandu", "Pacific/Chatham", "Pacific/Kiritimati", "Europe/Paris"];
    const cases: [LocalSchedule, string, string[]][] = [
      [DAILY_REMINDER, CRON.daily, ["2026-03-29", "2026-10-25", "2026-11-22"]],
      [WEEKLY_REVIEW, CRON.monday, ["2026-03-30", "2026-11-23", "2027-01-04"]],
      [PLAN_SUGGESTIONS, CRON.wednesday, ["2026-04-01", "2026-11-25"]],
      [MONTHLY_REPORT, CRON.firstOfMonth, ["2026-03-01", "2026-05-01", "2027-01-01"]],
    ];
    for (const [schedule, line, days] of cases) {
      const cron = parseCronExpression(line);
      for (const zone of zones) {
        for (const day of days) {
          const target = scheduledInstant(schedule, day, zone);
          const [next] = nextTicks(cron, 1, new Date(target.getTime() - 1000));
          expect(next.toISOString(), `${schedule.id} ${zone} ${day}`).toBe(target.toISOString());
          expect(localDateAtTick(schedule, target, zone)).toBe(day);
        }
      }
    }
  });
});

describe("report periods", () => {
  it("finds the Monday and the week before", () => {
    expect(mondayOfLocalDate("2026-11-25")).toBe("2026-11-23");
    expect(mondayOfLocalDate("2026-11-23")).toBe("2026-11-23");
    expect(previousWeek("2026-11-23")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    // Across a year boundary (ISO week 1 of 2027 starts on 2027-01-04).
    expect(previousWeek("2027-01-04")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
  });

  it("finds the month before, of any length", () => {
    expect(previousMonth("2026-03-01")).toEqual({ from: "2026-02-01", to: "2026-02-28", month: "2026-02" });
    expect(previousMonth("2028-03-01")).toEqual({ from: "2028-02-01", to: "2028-02-29", month: "2028-02" });
    expect(previousMonth("2027-01-01")).toEqual({ from: "2026-12-01", to: "2026-12-31", month: "2026-12" });
  });

  it("puts the target at the member's wall-clock time", () => {
    expect(scheduledInstant(DAILY_REMINDER, "2026-03-29", "Europe/Paris").toISOString()).toBe("2026-03-29T05:00:00.000Z");
    expect(DateTime.fromJSDate(scheduledInstant(MONTHLY_REPORT, "2026-12-01", "Pacific/Auckland"), { zone: "Pacific/Auckland" }).toFormat("yyyy-MM-dd HH:mm")).toBe(
      "2026-12-01 09:00",
    );
  });
});
