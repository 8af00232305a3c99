import { describe, expect, it } from "vitest";
import { hashPassword, passwordWeakness, verifyPassword } from "./password";

describe("password hashing", () => {
  it("never stores the password and verifies only the right one", async () => {
    const hash = await hashPassword("correct horse 42");
    expect(hash).not.toContain("correct horse");
    expect(hash.startsWith("scrypt$32768$8$1$")).toBe(true);
    expect(await verifyPassword("correct horse 42", hash)).toBe(true);
    expect(await verifyPassword("correct horse 43", hash)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword("same password 1")).not.toBe(await hashPassword("same password 1"));
  });

  it("explains weak passwords", () => {
    expect(passwordWeakness("short1")).toMatch(/at least 10/);
    expect(passwordWeakness("password123")).toMatch(/too common/);
    expect(passwordWeakness("aaaaaaaaaaaa")).toMatch(/repeated/);
    expect(passwordWeakness("alexrivera99", "alexrivera@x.com")).toMatch(/email/);
    expect(passwordWeakness("onlyletters")).toMatch(/Mix letters/);
    expect(passwordWeakness("a long passphrase here")).toBeNull();
    expect(passwordWeakness("demo-password-1")).toBeNull();
  });
});
