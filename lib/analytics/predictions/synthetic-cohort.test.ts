import { describe, expect, it } from "vitest";
import { addDays } from "./day-math";
import { estimateCalibratedPredictions } from "./calibrated-predictions";
import { generateCohort } from "./synthetic-cohort";
import { PREDICTION_TEMPLATES } from "./templates";

describe("synthetic cohort", () => {
  it("is reproducible from its seed", () => {
    const a = generateCohort({ people: 2, weeks: 2, seed: 7 });
    const b = generateCohort({ people: 2, weeks: 2, seed: 7 });
    const c = generateCohort({ people: 2, weeks: 2, seed: 8 });
    expect(a).toEqual(b);
    expect(a[0].days).toHaveLength(14);
    expect(a[0].days[0].date).toBe("2025-01-06");
    expect(a[0].days[13].date).toBe("2025-01-19");
    expect(c[0].days[0].sleepMinutes).not.toBe(a[0].days[0].sleepMinutes);
  });

  it("predictions from prior weeks beat the base rate on later weeks (Brier skill > 0)", () => {
    // A small version of bench/prediction-calibration.ts, fully seeded: 40 people × 16 weeks.
    const cohort = generateCohort({ people: 40, weeks: 16, seed: 11 });
    let bs = 0, bsBase = 0, n = 0;
    for (const person of cohort) {
      const byDate = new Map(person.days.map((d) => [d.date, d]));
      for (let w = 4; w < 16; w++) {
        const history = person.days.slice(0, w * 7);
        const results = estimateCalibratedPredictions(history, { asOf: addDays(person.days[w * 7].date, -1) });
        for (const r of results) {
          if (r.status !== "ok" || r.conditionId === null) continue;
          const template = PREDICTION_TEMPLATES.find((t) => t.id === r.templateId)!;
          const bound = template.condition!.bind(history)!;
          for (const day of person.days.slice(w * 7, w * 7 + 7)) {
            const e = template.event.test(day);
            const c = byDate.get(addDays(day.date, -template.lagDays));
            if (e === null || !c || bound.test(c) !== true) continue;
            bs += (r.probability - (e ? 1 : 0)) ** 2;
            bsBase += (r.baseRate - (e ? 1 : 0)) ** 2;
            n++;
          }
        }
      }
    }
    expect(n).toBeGreaterThan(1000);
    const skill = 1 - bs / bsBase;
    expect(skill).toBeGreaterThan(0.02);
  });
});
