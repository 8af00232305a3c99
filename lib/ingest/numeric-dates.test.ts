import { describe, expect, it } from "vitest";
import { decideDateOrder, readDateParts, applyDateOrder, type DateParts } from "./numeric-dates";

const parts = (...texts: string[]) => texts.map((t) => readDateParts(t) as DateParts);

describe("readDateParts / applyDateOrder", () => {
  it("reads the shapes vendors write", () => {
    expect(applyDateOrder(readDateParts("5/30/21 15:57") as DateParts, "month-first")).toEqual({ year: 2021, month: 5, day: 30, hour: 15, minute: 57, second: 0 });
    expect(applyDateOrder(readDateParts("05-12-2019 16:25") as DateParts, "day-first")).toEqual({ year: 2019, month: 12, day: 5, hour: 16, minute: 25, second: 0 });
    expect(applyDateOrder(readDateParts("06-29-2021 12:30 AM") as DateParts, "month-first")?.hour).toBe(0);
    expect(applyDateOrder(readDateParts("06-29-2021 12:30 PM") as DateParts, "month-first")?.hour).toBe(12);
    expect(applyDateOrder(readDateParts("2020.11.28 23:34:10") as DateParts, "year-first")).toEqual({ year: 2020, month: 11, day: 28, hour: 23, minute: 34, second: 10 });
    expect(readDateParts("13:00 5/30/21")).toBeNull();
    expect(readDateParts("06-29-2021 13:30 PM")).toBeNull();
    expect(applyDateOrder(readDateParts("02-30-2021 10:00") as DateParts, "month-first")).toBeNull();
  });
});

describe("decideDateOrder", () => {
  it("rules out the order that produces an impossible date", () => {
    expect(decideDateOrder(parts("5/30/21 15:57", "6/7/21 16:50"), null)).toBe("month-first");
    expect(decideDateOrder(parts("05-12-2019 16:25", "13-12-2019 08:00"), null)).toBe("day-first");
  });

  it("prefers the compact timeline when every date reads both ways", () => {
    expect(decideDateOrder(parts("01/02/2024 23:45", "02/02/2024 00:00", "02/02/2024 00:15"), null)).toBe("day-first");
    expect(decideDateOrder(parts("02/01/2024 23:45", "02/02/2024 00:00", "02/02/2024 00:15"), null)).toBe("month-first");
  });

  it("falls back to the title date, to the caller's choice, and finally asks", () => {
    const single = parts("03-04-2024 08:00", "03-04-2024 09:00");
    expect(decideDateOrder(single, readDateParts("25-04-2024 10:00"))).toBe("day-first");
    expect(decideDateOrder(single, readDateParts("04-25-2024 10:00"))).toBe("month-first");
    expect(decideDateOrder(single, null, "day-first")).toBe("day-first");
    expect(() => decideDateOrder(single, null)).toThrow(/day-first or month-first/);
    // 04-04 reads the same both ways: no need to ask.
    expect(decideDateOrder(parts("04-04-2024 08:00"), null)).toBe("month-first");
  });
});
