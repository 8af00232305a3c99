import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { addDays, assertDateAndZone, createWallClock, HOUR_MS, isoWeekOf, listLocalDays, localInstant, weekdayOf } from "./local-time";

describe("createWallClock", () => {
  it("gives 23- and 25-hour days on the US DST dates and 24 hours otherwise", () => {
    const ny = createWallClock("America/New_York");
    const hours = (d: string) => (ny.dayBounds(d).endMs - ny.dayBounds(d).startMs) / HOUR_MS;
    expect(hours("2026-03-08")).toBe(23);
    expect(hours("2025-11-02")).toBe(25);
    expect(hours("2026-03-09")).toBe(24);
    expect(new Date(ny.dayBounds("2026-03-08").startMs).toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(new Date(ny.dayBounds("2026-03-09").startMs).toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });

  it("agrees with luxon for every 7th minute of DST and ordinary days in four zones", () => {
    const cases: Array<[string, string[]]> = [
      ["America/New_York", ["2026-03-07", "2026-03-08", "2025-11-02", "2025-11-03"]],
      ["Europe/London", ["2026-03-29", "2025-10-26"]],
      ["Australia/Lord_Howe", ["2026-04-05", "2025-10-05"]], // 30-minute DST shift
      ["Asia/Kolkata", ["2026-03-08"]],
    ];
    let compared = 0;
    for (const [zone, dates] of cases) {
      const clock = createWallClock(zone);
      for (const date of dates) {
        for (let m = -120; m < 1440 + 120; m += 7) {
          expect(clock.instant(date, m)).toBe(localInstant(date, m, zone));
          compared++;
        }
      }
    }
    expect(compared).toBe(9 * Math.ceil(1680 / 7));
  });

  it("moves a wall time inside the spring-forward gap forward and takes the first of an ambiguous pair", () => {
    const ny = createWallClock("America/New_York");
    // 02:30 does not exist on 2026-03-08: it becomes 03:30 EDT.
    expect(new Date(ny.instant("2026-03-08", 150)).toISOString()).toBe("2026-03-08T07:30:00.000Z");
    // 01:30 happens twice on 2025-11-02: the EDT one (05:30 UTC) comes first.
    expect(new Date(ny.instant("2025-11-02", 90)).toISOString()).toBe("2025-11-02T05:30:00.000Z");
    // Minutes past 1440 or below 0 reach the neighbouring dates by the wall clock.
    expect(ny.instant("2026-03-07", 1440 + 6 * 60)).toBe(ny.instant("2026-03-08", 6 * 60));
    expect(ny.instant("2026-03-08", -75)).toBe(ny.instant("2026-03-07", 22 * 60 + 45));
  });
});

describe("calendar helpers", () => {
  it("adds days, finds ISO weekdays and weeks like luxon across month and year ends", () => {
    for (const [date, n] of [["2025-12-30", 3], ["2024-02-28", 1], ["2026-03-01", -1], ["2026-03-08", 0]] as const) {
      expect(addDays(date, n)).toBe(DateTime.fromISO(date).plus({ days: n }).toISODate());
    }
    for (const date of ["2026-03-09", "2026-03-15", "2025-12-31", "2027-01-01"]) {
      expect(weekdayOf(date)).toBe(DateTime.fromISO(date).weekday);
    }
    expect(weekdayOf("2026-03-09")).toBe(1); // a Monday
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53");
    expect(isoWeekOf("2026-03-09")).toBe("2026-W11");
  });

  it("lists the local days oldest first, ending on the end date", () => {
    const days = listLocalDays("2026-03-10", 5, createWallClock("America/New_York"));
    expect(days.map((d) => d.date)).toEqual(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(days.map((d) => (d.endMs - d.startMs) / HOUR_MS)).toEqual([24, 24, 23, 24, 24]);
    for (let i = 1; i < days.length; i++) expect(days[i].startMs).toBe(days[i - 1].endMs);
  });

  it("rejects malformed dates and unknown zones with a bad_request AppError", () => {
    expect(() => assertDateAndZone("2026-02-30", "UTC")).toThrow(AppError);
    expect(() => assertDateAndZone("15/03/2026", "UTC")).toThrow(/YYYY-MM-DD/);
    try {
      assertDateAndZone("2026-03-15", "Mars/Olympus");
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe("bad_request:seed");
      expect((e as AppError).status).toBe(400);
    }
    expect(() => assertDateAndZone("2026-03-15", "America/New_York")).not.toThrow();
  });
});
