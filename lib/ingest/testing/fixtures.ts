import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The real device exports the importers are tested on (see /work/shared/data/README.md).
 * One place to change if the fixtures move into the repository. Tests fail loudly when a file
 * is missing: an importer test that silently skips proves nothing.
 */
// shared/ sits beside the repository (/work/shared in development, ../shared beside a CI clone).
const here = path.dirname(fileURLToPath(import.meta.url));
export const FORMATS_DIR = path.resolve(here, "../../../../shared/data/formats");

export function fixturePath(relative: string): string {
  return path.join(FORMATS_DIR, relative);
}

export function readFixture(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}

/** Counts by a key, for asserting exact distributions. */
export function countBy<T>(items: readonly T[], key: (item: T) => string | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = String(key(item));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}
