/**
 * A small seeded random source for reproducible simulations (tests, benchmarks, synthetic demos):
 * mulberry32 (Tommy Ettinger's 32-bit generator, period 2^32, passes gjrand/PractRand at this size)
 * for uniforms, and the Box–Muller transform for standard normal draws. Not for cryptography.
 */
export interface SeededRandom {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  gaussian(): number;
}

/** mulberry32 uniforms on [0, 1): the one seeded generator of simulations, benches and test fixtures. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createSeededRandom(seed: number): SeededRandom {
  const uniform = mulberry32(seed);
  // Box–Muller yields two independent normals per pair of uniforms; keep the second for next call.
  let spare: number | null = null;
  const gaussian = () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u1 = 1 - uniform(); // (0, 1]: log(0) is impossible
    const u2 = uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
  return { uniform, gaussian };
}
