/**
 * Benchmark: are the weekly brief's probabilities calibrated (DESIGN decision 5)?
 *
 * A seeded synthetic cohort (200 people × 26 weeks, per-person habits and effects, see
 * lib/analytics/predictions/synthetic-cohort.ts). For every person and every week w ≥ 2, the
 * predictions are estimated from weeks < w only, then scored on the days of week w where the
 * condition held (the forecast a person would read the evening before):
 *   - Brier score of the smoothed conditional probability vs the base-rate forecast on the same days
 *     (Brier skill = 1 − BS / BS_base; > 0 means the condition adds information);
 *   - the same for the raw frequency (no smoothing, m = 0) and a heavier prior (m = 16);
 *   - the same for the 2–3 predictions the brief actually shows (selectWeeklyPredictions);
 *   - a reliability table in deciles: mean predicted vs observed frequency, with counts.
 * Also prints the run time against a baseline measured in the same run: the same loop with only the
 * three unconditional (base-rate) templates.
 * Run: npx tsx bench/prediction-calibration.ts
 */
import type { DailyRow } from "@/lib/analytics/discovery/daily-features";
import {
  addDays,
  estimateCalibratedPredictions,
  generateCohort,
  PREDICTION_TEMPLATES,
  selectWeeklyPredictions,
  type PredictionTemplate,
} from "@/lib/analytics/predictions";

const PEOPLE = 200;
const WEEKS = 26;
const SEED = 20240601;

type Forecast = { p: number; base: number; outcome: 0 | 1; templateId: string; shown: boolean };

const cohort = generateCohort({ people: PEOPLE, weeks: WEEKS, seed: SEED });
const UNCONDITIONAL = PREDICTION_TEMPLATES.filter((t) => t.condition === null);

function scoreCohort(priorStrength: number, collect: boolean, templateSet: readonly PredictionTemplate[] = PREDICTION_TEMPLATES): { forecasts: Forecast[]; insufficient: number; issued: number } {
  const forecasts: Forecast[] = [];
  let insufficient = 0;
  let issued = 0;
  const templates = new Map(PREDICTION_TEMPLATES.map((t) => [t.id, t]));
  for (const person of cohort) {
    const byDate = new Map(person.days.map((d) => [d.date, d]));
    for (let w = 2; w < WEEKS; w++) {
      const weekStart = person.days[w * 7].date;
      const history = person.days.slice(0, w * 7);
      const results = estimateCalibratedPredictions(history, { asOf: addDays(weekStart, -1), priorStrength, templates: templateSet });
      const shown = new Set(selectWeeklyPredictions(results).chosen.map((p) => p.templateId));
      for (const r of results) {
        if (r.status === "insufficient") {
          insufficient++;
          continue;
        }
        issued++;
        if (!collect) continue;
        const template = templates.get(r.templateId)!;
        const bound = template.condition?.bind(history) ?? null;
        for (let i = 0; i < 7; i++) {
          const day = person.days[w * 7 + i];
          const e = template.event.test(day);
          if (e === null) continue;
          if (bound) {
            const conditionDay: DailyRow | undefined = byDate.get(addDays(day.date, -template.lagDays));
            if (!conditionDay || bound.test(conditionDay) !== true) continue;
          }
          forecasts.push({ p: r.probability, base: r.baseRate, outcome: e ? 1 : 0, templateId: r.templateId, shown: shown.has(r.templateId) });
        }
      }
    }
  }
  return { forecasts, insufficient, issued };
}

function brier(forecasts: Forecast[], pick: (f: Forecast) => number): number {
  let s = 0;
  for (const f of forecasts) s += (pick(f) - f.outcome) ** 2;
  return s / forecasts.length;
}

function skillLine(label: string, forecasts: Forecast[]): string {
  const bs = brier(forecasts, (f) => f.p);
  const base = brier(forecasts, (f) => f.base);
  return `${label.padEnd(44)} n=${String(forecasts.length).padStart(7)}  Brier ${bs.toFixed(4)}  base-rate ${base.toFixed(4)}  skill ${(1 - bs / base).toFixed(4)}`;
}

const conditional = (fs: Forecast[]) => fs.filter((f) => !f.templateId.endsWith("__any_day"));

const t0 = performance.now();
scoreCohort(4, false, UNCONDITIONAL);
const tBaseline = performance.now() - t0;

const t1 = performance.now();
scoreCohort(4, false);
const tMain = performance.now() - t1;
const main = scoreCohort(4, true);
const raw = scoreCohort(0, true);
const heavy = scoreCohort(16, true);

console.log(`Synthetic cohort: ${PEOPLE} people × ${WEEKS} weeks (seed ${SEED}); forecasts for weeks 3–${WEEKS} from prior weeks only.`);
console.log(`Estimates issued: ${main.issued}; "insufficient history" answers: ${main.insufficient} (${((100 * main.insufficient) / (main.issued + main.insufficient)).toFixed(1)} %).`);
console.log("");
console.log("Brier skill against the person's base rate, conditional predictions (days the condition held):");
console.log(skillLine("smoothed, prior m = 4 (the product)", conditional(main.forecasts)));
console.log(skillLine("raw frequency, m = 0", conditional(raw.forecasts)));
console.log(skillLine("heavier prior, m = 16", conditional(heavy.forecasts)));
console.log(skillLine("shown in the brief (2–3 chosen), m = 4", conditional(main.forecasts.filter((f) => f.shown))));
console.log("");
console.log("Per template (m = 4):");
for (const t of PREDICTION_TEMPLATES) {
  const fs = main.forecasts.filter((f) => f.templateId === t.id);
  if (fs.length === 0) continue;
  const line = t.condition ? skillLine(t.id, fs) : `${t.id.padEnd(44)} n=${String(fs.length).padStart(7)}  Brier ${brier(fs, (f) => f.p).toFixed(4)}  (base rate itself)`;
  console.log(line);
}

function reliabilityTable(forecasts: Forecast[]): void {
  console.log("decile      mean predicted   observed   count");
  for (let b = 0; b < 10; b++) {
    const inBin = forecasts.filter((f) => Math.min(9, Math.floor(f.p * 10)) === b);
    if (inBin.length === 0) {
      console.log(`[${(b / 10).toFixed(1)}, ${((b + 1) / 10).toFixed(1)})       —            —          0`);
      continue;
    }
    const meanP = inBin.reduce((s, f) => s + f.p, 0) / inBin.length;
    const observed = inBin.reduce((s, f) => s + f.outcome, 0) / inBin.length;
    console.log(`[${(b / 10).toFixed(1)}, ${((b + 1) / 10).toFixed(1)})     ${meanP.toFixed(3).padStart(8)}     ${observed.toFixed(3).padStart(8)}   ${String(inBin.length).padStart(7)}`);
  }
  const ece = [...Array(10).keys()].reduce((s, b) => {
    const inBin = forecasts.filter((f) => Math.min(9, Math.floor(f.p * 10)) === b);
    if (inBin.length === 0) return s;
    const meanP = inBin.reduce((a, f) => a + f.p, 0) / inBin.length;
    const observed = inBin.reduce((a, f) => a + f.outcome, 0) / inBin.length;
    return s + (inBin.length / forecasts.length) * Math.abs(meanP - observed);
  }, 0);
  console.log(`expected calibration error (weighted |predicted − observed|): ${ece.toFixed(4)}`);
}

console.log("");
console.log("Reliability, all issued forecasts (conditional and base rates), m = 4:");
reliabilityTable(main.forecasts);
console.log("");
console.log("Reliability, raw frequency (m = 0), for contrast:");
reliabilityTable(raw.forecasts);
console.log("");
const personWeeks = PEOPLE * (WEEKS - 2);
console.log(`Time, estimate + select for ${personWeeks} person-weeks: all ${PREDICTION_TEMPLATES.length} templates ${tMain.toFixed(0)} ms (${(tMain / personWeeks).toFixed(3)} ms each);`);
console.log(`baseline, ${UNCONDITIONAL.length} base-rate templates only: ${tBaseline.toFixed(0)} ms (${(tBaseline / personWeeks).toFixed(3)} ms each); ratio ${(tMain / tBaseline).toFixed(2)}×.`);
