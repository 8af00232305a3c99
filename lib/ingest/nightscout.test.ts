import { describe, expect, it } from "vitest";
import { parseNightscoutEntries } from "./nightscout";
import { countBy, readFixture } from "./testing/fixtures";

const NOW = new Date("2026-01-01T00:00:00Z");

describe("parseNightscoutEntries — entries-200.json (real dump, newest first)", () => {
  const file = readFixture("nightscout/entries-200.json");
  const result = parseNightscoutEntries(file, { now: NOW });

  it("reads 200 sgv entries, sorted oldest first", () => {
    expect(result.glucose).toHaveLength(200);
    expect(countBy(result.glucose, (g) => g.kind)).toEqual({ cgm: 200 });
    expect(result.glucose.reduce((s, g) => s + g.mgdl, 0)).toBe(32579);
    expect(result.glucose[0]).toEqual({ time: new Date(1589892003182), mgdl: 212, source: "nightscout", device: "Tomato", kind: "cgm", flag: null });
    expect(result.glucose.at(-1)).toMatchObject({ time: new Date("2020-05-20T03:14:28.998Z"), mgdl: 428 });
    expect(result.rejected).toHaveLength(0);
  });

  it("takes the reading time from `date`, not the upload time in `dateString` (6.6 h later here)", () => {
    // _id 5ec43ba38b6aca48aa9a89bd: date 1589894803321 (13:26:43Z), dateString 2020-05-19T20:03:45.485Z.
    const backfilled = result.glucose.find((g) => g.time.getTime() === 1589894803321);
    expect(backfilled?.mgdl).toBe(218);
    expect(result.glucose.some((g) => g.time.getTime() === Date.parse("2020-05-19T20:03:45.485Z"))).toBe(false);
  });

  it("is deterministic", () => {
    expect(parseNightscoutEntries(file, { now: NOW })).toEqual(result);
  });
});

describe("parseNightscoutEntries — example.json (sgv as strings, error codes)", () => {
  const result = parseNightscoutEntries(readFixture("nightscout/example.json"), { now: NOW });

  it("keeps 18 readings and rejects the 12 'NOT COMPUTABLE' code-5 entries with a reason", () => {
    expect(result.glucose).toHaveLength(18);
    expect(result.rejected).toHaveLength(12);
    expect(result.rejected.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(result.rejected[0].reason).toBe('sgv 5 (direction "NOT COMPUTABLE") is a Dexcom status code meaning "sensor not calibrated", not a glucose value.');
    expect(result.glucose[0]).toMatchObject({ time: new Date("2014-07-19T09:34:15Z"), mgdl: 169, device: "dexcom" });
    expect(result.glucose.at(-1)).toMatchObject({ time: new Date("2014-07-19T10:59:15Z"), mgdl: 178 });
    expect(result.stats.rowsRead).toBe(30);
  });
});

describe("parseNightscoutEntries — oref0-glucose.json", () => {
  it("reads the 6 entries with -0700 dateStrings through their epoch `date`", () => {
    const result = parseNightscoutEntries(readFixture("nightscout/oref0-glucose.json"), { now: NOW });
    expect(result.glucose.map((g) => g.mgdl)).toEqual([100, 102, 105, 105, 102, 101]);
    expect(result.glucose[0].time).toEqual(new Date("2018-06-02T07:00:00Z"));
    expect(result.glucose.at(-1)?.time).toEqual(new Date("2018-06-02T07:25:00Z"));
    expect(result.glucose[0].device).toBe("fakecgm");
  });
});

describe("parseNightscoutEntries — rules", () => {
  it("flags 39 as Dexcom LOW, reads mbg as manual, skips cal, rejects bad rows", () => {
    const entries = [
      { type: "sgv", sgv: 39, date: 1_700_000_000_000 },
      { type: "mbg", mbg: "123", date: 1_700_000_300_000, device: "meter" },
      { type: "cal", slope: 800, date: 1_700_000_600_000 },
      { type: "sgv", sgv: 110, dateString: "2023-11-14T22:13:20Z" },
      { type: "sgv", sgv: 110, date: 1_700_000_000 },
      { type: "sgv", sgv: "abc", date: 1_700_000_900_000 },
      { type: "sgv", sgv: 150, date: NOW.getTime() + 6 * 60_000 },
      { sgv: 140, date: 1_700_001_200_000 },
      "junk",
    ];
    const r = parseNightscoutEntries(JSON.stringify(entries), { now: NOW });
    expect(r.glucose.map((g) => [g.mgdl, g.kind, g.flag])).toEqual([
      [39, "cgm", "low"],
      [123, "manual", null],
      [140, "cgm", null],
    ]);
    expect(r.stats.skipped).toEqual({ calibration: 1 });
    expect(r.rejected.map((x) => x.index)).toEqual([3, 4, 5, 6, 8]);
    expect(r.rejected[0].reason).toMatch(/no `date`/);
    expect(r.rejected[1].reason).toMatch(/before the year 2000/);
    expect(r.rejected[3].reason).toMatch(/more than 5 minutes in the future/);
  });

  it("accepts API v3 `{ result: [...] }` and refuses JSON that is not entries", () => {
    expect(parseNightscoutEntries(JSON.stringify({ result: [{ type: "sgv", sgv: 100, date: 1_700_000_000_000 }] })).glucose).toHaveLength(1);
    expect(() => parseNightscoutEntries('{"hello":1}')).toThrow(/not a list of Nightscout entries/);
    expect(() => parseNightscoutEntries("[1,2")).toThrow(/not valid JSON/);
    expect(() => parseNightscoutEntries("")).toThrow(/empty/);
  });
});
