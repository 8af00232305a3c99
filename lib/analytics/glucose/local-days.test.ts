import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { assignLocalDays, listLocalDays, startOfLocalDay } from "./local-days";

const MIN = 60_000;

/** Ground truth straight from luxon, one reading at a time. */
function luxonDayAndMinute(t: number, zone: string) {
  const dt = DateTime.fromMillis(t, { zone });
  return { date: dt.toISODate(), wallMinute: dt.hour * 60 + dt.minute + dt.second / 60 };
}

const cases: { zone: string; from: string; to: string }[] = [
  { zone: "Europe/Paris", from: "2021-03-25", to: "2021-04-02" },
  { zone: "Europe/Paris", from: "2021-10-28", to: "2021-11-03" },
  { zone: "America/New_York", from: "2021-03-12", to: "2021-03-16" },
  { zone: "America/New_York", from: "2021-11-05", to: "2021-11-09" },
  // DST skipped midnight itself: 2018-11-04 started at 01:00
  { zone: "America/Sao_Paulo", from: "2018-11-02", to: "2018-11-07" },
  // half-hour DST shift
  { zone: "Australia/Lord_Howe", from: "2021-04-02", to: "2021-04-06" },
  // +05:45, no DST
  { zone: "Asia/Kathmandu", from: "2021-06-01", to: "2021-06-04" },
  { zone: "UTC", from: "2021-01-01", to: "2021-01-04" },
];

describe("assignLocalDays agrees with luxon reading by reading, across DST changes", () => {
  it.each(cases)("$zone $from → $to", ({ zone, from, to }) => {
    const start = DateTime.fromISO(from, { zone: "UTC" }).toMillis();
    const end = DateTime.fromISO(to, { zone: "UTC" }).toMillis();
    const times: number[] = [];
    for (let t = start; t < end; t += 7 * MIN + 13_000) times.push(t);
    const { days, dayIndex, wallMinute } = assignLocalDays(Float64Array.from(times), zone);
    let mismatches = 0;
    times.forEach((t, i) => {
      const truth = luxonDayAndMinute(t, zone);
      const day = days[dayIndex[i]];
      if (day.date !== truth.date || Math.abs(wallMinute[i] - truth.wallMinute) > 1e-9 || t < day.startMs || t >= day.endMs) mismatches++;
    });
    expect(mismatches).toBe(0);
    expect(days.length).toBeGreaterThanOrEqual(3);
  });

  it("day lengths: 23 h and 25 h in Paris, 23 h in São Paulo where midnight was skipped", () => {
    const paris = listLocalDays(Date.UTC(2021, 2, 27, 12), Date.UTC(2021, 2, 29, 12), "Europe/Paris");
    expect(paris.map((d) => [d.date, (d.endMs - d.startMs) / 3_600_000])).toEqual([
      ["2021-03-27", 24],
      ["2021-03-28", 23],
      ["2021-03-29", 24],
    ]);
    const autumn = listLocalDays(Date.UTC(2021, 9, 31, 12), Date.UTC(2021, 9, 31, 13), "Europe/Paris");
    expect((autumn[0].endMs - autumn[0].startMs) / 3_600_000).toBe(25);
    const saoPaulo = listLocalDays(Date.UTC(2018, 10, 3, 12), Date.UTC(2018, 10, 5, 12), "America/Sao_Paulo");
    expect(saoPaulo.map((d) => d.date)).toEqual(["2018-11-03", "2018-11-04", "2018-11-05"]);
    expect((saoPaulo[1].endMs - saoPaulo[1].startMs) / 3_600_000).toBe(23);
    // 2018-11-04 began at 01:00 local (03:00 UTC)
    expect(saoPaulo[1].startMs).toBe(Date.UTC(2018, 10, 4, 3));
  });

  it("startOfLocalDay: UTC arithmetic and zone midnights", () => {
    expect(startOfLocalDay(Date.UTC(2020, 0, 1, 15, 30), "UTC")).toBe(Date.UTC(2020, 0, 1));
    expect(startOfLocalDay(Date.UTC(2020, 6, 1, 2), "America/New_York")).toBe(Date.UTC(2020, 5, 30, 4));
  });

  it("jumps over long gaps between readings", () => {
    const times = Float64Array.from([Date.UTC(2021, 0, 1, 10), Date.UTC(2021, 2, 1, 10), Date.UTC(2021, 2, 1, 11)]);
    const { days, dayIndex } = assignLocalDays(times, "Europe/Berlin");
    expect(days.map((d) => d.date)).toEqual(["2021-01-01", "2021-03-01"]);
    expect(Array.from(dayIndex)).toEqual([0, 1, 1]);
  });
});
