import { describe, expect, it } from "vitest";
import { detachString } from "./detach-string";

describe("detachString", () => {
  it("returns an equal string, short or long, including non-ASCII and lone surrogates", () => {
    const parent = "x".repeat(100_000) + "Chicken curry with rice" + "y".repeat(100_000);
    const slice = parent.slice(100_000, 100_023);
    expect(detachString(slice)).toBe("Chicken curry with rice");
    expect(detachString("Apple Watch")).toBe("Apple Watch");
    expect(detachString("Café crème brûlée 🍮")).toBe("Café crème brûlée 🍮");
    expect(detachString("odd \ud800 surrogate text")).toBe("odd \ud800 surrogate text");
    expect(detachString("")).toBe("");
  });
});
