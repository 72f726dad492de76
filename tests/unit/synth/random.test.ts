import { describe, expect, it } from 'vitest';
import { random } from '../../../src/lib/synth/random.ts';

describe('seeded random stream', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = random(7);
    const b = random(7);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(random(8).next()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws Zipf-like indexes in range, small ones most often, in the proportions of a 1/x density', () => {
    const r = random(1);
    const draws = Array.from({ length: 20_000 }, () => r.zipf(100));
    // Whole numbers in [0, 100), every one of them drawn, the last included.
    expect(draws.filter((i) => !Number.isInteger(i) || i < 0 || i >= 100)).toEqual([]);
    expect(new Set(draws).size).toBe(100);
    // Log-uniform on [1, 101): index k comes up with probability ln((k + 2) / (k + 1)) / ln 101,
    // so these buckets hold 15.0 %, 8.8 %, 28.1 % and 48.0 % of the draws (within 5 % of that).
    const share = (from: number, to: number): number => Math.log((to + 2) / (from + 1)) / Math.log(101);
    for (const [from, to] of [
      [0, 0],
      [1, 1],
      [2, 9],
      [10, 99],
    ] as const) {
      const n = draws.filter((i) => i >= from && i <= to).length;
      expect(n / (20_000 * share(from, to)), `indexes ${from}–${to}`).toBeGreaterThan(0.95);
      expect(n / (20_000 * share(from, to)), `indexes ${from}–${to}`).toBeLessThan(1.05);
    }
  });
});
