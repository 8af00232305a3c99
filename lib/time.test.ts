import { describe, expect, it } from "vitest";
import { createLocalDater, localDate, mondayOf } from "./time";

describe("local dates", () => {
  it("the fast dater agrees with luxon every 5 minutes across DST changes and odd offsets", () => {
    for (const tz of ["America/New_York", "Europe/Paris", "Asia/Kolkata", "Australia/Lord_Howe", "Asia/Kathmandu"]) {
      const dater = createLocalDater(tz);
      for (let ms = Date.UTC(2026, 2, 1); ms < Date.UTC(2026, 3, 15); ms += 300_000) {
        expect(dater(ms)).toBe(localDate(new Date(ms), tz));
      }
    }
  });

  it("Monday of the week, in the person's timezone", () => {
    // Sunday 23:30 in New York is already Monday in UTC.
    expect(mondayOf(new Date("2026-11-23T04:30:00Z"), "America/New_York")).toBe("2026-11-16");
    expect(mondayOf(new Date("2026-11-23T04:30:00Z"), "UTC")).toBe("2026-11-23");
  });
});
