import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { localDay, localToday } from "./local-day";
import { habitStats } from "./habit-stats";
import { habit } from "./testing";
import { addDays, dayFromNumber, dayNumber, daysBetween, isoWeekdayOf, mondayOf } from "./calendar";

/** The instant of a local wall-clock time in `zone`. */
const at = (local: string, zone: string) => DateTime.fromISO(local, { zone }).toJSDate();

describe("localDay", () => {
  it.each([
    // Night DST starts in New York (clocks jump 02:00 → 03:00 on 2026-03-08).
    ["America/New_York", "2026-03-07T23:30", "2026-03-08T04:30:00.000Z", "2026-03-07"],
    ["America/New_York", "2026-03-08T23:30", "2026-03-09T03:30:00.000Z", "2026-03-08"],
    // Night DST ends (02:00 → 01:00 on 2026-11-01): 23:30 is already standard time, UTC−5.
    ["America/New_York", "2026-10-31T23:30", "2026-11-01T03:30:00.000Z", "2026-10-31"],
    ["America/New_York", "2026-11-01T23:30", "2026-11-02T04:30:00.000Z", "2026-11-01"],
    // London: BST starts 2026-03-29 and ends 2026-10-25.
    ["Europe/London", "2026-03-28T23:30", "2026-03-28T23:30:00.000Z", "2026-03-28"],
    ["Europe/London", "2026-03-29T23:30", "2026-03-29T22:30:00.000Z", "2026-03-29"],
    ["Europe/London", "2026-10-24T23:30", "2026-10-24T22:30:00.000Z", "2026-10-24"],
    ["Europe/London", "2026-10-25T23:30", "2026-10-25T23:30:00.000Z", "2026-10-25"],
  ])("%s %s local is the instant %s and stays on %s", (zone, local, utc, day) => {
    const instant = at(local, zone);
    expect(instant.toISOString()).toBe(utc);
    expect(localDay(instant, zone)).toBe(day);
  });

  it("does not use the previous offset right after a DST change", () => {
    // 00:30 EDT on 2026-03-09 is 04:30Z; read with the winter offset (−5) it would still be the 8th.
    expect(localDay(new Date("2026-03-09T04:30:00Z"), "America/New_York")).toBe("2026-03-09");
    // 00:30 BST on 2026-03-30 is 23:30Z on the 29th.
    expect(localDay(new Date("2026-03-29T23:30:00Z"), "Europe/London")).toBe("2026-03-30");
  });

  it("gives days two apart for one instant at +14 and −11", () => {
    const instant = new Date("2026-06-15T10:30:00Z");
    expect(localDay(instant, "Pacific/Kiritimati")).toBe("2026-06-16");
    expect(localDay(instant, "Pacific/Pago_Pago")).toBe("2026-06-14");
    expect(localDay(instant, "UTC")).toBe("2026-06-15");
  });

  it("follows Lord Howe's 30-minute DST (+11 in summer, +10:30 in winter)", () => {
    // DST ended on 2026-04-05: 13:15Z is 23:45 at +10:30, still the 5th (at +11 it would be the 6th).
    expect(localDay(new Date("2026-04-05T13:15:00Z"), "Australia/Lord_Howe")).toBe("2026-04-05");
    // DST started on 2026-10-04: 13:15Z is 00:15 at +11, already the 5th.
    expect(localDay(new Date("2026-10-04T13:15:00Z"), "Australia/Lord_Howe")).toBe("2026-10-05");
  });

  it("localToday reads the given now in the member's zone", () => {
    expect(localToday("Asia/Tokyo", new Date("2026-01-31T16:00:00Z"))).toBe("2026-02-01");
    expect(localToday("America/Los_Angeles", new Date("2026-01-31T16:00:00Z"))).toBe("2026-01-31");
  });

  it("refuses an unknown time zone with a sentence", () => {
    expect(() => localDay(new Date(), "Mars/Olympus_Mons")).toThrow(AppError);
    expect(() => localToday("Europe/Londn")).toThrow(/is not a time zone we know/);
  });
});

describe("a streak across a DST change", () => {
  it.each([
    ["America/New_York", "2026-03-01", "2026-03-14"], // 23-hour day on the 8th
    ["America/New_York", "2026-10-25", "2026-11-07"], // 25-hour day on the 1st
    ["Europe/London", "2026-03-22", "2026-04-04"],
    ["Europe/London", "2026-10-18", "2026-10-31"],
    ["Australia/Lord_Howe", "2026-09-28", "2026-10-11"],
  ])("%s: 14 nights of 23:30 check-ins from %s make a 14-day streak", (zone, first, last) => {
    const instants = Array.from({ length: 14 }, (_, i) => DateTime.fromISO(`${first}T23:30`, { zone }).plus({ days: i }).toJSDate());
    const checkIns = instants.map((instant) => ({ day: localDay(instant, zone), status: "done" as const }));
    expect(new Set(checkIns.map((c) => c.day)).size).toBe(14);
    expect(checkIns.at(-1)!.day).toBe(last);
    const stats = habitStats(habit(first, checkIns), last);
    expect(stats.currentStreak).toBe(14);
    expect(stats.longestStreak).toBe(14);
  });

  it("check-ins 24 real hours apart stay one per local day across the 23-hour day", () => {
    // A naive "every 24 h from 00:30" schedule lands on 00:30, then 01:30 after the spring change:
    // still one check-in per local day, so the streak neither breaks nor doubles.
    const start = at("2026-03-06T00:30", "America/New_York").getTime();
    const checkIns = Array.from({ length: 5 }, (_, i) => ({ day: localDay(new Date(start + i * 86_400_000), "America/New_York"), status: "done" as const }));
    expect(checkIns.map((c) => c.day)).toEqual(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(habitStats(habit("2026-03-06", checkIns), "2026-03-10").currentStreak).toBe(5);
  });
});

describe("calendar days", () => {
  it("adds days across months, leap days and DST changes, 24 hours each", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-07", 2)).toBe("2026-03-09");
    expect(addDays("2026-11-01", -1)).toBe("2026-10-31");
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31);
  });

  it("knows ISO weekdays and the Monday of a week", () => {
    expect(isoWeekdayOf(dayNumber("2026-05-04"))).toBe(1);
    expect(isoWeekdayOf(dayNumber("2026-05-10"))).toBe(7);
    expect(dayFromNumber(mondayOf(dayNumber("2026-05-10")))).toBe("2026-05-04");
    expect(dayFromNumber(mondayOf(dayNumber("1969-12-28")))).toBe("1969-12-22");
  });

  it("refuses a malformed day", () => {
    expect(() => dayNumber("2026-02-30")).toThrow(/is not a calendar day/);
    expect(() => dayNumber("10/05/2026")).toThrow(AppError);
  });
});
