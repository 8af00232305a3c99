import { revalidateTag, unstable_cache } from "next/cache";

/**
 * Next's data cache, per person: what a page computes from someone's data is cached under a key
 * that starts with their id (never shared between people) and tagged `person:<id>`, and every write
 * of their data (API batch, import, analysis, brief) expires the tag. Results must be plain JSON.
 */
export function personTag(userId: string): string {
  return `person:${userId}`;
}

export function cachedForPerson<T>(userId: string, key: string[], compute: () => Promise<T>, revalidateSeconds = 900): Promise<T> {
  return unstable_cache(compute, ["person", userId, ...key], { tags: [personTag(userId)], revalidate: revalidateSeconds })();
}

/** Expires everything cached for a person now. Outside a Next server (CLI, tests) there is no cache to expire. */
export function invalidatePerson(userId: string): void {
  try {
    revalidateTag(personTag(userId), { expire: 0 });
  } catch {
    /* not running inside Next: nothing was cached */
  }
}
