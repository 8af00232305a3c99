import { describe, expect, it } from "vitest";
import { parseTime, readSeriesCsv } from "./read-series-csv";
import { placeOnRegularGrid } from "./regular-grid";

const at = (text: string) => parseTime(text, "UTC");

describe("placeOnRegularGrid", () => {
  it("anchors the grid at midnight, interpolates short gaps and leaves long ones empty", () => {
    const times = ["08:02", "08:07", "08:17", "09:17", "09:22", "09:27"].map((hm) => at(`2024-01-01 ${hm}:00`));
    const grid = placeOnRegularGrid(times, [100, 110, 130, 200, 210, 220]);
    expect(grid.intervalMinutes).toBe(5); // median of 5, 10, 60, 5, 5 minutes
    expect(grid.startMs).toBe(at("2024-01-01 08:05:00"));
    // 08:05 … 09:25
    expect(grid.values.length).toBe(17);
    expect(grid.values[0]).toBeCloseTo(100 + (10 * 3) / 5, 12); // 08:05 between 08:02 (100) and 08:07 (110)
    expect(grid.values[1]).toBeCloseTo(110 + (20 * 3) / 10, 12); // 08:10 between 08:07 and 08:17
    expect(grid.values[2]).toBeCloseTo(110 + (20 * 8) / 10, 12); // 08:15
    for (let g = 3; g <= 14; g++) expect(grid.values[g]).toBeNaN(); // 08:20 … 09:15: inside the 60-minute gap
    expect(grid.values[15]).toBeCloseTo(200 + (10 * 3) / 5, 12); // 09:20
    expect(grid.values[16]).toBeCloseTo(210 + (10 * 3) / 5, 12); // 09:25
    expect(grid.missing).toBe(12);
    expect(grid.interpolated).toBe(5);
  });

  it("takes readings on the grid as they are, the last one of duplicates, and a given interval", () => {
    const times = ["2024-01-01 00:00", "2024-01-01 00:15", "2024-01-01 00:15", "2024-01-01 00:30"].map(at);
    const grid = placeOnRegularGrid(times, [90, 95, 99, 120], { intervalMinutes: 15 });
    expect(Array.from(grid.values)).toEqual([90, 99, 120]);
    expect(grid.interpolated).toBe(0);
    expect(grid.missing).toBe(0);
  });

  it("bridges a gap up to maxGapMinutes and not beyond", () => {
    const times = ["2024-01-01 00:00", "2024-01-01 00:45", "2024-01-01 01:35"].map(at);
    const grid = placeOnRegularGrid(times, [100, 145, 195], { intervalMinutes: 5 });
    expect(grid.values[3]).toBeCloseTo(115, 12); // 00:15, inside the 45-minute gap
    expect(grid.values[10]).toBeNaN(); // 00:50, inside the 50-minute gap
    expect(grid.values[19]).toBe(195);
  });

  it("returns an empty grid without readable readings", () => {
    const grid = placeOnRegularGrid([NaN, at("2024-01-01 00:00")], [100, NaN]);
    expect(grid.values.length).toBe(0);
  });
});

describe("readSeriesCsv", () => {
  it("reads the first id of an iglu-style file, text readings as NaN", () => {
    const csv = '"",id,time,gl\n"1","A",2024-01-01 00:00:00,100\n"2","B",2024-01-01 00:00:00,50\n"3","A",2024-01-01 00:05:00,NA\n';
    const out = readSeriesCsv(csv);
    expect(out.ids).toEqual(["A", "B"]);
    expect(out.id).toBe("A");
    expect(out.values).toEqual([100, NaN]);
    expect(out.times).toEqual([at("2024-01-01 00:00"), at("2024-01-01 00:05")]);
    expect(readSeriesCsv(csv, { id: "B" }).values).toEqual([50]);
  });

  it("reads wall-clock times in the given zone and ISO times with their offset", () => {
    expect(parseTime("2024-07-01 12:00", "Europe/Paris")).toBe(Date.UTC(2024, 6, 1, 10, 0));
    expect(parseTime("2024-07-01T12:00:00+02:00", "UTC")).toBe(Date.UTC(2024, 6, 1, 10, 0));
    expect(parseTime("yesterday", "UTC")).toBeNaN();
  });
});
