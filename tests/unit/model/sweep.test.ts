import { describe, expect, it } from 'vitest';
import { evaluate, paramFor, sweep, type NumberKey, type NumberParam } from '../../../src/lib/model/index.ts';

const num = (key: string): NumberParam => paramFor(key) as NumberParam;

describe('sweep: the x values', () => {
  it('spaces a log-scale key evenly in its logarithm, from min to max', () => {
    const p = num('rxCopyMBps');
    expect(p.scale).toBe('log');
    const { x } = sweep({}, 'rxCopyMBps', 5);
    expect(x[0]).toBe(p.min);
    expect(x[4]).toBe(p.max);
    const ratios = x.slice(1).map((v, i) => v / (x[i] ?? 1));
    for (const r of ratios) expect(r).toBeCloseTo((p.max / p.min) ** (1 / 4), 6);
  });

  it('spaces a linear key evenly', () => {
    const p = num('busEff');
    expect(p.scale).not.toBe('log');
    const { x } = sweep({}, 'busEff', 5);
    const gaps = x.slice(1).map((v, i) => v - (x[i] ?? 0));
    for (const g of gaps) expect(g).toBeCloseTo((p.max - p.min) / 4, 9);
  });

  it('rounds a whole-number key and holds the rest of the state', () => {
    const { x, results } = sweep({ rxMode: 'direct' }, 'mss', 7);
    for (const v of x) expect(Number.isInteger(v)).toBe(true);
    expect(results[3]).toEqual(evaluate({ rxMode: 'direct', mss: x[3] }));
  });

  it('takes at least two points, and refuses a key that is not in the table', () => {
    expect(sweep({}, 'mss', 1).x).toEqual([num('mss').min, num('mss').max]);
    expect(() => sweep({}, 'noSuchKey' as NumberKey)).toThrow(/noSuchKey/);
  });
});
