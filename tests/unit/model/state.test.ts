import { describe, expect, it } from 'vitest';
import {
  band,
  clamp,
  defaults,
  evaluate,
  fromQuery,
  MODEL_VERSION,
  paramFor,
  params,
  presetById,
  sweep,
  toQuery,
} from '../../../src/lib/model/index.ts';

const isUrl = (s: string): boolean => /^https?:\/\/\S+$/.test(s);

describe('the parameter table', () => {
  it('has unique, URL-friendly camelCase keys', () => {
    const keys = params.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-zA-Z]*$/);
    expect(paramFor('nope')).toBeUndefined();
  });

  it('gives every entry a label, group, one-line doc and a source or "assumption" with why', () => {
    for (const p of params) {
      expect(p.label.length).toBeGreaterThan(0);
      expect(['path', 'send', 'receive', 'host']).toContain(p.group);
      expect(p.doc).not.toMatch(/\n/);
      expect(p.source === 'assumption' || isUrl(p.source)).toBe(true);
      expect(p.note.length).toBeGreaterThan(10);
      if (p.see !== undefined) expect(isUrl(p.see)).toBe(true);
    }
  });

  it('keeps defaults and unknown ranges inside the slider ranges', () => {
    for (const p of params) {
      if (p.kind === 'choice') {
        const values = p.options.map((o) => o.value as string);
        expect(values).toContain(p.default);
        for (const o of p.unknown?.options ?? []) expect(values).toContain(o);
        continue;
      }
      expect(p.min).toBeLessThanOrEqual(p.default);
      expect(p.default).toBeLessThanOrEqual(p.max);
      expect(p.step).toBeGreaterThan(0);
      if (p.scale === 'log') expect(p.min).toBeGreaterThan(0);
      if (p.unknown !== undefined) {
        expect(p.min).toBeLessThanOrEqual(p.unknown.min);
        expect(p.unknown.min).toBeLessThan(p.unknown.max);
        expect(p.unknown.max).toBeLessThanOrEqual(p.max);
        expect(p.unknown.why.length).toBeGreaterThan(10);
      }
    }
  });

  it('marks what the NDA and the archive leave open: CPU, segment size, checksum handling', () => {
    const unknown = params.filter((p) => p.unknown !== undefined).map((p) => p.key);
    for (const k of ['mss', 'txSegUs', 'rxSegUs', 'txCopyMBps', 'rxCopyMBps', 'rxCsum']) expect(unknown).toContain(k);
  });

  it('offers the receive and send modes as choices', () => {
    const modes = (k: string): string[] => {
      const p = paramFor(k);
      return p?.kind === 'choice' ? p.options.map((o) => o.value) : [];
    };
    expect(modes('rxMode')).toEqual(['copy', 'csum-copy', 'remap', 'direct']);
    expect(modes('txMode')).toEqual(['copy', 'sendfile']);
    expect(modes('rxCsum')).toEqual(['offload', 'folded', 'separate']);
  });

  it('hands out fresh defaults', () => {
    const a = defaults();
    a.mss = 1;
    expect(defaults().mss).not.toBe(1);
  });

  it('carries a semantic version', () => {
    expect(MODEL_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('clamp', () => {
  it('fills in defaults and changes nothing when nothing is wrong', () => {
    expect(clamp({})).toEqual({ values: defaults(), changes: [], ignored: [] });
    expect(clamp({ mss: '9000', rxMode: 'remap' }).values).toEqual({ ...defaults(), mss: 9000, rxMode: 'remap' });
  });
  it('reports each kind of change', () => {
    const range = (k: string): { min: number; max: number } => {
      const p = paramFor(k);
      if (p?.kind !== 'number') throw new Error(k);
      return p;
    };
    const c = clamp({ rxCores: 1.6, rxMode: 'teleport', window: '1e99', linkGbps: 'fast', mss: 10, colour: 'red' });
    expect(c.changes).toEqual([
      { key: 'mss', from: 10, to: range('mss').min, reason: 'below minimum' },
      { key: 'linkGbps', from: 'fast', to: defaults().linkGbps, reason: 'not a number' },
      { key: 'window', from: '1e99', to: range('window').max, reason: 'above maximum' },
      { key: 'rxMode', from: 'teleport', to: defaults().rxMode, reason: 'not an option' },
      { key: 'rxCores', from: 1.6, to: 2, reason: 'not a whole number' },
    ]);
    expect(c.ignored).toEqual(['colour']);
  });
  it('lets evaluate survive anything', () => {
    const r = evaluate({ mss: 'NaN', rtt: -5, rxMode: 42 });
    expect(Number.isFinite(r.endToEnd.gbps)).toBe(true);
  });
});

describe('URL query', () => {
  it('writes nothing for the defaults and only the keys a preset changes', () => {
    expect(toQuery({})).toBe('');
    const p = presetById('quadrics-zc-both');
    const q = new URLSearchParams(toQuery(p?.values ?? {}));
    expect([...q.keys()].sort()).toEqual(Object.keys(p?.values ?? {}).sort());
  });
  it('reads a leading ?, a URLSearchParams, and the first of repeated keys', () => {
    expect(fromQuery('?mss=9000').values.mss).toBe(9000);
    expect(fromQuery(new URLSearchParams('mss=9000&mss=1448')).values.mss).toBe(9000);
  });
  it('reports bad values from a URL', () => {
    const r = fromQuery('rxCopyMBps=&txMode=zero&bogus=1');
    expect(r.changes.map((c) => [c.key, c.reason])).toEqual([
      ['txMode', 'not an option'],
      ['rxCopyMBps', 'not a number'],
    ]);
    expect(r.ignored).toEqual(['bogus']);
  });
});

describe('sweep', () => {
  it('returns 512 points across the whole range by default', () => {
    const s = sweep({}, 'rxCopyMBps');
    const p = paramFor('rxCopyMBps');
    expect(s.x).toHaveLength(512);
    expect(s.results).toHaveLength(512);
    expect(s.x[0]).toBe(p?.kind === 'number' ? p.min : NaN);
    expect(s.x[511]).toBe(p?.kind === 'number' ? p.max : NaN);
    for (let i = 1; i < 512; i++) expect(s.x[i]).toBeGreaterThan(s.x[i - 1] ?? Infinity);
  });
  it('holds the rest of the state and matches single evaluations', () => {
    const s = sweep({ rxMode: 'csum-copy' }, 'mss', 64);
    expect(s.results).toHaveLength(64);
    s.x.forEach((x, i) => {
      expect(s.results[i]).toEqual(evaluate({ rxMode: 'csum-copy', mss: x }));
    });
    for (const x of s.x) expect(Number.isInteger(x)).toBe(true);
  });
  it('runs through the options of a choice', () => {
    const s = sweep({}, 'rxMode');
    expect(s.x).toEqual(['copy', 'csum-copy', 'remap', 'direct']);
    expect(s.results[3]?.rx.mode).toBe('direct');
  });
});

describe('band', () => {
  it('brackets the default state, and the unknowns make it wide', () => {
    const r = evaluate();
    const b = band();
    for (const s of ['tx', 'rx', 'endToEnd'] as const) {
      expect(b[s].min).toBeLessThanOrEqual(r[s].gbps);
      expect(r[s].gbps).toBeLessThanOrEqual(b[s].max);
      expect(b[s].max).toBeGreaterThan(b[s].min);
    }
  });
  it('reaches its extremes at corners of the unknown ranges', () => {
    const worst = evaluate({ mss: 1448, rxSegUs: 25, rxCopyMBps: 150, rxCsum: 'separate', csumMBps: 300, memMBps: 530 });
    const best = evaluate({ mss: 8192, rxSegUs: 5, rxCopyMBps: 350, memMBps: 2240 });
    expect(band().rx.min).toBeCloseTo(worst.rx.gbps, 12);
    expect(band().rx.max).toBeCloseTo(best.rx.gbps, 12);
  });
  it('varies only the keys asked for', () => {
    const csum = band({}, 'rxCsum');
    expect(csum.keys).toEqual(['rxCsum']);
    expect(csum.rx.min).toBeCloseTo(evaluate({ rxCsum: 'separate' }).rx.gbps, 12);
    expect(csum.tx.min).toBe(csum.tx.max);
    const none = band({}, ['rxMode']);
    expect(none.keys).toEqual([]);
    expect(none.rx.min).toBe(evaluate().rx.gbps);
    expect(none.rx.max).toBe(evaluate().rx.gbps);
  });
  it('finds the true extremes over every segment size, page boundaries included', () => {
    const mss = paramFor('mss');
    if (mss?.kind !== 'number' || mss.unknown === undefined) throw new Error('mss must be unknown');
    const states = [
      { rxMode: 'direct' },
      { rxMode: 'remap' },
      // Remapping dearer than copying: the best segment sits just below a page multiple.
      { rxMode: 'remap', remapUs: 20, rxSegUs: 1, rxCopyMBps: 100000, linkGbps: 400, busMBps: 64000, memMBps: 1000000 },
    ];
    for (const state of states) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let s = mss.unknown.min; s <= mss.unknown.max; s++) {
        const g = evaluate({ ...state, mss: s }).rx.gbps;
        lo = Math.min(lo, g);
        hi = Math.max(hi, g);
      }
      const b = band(state, 'mss');
      expect(b.rx.min).toBe(lo);
      expect(b.rx.max).toBe(hi);
    }
  });
});
