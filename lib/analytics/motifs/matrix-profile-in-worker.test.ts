import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { planDiagonalBands } from "./diagonal-kernel";
import { computeMatrixProfile } from "./matrix-profile";
import {
  closeMatrixProfileWorkers,
  computeMatrixProfileInWorker,
  MATRIX_PROFILE_WORKER_ENTRY,
  splitBandsByWork,
} from "./matrix-profile-in-worker";
import { countPooledWorkers } from "./worker-pool";
import { generateGlucoseLikeSeries } from "./synthetic-series";

describe("computeMatrixProfileInWorker", () => {
  afterAll(async () => {
    await closeMatrixProfileWorkers();
  });

  it("equals the single-thread result bit for bit (2 and 3 workers)", async () => {
    const values = generateGlucoseLikeSeries(3000, 101, 288);
    values.fill(NaN, 1000, 1010);
    values.fill(150, 2000, 2100); // a sensor stuck on one value
    const single = computeMatrixProfile(values, 72, { bandWidth: 32 });
    for (const workers of [2, 3]) {
      const parallel = await computeMatrixProfileInWorker(values, 72, { workers, bandWidth: 32 });
      expect(parallel.m).toBe(72);
      expect(parallel.exclusionZone).toBe(18);
      expect(Array.from(parallel.profile)).toEqual(Array.from(single.profile));
      expect(Array.from(parallel.index)).toEqual(Array.from(single.index));
    }
    expect(single.profile[1000]).toBe(Infinity);
    expect(single.profile[2000]).toBe(0);
    expect(single.index[2000]).toBe(2019); // the first constant window with |j − 2000| > 18
  });

  it("equals the single-thread result with default workers and band width", async () => {
    const values = generateGlucoseLikeSeries(2000, 102, 96);
    const single = computeMatrixProfile(values, 48);
    const parallel = await computeMatrixProfileInWorker(values, 48);
    expect(Array.from(parallel.profile)).toEqual(Array.from(single.profile));
    expect(Array.from(parallel.index)).toEqual(Array.from(single.index));
  });

  it("reports increasing progress that ends at 1", async () => {
    const seen: number[] = [];
    const values = generateGlucoseLikeSeries(1500, 103, 96);
    await computeMatrixProfileInWorker(values, 24, { workers: 2, bandWidth: 16, onProgress: (f) => seen.push(f) });
    // one report per band: diagonals 7 … 1476 in bands of 16
    expect(seen.length).toBe(Math.ceil((1477 - 7) / 16));
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    expect(seen[0]).toBeGreaterThan(0);
  });

  it("rejects with the abort reason when aborted mid-way, and stops reporting", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const values = generateGlucoseLikeSeries(6000, 104, 288);
    const run = computeMatrixProfileInWorker(values, 96, {
      workers: 2,
      bandWidth: 8,
      signal: controller.signal,
      onProgress: (f) => {
        seen.push(f);
        if (seen.length === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(seen.length).toBe(3);
    expect(seen[2]).toBeLessThan(1);
  });

  it("serves the next job with the same workers after an abort", async () => {
    const controller = new AbortController();
    const values = generateGlucoseLikeSeries(5000, 105, 288);
    const aborted = computeMatrixProfileInWorker(values, 96, {
      workers: 2,
      bandWidth: 8,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(aborted).rejects.toMatchObject({ name: "AbortError" });
    // Straight away, while the aborted job may still be winding down: the answer must not mix jobs.
    const small = generateGlucoseLikeSeries(1200, 106, 96);
    const parallel = await computeMatrixProfileInWorker(small, 30, { workers: 2, bandWidth: 16 });
    const single = computeMatrixProfile(small, 30, { bandWidth: 16 });
    expect(Array.from(parallel.profile)).toEqual(Array.from(single.profile));
    expect(Array.from(parallel.index)).toEqual(Array.from(single.index));
  });

  it("keeps workers in an idle pool between calls and closes them on request", async () => {
    // Its own pool (pools are keyed by entry), so workers still winding down from other tests don't count.
    const entry = `${MATRIX_PROFILE_WORKER_ENTRY.href}?pool-test`;
    const values = generateGlucoseLikeSeries(800, 107, 96);
    expect(countPooledWorkers(entry)).toEqual({ idle: 0, busy: 0 });
    await computeMatrixProfileInWorker(values, 20, { workers: 2, workerEntry: entry });
    expect(countPooledWorkers(entry)).toEqual({ idle: 2, busy: 0 });
    await computeMatrixProfileInWorker(values, 20, { workers: 2, workerEntry: entry });
    expect(countPooledWorkers(entry)).toEqual({ idle: 2, busy: 0 }); // reused, none started
    await computeMatrixProfileInWorker(values, 20, { workers: 1, workerEntry: entry });
    expect(countPooledWorkers(entry)).toEqual({ idle: 2, busy: 0 });
    await closeMatrixProfileWorkers();
    expect(countPooledWorkers(entry)).toEqual({ idle: 0, busy: 0 });
  });

  it("rejects with the error of a throwing progress callback", async () => {
    const run = computeMatrixProfileInWorker(generateGlucoseLikeSeries(1500, 108, 96), 24, {
      workers: 2,
      bandWidth: 16,
      onProgress: () => {
        throw new Error("progress sink closed");
      },
    });
    await expect(run).rejects.toThrow("progress sink closed");
  });

  it("rejects at once when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("user left the page"));
    await expect(
      computeMatrixProfileInWorker(new Float64Array(100), 10, { signal: controller.signal }),
    ).rejects.toThrow("user left the page");
  });

  it("rejects a bad window with a bad_request AppError", async () => {
    await expect(computeMatrixProfileInWorker(new Float64Array(10), 6)).rejects.toBeInstanceOf(AppError);
    await expect(computeMatrixProfileInWorker(new Float64Array(10), 2)).rejects.toMatchObject({ code: "bad_request:analytics" });
  });

  it("rejects with an internal AppError when the worker entry cannot load", async () => {
    const run = computeMatrixProfileInWorker(generateGlucoseLikeSeries(200, 1, 50), 10, {
      workers: 1,
      workerEntry: "/nonexistent/matrix-profile-worker.mjs",
    });
    await expect(run).rejects.toMatchObject({ code: "internal:analytics", status: 500 });
  });
});

describe("splitBandsByWork", () => {
  it("deals contiguous runs of bands with about equal work", () => {
    const bands = planDiagonalBands(25633, 72, 256);
    for (const parts of [1, 2, 3, 4, 7]) {
      const groups = splitBandsByWork(bands, parts);
      expect(groups.length).toBe(parts);
      expect(groups.flat()).toEqual(bands);
      const total = bands.reduce((s, b) => s + b.cells, 0);
      for (const group of groups) {
        const work = group.reduce((s, b) => s + b.cells, 0);
        // the first band is the largest: no run is off by more than one band from the fair share
        expect(Math.abs(work - total / parts)).toBeLessThanOrEqual(bands[0].cells);
      }
    }
  });

  it("gives each part at least one band when there are barely enough", () => {
    const bands = planDiagonalBands(40, 2, 16); // diagonals 3 … 39: 3 bands
    const groups = splitBandsByWork(bands, 3);
    expect(groups.map((g) => g.length)).toEqual([1, 1, 1]);
  });
});
