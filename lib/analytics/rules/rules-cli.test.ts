import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/rules";
import { MLXTEND_TABLE } from "./mlxtend-example.fixture";

// Tests of lib/analytics/cli/rules.ts, kept here because the cli/ folder holds only the commands.
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rules-cli-"));
  const header = MLXTEND_TABLE.columns.join(",");
  const asBits = MLXTEND_TABLE.rows.map((row) => row.map((cell) => (cell ? "1" : "0")).join(","));
  const asWords = MLXTEND_TABLE.rows.map((row) => row.map((cell) => (cell ? "TRUE" : "false")).join(","));
  await writeFile(path.join(dir, "baskets.csv"), [header, ...asBits].join("\n") + "\n");
  await writeFile(path.join(dir, "baskets-words.csv"), [header, ...asWords].join("\r\n"));
  await writeFile(path.join(dir, "bad.csv"), "a,b\n1,0\n1,yes\n");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("cli rules run()", () => {
  it("mines mlxtend's example: 11 itemsets and 9 rules at confidence ≥ 0.8, conviction as \"inf\"", async () => {
    const result = await run([path.join(dir, "baskets.csv"), "--min-support", "0.6"]);
    expect(result.transactions).toBe(5);
    expect(result.itemsets).toHaveLength(11);
    expect(result.metric).toBe("confidence");
    expect(result.minThreshold).toBe(0.8);
    expect(result.rules).toHaveLength(9);
    const kbToEggs = result.rules.find((r) => r.antecedents.join() === "Kidney Beans" && r.consequents.join() === "Eggs")!;
    expect(kbToEggs.conviction).toBeCloseTo(1, 12);
    const onionToEggs = result.rules.find((r) => r.antecedents.join() === "Onion" && r.consequents.join() === "Eggs")!;
    expect(onionToEggs.conviction).toBe("inf");
    expect(JSON.parse(JSON.stringify(result)).rules[0].conviction).not.toBeNull();
  });

  it("takes --min-confidence, --metric/--min-threshold and true/false cells", async () => {
    // At confidence ≥ 0.5 every split of the 6 frequent pairs and the triple qualifies: 10 + 6 rules.
    const loose = await run([path.join(dir, "baskets-words.csv"), "--min-support", "0.6", "--min-confidence", "0.5"]);
    expect(loose.rules).toHaveLength(16);
    const lift = await run([path.join(dir, "baskets.csv"), "--min-support=0.6", "--metric", "lift", "--min-threshold", "1.1"]);
    expect(lift.rules).toHaveLength(6);
    expect(lift.rules.every((r) => r.lift >= 1.1)).toBe(true);
    const pairsOnly = await run([path.join(dir, "baskets.csv"), "--min-support", "0.6", "--max-len", "2"]);
    expect(pairsOnly.itemsets.every((s) => s.items.length <= 2)).toBe(true);
  });

  it("explains bad input", async () => {
    await expect(run([path.join(dir, "bad.csv"), "--min-support", "0.5"])).rejects.toThrow(
      /Line 3, column "b" .* 0\/1 or true\/false/,
    );
    await expect(run([path.join(dir, "baskets.csv")])).rejects.toThrow(/--min-support is required/);
    await expect(run([path.join(dir, "baskets.csv"), "--min-support", "0.6", "--metric", "score"])).rejects.toThrow(
      /--metric must be one of/,
    );
    await expect(
      run([path.join(dir, "baskets.csv"), "--min-support", "0.6", "--min-confidence", "0.5", "--metric", "lift"]),
    ).rejects.toThrow(/either --min-confidence/);
  });
});
