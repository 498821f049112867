/**
 * Seeded pseudo-random numbers: every random choice in clusterflow (permutation tests, Louvain, layouts,
 * generators) draws from one of these, and the seed is echoed in the output.
 *
 * mulberry32 — a 32-bit generator, fast and good enough for simulation; not for cryptography.
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded generator; the default seed of the project is 1. */
export function seededRng(seed = 1): Rng {
  return mulberry32(seed);
}

/** Fisher–Yates shuffle in place. */
export function shuffle<T>(array: T[], rng: Rng): T[] {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = array[i];
    array[i] = array[j];
    array[j] = t;
  }
  return array;
}

/** An integer in [0, n). */
export function randomInt(n: number, rng: Rng): number {
  return Math.floor(rng() * n);
}
