import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { cachedForPerson, invalidatePerson, MemoryCache, personTag } from "./cache";

const LIMITS = { maxEntries: 10, maxChars: 10_000 };

/** A computation that counts its runs, so a test can tell a hit from a miss. */
function counter<T>(value: (run: number) => T) {
  let runs = 0;
  const compute = async () => value(++runs);
  return { compute, runs: () => runs };
}

describe("MemoryCache", () => {
  it("computes once per key and serves the stored value after", async () => {
    const cache = new MemoryCache(LIMITS);
    const c = counter((run) => ({ run }));
    expect(await cache.getOrCompute(["a"], [], 60, c.compute)).toEqual({ run: 1 });
    expect(await cache.getOrCompute(["a"], [], 60, c.compute)).toEqual({ run: 1 });
    expect(c.runs()).toBe(1);
    expect(await cache.getOrCompute(["b"], [], 60, c.compute)).toEqual({ run: 2 });
  });

  it("keeps keys apart that a plain join would merge", async () => {
    const cache = new MemoryCache(LIMITS);
    await cache.getOrCompute(["a,b"], [], 60, async () => "joined");
    expect(await cache.getOrCompute(["a", "b"], [], 60, async () => "separate")).toBe("separate");
  });

  it("returns a fresh JSON copy on every hit, so a caller's mutation never reaches the next caller", async () => {
    const cache = new MemoryCache(LIMITS);
    const first = await cache.getOrCompute(["k"], [], 60, async () => ({ items: [1, 2] }));
    first.items.push(3);
    expect(await cache.getOrCompute(["k"], [], 60, async () => ({ items: [] as number[] }))).toEqual({ items: [1, 2] });
  });

  it("gives back values as JSON would, the same on the miss as on a hit (as Next's data cache does)", async () => {
    const cache = new MemoryCache(LIMITS);
    const when = new Date("2026-01-02T03:04:05.000Z");
    const miss = await cache.getOrCompute(["d"], [], 60, async () => ({ when }));
    const hit = await cache.getOrCompute(["d"], [], 60, async () => ({ when }));
    expect(miss).toEqual({ when: "2026-01-02T03:04:05.000Z" });
    expect(hit).toEqual(miss);
  });

  it("drops every entry with an invalidated tag and keeps the others", async () => {
    const cache = new MemoryCache(LIMITS);
    await cache.getOrCompute(["ada", "1"], ["person:ada"], 60, async () => "ada 1");
    await cache.getOrCompute(["ada", "2"], ["person:ada"], 60, async () => "ada 2");
    await cache.getOrCompute(["bob"], ["person:bob"], 60, async () => "bob");
    cache.invalidateTag("person:ada");
    expect(cache.size).toBe(1);
    expect(await cache.getOrCompute(["ada", "1"], ["person:ada"], 60, async () => "ada 1 again")).toBe("ada 1 again");
    expect(await cache.getOrCompute(["bob"], ["person:bob"], 60, async () => "recomputed")).toBe("bob");
  });

  it("does not store a result whose tag was invalidated while it was being computed", async () => {
    const cache = new MemoryCache(LIMITS);
    const stale = await cache.getOrCompute(["k"], ["person:ada"], 60, async () => {
      cache.invalidateTag("person:ada"); // new data arrived while the old data was being read
      return "read before the write";
    });
    expect(stale).toBe("read before the write");
    expect(await cache.getOrCompute(["k"], ["person:ada"], 60, async () => "fresh")).toBe("fresh");
  });

  it("expires an entry after its time to live", async () => {
    let now = 1_000_000;
    const cache = new MemoryCache(LIMITS, () => now);
    await cache.getOrCompute(["k"], [], 60, async () => "old");
    now += 59_999;
    expect(await cache.getOrCompute(["k"], [], 60, async () => "new")).toBe("old");
    now += 1;
    expect(await cache.getOrCompute(["k"], [], 60, async () => "new")).toBe("new");
  });

  it("evicts the least recently used entry beyond maxEntries", async () => {
    const cache = new MemoryCache({ maxEntries: 2, maxChars: 10_000 });
    await cache.getOrCompute(["a"], [], 60, async () => "a");
    await cache.getOrCompute(["b"], [], 60, async () => "b");
    await cache.getOrCompute(["a"], [], 60, async () => "a2"); // a is now the most recent
    await cache.getOrCompute(["c"], [], 60, async () => "c"); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.getOrCompute(["a"], [], 60, async () => "a3")).toBe("a");
    expect(await cache.getOrCompute(["b"], [], 60, async () => "b2")).toBe("b2");
  });

  it("evicts by size beyond maxChars and never stores a value larger than the whole budget", async () => {
    const cache = new MemoryCache({ maxEntries: 100, maxChars: 250 });
    await cache.getOrCompute(["a"], [], 60, async () => "x".repeat(100));
    await cache.getOrCompute(["b"], [], 60, async () => "y".repeat(100));
    await cache.getOrCompute(["c"], [], 60, async () => "z".repeat(100)); // 3 × 102 chars > 250: a goes
    expect(cache.size).toBe(2);
    expect(await cache.getOrCompute(["a"], [], 60, async () => "recomputed")).toBe("recomputed");
    await cache.getOrCompute(["huge"], [], 60, async () => "h".repeat(300));
    expect(await cache.getOrCompute(["huge"], [], 60, async () => "not kept")).toBe("not kept");
  });

  it("stores nothing when the computation fails", async () => {
    const cache = new MemoryCache(LIMITS);
    await expect(cache.getOrCompute(["k"], [], 60, async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(cache.size).toBe(0);
    expect(await cache.getOrCompute(["k"], [], 60, async () => "ok")).toBe("ok");
  });
});

describe("cachedForPerson outside a Next server", () => {
  // Random ids: the process-wide fallback cache outlives a single test.
  const person = () => crypto.randomUUID();

  it("falls back to the in-process cache instead of failing", async () => {
    const id = person();
    const c = counter((run) => ({ run }));
    expect(await cachedForPerson(id, ["page"], c.compute)).toEqual({ run: 1 });
    expect(await cachedForPerson(id, ["page"], c.compute)).toEqual({ run: 1 });
    expect(c.runs()).toBe(1);
  });

  it("never serves one person's entry to another under the same key", async () => {
    const ada = person();
    const bob = person();
    await cachedForPerson(ada, ["page"], async () => "ada's");
    expect(await cachedForPerson(bob, ["page"], async () => "bob's")).toBe("bob's");
  });

  it("invalidatePerson expires that person's entries and only theirs", async () => {
    const ada = person();
    const bob = person();
    await cachedForPerson(ada, ["page"], async () => "ada old");
    await cachedForPerson(bob, ["page"], async () => "bob old");
    invalidatePerson(ada);
    expect(await cachedForPerson(ada, ["page"], async () => "ada new")).toBe("ada new");
    expect(await cachedForPerson(bob, ["page"], async () => "bob new")).toBe("bob old");
  });

  it("passes a computation's own error through", async () => {
    await expect(cachedForPerson(person(), ["page"], async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });

  it("tags entries person:<id>", () => {
    expect(personTag("abc")).toBe("person:abc");
  });
});
