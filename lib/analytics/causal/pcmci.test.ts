import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { runPcmci, type PcmciLink, type PcmciResult } from "./pcmci";
import { simulateLinearProcess, TUTORIAL_PROCESS_LINKS } from "./var-process";

const NAMES = ["X0", "X1", "X2", "X3"];
const TRUE_LINKS = TUTORIAL_PROCESS_LINKS.map((l) => `X${l.source}->X${l.target}@${l.lag}`).sort();
const key = (link: Pick<PcmciLink, "source" | "target" | "lag">) => `${link.source}->${link.target}@${link.lag}`;

function tutorialData(seed: number, length = 1000) {
  return simulateLinearProcess({ variables: 4, links: TUTORIAL_PROCESS_LINKS, length, seed });
}

/** Runs both the per-link and the BH-corrected versions for seeds 1–10 once, for several tests. */
const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
const runs = SEEDS.map((seed) => {
  const series = tutorialData(seed);
  return {
    seed,
    plain: runPcmci({ names: NAMES, series }, { tauMax: 8, alpha: 0.01 }),
    bh: runPcmci({ names: NAMES, series }, { tauMax: 8, alpha: 0.01, fdrMethod: "fdr_bh" }),
  };
});

function nullPValues(result: PcmciResult): number[] {
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      for (let lag = 1; lag <= 8; lag++) {
        if (!TRUE_LINKS.includes(`X${i}->X${j}@${lag}`)) out.push(result.pValueMatrix[i][j][lag]);
      }
    }
  }
  return out;
}

describe("runPcmci on the tigramite tutorial process (T = 1000, tau_max = 8, alpha = 0.01)", () => {
  it("recovers exactly the 8 true links, and only them, on 9 of seeds 1–10 (BH-corrected at 0.01)", () => {
    const exact = runs.filter((r) => JSON.stringify(r.bh.links.map(key).sort()) === JSON.stringify(TRUE_LINKS));
    expect(exact.map((r) => r.seed)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Seed 2 keeps one extra link, X3 → X3 at lag 7 (q = 0.0016): the ~8 % per-run chance of a false
    // discovery that BH at q = 0.01 allows with 120 null links and 8 true ones.
    const seed2 = runs[1].bh.links.map(key).filter((k) => !TRUE_LINKS.includes(k));
    expect(seed2).toEqual(["X3->X3@7"]);
  });

  it("finds every true link with the right sign on every seed, with p-values below 1e-20", () => {
    for (const { plain } of runs) {
      const found = new Map(plain.links.map((l) => [key(l), l]));
      for (const link of TUTORIAL_PROCESS_LINKS) {
        const hit = found.get(`X${link.source}->X${link.target}@${link.lag}`);
        expect(hit).toBeDefined();
        expect(Math.sign(hit!.value)).toBe(Math.sign(link.coefficient));
        expect(hit!.pValue).toBeLessThan(1e-20);
      }
    }
  });

  it("keeps false positives at the nominal rate without FDR: MCI p-values of null links are uniform", () => {
    // 10 seeds × 120 null links = 1,200 tests. At a per-link alpha of 0.01, 12 spurious links are
    // expected (the brief's "only the true links" cannot hold on every seed without a correction).
    const spurious = runs.reduce((sum, r) => sum + r.plain.links.filter((l) => !TRUE_LINKS.includes(key(l))).length, 0);
    expect(spurious).toBe(11);
    const nulls = runs.flatMap((r) => nullPValues(r.plain));
    expect(nulls).toHaveLength(1200);
    // Binomial standard errors over 1,200 tests: 0.006 at 5 %, 0.014 at 50 %.
    const share = (threshold: number) => nulls.filter((p) => p <= threshold).length / nulls.length;
    expect(share(0.05)).toBeGreaterThan(0.03);
    expect(share(0.05)).toBeLessThan(0.07);
    expect(share(0.5)).toBeGreaterThan(0.45);
    expect(share(0.5)).toBeLessThan(0.55);
  });

  it("reports the documented shape: matrices N×N×(tau_max+1) with untested lag 0, parents, sample size", () => {
    const result = runs[0].plain;
    expect(result.sampleSize).toBe(1000 - 2 * 8);
    expect(result.tauMin).toBe(1);
    expect(result.pcAlpha).toBe(0.2);
    expect(result.valueMatrix).toHaveLength(4);
    expect(result.valueMatrix[0]).toHaveLength(4);
    expect(result.valueMatrix[0][0]).toHaveLength(9);
    expect(result.valueMatrix.flat().map((lags) => lags[0])).toEqual(new Array(16).fill(0));
    expect(result.pValueMatrix.flat().map((lags) => lags[0])).toEqual(new Array(16).fill(1));
    expect(result.testsRun.mci).toBe(4 * 4 * 8);
    expect(result.constantVariables).toEqual([]);
    // Links grouped by target, strongest first within a target.
    const targets = result.links.map((l) => l.target);
    expect([...targets].sort()).toEqual(targets);
  });
});

describe("runPcmci against a numpy port of tigramite's run_pc_stable + run_mci (ParCorr)", () => {
  // Reference: tigramite's PC1/MCI code transcribed to numpy (standardize, lstsq residuals,
  // scipy pearsonr, 2·t.sf) and run on the same data: seed 7, T = 1000, tau_max = 8, pc_alpha = 0.2.
  const result = runPcmci({ names: NAMES, series: tutorialData(7) }, { tauMax: 8, alpha: 0.01 });

  it("selects the same PC1 parents in the same order, with the same min |value| and max p", () => {
    const parents = Object.fromEntries(
      Object.entries(result.parents).map(([target, list]) => [target, list.map((p) => `${p.source}@${p.lag}`)]),
    );
    expect(parents).toEqual({
      X0: ["X0@1", "X1@1", "X3@8"],
      X1: ["X1@1", "X3@1", "X3@4"],
      X2: ["X2@1", "X1@2", "X3@3", "X2@2", "X3@4", "X3@2"],
      X3: ["X3@1"],
    });
    const x2 = result.parents.X2;
    expect(x2[0].minAbsValue).toBeCloseTo(0.45878107779021077, 12);
    expect(x2[0].maxPValue / 4.0317992268512966e-52).toBeCloseTo(1, 9);
    expect(x2[5].minAbsValue).toBeCloseTo(0.042497223883736446, 12);
    expect(x2[5].maxPValue).toBeCloseTo(0.18398126972985077, 11);
  });

  it("gives the same MCI values and p-values", () => {
    const reference: [number, number, number, number, number][] = [
      [0, 0, 1, 0.5766756217656818, 7.449041571072117e-88],
      [1, 0, 1, -0.6601296913891003, 1.4878735435848917e-123],
      [1, 1, 1, 0.6062880889563306, 2.5877134070517753e-99],
      [3, 1, 1, 0.6145711914686236, 6.036853814882646e-103],
      [2, 2, 1, 0.4261980702422379, 2.3913102919241127e-44],
      [1, 2, 2, 0.4290124410327071, 5.110368309745566e-45],
      [3, 2, 3, 0.45623090895709256, 1.713925347131213e-51],
      [3, 3, 1, 0.41153536303685867, 1.824308181789684e-41],
      [2, 0, 1, 0.03169499655954463, 0.3228320773728411],
      [0, 3, 5, -0.02242303698852511, 0.4832129229480262],
      [3, 3, 7, -0.030387732138993304, 0.34147061916808186],
      [3, 1, 4, 0.09153392558174339, 0.004113855108812475],
    ];
    for (const [i, j, lag, value, pValue] of reference) {
      expect(result.valueMatrix[i][j][lag]).toBeCloseTo(value, 12);
      expect(result.pValueMatrix[i][j][lag] / pValue).toBeCloseTo(1, 8);
    }
    // At a per-link alpha of 0.01 this seed also keeps X3 → X1 at lag 4 (p = 0.0041), in both.
    expect(result.links.map(key).sort()).toEqual([...TRUE_LINKS, "X3->X1@4"].sort());
  });
});

describe("runPcmci engines", () => {
  it("gives the same parents, values and p-values with cached covariances and fresh residuals", () => {
    const series = tutorialData(12, 500);
    const cached = runPcmci({ names: NAMES, series }, { tauMax: 4, alpha: 0.01 });
    const fresh = runPcmci({ names: NAMES, series }, { tauMax: 4, alpha: 0.01, engine: "residuals" });
    expect(fresh.parents).toEqual(
      Object.fromEntries(
        Object.entries(cached.parents).map(([k, list]) => [
          k,
          list.map((p) => ({ ...p, minAbsValue: expect.closeTo(p.minAbsValue, 12), maxPValue: expect.any(Number) })),
        ]),
      ),
    );
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        for (let lag = 1; lag <= 4; lag++) {
          expect(fresh.valueMatrix[i][j][lag]).toBeCloseTo(cached.valueMatrix[i][j][lag], 12);
          const ratio = fresh.pValueMatrix[i][j][lag] / cached.pValueMatrix[i][j][lag];
          expect(ratio).toBeCloseTo(1, 8);
        }
      }
    }
    expect(fresh.testsRun).toEqual(cached.testsRun);
  });
});

describe("runPcmci on degenerate input", () => {
  const series = tutorialData(5, 300);

  it("keeps a constant variable out of every link and names it", () => {
    const withConstant = [...series, new Float64Array(300).fill(7.5)];
    const result = runPcmci({ names: [...NAMES, "flat"], series: withConstant }, { tauMax: 3, alpha: 0.01 });
    expect(result.constantVariables).toEqual(["flat"]);
    expect(result.parents.flat).toEqual([]);
    expect(result.links.some((l) => l.source === "flat" || l.target === "flat")).toBe(false);
    expect(result.valueMatrix[4].flat().every((v) => v === 0)).toBe(true);
    expect(result.pValueMatrix[4][0][1]).toBe(1);
    expect(JSON.stringify(result)).not.toMatch(/NaN|null/);
  });

  it("refuses series too short for tau_max with a clear AppError", () => {
    const short = series.map((s) => s.slice(0, 8));
    expect(() => runPcmci({ names: NAMES, series: short }, { tauMax: 8 })).toThrow(AppError);
    expect(() => runPcmci({ names: NAMES, series: short }, { tauMax: 8 })).toThrow(/at least 19 time points; got 8/);
  });

  it("refuses NaN with the variable and position", () => {
    const withGap = series.map((s) => Float64Array.from(s));
    withGap[2][41] = Number.NaN;
    expect(() => runPcmci({ names: NAMES, series: withGap }, { tauMax: 2 })).toThrow(/"X2" has a missing .* position 42/);
  });

  it("refuses mismatched names, lengths and options", () => {
    expect(() => runPcmci({ names: ["a"], series })).toThrow(/one name per series/);
    expect(() => runPcmci({ names: ["a", "a", "b", "c"], series })).toThrow(/distinct/);
    expect(() => runPcmci({ names: NAMES, series: [series[0], series[1].slice(1), series[2], series[3]] })).toThrow(
      /same length/,
    );
    expect(() => runPcmci({ names: NAMES, series }, { tauMax: 0 })).toThrow(/at least 1/);
    expect(() => runPcmci({ names: NAMES, series }, { alpha: 0 })).toThrow(/\(0, 1\]/);
  });

  it("throws an unprocessable AppError when a test has no degree of freedom left", () => {
    // 12 points, tau_max 3: n = 6 samples, but PC1 would condition on up to 11 others.
    const tiny = series.map((s) => s.slice(0, 12));
    try {
      runPcmci({ names: NAMES, series: tiny }, { tauMax: 3, pcAlpha: 1 });
      expect.unreachable("runPcmci should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("unprocessable:analytics");
    }
  });
});

describe("pc_alpha chosen by the Akaike criterion (tigramite pc_alpha=None)", () => {
  it("picks a pc_alpha per variable from the default list and still finds every true link", () => {
    const result = runPcmci({ names: NAMES, series: tutorialData(3) }, { tauMax: 8, alpha: 0.01, pcAlpha: null, fdrMethod: "fdr_bh" });
    expect(result.pcAlpha).toEqual([0.05, 0.1, 0.2, 0.3, 0.4, 0.5]);
    for (const name of NAMES) expect([0.05, 0.1, 0.2, 0.3, 0.4, 0.5]).toContain(result.selectedPcAlpha[name]);
    const found = result.links.map(key);
    for (const link of TRUE_LINKS) expect(found).toContain(link);
  });

  it("a single pc_alpha in a list behaves like the number", () => {
    const series = tutorialData(4, 400);
    const asNumber = runPcmci({ names: NAMES, series }, { tauMax: 3, pcAlpha: 0.2 });
    const asList = runPcmci({ names: NAMES, series }, { tauMax: 3, pcAlpha: [0.2] });
    expect(asList.links).toEqual(asNumber.links);
    expect(asList.selectedPcAlpha).toEqual({ X0: 0.2, X1: 0.2, X2: 0.2, X3: 0.2 });
  });

  it("refuses an empty list or a level outside (0, 1]", () => {
    const series = tutorialData(5, 200);
    expect(() => runPcmci({ names: NAMES, series }, { pcAlpha: [] })).toThrow(AppError);
    expect(() => runPcmci({ names: NAMES, series }, { pcAlpha: [0.1, 1.5] })).toThrow(/Significance levels/);
  });
});
