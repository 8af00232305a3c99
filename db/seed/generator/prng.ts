/**
 * Seeded pseudo-random numbers for the demo generator, so the same seed always gives the same demo.
 *
 * - `cyrb128` is bryc's 128-bit string hash (github.com/bryc/code, jshash/experimental/cyrb53.js and
 *   PRNGs.md): it spreads any seed text over the 128-bit state, so "demo" and "demo2" start far apart.
 * - `sfc32` is Chris Doty-Humphrey's Small Fast Counter from PractRand (passes PractRand and
 *   TestU01 BigCrush), in the 32-bit JavaScript form of bryc's PRNGs.md: `tmp = a + b + counter++;
 *   a = b ^ (b >> 9); b = c + (c << 3); c = rotl(c, 21) + tmp`.
 * - Normal deviates use the Box–Muller transform (Box & Muller 1958), keeping the second value.
 *
 * Math.random is never used: it is unseeded, and the demo must be byte-identical for a seed.
 */

/** bryc's cyrb128: four unsigned 32-bit words from a string. */
export function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** PractRand's sfc32: returns the next unsigned 32-bit output on each call. */
export function createSfc32(a: number, b: number, c: number, d: number): () => number {
  let sa = a | 0;
  let sb = b | 0;
  let sc = c | 0;
  let counter = d | 0;
  return () => {
    const t = (((sa + sb) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    sa = sb ^ (sb >>> 9);
    sb = (sc + (sc << 3)) | 0;
    sc = (sc << 21) | (sc >>> 11);
    sc = (sc + t) | 0;
    return t >>> 0;
  };
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Normal deviate (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates), the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** k distinct items in random order (k is clamped to the number of items). */
  sample<T>(items: readonly T[], k: number): T[];
}

export function createRng(seed: string | number): Rng {
  const [a, b, c, d] = hashSeed(String(seed));
  const nextWord = createSfc32(a, b, c, d);
  let spareNormal: number | null = null;

  const next = () => nextWord() / 4294967296;

  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal(mean = 0, sd = 1) {
      if (spareNormal !== null) {
        const z = spareNormal;
        spareNormal = null;
        return mean + sd * z;
      }
      // 1 - next() lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = radius * Math.sin(angle);
      return mean + sd * radius * Math.cos(angle);
    },
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    sample: (items, k) => rng.shuffle(items).slice(0, Math.max(0, Math.min(k, items.length))),
  };
  return rng;
}

/**
 * An independent stream per concern (meals, sleep, noise…): adding a draw to one part of the
 * generator then never shifts the numbers of another, so the planted effects stay put.
 */
export function deriveRng(seed: string | number, stream: string): Rng {
  return createRng(`${seed}/${stream}`);
}
