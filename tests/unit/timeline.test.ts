import { describe, expect, it } from 'vitest';
import { paramFor } from '../../src/lib/model/index.ts';
import { timeline } from '../../src/lib/timeline.ts';
import { timelineProblems } from '../../src/lib/timeline-check.ts';

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
