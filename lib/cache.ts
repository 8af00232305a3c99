import { revalidateTag, unstable_cache } from "next/cache";

/**
 * Next's data cache, per person: what a page computes from someone's data is cached under a key
 * that starts with their id (never shared between people) and tagged `person:<id>`, and every write
 * of their data (API batch, import, analysis, brief) expires the tag. Results must be plain JSON.
 *
 * Outside a Next server (benchmarks, vitest, CLI jobs) and in Next contexts without a data cache,
 * unstable_cache throws "incrementalCache missing": there the same key and tag go to a small bounded
 * in-process LRU, so those callers get the cached path production gets instead of an error.
 */
export function personTag(userId: string): string {
  return `person:${userId}`;
}

export function cachedForPerson<T>(userId: string, key: string[], compute: () => Promise<T>, revalidateSeconds = 900): Promise<T> {
  const fullKey = ["person", userId, ...key];
  const tags = [personTag(userId)];
  return unstable_cache(compute, fullKey, { tags, revalidate: revalidateSeconds })().catch((e: unknown) => {
    if (!isMissingNextCache(e)) throw e;
    return processCache().getOrCompute(fullKey, tags, revalidateSeconds, compute);
  });
}

/** Expires everything cached for a person now, in Next's data cache and in the in-process fallback. */
export function invalidatePerson(userId: string): void {
  processCache().invalidateTag(personTag(userId));
  try {
    revalidateTag(personTag(userId), { expire: 0 });
  } catch {
    /* not running inside Next: the in-process cache above was the only one */
  }
}

function isMissingNextCache(e: unknown): boolean {
  return e instanceof Error && e.message.includes("incrementalCache missing");
}

export type MemoryCacheLimits = { maxEntries: number; maxChars: number };

type Entry = { json: string; tags: readonly string[]; expiresAt: number };

/**
 * A bounded LRU of JSON results with tag invalidation and an expiry per entry. Values are stored as
 * JSON text and parsed on every hit, as Next's data cache does: a caller that mutates its result
 * cannot change what the next caller gets, and a value that is not plain JSON (a Date, a typed array)
 * comes back the same changed way in tests as in production.
 */
export class MemoryCache {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;
  /** Bumped by invalidateTag: a computation that started before an invalidation is not stored. */
  private readonly tagGenerations = new Map<string, number>();

  constructor(
    private readonly limits: MemoryCacheLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async getOrCompute<T>(keyParts: readonly string[], tags: readonly string[], ttlSeconds: number, compute: () => Promise<T>): Promise<T> {
    // JSON of the array, not a join: ["a,b"] and ["a", "b"] must be different keys.
    const key = JSON.stringify(keyParts);
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) {
      // Map order is recency order: move the entry to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return JSON.parse(hit.json) as T;
    }
    if (hit) this.remove(key, hit);

    const generations = tags.map((t) => this.generation(t));
    const value = await compute();
    const json = JSON.stringify(value);
    const invalidatedMeanwhile = tags.some((t, i) => this.generation(t) !== generations[i]);
    if (json !== undefined && !invalidatedMeanwhile && json.length <= this.limits.maxChars) {
      this.store(key, { json, tags, expiresAt: this.now() + ttlSeconds * 1000 });
    }
    // The caller gets the same JSON round trip a later hit would give.
    return json === undefined ? value : (JSON.parse(json) as T);
  }

  invalidateTag(tag: string): void {
    this.tagGenerations.set(tag, this.generation(tag) + 1);
    for (const [key, entry] of this.entries) {
      if (entry.tags.includes(tag)) this.remove(key, entry);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private generation(tag: string): number {
    return this.tagGenerations.get(tag) ?? 0;
  }

  private store(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, entry);
    this.chars += entry.json.length;
    // Evict least recently used first (the start of the Map) until both limits hold.
    for (const [oldestKey, oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.chars <= this.limits.maxChars) break;
      this.remove(oldestKey, oldest);
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.chars -= entry.json.length;
  }
}

/** A report or dashboard is 50–300 KB of JSON: these limits keep the fallback under ~64 MB. */
const PROCESS_CACHE_LIMITS: MemoryCacheLimits = { maxEntries: 500, maxChars: 32_000_000 };
const PROCESS_CACHE_KEY = Symbol.for("proxima.cache.in-process");

/**
 * One fallback cache per process, kept on globalThis: Next may bundle this module more than once
 * (instrumentation, routes), and an invalidation from a background job must reach the copy a route
 * reads.
 */
function processCache(): MemoryCache {
  const g = globalThis as { [PROCESS_CACHE_KEY]?: MemoryCache };
  return (g[PROCESS_CACHE_KEY] ??= new MemoryCache(PROCESS_CACHE_LIMITS));
}
