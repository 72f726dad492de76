import { describe, expect, it } from 'vitest';
import { figureState } from '../../src/lib/model/figures.ts';
import { fromQuery, paramFor, toQuery } from '../../src/lib/model/index.ts';
import { byYear, entryQuery, outcome, type TimelineEntry, timeline, timelineProblems } from '../../src/lib/timeline.ts';

const sample = (over: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: 'sample',
  year: 2010,
  kernel: '2.6.99',
  title: 'A sample',
  summary: 'Removes nothing.',
  source: { url: 'https://example.org/commit', label: 'a commit' },
  more: [],
  checked: 'primary',
  checkNote: 'Read here.',
  params: ['rxSegUs'],
  model: { preset: 'quadrics-2002', values: { rxSegUs: 10 }, note: 'Assumption.' },
  ...over,
});

describe('the timeline data', () => {
  it('passes its own check', () => {
    expect(timelineProblems(timeline)).toEqual([]);
  });

  it('has an https source, a year in 2002..2026 and ascending order for every entry', () => {
    for (const e of timeline) {
      expect(e.source.url).toMatch(/^https:\/\/\S+$/);
      expect(e.year).toBeGreaterThanOrEqual(2002);
      expect(e.year).toBeLessThanOrEqual(2026);
    }
    const years = timeline.map((e) => e.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it('gives each entry either a model state within the table ranges or a reason', () => {
    for (const e of timeline) {
      if (e.model === null) {
        expect(e.reason?.trim()).toBeTruthy();
        continue;
      }
      expect(e.reason).toBeUndefined();
      for (const [k, v] of Object.entries(e.model.values)) {
        const p = paramFor(k);
        expect(p, `${e.id}: ${k}`).toBeDefined();
        if (p?.kind === 'number') {
          expect(v).toBeGreaterThanOrEqual(p.min);
          expect(v).toBeLessThanOrEqual(p.max);
        } else {
          expect(p?.options.map((o) => o.value)).toContain(v);
        }
      }
    }
  });

  it('covers the techniques the article names', () => {
    const ids = timeline.map((e) => e.id);
    for (const id of [
      'napi',
      'sendfile',
      'splice',
      'tcp-splice-read',
      'net-dma',
      'toe',
      'ddio',
      'msg-zerocopy',
      'tcp-zerocopy-receive',
      'af-xdp',
      'devmem-tcp',
      'io-uring-zcrx',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('opens the model in a state that round-trips through the URL', () => {
    for (const e of timeline) {
      const q = entryQuery(e);
      if (e.model === null) {
        expect(q).toBeNull();
        continue;
      }
      const back = fromQuery(q ?? '');
      expect(back.changes, e.id).toEqual([]);
      for (const [k, v] of Object.entries(e.model.values)) expect(back.values[k as keyof typeof back.values], `${e.id}: ${k}`).toBe(v);
    }
  });

  it('puts only the changed values in a preset-plus-changes query', () => {
    const stateQuery = (preset: string, with_?: Record<string, string>) =>
      toQuery(figureState({ preset, ...(with_ ? { with: with_ } : {}) }));
    expect(stateQuery('quadrics-2002')).toBe('');
    expect(stateQuery('quadrics-2002', { rxMode: 'remap' })).toBe('rxMode=remap');
    expect(() => stateQuery('no-such-preset')).toThrow();
  });

  it('computes each state’s rates with the model: removing the receive copy lets the copying sender bind', () => {
    const zcrx = outcome(timeline.find((e) => e.id === 'io-uring-zcrx')!);
    expect(zcrx?.rxGbps).toBeGreaterThan(1.4);
    expect(zcrx?.bound).toBe('tx');
    const tso = outcome(timeline.find((e) => e.id === 'tso')!);
    expect(tso?.endToEndGbps).toBeCloseTo(0.9, 1); // a faster sender alone does not help: the receiver binds
    expect(outcome(timeline.find((e) => e.id === 'af-xdp')!)).toBeNull();
  });

  it('groups entries by year, ascending', () => {
    const groups = byYear(timeline);
    expect(groups.map((g) => g.year)).toEqual([...new Set(timeline.map((e) => e.year))]);
    expect(groups.flatMap((g) => g.entries)).toHaveLength(timeline.length);
  });
});

describe('timelineProblems', () => {
  it('accepts a sound entry', () => {
    expect(timelineProblems([sample()])).toEqual([]);
  });

  it.each([
    ['a year before 2002', sample({ year: 2001 }), /outside 2002/],
    ['a year after 2026', sample({ year: 2027 }), /outside 2002/],
    ['a plain-http main source', sample({ source: { url: 'http://example.org/', label: 'x' } }), /https/],
    ['a source that is no address', sample({ source: { url: 'not a url', label: 'x' } }), /not a web address/],
    ['an unknown key', sample({ model: { preset: 'quadrics-2002', values: { bogus: 1 } as never, note: 'n' } }), /unknown parameter bogus/],
    ['a value over the maximum', sample({ model: { preset: 'quadrics-2002', values: { rxSegUs: 1000 }, note: 'n' } }), /outside/],
    ['a value below the minimum', sample({ model: { preset: 'quadrics-2002', values: { rxSegUs: 0 }, note: 'n' } }), /outside/],
    [
      'an option the table lacks',
      sample({ params: ['rxMode'], model: { preset: 'quadrics-2002', values: { rxMode: 'teleport' as never }, note: 'n' } }),
      /no option/,
    ],
    [
      'a changed key it does not list',
      sample({ params: [], model: { preset: 'quadrics-2002', values: { rxSegUs: 10 }, note: 'n' } }),
      /does not list/,
    ],
    ['an unknown preset', sample({ model: { preset: 'nope', values: {}, note: 'n' } }), /unknown preset/],
    ['no model and no reason', sample({ model: null }), /no reason/],
    ['no model and an empty reason', sample({ model: null, reason: ' ' }), /no reason/],
  ])('reports %s', (_, entry, message) => {
    expect(timelineProblems([entry]).join('\n')).toMatch(message);
  });

  it('reports entries out of order and repeated ids', () => {
    expect(timelineProblems([sample({ year: 2010 }), sample({ id: 'b', year: 2005 })]).join('\n')).toMatch(/out of order/);
    expect(timelineProblems([sample(), sample()]).join('\n')).toMatch(/repeated/);
  });
});

describe('the dates and versions, pinned', () => {
  // Written out here from the primary sources each entry cites (commits, release patches, the
  // vendor's page), not read from the data: a changed year or version must change both.
  const PINNED: Readonly<Record<string, readonly [number, string]>> = {
    coalescing: [2002, 'hardware'],
    napi: [2002, '2.4.20 (2.5 series earlier)'],
    sendfile: [2002, '2.4.4 (April 2001)'],
    tso: [2002, '2.5 series; GSO 2.6.18'],
    toe: [2005, 'not in mainline'],
    splice: [2006, '2.6.17'],
    'net-dma': [2006, '2.6.18; removed in 3.17'],
    iwarp: [2006, '2.6.19'],
    'tcp-splice-read': [2008, '2.6.25'],
    gro: [2009, '2.6.29 (LRO 2.6.24)'],
    ddio: [2012, 'hardware'],
    'msg-zerocopy': [2017, '4.14'],
    'tcp-zerocopy-receive': [2018, '4.18'],
    'af-xdp': [2018, '4.18'],
    'devmem-tcp': [2024, '6.12'],
    'io-uring-zcrx': [2025, '6.15'],
  };
  it('every entry has the year and kernel version its sources give', () => {
    expect(Object.fromEntries(timeline.map((e) => [e.id, [e.year, e.kernel]]))).toEqual(PINNED);
  });
});
