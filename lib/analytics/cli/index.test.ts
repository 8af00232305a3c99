import { afterEach, describe, expect, it, vi } from "vitest";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "./index";

const here = path.dirname(fileURLToPath(import.meta.url));
const IGLU = path.resolve(here, "../../../../shared/data/cgm/iglu-example-5-subject.csv");

describe("npm run analyze", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints iglu's figures for Subject 1 as JSON", async () => {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
    expect(await main(["glucose", IGLU])).toBe(0);
    const subject = JSON.parse(out).subjects.find((s: { id: string }) => s.id === "Subject 1").result;
    expect(subject.mean).toBeCloseTo(123.6655, 3);
    expect(subject.mage).toBeCloseTo(72.4243, 3);
    expect(subject.modd).toBeCloseTo(27.8087, 3);
  });

  it("explains unknown methods and missing files", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
    expect(await main(["nope"])).toBe(2);
    expect(errors[0]).toMatch(/Unknown method "nope"/);
    expect(await main(["glucose", "/nonexistent.csv"])).toBe(1);
    expect(errors[1]).toMatch(/nonexistent/);
  });
});
