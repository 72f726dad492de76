import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../src/lib/bytes.ts';

describe('concatBytes', () => {
  it('joins parts end to end, in order, empty ones included', () => {
    const out = concatBytes([Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3), Uint8Array.of(4, 5, 6).subarray(1)]);
    expect([...out]).toEqual([1, 2, 3, 5, 6]);
  });

  it('gives a fresh array of its own (changing it leaves the parts alone)', () => {
    const part = Uint8Array.of(7, 8);
    const out = concatBytes([part]);
    out[0] = 0;
    expect([...part]).toEqual([7, 8]);
    expect(concatBytes([])).toHaveLength(0);
  });
});
