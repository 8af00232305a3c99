import { createSeededRandom } from "@/lib/seeded-random";

/**
 * Seeded synthetic CGM data for the chart tests, the screenshot harness and bench/chart-render.ts:
 * a day shape a clinician recognizes (meal peaks at breakfast, lunch and dinner, a dawn rise,
 * an occasional low at night), so a drawn AGP looks like one. Never Math.random.
 */
export type SyntheticGlucoseOptions = {
  days: number;
  /** Epoch ms of the first reading, taken as local midnight (times of day are measured from it). */
  startMs: number;
  seed: number;
  intervalMinutes?: number;
  /** Spans [startMs, endMs) without readings (a sensor change). */
  gaps?: { startMs: number; endMs: number }[];
};

/** Meal response: a gamma-like bump that peaks `peakMinutes` after the meal and fades over ~3 h. */
function mealResponse(minutesSince: number, amplitude: number, peakMinutes: number): number {
  if (minutesSince <= 0) return 0;
  const t = minutesSince / peakMinutes;
  return amplitude * t * Math.exp(1 - t);
}

export function generateSyntheticGlucose(options: SyntheticGlucoseOptions): { times: number[]; values: number[] } {
  const random = createSeededRandom(options.seed);
  const step = options.intervalMinutes ?? 5;
  const perDay = Math.round(1440 / step);
  const times: number[] = [];
  const values: number[] = [];
  let noise = 0;
  for (let day = 0; day < options.days; day++) {
    const meals = [
      { at: 7 * 60 + 30 + 40 * random.gaussian(), amplitude: 45 + 35 * random.uniform() },
      { at: 12 * 60 + 45 + 45 * random.gaussian(), amplitude: 40 + 45 * random.uniform() },
      { at: 19 * 60 + 15 + 50 * random.gaussian(), amplitude: 55 + 60 * random.uniform() },
    ];
    const base = 112 + 10 * random.gaussian();
    const nightLow = random.uniform() < 0.2 ? 35 + 15 * random.uniform() : 0;
    for (let i = 0; i < perDay; i++) {
      const minute = i * step;
      const time = options.startMs + (day * perDay + i) * step * 60_000;
      noise = 0.9 * noise + 3 * random.gaussian();
      if (options.gaps?.some((g) => time >= g.startMs && time < g.endMs)) continue;
      const dawn = minute > 240 && minute < 480 ? 15 * Math.sin((Math.PI * (minute - 240)) / 240) : 0;
      const low = minute > 120 && minute < 300 ? -nightLow * Math.sin((Math.PI * (minute - 120)) / 180) : 0;
      let v = base + dawn + low + noise;
      for (const m of meals) v += mealResponse(minute - m.at, m.amplitude, 55) + mealResponse(minute + 1440 - m.at, m.amplitude, 55);
      times.push(time);
      values.push(Math.round(Math.min(400, Math.max(40, v))));
    }
  }
  return { times, values };
}
