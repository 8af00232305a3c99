import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { run } from "../cli/pcmci";
import { runPcmci } from "./pcmci";
import { simulateLinearProcess, TUTORIAL_PROCESS_LINKS } from "./var-process";

// Tests of lib/analytics/cli/pcmci.ts, kept here because the cli/ folder holds only the commands.
let dir: string;
const series = simulateLinearProcess({ variables: 4, links: TUTORIAL_PROCESS_LINKS, length: 400, seed: 4 });
const names = ["sleep", "steps", "carbs", "glucose"];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pcmci-cli-"));
  const lines = [names.join(",")];
  for (let t = 0; t < 400; t++) lines.push(series.map((s) => s[t].toPrecision(17)).join(","));
  await writeFile(path.join(dir, "process.csv"), lines.join("\n") + "\n");
  await writeFile(path.join(dir, "gap.csv"), "a,b\n1,2\n3,\n5,6\n");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("cli pcmci run()", () => {
  it("reads the CSV header as variable names and returns the same result as runPcmci", async () => {
    const result = await run([path.join(dir, "process.csv"), "--tau-max", "3", "--alpha=0.01"]);
    const direct = runPcmci({ names, series }, { tauMax: 3, alpha: 0.01 });
    expect(result.command).toBe("pcmci");
    expect(result.variables).toEqual(names);
    expect(result.tauMax).toBe(3);
    expect(result.links.map((l) => `${l.source}->${l.target}@${l.lag}`)).toEqual(
      direct.links.map((l) => `${l.source}->${l.target}@${l.lag}`),
    );
    expect(result.valueMatrix[1][0][1]).toBeCloseTo(direct.valueMatrix[1][0][1], 12);
    // steps(t−1) → sleep(t) is the −0.8 link of the process.
    expect(result.links.find((l) => l.source === "steps" && l.target === "sleep" && l.lag === 1)!.value).toBeLessThan(-0.5);
    const json = JSON.parse(JSON.stringify(result));
    expect(json.pValueMatrix).toEqual(result.pValueMatrix);
  });

  it("applies --pc-alpha and --fdr", async () => {
    const result = await run([path.join(dir, "process.csv"), "--tau-max", "2", "--alpha", "0.05", "--pc-alpha", "0.1", "--fdr", "fdr_bh"]);
    expect(result.pcAlpha).toBe(0.1);
    expect(result.fdrMethod).toBe("fdr_bh");
    expect(result.alpha).toBe(0.05);
  });

  it("explains bad input with an AppError", async () => {
    await expect(run([path.join(dir, "gap.csv"), "--tau-max", "1"])).rejects.toThrow(/Line 3, column "b" .* not a number/);
    await expect(run([path.join(dir, "missing.csv")])).rejects.toBeInstanceOf(AppError);
    await expect(run([path.join(dir, "process.csv"), "--tau", "3"])).rejects.toThrow(/Unknown option --tau/);
    await expect(run([path.join(dir, "process.csv"), "--tau-max", "three"])).rejects.toThrow(/must be a number/);
    await expect(run([])).rejects.toThrow(/exactly one CSV file/);
    await expect(run([path.join(dir, "process.csv"), "--fdr", "holm"])).rejects.toThrow(/none or fdr_bh/);
  });
});
