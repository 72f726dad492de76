/**
 * How clamp reads a number written as text (a URL or a host message gives strings): spaces
 * around it, a leading decimal point, exponents and infinities. Found by mutation testing
 * (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { clamp } from '../../../src/lib/model/clamp.ts';

/** What clamp makes of one `mss` value (range 256–65536). */
const mss = (given: string) => {
  const r = clamp({ mss: given });
  return { value: r.values.mss, reasons: r.changes.map((c) => c.reason) };
};

describe('clamp reading numbers from text', () => {
  it('ignores spaces around a number', () => {
    expect(mss(' 1500 ')).toEqual({ value: 1500, reasons: [] });
  });

  it('reads a leading decimal point with several digits, and an exponent', () => {
    expect(mss('.15e4')).toEqual({ value: 1500, reasons: [] });
  });

  it('reads Infinity with or without a sign, and clamps it to the range', () => {
    expect(mss('Infinity')).toEqual({ value: 65536, reasons: ['above maximum'] });
    expect(mss('+Infinity')).toEqual({ value: 65536, reasons: ['above maximum'] });
    expect(mss('-Infinity')).toEqual({ value: 256, reasons: ['below minimum'] });
  });

  it('takes no other text as a number', () => {
    for (const text of ['1500px', 'xInfinity', 'Infinity1', '0x5dc', '']) expect(mss(text).reasons, text).toEqual(['not a number']);
  });
});
