import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { computeDailyProfiles } from "@/lib/analytics/glucose/daily-profiles";
import { toSeriesFromArrays } from "@/lib/analytics/glucose/series";
import { NBSP } from "./chart-format";
import { DailyProfilesGrid } from "./daily-profiles-grid";
import { MINI_HEIGHT, describeDailyProfiles, prepareDailyProfileCells, type DailyProfileInput } from "./daily-profiles-data";
import { generateSyntheticGlucose } from "./testing/synthetic-glucose";

const nb = (s: string) => s.replace(/ (%|mg\/dL|mmol\/L)/g, `${NBSP}$1`);

function day(date: string, values: number[], stepMinutes = 5, skip: number[] = []): DailyProfileInput {
  const elapsed = values.map((_, i) => i * stepMinutes).filter((_, i) => !skip.includes(i));
  const kept = values.filter((_, i) => !skip.includes(i));
  const inRange = kept.filter((v) => v >= 70 && v <= 180).length;
  return {
    date,
    hours: 24,
    elapsedMinutes: elapsed,
    values: kept,
    mean: kept.length ? kept.reduce((a, b) => a + b, 0) / kept.length : null,
    inRange70to180: kept.length ? (100 * inRange) / kept.length : null,
  };
}

describe("prepareDailyProfileCells", () => {
  it("shares one y scale across days and places the target band on it", () => {
    const { yDomain, cells } = prepareDailyProfileCells([day("2024-03-04", [100, 120]), day("2024-03-05", [90, 320])], { unit: "mg/dL" });
    expect(yDomain).toEqual([40, 350]);
    // viewBox height 72: 180 → 72 × (1 − 140/310) = 39.48; 70 → 72 × (1 − 30/310) = 65.03.
    expect(MINI_HEIGHT).toBe(72);
    expect(cells[0].band.y).toBeCloseTo(39.4839, 4);
    expect(cells[0].band.height).toBeCloseTo(25.5484, 4);
    expect(cells[1].band).toEqual(cells[0].band);
  });

  it("draws each day across its own length, with gaps where readings stop", () => {
    // Readings every 5 min at 0, 5, 10, then 60, 65 (a 50-minute hole).
    const values = Array(14).fill(120);
    const { cells } = prepareDailyProfileCells([day("2024-03-04", values, 5, [3, 4, 5, 6, 7, 8, 9, 10, 11])], { unit: "mg/dL" });
    // y of 120 on 40–300: 72 × (1 − 80/260) = 49.8; x of minute m: m / 1440 × 160.
    expect(cells[0].path).toBe("M0 49.8L0.6 49.8L1.1 49.8M6.7 49.8L7.2 49.8");
  });

  it("labels days, highlights motif days and handles a day without readings", () => {
    const { cells } = prepareDailyProfileCells([day("2024-03-04", [100, 150, 200]), day("2024-03-05", [])], {
      unit: "mmol/L",
      highlight: ["2024-03-05"],
    });
    expect(cells.map((c) => [c.label, c.highlighted, c.hasData, c.path === ""])).toEqual([
      ["Mon 4 Mar", false, true, false],
      ["Tue 5 Mar", true, false, true],
    ]);
    expect(cells[0].meanText).toBe(nb("8.3 mmol/L"));
    expect(cells[0].inRangeText).toBe(nb("67 %"));
    expect(cells[1].meanText).toBe("—");
  });

  it("works on computeDailyProfiles' output, including a 23-hour DST day", () => {
    // Europe/Paris springs forward on Sun 31 Mar 2024: that day has 23 hours (276 readings).
    const start = Date.UTC(2024, 2, 29, 23); // Sat 30 Mar 00:00 in Paris (UTC+1)
    const { times, values } = generateSyntheticGlucose({ days: 3, startMs: start, seed: 9 });
    const profiles = computeDailyProfiles(toSeriesFromArrays(times, values), { timezone: "Europe/Paris" });
    const { cells } = prepareDailyProfileCells(profiles, { unit: "mg/dL" });
    expect(profiles.map((p) => [p.date, p.hours, p.values.length])).toEqual([
      ["2024-03-30", 24, 288],
      ["2024-03-31", 23, 276],
      ["2024-04-01", 24, 288],
      ["2024-04-02", 24, 12],
    ]);
    // The 23-hour day still runs across the whole mini chart: its last point is at 1375 / 1380 of the width.
    const lastX = Number(/L([\d.]+) [\d.]+$/.exec(cells[1].path)?.[1]);
    expect(lastX).toBeCloseTo((1375 / 1380) * 160, 1);
    expect(cells.every((c) => c.path.startsWith("M"))).toBe(true);
  });
});

describe("describeDailyProfiles", () => {
  const days = [day("2024-03-04", [100, 120, 200, 60]), day("2024-03-05", [100, 110, 120, 130]), day("2024-03-06", [])];

  it("names the span, the worst and best day, empty days and highlighted days", () => {
    expect(describeDailyProfiles(days, { unit: "mg/dL", highlight: new Set(["2024-03-04", "2024-03-05"]) })).toBe(
      nb("Daily glucose, 3 days from Mon 4 Mar to Wed 6 Mar: time in range 70–180 mg/dL from 50 % (Mon 4 Mar) to 100 % (Tue 5 Mar), 1 day without readings; 2 pattern days: Mon 4 Mar, Tue 5 Mar."),
    );
    expect(describeDailyProfiles(days.slice(2), { unit: "mg/dL" })).toBe("Daily glucose, 1 day from Wed 6 Mar to Wed 6 Mar: no readings.");
    expect(describeDailyProfiles([], { unit: "mg/dL" })).toBe("Daily glucose: no days to show.");
  });

  it("renders small multiples as SVG with a role=img summary and a hidden table", () => {
    const html = renderToStaticMarkup(<DailyProfilesGrid profiles={days} highlight={["2024-03-05"]} highlightLabel="Motif" />);
    expect(html).toContain('role="img"');
    expect(html).toContain("1 motif day: Tue 5 Mar.");
    expect(html.match(/<svg viewBox="0 0 160 72"/g)).toHaveLength(3);
    expect(html.match(/>Motif<\/span>/g)).toHaveLength(1);
    expect(html).toContain("ring-2 ring-brand-600");
    expect(html).toContain("No readings");
    expect(html).toContain('<caption>Daily glucose (mg/dL)</caption>');
    expect(html).toContain(`<th scope="row">Tue 5 Mar</th><td>${nb("115 mg/dL")}</td><td>${nb("100 %")}</td><td>yes</td>`);
    expect(html).toContain(`stroke="url(#daily-glucose-40-300-70-180)"`);
    expect(html).toContain(`y2="0"`);
    expect(html).toContain(`y1="${MINI_HEIGHT}"`);
    expect(html).not.toContain("NaN");
  });
});
