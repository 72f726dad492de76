import { describe, expect, it } from 'vitest';
import { defaults, paramFor, presetById, presetValues, type NumberParam } from '../../../src/lib/model/index.ts';
import { changeNotice, summary, valueText } from '../../../src/lib/model/words.ts';
import { fromSlider, sliderAttrs, toSlider } from '../../../src/lib/model/slider.ts';
import { readSearch, writeSearch } from '../../../src/lib/model/url-state.ts';
import { evaluate } from '../../../src/lib/model/index.ts';

const gige = presetById('gige-2002')!;
const numberParam = (key: string): NumberParam => paramFor(key) as NumberParam;

describe('readSearch', () => {
  it('reads model keys over the defaults, clamped, with what changed', () => {
    const s = readSearch('?mss=8192&rtt=-5&utm=x');
    expect(s.values).toEqual({ ...defaults(), mss: 8192, rtt: 1 });
    expect(s.changes).toEqual([{ key: 'rtt', from: '-5', to: 1, reason: 'below minimum' }]);
    expect(s.preset).toBeUndefined();
  });

  it('starts from a named preset, then applies the other keys', () => {
    expect(readSearch('?preset=gige-2002').values).toEqual(presetValues(gige));
    expect(readSearch('?preset=gige-2002').preset?.id).toBe('gige-2002');
    const changed = readSearch('?preset=gige-2002&rtt=50');
    expect(changed.values).toEqual({ ...presetValues(gige), rtt: 50 });
    expect(changed.preset).toBeUndefined();
  });

  it('falls back to the starting state for a value that is not a number', () => {
    const tengig = presetValues(presetById('tengig-2003')!);
    const s = readSearch('?preset=tengig-2003&rtt=abc&rxMode=nope');
    expect(s.values).toEqual(tengig);
    expect(s.changes).toEqual([
      { key: 'rtt', from: 'abc', to: 40, reason: 'not a number' },
      { key: 'rxMode', from: 'nope', to: 'copy', reason: 'not an option' },
    ]);
    expect(s.preset?.id).toBe('tengig-2003');
  });

  it('ignores an unknown preset and reads over a base', () => {
    const base = { ...defaults(), mss: 1448 };
    expect(readSearch('?preset=nope', base).values).toEqual(base);
    expect(readSearch('?mss=4096', base).values.mss).toBe(4096);
  });
});

describe('writeSearch', () => {
  it('writes non-default keys and keeps other parameters and order', () => {
    expect(writeSearch('?embed=1&mss=1&preset=x', { ...defaults(), rtt: 50 })).toBe('?embed=1&rtt=50');
    expect(writeSearch('?mss=8192', defaults())).toBe('');
  });

  it('names the preset only while the state equals it', () => {
    const v = presetValues(gige);
    expect(writeSearch('', v, gige)).toMatch(/^\?preset=gige-2002&mss=1448&/);
    expect(writeSearch('', { ...v, rtt: 7 }, gige)).not.toContain('preset=');
  });

  it('round-trips through readSearch, over a base too', () => {
    const base = { ...defaults(), mss: 1448 };
    const v = { ...defaults(), rtt: 12.5, rxMode: 'direct' as const };
    expect(readSearch(writeSearch('', v)).values).toEqual(v);
    expect(readSearch(writeSearch('', v, undefined, base), base).values).toEqual(v);
    expect(readSearch(writeSearch('', presetValues(gige), gige)).values).toEqual(presetValues(gige));
  });
});

describe('slider mapping', () => {
  it('runs log parameters over log10 with a last step that reaches the maximum', () => {
    const mss = numberParam('mss');
    const a = sliderAttrs(mss);
    expect(a.min).toBeCloseTo(Math.log10(256));
    expect(a.max).toBeGreaterThanOrEqual(Math.log10(65536));
    expect(fromSlider(mss, a.max)).toBe(65536);
    expect(fromSlider(mss, a.min)).toBe(256);
    expect(fromSlider(mss, toSlider(mss, 4096) + 0.01)).toBe(4190);
  });

  it('snaps linear parameters to the table step', () => {
    const eff = numberParam('busEff');
    expect(sliderAttrs(eff)).toEqual({ min: 0.1, max: 1, step: 0.01 });
    expect(fromSlider(eff, 0.7000000001)).toBe(0.7);
    expect(fromSlider(numberParam('rxCores'), 1.6)).toBe(2);
  });
});

describe('words', () => {
  it('says values with units', () => {
    expect(valueText(numberParam('rxCopyMBps'), 250)).toBe('250 megabytes per second');
    expect(valueText(numberParam('rxCopies'), 1)).toBe('1 copy');
    expect(valueText(numberParam('busEff'), 0.7)).toBe('70 percent');
    expect(valueText(numberParam('window'), 65535)).toBe('65,535 bytes');
  });

  it('summarises the default result', () => {
    expect(summary(evaluate())).toBe('Receive 0.90 Gbit/s (CPU-bound), send 1.40 (CPU-bound), end to end 0.90: the receiver binds.');
  });

  it('explains a clamped value', () => {
    expect(changeNotice(paramFor('mss')!, { key: 'mss', from: '99999', to: 65536, reason: 'above maximum' })).toBe(
      '“99999” is above the maximum; using 65,536 B.',
    );
  });
});

describe('readSearch and writeSearch at the edges', () => {
  it('takes the first of two values for one key', () => {
    expect(readSearch('?mss=2000&mss=3000').values.mss).toBe(2000);
  });

  it('falls back to the starting state for a value out of range only when it is no number at all', () => {
    const base = { ...defaults(), mss: 9000 };
    expect(readSearch('?mss=lots', base).values.mss).toBe(9000);
    const over = readSearch('?mss=9999999', base);
    expect(over.values.mss).toBe(numberParam('mss').max);
    expect(over.changes[0]?.reason).toBe('above maximum');
  });

  it('writes only keys that differ from the defaults, unless the base sets them away from the defaults', () => {
    expect(writeSearch('', defaults())).toBe('');
    const base = { ...defaults(), mss: 9000 };
    expect(writeSearch('', defaults(), undefined, base)).toContain(`mss=${defaults().mss}`);
  });
});
