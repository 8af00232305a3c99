import { describe, expect, it } from "vitest";
import { mergeSleepSessions } from "./sleep-sessions";
import type { SleepRecord, SleepStage } from "./types";

const seg = (stage: SleepStage, start: string, end: string, device: string | null = "Watch"): SleepRecord => ({
  start: new Date(start),
  end: new Date(end),
  stage,
  source: "apple-health",
  device,
});

describe("mergeSleepSessions", () => {
  it("returns [] for no segments", () => {
    expect(mergeSleepSessions([])).toEqual([]);
  });

  it("counts overlapping InBed/asleep spans once and sums stages", () => {
    const sessions = mergeSleepSessions([
      seg("in_bed", "2024-01-01T22:00:00Z", "2024-01-02T06:00:00Z"),
      seg("core", "2024-01-01T22:30:00Z", "2024-01-02T01:00:00Z"),
      seg("deep", "2024-01-02T01:00:00Z", "2024-01-02T02:00:00Z"),
      seg("awake", "2024-01-02T02:00:00Z", "2024-01-02T02:10:00Z"),
      seg("rem", "2024-01-02T02:10:00Z", "2024-01-02T03:00:00Z"),
      seg("core", "2024-01-02T02:50:00Z", "2024-01-02T05:50:00Z"), // overlaps REM by 10 min
    ]);
    expect(sessions).toEqual([
      {
        start: new Date("2024-01-01T22:00:00Z"),
        end: new Date("2024-01-02T06:00:00Z"),
        source: "apple-health",
        device: "Watch",
        inBedMin: 480,
        asleepMin: 150 + 60 + 220, // 22:30–02:00 and 02:10–05:50
        coreMin: 150 + 180,
        deepMin: 60,
        remMin: 50,
        awakeMin: 10,
        segments: 6,
      },
    ]);
  });

  it("splits on gaps longer than the threshold and keeps sources apart", () => {
    const sessions = mergeSleepSessions([
      seg("asleep", "2024-01-01T23:00:00Z", "2024-01-02T03:00:00Z"),
      seg("asleep", "2024-01-02T04:00:00Z", "2024-01-02T07:00:00Z"), // exactly 60 min later: same night
      seg("asleep", "2024-01-02T13:00:00Z", "2024-01-02T13:30:00Z"), // a nap
      seg("asleep", "2024-01-01T23:05:00Z", "2024-01-02T06:55:00Z", "AutoSleep"),
    ]);
    expect(sessions.map((s) => [s.device, s.start.toISOString(), s.asleepMin])).toEqual([
      ["Watch", "2024-01-01T23:00:00.000Z", 420],
      ["AutoSleep", "2024-01-01T23:05:00.000Z", 470],
      ["Watch", "2024-01-02T13:00:00.000Z", 30],
    ]);
    expect(mergeSleepSessions([seg("asleep", "2024-01-01T23:00:00Z", "2024-01-02T03:00:00Z"), seg("asleep", "2024-01-02T03:20:00Z", "2024-01-02T04:00:00Z")], { maxGapMin: 15 })).toHaveLength(2);
  });
});
