import { describe, expect, it } from 'vitest';
import { band, bandAlong, evaluate } from '../../../src/lib/model/index.ts';

describe('band: the current value and the keys asked for', () => {
  it('keeps a current value below an unknown range, so the band still holds the point', () => {
    // The unknown cold-copy range starts at 150 MB/s; 100 lies outside it and is the worst case.
    const state = { rxCopyMBps: 100 };
    const b = band(state, 'rxCopyMBps');
    expect(b.rx.min).toBeCloseTo(evaluate(state).rx.gbps, 12);
    expect(b.rx.max).toBeGreaterThan(b.rx.min);
  });

  it('keeps a current value above an unknown range', () => {
    const state = { txCopyMBps: 5000, rxCopyMBps: 5000 };
    const b = band(state, ['txCopyMBps', 'rxCopyMBps']);
    expect(b.tx.max).toBeCloseTo(evaluate(state).tx.gbps, 12);
    expect(b.rx.max).toBeCloseTo(evaluate(state).rx.gbps, 12);
  });

  it('varies every key of a list, in the table’s order', () => {
    expect(band({}, ['rxCopyMBps', 'txCopyMBps']).keys).toEqual(['txCopyMBps', 'rxCopyMBps']);
  });

  it('a send key widens the send band and leaves the receive band a point', () => {
    const b = band({}, 'txCopyMBps');
    expect(b.tx.min).toBeCloseTo(evaluate({ txCopyMBps: 500 }).tx.gbps, 12);
    expect(b.tx.max).toBeCloseTo(evaluate({ txCopyMBps: 1500 }).tx.gbps, 12);
    expect(b.tx.min).toBeLessThan(b.tx.max);
    expect(b.rx.min).toBe(b.rx.max);
  });

  it('the end-to-end band runs from the worst to the best end to end over the corners', () => {
    const b = band({}, 'rxCopyMBps');
    expect(b.endToEnd.min).toBeCloseTo(evaluate({ rxCopyMBps: 150 }).endToEnd.gbps, 12);
    expect(b.endToEnd.max).toBeCloseTo(evaluate({ rxCopyMBps: 350 }).endToEnd.gbps, 12);
  });
});

describe('bandAlong gives band() at each x', () => {
  const xs = [1448, 2000, 4095, 4096, 6000, 8192];
  it('along a key that is not varied', () => {
    const keys = ['rxCopyMBps', 'txCsum'] as const;
    expect(bandAlong({ rxMode: 'remap' }, keys, 'mss', xs)).toEqual(xs.map((mss) => band({ rxMode: 'remap', mss }, keys)));
  });
  it('along a key that is itself varied, alone or with others: x outside its range widens the band', () => {
    const copies = [50, 200, 5000];
    for (const keys of [['rxCopyMBps'], ['mss', 'rxCopyMBps']] as const) {
      const along = bandAlong({}, keys, 'rxCopyMBps', copies);
      expect(along).toEqual(copies.map((rxCopyMBps) => band({ rxCopyMBps }, keys)));
      expect(along[0]?.rx.min).toBeLessThan(along[1]?.rx.min ?? 0);
    }
  });
});
