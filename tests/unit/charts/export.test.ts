import { blankDocument, xmlDocument } from '../../support/dom.ts';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  csvField,
  downloadName,
  exportSvg,
  figureCsv,
  FOREGROUND,
  pngSize,
  SVG_LAYOUT,
  toCsv,
  type ExportOptions,
} from '../../../src/lib/charts/export.ts';
import { figureIds, figures } from '../../../src/lib/charts/index.ts';
import { DENSITY, EXPORT_SIZES, layoutSize } from '../../../src/lib/charts/sizes.ts';
import { BACKGROUND } from '../../../src/lib/charts/theme.ts';
import { TABLE_SEGMENTS } from '../../../src/lib/charts/throughput-vs-segment-data.ts';
import type { FigureContext, FigureDef, FigureId } from '../../../src/lib/charts/types.ts';
import { UNKNOWN_KEYS } from '../../../src/lib/charts/words.ts';
import { EXPORT_GLYPHS } from '../../../src/lib/fonts/export-font.ts';
import { outlineBoxes } from '../../charts/text-boxes.ts';
import { permalink } from '../../../src/lib/embed/links.ts';
import { band, evaluate, MODEL_VERSION, presetById, presetValues, type Values } from '../../../src/lib/model/index.ts';

const SITE = 'https://slowest.example/';
const PRESETS = ['quadrics-2002', 'zcrx-2024-zcrx'] as const;

function preset(id: string): { values: Values; context: FigureContext } {
  const p = presetById(id);
  if (p === undefined) throw new Error(`no preset ${id}`);
  return { values: presetValues(p), context: { bandKeys: p.bandKeys } };
}

/** A file as the build and the share dialog write it: text outlined with the export glyphs (unless told `glyphs: undefined`). */
function svgOf(
  def: FigureDef,
  values: Values,
  opts: Omit<ExportOptions, 'document' | 'glyphs'> & Partial<Pick<ExportOptions, 'glyphs'>>,
): string {
  const document = blankDocument();
  return exportSvg(def, values, { glyphs: EXPORT_GLYPHS, ...opts, document: document as unknown as Document });
}

/** An attribute of a parsed file, its character references read (linkedom's XML parser leaves `&amp;` and `&lt;` as written). */
const attr = (el: Element | null | undefined, name: string): string | undefined =>
  el
    ?.getAttribute(name)
    ?.replace(
      /&(lt|gt|amp|quot|#10|#13|#9);/g,
      (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#10': '\n', '#13': '\r', '#9': '\t' })[e]!,
    );

/** The strings of the outlined texts among `el`'s children (or all below it, `deep`); none when there is no `el`. */
const words = (el: Element | null, deep = false): (string | undefined)[] =>
  el === null
    ? []
    : (deep ? [...el.querySelectorAll('[data-text]')] : [...el.children].filter((c) => c.hasAttribute('data-text'))).map((c) =>
        attr(c, 'data-text'),
      );

/** The file parsed back (linkedom is lenient; `strict` below checks well-formedness). */
const parse = (svg: string): Element => xmlDocument(svg).documentElement;

/** librsvg parses with libxml2, which rejects any malformed XML; resolves to the rasterised size. */
async function strict(svg: string, density?: number): Promise<{ width: number; height: number }> {
  const { info } = await sharp(Buffer.from(svg), density === undefined ? {} : { density })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height };
}

const source = (figure: FigureId, values: Values, presetId?: string): string =>
  `Slowest Side · model v${MODEL_VERSION} · ${permalink(SITE, figure, values, presetId)}`;

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  return rows;
}

/** The CSV as records keyed by header. */
function records(csv: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...rest] = readCsv(csv);
  return { header: header!, rows: rest.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']))) };
}

describe('exportSvg', () => {
  for (const figure of figureIds) {
    for (const theme of ['light', 'dark', 'transparent'] as const) {
      it(`${figure}, ${theme}: a standalone file with title, legend, chart and source line`, async () => {
        const { values, context } = preset('quadrics-2002');
        const def = figures[figure];
        const svg = svgOf(def, values, { theme, size: SVG_LAYOUT, site: SITE, preset: 'quadrics-2002', context });
        expect(await strict(svg)).toEqual({ width: 720, height: 400 });
        const root = parse(svg);
        expect(root.localName).toBe('svg');
        expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
        expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual([
          '720',
          '400',
          '0 0 720 400',
        ]);
        const ink = theme === 'dark' ? FOREGROUND.dark : FOREGROUND.light;
        expect(root.getAttribute('color')).toBe(ink);
        // Text travels as outlines: no text, and nothing left that names a font.
        expect(root.querySelectorAll('text, tspan').length).toBe(0);
        expect(svg).not.toMatch(/font-(family|size|weight)=|text-anchor=/);

        const background = [...root.children].filter(
          (c) => c.localName === 'rect' && c.getAttribute('width') === '720' && c.getAttribute('height') === '400',
        );
        expect(background.map((r) => r.getAttribute('fill'))).toEqual(
          theme === 'transparent' ? [] : [BACKGROUND[theme === 'dark' ? 'dark' : 'light']],
        );

        expect(root.querySelector('title')?.textContent).toBe(def.title);
        const texts = words(root);
        expect(texts).toContain(def.title);
        // A figure of published numbers names no preset: it draws the same at every one.
        if (def.stateless) expect(texts).not.toContain('Quadrics, June 2002 (2.4.3)');
        else expect(texts).toContain('Quadrics, June 2002 (2.4.3)');
        expect(attr(root.querySelector('[data-part="source"]'), 'data-text')).toBe(source(figure, values, 'quadrics-2002'));

        const legend = words(root.querySelector('g[data-part="legend"]'));
        const expected = def.legend?.(values, theme === 'dark' ? 'dark' : 'light', context).map((e) => e.label) ?? [];
        expect(legend).toEqual(expected);
        // Figures without an export legend draw their own key in the chart.
        const ownKey: Partial<Record<FigureId, string>> = {
          'time-breakdown': 'checksum',
          measurements: 'model, fitted (calibration)',
          'thread-numbers': 'stated in the thread',
        };
        if (def.legend === undefined) expect(words(root.querySelector('svg'), true)).toContain(ownKey[figure]);
        else expect(legend.length).toBeGreaterThanOrEqual(2);

        const chart = root.querySelector('svg');
        expect(chart?.querySelectorAll('g[aria-label]').length).toBeGreaterThan(0);
        const title = outlineBoxes(root).find((b) => b.text === def.title)!;
        expect(Number(chart?.getAttribute('y'))).toBeGreaterThan(title.y1);
        expect(root.querySelectorAll('script, foreignObject, style, image, use').length).toBe(0);
        expect(svg).not.toMatch(/\s(?:xlink:)?href="(?!#)|url\((?!#)|\son[a-z]+=|@import|NaN|undefined/);
        const halos = [...root.querySelectorAll('[paint-order="stroke"]')].map((e) => e.getAttribute('stroke'));
        if (theme === 'transparent') expect(halos.filter((s) => s !== 'none')).toEqual([]);
      });
    }
  }

  it('escapes a title, preset and site with markup characters, and keeps the text intact', async () => {
    const { values, context } = preset('tengig-2003');
    const def: FigureDef = { ...figures['slowest-side'], title: 'Send <b>&</b> "receive"' };
    const site = 'https://x.example/a&b<c>"d/';
    const svg = svgOf(def, values, { theme: 'light', size: SVG_LAYOUT, site, preset: 'tengig-2003', context });
    await strict(svg);
    const root = parse(svg);
    expect(root.querySelector('title')?.textContent).toBe('Send <b>&</b> "receive"');
    expect(root.querySelector('b')).toBeNull();
    expect(words(root)).toEqual(expect.arrayContaining(['Send <b>&</b> "receive"', '10-Gigabit Ethernet, Hurwitz & Feng 2003']));
    expect(attr(root.querySelector('[data-part="source"]'), 'aria-label')).toContain(
      `${site}articles/copy-vs-zero-copy/?preset=tengig-2003#fig-slowest-side`,
    );
  });

  it('wraps a long source line on a narrow layout, its text still the whole line', () => {
    const values = { ...preset('quadrics-2002').values, mss: 3000, rtt: 250, window: 131072, rxCopyMBps: 190 };
    const svg = svgOf(figures['throughput-vs-segment'], values, { theme: 'light', size: { width: 540, height: 540 }, site: SITE });
    const line = parse(svg).querySelector('[data-part="source"]')!;
    expect(attr(line, 'data-text')).toBe(source('throughput-vs-segment', values));
    expect(attr(line, 'data-text')).toContain('?mss=3000');
    // A line a path.
    expect(line.querySelectorAll('path').length).toBeGreaterThan(1);
    // A custom state names no preset.
    expect(words(parse(svg))).toHaveLength(2);
  });

  it('scales a chart that takes more height than it is given into its room, above the source line', () => {
    const { values, context } = preset('quadrics-2002');
    // A figure whose layout needs 600 px whatever it is given (as a narrow layout may).
    const base = figures['slowest-side'];
    const tall: FigureDef = { ...base, options: (v, size, theme, c) => ({ ...base.options(v, size, theme, c), height: 600 }) };
    const root = parse(svgOf(tall, values, { theme: 'light', size: SVG_LAYOUT, site: SITE, context }));
    const chart = root.querySelector('svg')!;
    const [top, height, width] = ['y', 'height', 'width'].map((a) => Number(chart.getAttribute(a)));
    expect(chart.getAttribute('viewBox')).toBe(`0 0 ${SVG_LAYOUT.width - 16} 600`);
    const sourceTop = outlineBoxes(root).find((b) => b.text.startsWith('Slowest Side'))!.y0;
    expect(top! + height!).toBeLessThanOrEqual(sourceTop);
    expect(width! / height!).toBeCloseTo((SVG_LAYOUT.width - 16) / 600, 5);
  });

  it('leaves the source line out when asked (a page that prints it as text), and gives the chart its room', () => {
    const { values, context } = preset('quadrics-2002');
    const opts = { theme: 'light', size: SVG_LAYOUT, site: SITE, preset: 'quadrics-2002', context } as const;
    const withLine = parse(svgOf(figures['slowest-side'], values, opts));
    const without = parse(svgOf(figures['slowest-side'], values, { ...opts, source: false }));
    expect(withLine.querySelector('[data-part="source"]')).not.toBeNull();
    expect(without.querySelector('[data-part="source"]')).toBeNull();
    expect([...without.querySelectorAll('[data-text]')].map((t) => t.getAttribute('data-text')).join(' ')).not.toContain(
      `${SITE}articles/`,
    );
    // The title, legend and chart are still there; the chart is taller by the line's room.
    expect(without.querySelector('title')?.textContent).toBe(figures['slowest-side'].title);
    const chartHeight = (root: Element): number => Number(root.querySelector('svg')?.getAttribute('height'));
    expect(chartHeight(without)).toBeGreaterThan(chartHeight(withLine));
    expect(Number(without.querySelector('svg')?.getAttribute('y')) + chartHeight(without)).toBeLessThanOrEqual(SVG_LAYOUT.height);
  });

  it('lays a PNG out at half its pixels and asks for DENSITY px per CSS px', async () => {
    for (const size of EXPORT_SIZES) {
      expect(pngSize(`${size.id}.png`)).toBe(size);
      expect(layoutSize(size)).toEqual({ width: size.width / DENSITY, height: size.height / DENSITY });
    }
    expect(pngSize('svg')).toBeUndefined();
    const { values, context } = preset('quadrics-2002');
    const size = pngSize('1080x1080.png')!;
    const layout = layoutSize(size);
    const plain = svgOf(figures['slowest-side'], values, { theme: 'light', size: layout, site: SITE, context });
    expect(await strict(plain, 72 * DENSITY)).toEqual({ width: 1080, height: 1080 });
    const scaled = parse(svgOf(figures['slowest-side'], values, { theme: 'light', size: layout, site: SITE, context, scale: DENSITY }));
    expect([scaled.getAttribute('width'), scaled.getAttribute('height'), scaled.getAttribute('viewBox')]).toEqual([
      '1080',
      '1080',
      '0 0 540 540',
    ]);
  });
});

describe('figureCsv', () => {
  it('quotes fields per RFC 4180 and ends every record with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    const csv = toCsv({
      columns: [
        { key: 'a', label: 'A, "first"' },
        { key: 'b', label: 'B' },
      ],
      rows: [{ a: 'x\r\ny', b: 2 }, { a: '' }],
    });
    expect(csv).toBe('"A, ""first""",B\r\n"x\r\ny",2\r\n,\r\n');
    expect(readCsv(csv)).toEqual([
      ['A, "first"', 'B'],
      ['x\r\ny', '2'],
      ['', ''],
    ]);
  });

  for (const id of PRESETS) {
    it(`throughput-vs-segment at ${id}: every plotted point, equal to the model`, () => {
      const { values, context } = preset(id);
      const csv = figureCsv(figures['throughput-vs-segment'], values, context);
      expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
      const { header, rows } = records(csv);
      const xs = rows.map((r) => Number(r['Segment payload (bytes)']));
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      for (const x of [...TABLE_SEGMENTS, values.mss, 256, 65536]) expect(xs).toContain(x);
      expect(rows.length).toBeGreaterThan(60);
      // The four lines: each side's mode at this state and its alternative (what the chart draws).
      const txAlt: Partial<Values> = values.txMode === 'copy' ? { txMode: 'sendfile', txCsum: 'offload' } : { txMode: 'copy' };
      const rxAlt: Partial<Values> = values.rxMode === 'copy' || values.rxMode === 'csum-copy' ? { rxMode: 'direct' } : { rxMode: 'copy' };
      const lines: { column: string; side: 'tx' | 'rx'; patch: Partial<Values> }[] = [
        { column: `Send, ${values.txMode} (Gbit/s)`, side: 'tx', patch: {} },
        { column: `Send, ${txAlt.txMode} (Gbit/s)`, side: 'tx', patch: txAlt },
        { column: `Receive, ${values.rxMode} (Gbit/s)`, side: 'rx', patch: {} },
        { column: `Receive, ${rxAlt.rxMode} (Gbit/s)`, side: 'rx', patch: rxAlt },
      ];
      expect(header.slice(0, 5)).toEqual(['Segment payload (bytes)', ...lines.map((l) => l.column)]);
      for (const row of rows) {
        const mss = Number(row['Segment payload (bytes)']);
        for (const l of lines) {
          const cell = row[l.column]!;
          const onlyPages = l.side === 'rx' && (l.patch.rxMode ?? values.rxMode) === 'remap';
          if (onlyPages && mss % 4096 !== 0) expect(cell).toBe('');
          else expect(Number(cell)).toBe(evaluate({ ...values, ...l.patch, mss })[l.side].gbps);
        }
      }
      const keys = (context.bandKeys ?? UNKNOWN_KEYS).filter((k) => k !== 'mss');
      const banded = rows.filter((r) => r['Send band low (Gbit/s)'] !== '' && r['Send band low (Gbit/s)'] !== undefined);
      if (keys.length === 0) expect(header).toHaveLength(5);
      else {
        expect(header).toHaveLength(9);
        expect(banded.length).toBeGreaterThan(20);
        for (const row of banded.filter((_, i) => i % 5 === 0)) {
          const b = band({ ...values, mss: Number(row['Segment payload (bytes)']) }, keys);
          expect([row['Send band low (Gbit/s)'], row['Send band high (Gbit/s)']].map(Number)).toEqual([b.tx.min, b.tx.max]);
          expect([row['Receive band low (Gbit/s)'], row['Receive band high (Gbit/s)']].map(Number)).toEqual([b.rx.min, b.rx.max]);
        }
      }
    });

    it(`the bar figures at ${id}: unrounded values equal to the model`, () => {
      const { values, context } = preset(id);
      const r = evaluate(values);
      const slowest = records(figureCsv(figures['slowest-side'], values, context)).rows;
      expect(slowest.map((x) => [x['Limit'], Number(x['Rate (Gbit/s)'])])).toEqual([
        ['send', r.tx.gbps],
        ['receive', r.rx.gbps],
        ['window ÷ RTT', (r.endToEnd.windowMBps * 8) / 1000],
      ]);
      expect(slowest.filter((x) => x['Slowest side'] === 'yes').map((x) => Number(x['Rate (Gbit/s)']))).toEqual([r.endToEnd.gbps]);

      const times = records(figureCsv(figures['time-breakdown'], values, context)).rows;
      for (const [i, side] of (['tx', 'rx'] as const).entries()) {
        const s = r[side].segmentUs;
        expect(
          [
            times[i]!['Protocol (µs)'],
            times[i]!['Copy (µs)'],
            times[i]!['Checksum (µs)'],
            times[i]!['Remap / refill (µs)'],
            times[i]!['Total (µs)'],
          ].map(Number),
        ).toEqual([s.protocol, s.copy, s.checksum, s.remap, r[side].segmentTotalUs]);
      }

      const buses = records(figureCsv(figures['memory-bus'], values, context)).rows;
      const io = values.busMBps * values.busEff;
      expect(buses.map((b) => [b['Host and bus'], Number(b['Traffic (MB/s)']), Number(b['Limit (MB/s)'])])).toEqual([
        ['send: memory bus', r.tx.memTrafficMBps, values.memMBps],
        ['send: I/O bus', r.tx.mbps, io],
        ['receive: memory bus', r.rx.memTrafficMBps, values.memMBps],
        ['receive: I/O bus', r.rx.mbps, io],
      ]);
    });
  }
});

describe('downloadName', () => {
  it('names the figure, the preset (or "custom"), the theme and the kind', () => {
    const { values } = preset('quadrics-2002');
    expect(downloadName('slowest-side', values, 'svg', 'quadrics-2002')).toBe('slowest-side-slowest-side-quadrics-2002.svg');
    expect(downloadName('memory-bus', values, 'csv', 'quadrics-2002', 'dark')).toBe('slowest-side-memory-bus-quadrics-2002.csv');
    expect(downloadName('memory-bus', values, '1920x1080.png', 'quadrics-2002', 'dark')).toBe(
      'slowest-side-memory-bus-quadrics-2002-dark-1920x1080.png',
    );
    expect(downloadName('time-breakdown', { ...values, mss: 3000 }, '1080x1080.png', 'quadrics-2002')).toBe(
      'slowest-side-time-breakdown-custom-1080x1080.png',
    );
    expect(downloadName('time-breakdown', values, 'svg')).toBe('slowest-side-time-breakdown-custom.svg');
  });
});
