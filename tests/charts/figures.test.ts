import { blankDocument } from '../support/dom.ts';
import { describe, expect, it } from 'vitest';
import { figureIds, figures, isFigureId, parseBandKeys, renderFigure } from '../../src/lib/charts/index.ts';
import { tableSegments } from '../../src/lib/charts/throughput-vs-segment-data.ts';
import type { FigureContext, FigureId, Theme } from '../../src/lib/charts/types.ts';
import { fitAll } from '../../src/lib/model/fit.ts';
import { defaults, presetById, presets, presetValues, type Values } from '../../src/lib/model/index.ts';
import { THREAD_NUMBERS } from '../../src/lib/thread-numbers.ts';
import { normaliseSvg } from './normalise.ts';

const SIZE = { width: 720, height: 400 };

function preset(id: string): { values: Values; context: FigureContext } {
  const p = presetById(id);
  if (p === undefined) throw new Error(`no preset ${id}`);
  return { values: presetValues(p), context: { bandKeys: p.bandKeys } };
}

function draw(figure: FigureId, values: Values, context?: FigureContext, theme: Theme = 'light'): SVGSVGElement {
  const document = blankDocument();
  return renderFigure(figures[figure], values, SIZE, theme, document as unknown as Document, context);
}

const texts = (svg: Element): string[] => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('chart snapshots', () => {
  for (const id of ['quadrics-2002', 'zcrx-2024-zcrx']) {
    for (const figure of figureIds) {
      // A stateless figure draws the same at every state: one snapshot.
      if (figures[figure].stateless && id !== 'quadrics-2002') continue;
      it(`${figure} for ${id}`, async () => {
        const { values, context } = preset(id);
        await expect(normaliseSvg(draw(figure, values, context).outerHTML)).toMatchFileSnapshot(`./__snapshots__/${figure}-${id}.svg`);
      });
    }
  }
});

describe('every figure, every preset', () => {
  for (const p of presets) {
    it(`is an accessible, standalone, deterministic SVG for ${p.id}`, () => {
      const values = presetValues(p);
      for (const figure of figureIds) {
        for (const theme of ['light', 'dark'] as const) {
          const svg = draw(figure, values, { bandKeys: p.bandKeys }, theme);
          expect(svg.tagName.toLowerCase()).toBe('svg');
          expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
          expect(svg.getAttribute('role')).toBe('img');
          expect(svg.getAttribute('aria-label')).toBe(
            `${figures[figure].title}. ${figures[figure].caption(values, { bandKeys: p.bandKeys })}`,
          );
          const labelled = [...svg.querySelectorAll('g[aria-label]')];
          expect(labelled.length).toBeGreaterThan(0);
          expect(labelled.filter((g) => g.getAttribute('role') !== 'group')).toEqual([]);
          expect(draw(figure, values, { bandKeys: p.bandKeys }, theme).outerHTML).toBe(svg.outerHTML);
          // Text takes the page's colour, except values printed on a filled bar.
          const fills = [...svg.querySelectorAll('g')].filter((g) => g.querySelector(':scope > text')).map((g) => g.getAttribute('fill'));
          expect(fills.filter((f) => f !== null && !['currentColor', '#000000', '#ffffff'].includes(f))).toEqual([]);
          expect(svg.outerHTML).not.toMatch(/NaN|undefined|Infinity/);
        }
      }
    });
  }

  it('draws the segment-size band exactly when unknown ranges apply', () => {
    for (const p of presets) {
      const svg = draw('throughput-vs-segment', presetValues(p), { bandKeys: p.bandKeys });
      const areas = svg.querySelectorAll('g[aria-label="area"] path');
      const banded = p.bandKeys.some((k) => k !== 'mss');
      expect(areas.length > 0, p.id).toBe(banded);
      expect(texts(svg).includes('Elan IP MTU unknown'), p.id).toBe(p.bandKeys.includes('mss'));
      expect(figures['throughput-vs-segment'].caption(presetValues(p), { bandKeys: p.bandKeys }).includes('Bands: unknown'), p.id).toBe(
        banded,
      );
    }
  });

  it('bands every unknown range when no band keys are given, and none for []', () => {
    const v = defaults();
    expect(draw('throughput-vs-segment', v).querySelectorAll('g[aria-label="area"] path').length).toBe(2);
    expect(draw('throughput-vs-segment', v, { bandKeys: [] }).querySelectorAll('g[aria-label="area"] path').length).toBe(0);
    expect(figures['slowest-side'].caption(v)).toContain('unknown node CPU, Elan IP MTU, checksum handling and memory bus');
    expect(figures['slowest-side'].caption(v, { bandKeys: [] })).not.toContain('unknown');
  });
});

describe('Quadrics 2002 in words', () => {
  const { values, context } = preset('quadrics-2002');

  it('throughput against segment size states the measured pair and who binds', () => {
    const c = figures['throughput-vs-segment'].caption(values, context);
    expect(c).toContain('Receive runs at 0.90 Gbit/s, limited by CPU; send at 1.40 Gbit/s');
    expect(c).toContain('end to end 0.90 Gbit/s, set by the receiver');
    expect(c).toContain('unknown node CPU, checksum handling and memory bus');
    expect(c).toContain('Elan IP MTU is unknown (1448–8192 bytes)');
    const labels = texts(draw('throughput-vs-segment', values, context));
    expect(labels).toContain('receive: CPU-bound, 0.90 Gbit/s');
    expect(labels).toContain('send: CPU-bound, 1.40 Gbit/s');
    expect(labels).toContain('link 2.80 Gbit/s');
    expect(labels).toEqual(expect.arrayContaining(['send, copy', 'send, sendfile', 'receive, copy', 'receive, direct']));
  });

  it('the slowest side is the receiver', () => {
    const c = figures['slowest-side'].caption(values, context);
    expect(c).toMatch(
      /^Receive runs at 0\.90 Gbit\/s, limited by CPU; send at 1\.40 Gbit\/s, limited by CPU; .*end to end 0\.90 Gbit\/s, set by the receiver\./,
    );
    const t = figures['slowest-side'].table(values, context);
    expect(t.rows.map((r) => [r['name'], r['gbps'], r['slowest']])).toEqual([
      ['send', '1.40', ''],
      ['receive', '0.90', 'yes'],
      ['window ÷ RTT', '5.24', ''],
    ]);
    expect(texts(draw('slowest-side', values, context))).toContain('0.90 Gbit/s, CPU-bound · the slowest side');
  });

  it('time per segment and memory traffic', () => {
    expect(figures['time-breakdown'].caption(values)).toBe(
      'Per 4096-byte segment, send spends 23.4 µs (protocol 20.0, copy 3.4) of CPU and receive 36.4 µs (protocol 20.0, copy 16.4).',
    );
    const m = figures['memory-bus'].caption(values, context);
    expect(m).toContain('send moves 525 MB/s, 82 % of the 640 MB/s sustained limit; receive 450 MB/s, 70 %');
    expect(m).toContain('Neither bus binds either side.');
    expect(m).toContain('unknown memory bus, 530–2240 MB/s');
  });
});

describe('other states in words', () => {
  it('zcrx 2024: receive-bound on the softirq core, no bands', () => {
    const { values, context } = preset('zcrx-2024-zcrx');
    const c = figures['slowest-side'].caption(values, context);
    expect(c).toContain('Receive runs at 116.20 Gbit/s, limited by CPU; send at 195.00 Gbit/s, limited by the link');
    expect(c).toContain('set by the receiver');
    expect(c).not.toContain('unknown');
    expect(figures['time-breakdown'].caption(values)).toContain('splits this over 2 cores');
    expect(texts(draw('memory-bus', values, context))).not.toContain('unknown range');
  });

  it('a long round trip makes window ÷ RTT the slowest side', () => {
    const values = { ...defaults(), rtt: 10000 };
    expect(figures['slowest-side'].caption(values)).toContain('end to end 0.05 Gbit/s, set by window ÷ RTT');
    expect(figures['slowest-side'].table(values).rows.find((r) => r['slowest'] === 'yes')?.['name']).toBe('window ÷ RTT');
  });

  it('a memory-bound receiver is named in the memory figure', () => {
    const values = { ...defaults(), memMBps: 200, rxCopyMBps: 5000 };
    expect(figures['memory-bus'].caption(values)).toContain('the memory bus binds the receiver');
  });

  it('a sendfile without checksum offload says it copies', () => {
    const values = { ...defaults(), txMode: 'sendfile' as const, txCsum: 'folded' as const };
    expect(figures['throughput-vs-segment'].caption(values)).toContain('sendfile needs checksum offload');
  });
});

describe('data tables', () => {
  it('have the rows they promise and a cell for every column', () => {
    const cases: [FigureId, Values, FigureContext, number][] = [];
    for (const p of presets) {
      const v = presetValues(p);
      const ctx = { bandKeys: p.bandKeys };
      cases.push(
        ['throughput-vs-segment', v, ctx, tableSegments(v).length],
        ['time-breakdown', v, ctx, 2],
        ['memory-bus', v, ctx, 4],
        ['slowest-side', v, ctx, 3],
        ['measurements', v, ctx, fitAll().reduce((n, f) => n + f.rows.length, 0)],
        ['thread-numbers', v, ctx, THREAD_NUMBERS.length],
      );
    }
    for (const [figure, v, ctx, n] of cases) {
      const t = figures[figure].table(v, ctx);
      expect(t.rows.length, figure).toBe(n);
      // Every column has a cell; a linked column's row also holds the link's target.
      const keys = [...t.columns.map((c) => c.key), ...t.columns.flatMap((c) => (c.link === undefined ? [] : [c.link]))].sort();
      for (const row of t.rows) expect(Object.keys(row).sort(), figure).toEqual(keys);
    }
  });

  it('throughput against segment size: nine sizes, plus the current one when it is not among them', () => {
    expect(tableSegments(defaults())).toEqual([512, 1024, 1448, 2048, 4096, 8192, 16384, 32768, 65536]);
    const odd = { ...defaults(), mss: 3000 };
    expect(tableSegments(odd)).toHaveLength(10);
    expect(figures['throughput-vs-segment'].table(odd).rows.map((r) => r['mss'])).toContain(3000);
  });

  it('throughput against segment size lists band columns only when bands apply', () => {
    const { values, context } = preset('quadrics-2002');
    const t = figures['throughput-vs-segment'].table(values, context);
    expect(t.columns.map((c) => c.key)).toEqual(['mss', 'line0', 'line1', 'line2', 'line3', 'txMin', 'txMax', 'rxMin', 'rxMax']);
    const at4096 = t.rows.find((r) => r['mss'] === 4096)!;
    expect([at4096['line0'], at4096['line2']]).toEqual(['1.40', '0.90']);
    expect(Number(at4096['rxMin'])).toBeLessThanOrEqual(0.9);
    expect(Number(at4096['rxMax'])).toBeGreaterThanOrEqual(0.9);
    const z = preset('zcrx-2024-zcrx');
    expect(figures['throughput-vs-segment'].table(z.values, z.context).columns).toHaveLength(5);
  });
});

describe('index', () => {
  it('lists every figure once, under its own id', () => {
    expect([...figureIds].sort()).toEqual(Object.keys(figures).sort());
    for (const id of figureIds) expect(figures[id].id).toBe(id);
    expect(isFigureId('memory-bus')).toBe(true);
    expect(isFigureId('toString')).toBe(false);
  });

  it('parses a data-band-keys attribute', () => {
    expect(parseBandKeys(undefined)).toBeUndefined();
    expect(parseBandKeys('')).toEqual([]);
    expect(parseBandKeys('mss, rxCsum,nonsense')).toEqual(['mss', 'rxCsum']);
  });
});

describe('snapshot normaliser', () => {
  it('rounds geometry to one place, keeps the words a reader reads as drawn, and puts one tag on a line', () => {
    expect(normaliseSvg('<g transform="translate(12.345,-0.04)" aria-label="rx 0.90 Gbit/s"><text x="1.26">0.90 Gbit/s</text></g>')).toBe(
      '<g transform="translate(12.3,0.0)" aria-label="rx 0.90 Gbit/s">\n<text x="1.3">0.90 Gbit/s</text>\n</g>\n',
    );
    // Two captions that differ only in the second decimal make two snapshots.
    expect(normaliseSvg('<text>0.91 Gbit/s</text>')).not.toBe(normaliseSvg('<text>0.90 Gbit/s</text>'));
  });
});
