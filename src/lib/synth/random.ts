/**
 * A small seeded random source (mulberry32): the same seed gives the same archive on every
 * machine, so benchmark runs compare like with like.
 */

/** Draws from one seeded stream. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** One element, uniformly. */
  pick<T>(xs: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** An index in [0, n) favouring small ones (Zipf-like, exponent about 1), as words in prose are. */
  zipf(n: number): number;
}

/** A seeded stream; any 32-bit integer seed. */
export function random(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p) => next() < p,
    // Inverse of the continuous 1/x density on [1, n + 1): log-uniform.
    zipf: (n) => Math.min(n - 1, Math.floor(Math.exp(next() * Math.log(n + 1)) - 1)),
  };
}
