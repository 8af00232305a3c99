import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createLocalTimeResolver, readClockDurationMinutes, readIsoWallClock } from "./local-time";

const wall = (text: string) => {
  const w = readIsoWallClock(text);
  if (!w) throw new Error(`bad test input ${text}`);
  return w;
};

describe("createLocalTimeResolver", () => {
  it("reads an ordinary time with the zone's offset (winter and summer)", () => {
    const paris = createLocalTimeResolver("Europe/Paris");
    expect(paris.resolve(wall("2024-01-15T12:00:00"))).toEqual({ instant: Date.parse("2024-01-15T11:00:00Z"), later: null, nonexistent: false });
    expect(paris.resolve(wall("2024-07-15T12:00:00"))?.instant).toBe(Date.parse("2024-07-15T10:00:00Z"));
  });

  it("returns both readings of a fall-back time, earlier first", () => {
    const ny = createLocalTimeResolver("America/New_York");
    expect(ny.resolve(wall("2024-11-03T01:30:00"))).toEqual({
      instant: Date.parse("2024-11-03T05:30:00Z"), // EDT
      later: Date.parse("2024-11-03T06:30:00Z"), // EST
      nonexistent: false,
    });
    // Just outside the repeated hour on both sides.
    expect(ny.resolve(wall("2024-11-03T00:59:59"))?.later).toBeNull();
    expect(ny.resolve(wall("2024-11-03T02:00:00"))).toEqual({ instant: Date.parse("2024-11-03T07:00:00Z"), later: null, nonexistent: false });
  });

  it("shifts a spring-forward time forward, as a clock that missed the change would show", () => {
    const ny = createLocalTimeResolver("America/New_York");
    expect(ny.resolve(wall("2024-03-10T02:30:00"))).toEqual({ instant: Date.parse("2024-03-10T07:30:00Z"), later: null, nonexistent: true });
    expect(ny.resolve(wall("2024-03-10T03:00:00"))).toEqual({ instant: Date.parse("2024-03-10T07:00:00Z"), later: null, nonexistent: false });
    expect(ny.resolve(wall("2024-03-10T01:59:00"))?.instant).toBe(Date.parse("2024-03-10T06:59:00Z"));
  });

  it("handles half-hour zones and zones without DST", () => {
    expect(createLocalTimeResolver("Asia/Kolkata").resolve(wall("2024-06-01T12:00:00"))?.instant).toBe(Date.parse("2024-06-01T06:30:00Z"));
    expect(createLocalTimeResolver("UTC").resolve(wall("2024-06-01T12:00:00"))?.instant).toBe(Date.parse("2024-06-01T12:00:00Z"));
    // Lord Howe moves by 30 minutes: 02:00 → 02:30 on 2024-10-06.
    const lordHowe = createLocalTimeResolver("Australia/Lord_Howe");
    expect(lordHowe.resolve(wall("2024-10-06T02:15:00"))?.nonexistent).toBe(true);
    expect(lordHowe.resolve(wall("2024-10-06T02:45:00"))?.instant).toBe(Date.parse("2024-10-05T15:45:00Z"));
  });

  it("returns null for impossible dates and refuses unknown zones", () => {
    const utc = createLocalTimeResolver("UTC");
    expect(utc.resolve({ year: 2023, month: 2, day: 29, hour: 0, minute: 0, second: 0 })).toBeNull();
    expect(utc.resolve({ year: 2024, month: 2, day: 29, hour: 0, minute: 0, second: 0 })?.instant).toBe(Date.parse("2024-02-29T00:00:00Z"));
    expect(utc.resolve({ year: 2024, month: 13, day: 1, hour: 0, minute: 0, second: 0 })).toBeNull();
    expect(() => createLocalTimeResolver("Europe/Atlantis")).toThrow(AppError);
    expect(() => createLocalTimeResolver("")).toThrow(/not a known time zone/);
  });
});

describe("wall-clock text readers", () => {
  it("reads Clarity timestamps and durations", () => {
    expect(readIsoWallClock("2019-10-14T16:42:37")).toEqual({ year: 2019, month: 10, day: 14, hour: 16, minute: 42, second: 37 });
    expect(readIsoWallClock("2019-10-14 16:42")).toEqual({ year: 2019, month: 10, day: 14, hour: 16, minute: 42, second: 0 });
    expect(readIsoWallClock("14/10/2019 16:42")).toBeNull();
    expect(readClockDurationMinutes("00:45:00")).toBe(45);
    expect(readClockDurationMinutes("1:30:30")).toBe(90.5);
    expect(readClockDurationMinutes("soon")).toBeNull();
  });
});
