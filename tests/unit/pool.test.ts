import { describe, expect, it } from 'vitest';
import { pool } from '../../src/lib/pool.ts';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('pool', () => {
  it('does every item with at most `limit` in flight, reading a generator only as fast as it works', async () => {
    let inFlight = 0;
    let most = 0;
    let taken = 0;
    const done: number[] = [];
    function* items() {
      for (let i = 0; i < 20; i += 1) {
        taken += 1;
        yield i;
      }
    }
    const run = pool(items(), 3, async (i) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      expect(taken - done.length).toBeLessThanOrEqual(3);
      await tick();
      done.push(i);
      inFlight -= 1;
    });
    await run;
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
  });

  it('rejects with the work’s error', async () => {
    await expect(
      pool([1, 2, 3], 2, async (i) => {
        if (i === 2) throw new Error('no 2');
      }),
    ).rejects.toThrow('no 2');
  });
});
