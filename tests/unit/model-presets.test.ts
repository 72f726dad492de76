import { describe, expect, it } from 'vitest';
import { clamp, evaluate, presetById, presets, type Result } from '../../src/lib/model/index.ts';

type Side = 'tx' | 'rx' | 'endToEnd';
type Metric = 'gbps' | 'cpuUsPerMB';
type Published = readonly (readonly [Side, Metric, number])[];

/**
 * The numbers each preset must reproduce, written out here from the publications (and, for
 * the what-if presets, from the research notes' predictions), not read from the presets:
 * the presets must list exactly these, and the model must land within 5 % (25 % for CPU).
 */
const PUBLISHED: Readonly<Record<string, Published>> = {
  // Hurwitz, LKML, 27 Jun 2002: ~1.4 send, ~0.9 receive; TCP runs at the slowest side.
  'quadrics-2002': [
    ['tx', 'gbps', 1.4],
    ['rx', 'gbps', 0.9],
    ['endToEnd', 'gbps', 0.9],
  ],
  'quadrics-2002-sendfile': [
    ['tx', 'gbps', 1.4],
    ['rx', 'gbps', 0.9],
    ['endToEnd', 'gbps', 0.9],
  ],
  // Research notes, "Predictions (Fit A parameters)": model predictions, not measurements.
  'quadrics-zc-rx': [
    ['rx', 'gbps', 1.64],
    ['endToEnd', 'gbps', 1.4],
  ],
  'quadrics-zc-both': [
    ['rx', 'gbps', 1.64],
    ['endToEnd', 'gbps', 1.64],
  ],
  'quadrics-lower-overhead': [
    ['rx', 'gbps', 2.8],
    ['endToEnd', 'gbps', 2.8],
  ],
  'quadrics-big-segments': [
    ['rx', 'gbps', 1.66],
    ['endToEnd', 'gbps', 1.66],
  ],
  // Gigabit Ethernet at line rate: 1448 payload bytes per 1538 on the wire.
  'gige-2002': [['endToEnd', 'gbps', 0.941]],
  // Hurwitz & Feng, Hot Interconnects 2003: over 4 Gb/s.
  'tengig-2003': [['endToEnd', 'gbps', 4.0]],
  // Commit 93ab6cc69162: 40G, ~33.8 vs ~34.2 Gbit/s, ~120 vs ~45 µs of receiver CPU per MB.
  'tcp-mmap-2018-copy': [
    ['rx', 'gbps', 33.8],
    ['endToEnd', 'gbps', 33.8],
    ['rx', 'cpuUsPerMB', 120],
  ],
  'tcp-mmap-2018-mmap': [
    ['rx', 'gbps', 34.2],
    ['endToEnd', 'gbps', 34.2],
    ['rx', 'cpuUsPerMB', 45],
  ],
  // zcrx v7 cover letter: 200G single flow, app and softirq on different cores.
  'zcrx-2024-epoll': [
    ['rx', 'gbps', 82.2],
    ['endToEnd', 'gbps', 82.2],
  ],
  'zcrx-2024-zcrx': [
    ['rx', 'gbps', 116.2],
    ['endToEnd', 'gbps', 116.2],
  ],
};

const TOLERANCE: Readonly<Record<Metric, number>> = { gbps: 0.05, cpuUsPerMB: 0.25 };

const read = (r: Result, side: Side, metric: Metric): number => {
  if (metric === 'gbps') return r[side].gbps;
  if (side === 'endToEnd') throw new Error('CPU per MB is per side');
  return r[side].cpuUsPerMB;
};

const run = (id: string): Result => {
  const p = presetById(id);
  if (p === undefined) throw new Error(`no preset ${id}`);
  return evaluate(p.values);
};

describe('presets reproduce their published numbers', () => {
  it('has every required preset and no unchecked one', () => {
    expect(presets.map((p) => p.id).sort()).toEqual(Object.keys(PUBLISHED).sort());
  });

  for (const [id, published] of Object.entries(PUBLISHED)) {
    it(`${id} lists exactly the published numbers`, () => {
      const listed = presetById(id)?.expected.map((e) => [e.side, e.metric, e.value]);
      expect(listed).toEqual(published.map((x) => [...x]));
    });
    for (const [side, metric, value] of published) {
      it(`${id}: ${side} ${metric} within ${TOLERANCE[metric] * 100} % of ${value}`, () => {
        const got = read(run(id), side, metric);
        expect(Math.abs(got / value - 1)).toBeLessThanOrEqual(TOLERANCE[metric]);
      });
    }
  }

  it('tengig-2003 comes out over 4 Gb/s, as the abstract says', () => {
    expect(run('tengig-2003').endToEnd.gbps).toBeGreaterThan(4);
  });
});

describe('what binds in each published pair', () => {
  it('zcrx: epoll is bound by the copying app core, zcrx by the softirq core', () => {
    const epoll = run('zcrx-2024-epoll').rx;
    const zcrx = run('zcrx-2024-zcrx').rx;
    expect([epoll.bound, epoll.cpuStage]).toEqual(['cpu', 'app']);
    expect([zcrx.bound, zcrx.cpuStage]).toEqual(['cpu', 'protocol']);
    expect(zcrx.copies).toBe(0);
  });
  it('tcp_mmap: both link-bound, so zero-copy shows up as CPU saved, not speed', () => {
    const copy = run('tcp-mmap-2018-copy').rx;
    const mmap = run('tcp-mmap-2018-mmap').rx;
    expect(copy.bound).toBe('link');
    expect(mmap.bound).toBe('link');
    expect(mmap.mode).toBe('remap');
    expect(mmap.cpuUsPerMB).toBeLessThan(copy.cpuUsPerMB / 2);
  });
  it('the 2002 pair: the copying receiver binds end to end', () => {
    expect(run('quadrics-2002').endToEnd.bound).toBe('rx');
    expect(run('quadrics-2002-sendfile').tx.mode).toBe('sendfile');
  });
  it('zero-copy receive alone flips the asymmetry: the copying sender binds', () => {
    const r = run('quadrics-zc-rx');
    expect(r.rx.gbps).toBeGreaterThan(r.tx.gbps);
    expect(r.endToEnd.bound).toBe('tx');
  });
  it('halving per-segment cost on top of zero-copy reaches the link', () => {
    expect(run('quadrics-lower-overhead').rx.bound).toBe('link');
  });
});

describe('preset honesty', () => {
  const isUrl = (s: string): boolean => /^https?:\/\/\S+$/.test(s);
  for (const p of presets) {
    it(`${p.id}: every value it sets is in range and carries a source or "assumption"`, () => {
      expect(clamp(p.values).changes).toEqual([]);
      expect(Object.keys(p.provenance).sort()).toEqual(Object.keys(p.values).sort());
      for (const why of Object.values(p.provenance)) {
        expect(why.source === 'assumption' || isUrl(why.source)).toBe(true);
        expect(why.note.length).toBeGreaterThan(10);
        if (why.see !== undefined) expect(isUrl(why.see)).toBe(true);
      }
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.description).not.toMatch(/\n/);
    });
    it(`${p.id}: measurements cite a URL, predictions say they are derived`, () => {
      for (const e of p.expected) {
        if (e.basis === 'prediction') expect(e.source).toBe('derived in domain.md');
        else expect(isUrl(e.source)).toBe(true);
      }
    });
  }
  it('ids are unique', () => {
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
  });
});
