import { describe, expect, it } from "vitest";
import { createImportCollector, MAX_REJECTED_KEPT } from "./import-collector";

describe("createImportCollector", () => {
  it("keeps at most MAX_REJECTED_KEPT rejections but counts them all", () => {
    const c = createImportCollector("nightscout", { now: new Date("2026-01-01T00:00:00Z") });
    for (let i = 0; i < MAX_REJECTED_KEPT + 5; i++) c.reject({ index: i }, "bad");
    const r = c.finish();
    expect(r.rejected).toHaveLength(MAX_REJECTED_KEPT);
    expect(r.stats.rejectedCount).toBe(MAX_REJECTED_KEPT + 5);
    expect(r.stats.firstTime).toBeNull();
    expect(r.stats.lastTime).toBeNull();
  });

  it("applies the shared checks: 5-minute future tolerance and the 20–600 mg/dL range (edges included)", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const c = createImportCollector("nightscout", { now });
    const g = (mgdl: number, offsetMs = -60_000) => ({ time: new Date(now.getTime() + offsetMs), mgdl, source: "nightscout" as const, device: null, kind: "cgm" as const, flag: null });
    c.addGlucose(g(20), { index: 0 });
    c.addGlucose(g(600), { index: 1 });
    c.addGlucose(g(19.9), { index: 2 });
    c.addGlucose(g(600.1), { index: 3 });
    c.addGlucose(g(100, 5 * 60_000), { index: 4 });
    c.addGlucose(g(100, 5 * 60_000 + 1), { index: 5 });
    c.addGlucose({ ...g(100), time: new Date(Number.NaN) }, { index: 6 });
    const r = c.finish();
    expect(r.glucose.map((x) => x.mgdl)).toEqual([20, 600, 100]);
    expect(r.rejected.map((x) => x.index)).toEqual([2, 3, 5, 6]);
    expect(r.rejected[0].reason).toBe("Glucose 19.9 mg/dL is outside the 20–600 mg/dL range a sensor or meter can report.");
    expect(r.rejected[3].reason).toBe("The time could not be read.");
  });
});
