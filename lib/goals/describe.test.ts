import { describe, expect, it } from "vitest";
import { describeSchedule, formatAdherence, formatStreak } from "./describe";

describe("describeSchedule", () => {
  it("names daily, N-per-week and fixed-weekday schedules", () => {
    expect(describeSchedule({ kind: "daily" })).toBe("Every day");
    expect(describeSchedule({ kind: "weekly", timesPerWeek: 3 })).toBe("3 times a week");
    expect(describeSchedule({ kind: "weekly", timesPerWeek: 1 })).toBe("Once a week");
    expect(describeSchedule({ kind: "weekly", timesPerWeek: 3, weekdays: [5, 1, 3] })).toBe("Mon, Wed, Fri");
  });
});

describe("formatAdherence", () => {
  it("rounds to a whole percent and shows a dash when nothing was due", () => {
    expect(formatAdherence({ due: 6, done: 5, ratio: 5 / 6 })).toBe("83 %");
    expect(formatAdherence({ due: 0, done: 0, ratio: null })).toBe("—");
  });
});

describe("formatStreak", () => {
  it("counts in the habit's unit, singular for one", () => {
    expect(formatStreak(1, "day")).toBe("1 day");
    expect(formatStreak(0, "day")).toBe("0 days");
    expect(formatStreak(3, "week")).toBe("3 weeks");
  });
});
