import { describe, expect, it } from "vitest";
import { computeMage, computeMageSegments } from "./mage";
import { toSeries } from "./series";

const MIN = 60_000;
const T0 = Date.UTC(2020, 0, 1);

function sampled(minutes: number, f: (minute: number) => number, stepMin = 5) {
  return toSeries(Array.from({ length: Math.floor(minutes / stepMin) + 1 }, (_, i) => ({ time: T0 + i * stepMin * MIN, value: f(i * stepMin) })));
}

/**
 * 5-minute readings of 150 − amplitude·cos over `cycles` 6-hour periods, starting and ending on a
 * nadir at `startMin` (≥ 5 so that the first reading is also the first grid point, 00:05): every
 * excursion is then exactly nadir → peak → nadir, 2·amplitude high.
 */
function wave(startMin: number, cycles: number, amplitude: number) {
  const rows = [];
  for (let m = 0; m <= cycles * 360; m += 5) {
    rows.push({ time: T0 + (startMin + m) * MIN, value: 150 - amplitude * Math.cos((2 * Math.PI * m) / 360) });
  }
  return rows;
}

describe("MAGE (iglu moving-average algorithm)", () => {
  it("a 6-hour wave between 100 and 200 mg/dL (8 cycles): every excursion is 100, MAGE 100", () => {
    const s = toSeries(wave(5, 8, 50));
    const [segment] = computeMageSegments(s);
    expect(segment.magePlus).toBeCloseTo(100, 9);
    expect(segment.mageMinus).toBeCloseTo(100, 9);
    expect(computeMage(s).value).toBeCloseTo(100, 9);
  });

  it("amplitude 30 → MAGE 60", () => {
    expect(computeMage(toSeries(wave(5, 8, 30))).value).toBeCloseTo(60, 9);
  });

  it("counts iglu's partial excursions at the ends: a wave cut mid-rise has a smaller MAGE+", () => {
    // sin instead of −cos: the trace starts at 150 on a rise and ends at 150 on a rise.
    const s = sampled(2 * 1440, (m) => 150 + 50 * Math.sin((2 * Math.PI * m) / 360));
    const [segment] = computeMageSegments(s);
    expect(segment.mageMinus).toBeCloseTo(100, 9);
    expect(segment.magePlus as number).toBeLessThan(100);
    expect(segment.magePlus as number).toBeGreaterThan(85);
  });

  it("ripples smaller than one SD are not excursions: ±2 mg/dL ripples on ±50 swings leave MAGE near 100", () => {
    const rows = wave(5, 8, 50).map((r, i) => ({ ...r, value: r.value + 2 * Math.sin((2 * Math.PI * i) / 8) }));
    const mage = computeMage(toSeries(rows)).value as number;
    expect(mage).toBeGreaterThan(98);
    expect(mage).toBeLessThan(104);
  });

  it("a flat series has no excursion: MAGE 0 (iglu returns NA; the brief asks for 0)", () => {
    expect(computeMage(sampled(1440, () => 120))).toEqual({ value: 0, reason: null });
  });

  it("fewer than 32 five-minute points: null with the reason", () => {
    const s = sampled(100, (m) => 100 + m);
    expect(computeMage(s)).toEqual({
      value: null,
      reason: "MAGE needs at least 32 five-minute points (2 h 40 min) of interpolated data; there are 20.",
    });
  });

  it("splits the trace at gaps over 3 hours and weights segments by duration", () => {
    // 4 cycles (24 h) of ±50, a 4-hour hole, then 4 cycles of ±25
    const first = wave(5, 4, 50);
    const second = wave(5 + 1440 + 240, 4, 25);
    const s = toSeries([...first, ...second]);
    const segments = computeMageSegments(s);
    expect(segments.map((x) => x.status)).toEqual(["ok", "gap", "ok"]);
    expect(segments[0].magePlus).toBeCloseTo(100, 9);
    expect(segments[0].mageMinus).toBeCloseTo(100, 9);
    expect(segments[2].magePlus).toBeCloseTo(50, 9);
    expect(segments[2].mageMinus).toBeCloseTo(50, 9);
    // equal durations (24 h each) → plain mean of 100 and 50
    expect(computeMage(s).value).toBeCloseTo(75, 9);
  });

  it("a gap of 3 hours or less stays inside one segment", () => {
    // readings 09:55 → 12:55: 35 missing grid points (175 min) stay inside the segment
    const withHole = wave(5, 8, 50).filter((r) => r.time < T0 + 600 * MIN || r.time > T0 + 770 * MIN);
    expect(computeMageSegments(toSeries(withHole)).map((x) => x.status)).toEqual(["ok"]);
    // 39 missing points (195 min) split it
    const withLongerHole = wave(5, 8, 50).filter((r) => r.time < T0 + 600 * MIN || r.time > T0 + 790 * MIN);
    expect(computeMageSegments(toSeries(withLongerHole)).map((x) => x.status)).toEqual(["ok", "gap", "ok"]);
  });

  it("swaps windows given the wrong way round, as iglu", () => {
    const s = toSeries(wave(5, 8, 50));
    expect(computeMage(s, { shortMa: 32, longMa: 5 }).value).toBeCloseTo(100, 9);
  });
});
