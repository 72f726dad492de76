/**
 * Every preset's outputs, pinned to 3 significant figures: rates, the busiest core's CPU µs
 * per MB on each side, the reader's (app stage) µs per MB on receive, and what bounds each
 * side. Written out by hand from the model as it stands, so a parameter of a preset that
 * drifts (a fitted constant nudged, a value retyped) fails here even when it stays within the
 * tolerances of the published numbers (model-presets.test.ts) or when the snapshot file is
 * rewritten with it (model-snapshot.test.ts). A change meant to move these numbers changes
 * this table, and MODEL_VERSION with it.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, presetById, presets } from '../../../src/lib/model/index.ts';

type Bound = 'cpu' | 'memory' | 'bus' | 'link';
/** id, tx Gbit/s, rx Gbit/s, end-to-end Gbit/s, tx CPU µs/MB, rx CPU µs/MB, rx app µs/MB, tx bound, rx bound, end-to-end bound. */
type Row = readonly [string, number, number, number, number, number, number, Bound, Bound, 'tx' | 'rx' | 'window'];

// biome-ignore format: a table reads best as one
const PINNED: readonly Row[] = [
  ['quadrics-2002',             1.4,   0.901, 0.901, 5720, 8880,  4000, 'cpu',    'cpu',    'rx'],
  ['quadrics-2002-sendfile',    1.4,   0.9,   0.9,   5710, 8890,  3170, 'cpu',    'cpu',    'rx'],
  ['quadrics-2002-queued',      1.4,   0.703, 0.703, 5720, 11400, 4000, 'cpu',    'cpu',    'rx'],
  ['quadrics-zc-rx',            1.4,   1.6,   1.4,   5720, 5000,  122,  'cpu',    'cpu',    'tx'],
  ['quadrics-zc-both',          1.64,  1.6,   1.6,   4880, 5000,  122,  'cpu',    'cpu',    'rx'],
  ['quadrics-lower-overhead',   2.8,   2.8,   2.8,   2440, 2560,  122,  'link',   'link',   'rx'],
  ['quadrics-big-segments',     1.71,  1.28,  1.28,  1650, 4810,  4000, 'memory', 'memory', 'rx'],
  ['gige-2002',                 0.941, 0.941, 0.941, 4980, 7000,  2860, 'link',   'link',   'rx'],
  ['tengig-2003',               5.32,  4.16,  4.16,  1500, 1670,  1670, 'cpu',    'memory', 'rx'],
  ['tcp-mmap-2018-copy',        34,    39,    34,    236,  120,   120,  'cpu',    'link',   'tx'],
  ['tcp-mmap-2018-mmap',        34,    39,    34,    236,  43.9,  43.9, 'cpu',    'link',   'tx'],
  ['zcrx-2024-epoll',           195,   82.4,  82.4,  24.4, 97.1,  97.1, 'link',   'cpu',    'rx'],
  ['zcrx-2024-zcrx',            195,   116,   116,   24.4, 68.8,  29.3, 'link',   'cpu',    'rx'],
  ['zcrx-2024-epoll-same-core', 195,   48.2,  48.2,  24.4, 166,   97.1, 'link',   'cpu',    'rx'],
  ['zcrx-2024-zcrx-same-core',  195,   81.5,  81.5,  24.4, 98.1,  29.3, 'link',   'cpu',    'rx'],
];

/** `x` to 3 significant figures, as the table writes it. */
const sig3 = (x: number): number => Number(x.toPrecision(3));

describe('every preset’s outputs, pinned to 3 significant figures', () => {
  it('covers every preset, once', () => {
    expect(PINNED.map((r) => r[0])).toEqual(presets.map((p) => p.id));
  });

  for (const [id, txGbps, rxGbps, e2eGbps, txCpu, rxCpu, rxApp, txBound, rxBound, e2eBound] of PINNED) {
    it(id, () => {
      const preset = presetById(id);
      if (!preset) throw new Error(`no preset ${id}`);
      const r = evaluate(preset.values);
      expect({
        txGbps: sig3(r.tx.gbps),
        rxGbps: sig3(r.rx.gbps),
        e2eGbps: sig3(r.endToEnd.gbps),
        txCpuUsPerMB: sig3(r.tx.cpuUsPerMB),
        rxCpuUsPerMB: sig3(r.rx.cpuUsPerMB),
        rxAppUsPerMB: sig3(r.rx.usPerMB.app),
        bounds: [r.tx.bound, r.rx.bound, r.endToEnd.bound],
      }).toEqual({
        txGbps,
        rxGbps,
        e2eGbps,
        txCpuUsPerMB: txCpu,
        rxCpuUsPerMB: rxCpu,
        rxAppUsPerMB: rxApp,
        bounds: [txBound, rxBound, e2eBound],
      });
    });
  }
});
