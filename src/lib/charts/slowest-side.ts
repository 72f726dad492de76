/**
 * "TCP only performs as well as the slowest side": send, receive and window ÷ RTT, with the
 * smallest, the end-to-end rate, highlighted.
 */
import * as Plot from '@observablehq/plot';
import { band, evaluate, type Band, type EndToEnd, type ParamKey, type Values } from '../model/index.ts';
import { fitDomain, FONT_SIZE, LINE, settledMax, stack, textWidth, unbroken, wrap } from './layout.ts';
import { lastOne, stateKey } from './memo.ts';
import { palette } from './theme.ts';
import type { FigureContext, FigureDef, FigureSize, LegendEntry, Table, Theme } from './types.ts';
import { activeUnknowns, boundLabel, gbps, limitedBy, readable, setBy, unknownWords } from './words.ts';

const MARGIN = { marginTop: 28, marginRight: 16, marginBottom: 40, marginLeft: 110 };
/** A bar longer than this many times the longest side's is drawn cut, with its value in words. */
const OFF_SCALE = 3;
const PADDING = 0.4;
/** The narrow layout's margins, and its bar, whisker and row spacing (px). */
const NARROW = { marginTop: 28, marginRight: 12, marginBottom: 40, marginLeft: 12 };
const BAR = 16;
const WHISKER = 14;
const ROW_GAP = 12;
const RANGE_LABEL = 'range over unknowns';

type Key = EndToEnd['bound'];
interface Row {
  key: Key;
  name: string;
  gbps: number;
  detail: string;
  slowest: boolean;
  low?: number;
  high?: number;
}
/** A row as drawn: its bar's end, and whether the bar is cut there. */
type Shown = Row & { x: number; cut: boolean };

function rows(v: Values, b: Band | undefined): Row[] {
  const r = evaluate(v);
  const windowGbps = (r.endToEnd.windowMBps * 8) / 1000;
  const row = (key: Key, name: string, value: number, detail: string, range?: { min: number; max: number }): Row => ({
    key,
    name,
    gbps: value,
    detail,
    slowest: r.endToEnd.bound === key,
    ...(range === undefined ? {} : { low: range.min, high: range.max }),
  });
  return [
    row('tx', 'send', r.tx.gbps, boundLabel(r.tx.bound), b?.tx),
    row('rx', 'receive', r.rx.gbps, boundLabel(r.rx.bound), b?.rx),
    row('window', 'window ÷ RTT', windowGbps, `${v.window} B ÷ ${v.rtt} µs`),
  ];
}

/** The band over the unknowns that apply (chart, caption and table ask for the same one). */
const bandFor = lastOne((v: Values, keys: readonly ParamKey[]) => `${stateKey(v)}/${keys.join()}`, band);
const bandOf = (v: Values, context: FigureContext | undefined): Band | undefined => {
  const keys = activeUnknowns(context?.bandKeys);
  return keys.length === 0 ? undefined : bandFor(v, keys);
};

function options(v: Values, size: FigureSize, theme: Theme, context?: FigureContext): Plot.PlotOptions {
  const colours = palette(theme);
  const data = rows(v, bandOf(v, context));
  const plotW = size.width - MARGIN.marginLeft - MARGIN.marginRight;
  const colour = (d: Row): string => (d.key === 'tx' ? colours.send : d.key === 'rx' ? colours.receive : colours.neutral);
  const sides = Math.max(...data.filter((d) => d.key !== 'window').map((d) => Math.max(d.gbps, d.high ?? 0)));
  const cap = sides * OFF_SCALE;
  const shown = data.map((d) => ({ ...d, x: Math.min(d.gbps, cap), cut: d.gbps > cap }));
  const label = (d: Shown): string =>
    `${gbps(d.gbps)} Gbit/s, ${d.detail}${d.cut ? ' (bar cut)' : ''}${d.slowest ? ' · the slowest side' : ''}`;
  const ranged = shown.filter((d) => d.low !== undefined && d.high !== undefined);
  // Each label right of its bar, the bars keeping a quarter of the width at least (see fitDomain).
  const wide =
    shown.every((d) => textWidth(label(d), FONT_SIZE, d.slowest) + 6 <= plotW * 0.75) &&
    textWidth(RANGE_LABEL, FONT_SIZE - 1) + 5 <= plotW * 0.75;
  if (!wide) return narrowOptions(shown, size, theme);
  const labels = [
    ...shown.map((d) => ({ x: d.x, label: label(d) })),
    ...ranged.slice(0, 1).map((d) => ({ x: d.high ?? 0, label: 'range over unknowns' })),
  ];
  const xMax = settledMax(fitDomain(labels, plotW, Math.max(...shown.map((d) => Math.max(d.x, d.high ?? 0))) * 1.02));
  const e2e = data.find((d) => d.slowest)!;
  const halo = { stroke: colours.background, strokeWidth: 4, paintOrder: 'stroke', fill: 'currentColor' } as const;
  // Bar thickness of the band scale (equal inner and outer padding), and the whisker offset below a bar's centre.
  const plotH = size.height - MARGIN.marginTop - MARGIN.marginBottom;
  const bar = (plotH / (data.length + PADDING)) * (1 - PADDING);
  const under = bar / 2 + Math.min(8, (bar * PADDING) / (1 - PADDING) / 2);
  return {
    width: size.width,
    height: size.height,
    ...MARGIN,
    style: { fontSize: `${FONT_SIZE}px` },
    x: { domain: [0, xMax], grid: true, label: 'Gbit/s', labelAnchor: 'center', labelArrow: 'none' },
    y: { type: 'band', domain: data.map((d) => d.name), label: null, padding: PADDING },
    color: { type: 'identity' },
    marks: [
      Plot.barX(
        shown.filter((d) => !d.slowest),
        { x: 'x', y: 'name', fill: colour, fillOpacity: 0.35, stroke: colour, strokeWidth: 1.5 },
      ),
      Plot.barX(
        shown.filter((d) => d.slowest),
        { x: 'x', y: 'name', fill: colour, stroke: 'currentColor', strokeWidth: 2 },
      ),
      // The spread over the unknown ranges: a whisker in the gap under each side's bar, clear of its label.
      Plot.ruleY(ranged, { y: 'name', x1: 'low', x2: 'high', stroke: 'currentColor', strokeWidth: 1.5, dy: under }),
      ...(['low', 'high'] as const).map((x) =>
        Plot.tickX(ranged, {
          x,
          y: 'name',
          stroke: 'currentColor',
          strokeWidth: 1.5,
          dy: under,
          insetTop: bar / 2 - 4,
          insetBottom: bar / 2 - 4,
        }),
      ),
      Plot.text(ranged.slice(0, 1), {
        x: 'high',
        y: 'name',
        dy: under,
        dx: 5,
        textAnchor: 'start',
        fontSize: FONT_SIZE - 1,
        text: () => RANGE_LABEL,
        ...halo,
      }),
      ...endToEndMarks(e2e.gbps, -4, colours.background),
      ...[false, true].map((slowest) =>
        Plot.text(
          shown.filter((d) => d.slowest === slowest),
          {
            x: 'x',
            y: 'name',
            text: label,
            textAnchor: 'start',
            dx: 6,
            fontWeight: slowest ? 700 : 400,
            ...halo,
          },
        ),
      ),
    ],
  };
}

const endToEndText = (x: number): string => `end to end ${gbps(x)} Gbit/s`;

/** The end-to-end rate: a dashed rule, named above the frame (`dx`: from the rule to the name's start). */
function endToEndMarks(x: number, dx: number, background: string): Plot.Markish[] {
  return [
    Plot.ruleX([x], { stroke: 'currentColor', strokeDasharray: '5 4' }),
    Plot.text([x], {
      x: (d: number) => d,
      frameAnchor: 'top',
      lineAnchor: 'bottom',
      dy: -6,
      textAnchor: 'start',
      dx,
      text: endToEndText,
      fontWeight: 600,
      stroke: background,
      strokeWidth: 4,
      paintOrder: 'stroke',
      fill: 'currentColor',
    }),
  ];
}

/**
 * The layout for a drawing too narrow to label each bar at its end: each row's name and words
 * on lines of their own above its bar (broken at their natural joints to fit), the bars the
 * whole width, the whiskers under them. Returns its own height when the lines need more than
 * `size.height`.
 */
function narrowOptions(shown: readonly Shown[], size: FigureSize, theme: Theme): Plot.PlotOptions {
  const colours = palette(theme);
  const colour = (d: Row): string => (d.key === 'tx' ? colours.send : d.key === 'rx' ? colours.receive : colours.neutral);
  const width = size.width;
  const plotW = width - NARROW.marginLeft - NARROW.marginRight;
  // Broken at its joints; a line that starts with the slowest-side remark drops its dot.
  const words = (d: Shown): string[] =>
    wrap(
      [`${d.name}:`, `${gbps(d.gbps)} Gbit/s,`, d.detail, d.cut ? '(bar cut)' : '', d.slowest ? '· the slowest side' : '']
        .filter((w) => w !== '')
        .map(unbroken)
        .join(' '),
      plotW,
      FONT_SIZE,
      d.slowest,
    ).map((line) => line.replace(/^·\u00a0/, ''));
  const ranged = (d: Shown): boolean => d.low !== undefined && d.high !== undefined;
  const rows = shown.map((d) => ({ d, lines: words(d) }));
  const blocks = rows.map((r) => r.lines.length * LINE + 4 + BAR + (ranged(r.d) ? WHISKER : 0));
  const { height, tops } = stack(blocks, NARROW.marginTop + 6, ROW_GAP, 6 + NARROW.marginBottom, size.height);
  const placed = rows.map((r, i) => {
    const bar = tops[i]! + r.lines.length * LINE + 4;
    return { ...r.d, text: r.lines.join('\n'), top: tops[i]!, bar, whisker: bar + BAR + WHISKER / 2 };
  });
  type Placed = (typeof placed)[number];
  const xMax = settledMax(Math.max(...shown.map((d) => Math.max(d.x, d.high ?? 0))) * 1.04);
  const px = (x: number): number => NARROW.marginLeft + (x / xMax) * plotW;
  const e2e = shown.find((d) => d.slowest)!;
  // The end-to-end label starts at its rule, moved left as far as it must to stay in the drawing.
  const e2eAt = px(e2e.gbps);
  const e2eDx = Math.max(2, Math.min(e2eAt - 4, width - 2 - textWidth(endToEndText(e2e.gbps), FONT_SIZE, true))) - e2eAt;
  const whiskers = placed.filter(ranged);
  // The first whisker's label on its right, or on its left where the right has no room.
  const first = whiskers.slice(0, 1).map((d) => {
    const right = px(d.high ?? 0) + 5 + textWidth(RANGE_LABEL, FONT_SIZE - 1) <= width - 2;
    return { ...d, right, at: right ? (d.high ?? 0) : (d.low ?? 0) };
  });
  const halo = { stroke: colours.background, strokeWidth: 4, paintOrder: 'stroke', fill: 'currentColor' } as const;
  const lineHeight = LINE / FONT_SIZE;
  return {
    width,
    height,
    ...NARROW,
    style: { fontSize: `${FONT_SIZE}px` },
    x: { domain: [0, xMax], grid: true, label: 'Gbit/s', labelAnchor: 'center', labelArrow: 'none' },
    y: { type: 'linear', domain: [0, height], range: [0, height], axis: null },
    color: { type: 'identity' },
    marks: [
      Plot.rectX(
        placed.filter((d) => !d.slowest),
        { x: 'x', y1: 'bar', y2: (d: Placed) => d.bar + BAR, fill: colour, fillOpacity: 0.35, stroke: colour, strokeWidth: 1.5 },
      ),
      Plot.rectX(
        placed.filter((d) => d.slowest),
        { x: 'x', y1: 'bar', y2: (d: Placed) => d.bar + BAR, fill: colour, stroke: 'currentColor', strokeWidth: 2 },
      ),
      Plot.ruleY(whiskers, { y: 'whisker', x1: 'low', x2: 'high', stroke: 'currentColor', strokeWidth: 1.5 }),
      ...(['low', 'high'] as const).map((x) =>
        Plot.ruleX(whiskers, {
          x,
          y1: (d: Placed) => d.whisker - 4,
          y2: (d: Placed) => d.whisker + 4,
          stroke: 'currentColor',
          strokeWidth: 1.5,
        }),
      ),
      Plot.text(first, {
        x: 'at',
        y: 'whisker',
        dx: first[0]?.right === false ? -5 : 5,
        textAnchor: first[0]?.right === false ? 'end' : 'start',
        fontSize: FONT_SIZE - 1,
        text: () => RANGE_LABEL,
        ...halo,
      }),
      ...endToEndMarks(e2e.gbps, e2eDx, colours.background),
      ...[false, true].map((slowest) =>
        Plot.text(
          placed.filter((d) => d.slowest === slowest),
          { x: 0, y: 'top', text: 'text', textAnchor: 'start', lineAnchor: 'top', lineHeight, fontWeight: slowest ? 700 : 400, ...halo },
        ),
      ),
    ],
  };
}

function caption(v: Values, context?: FigureContext): string {
  const r = evaluate(v);
  const side = (k: 'tx' | 'rx'): string => `${gbps(r[k].gbps)} Gbit/s, ${limitedBy(r[k].bound)}`;
  const windowGbps = (r.endToEnd.windowMBps * 8) / 1000;
  const text = [
    `Receive runs at ${side('rx')}; send at ${side('tx')}; window ÷ RTT allows ${gbps(windowGbps)} Gbit/s; end to end ${gbps(r.endToEnd.gbps)} Gbit/s, set by ${setBy(r.endToEnd.bound)}.`,
  ];
  const keys = activeUnknowns(context?.bandKeys);
  const b = bandOf(v, context);
  if (b !== undefined) {
    text.push(
      `Whiskers: ${unknownWords(keys)}; over those ranges receive spans ${gbps(b.rx.min)}–${gbps(b.rx.max)}, send ${gbps(b.tx.min)}–${gbps(b.tx.max)} and end to end ${gbps(b.endToEnd.min)}–${gbps(b.endToEnd.max)} Gbit/s.`,
    );
  }
  return text.join(' ');
}

function table(v: Values, context?: FigureContext): Table {
  return readable(series(v, context), { gbps, low: gbps, high: gbps });
}

/** The bars and whiskers, unrounded. */
function series(v: Values, context?: FigureContext): Table {
  const data = rows(v, bandOf(v, context));
  const banded = data.some((d) => d.low !== undefined);
  return {
    columns: [
      { key: 'name', label: 'Limit' },
      { key: 'gbps', label: 'Rate (Gbit/s)' },
      { key: 'detail', label: 'Set by' },
      ...(banded
        ? [
            { key: 'low', label: 'Low over unknowns (Gbit/s)' },
            { key: 'high', label: 'High over unknowns (Gbit/s)' },
          ]
        : []),
      { key: 'slowest', label: 'Slowest side' },
    ],
    rows: data.map((d) => ({
      name: d.name,
      gbps: d.gbps,
      detail: d.detail,
      ...(banded ? { low: d.low ?? '', high: d.high ?? '' } : {}),
      slowest: d.slowest ? 'yes' : '',
    })),
  };
}

/** The bars' colours; the end-to-end rule and the whiskers are labelled in the chart. */
function legend(_v: Values, theme: Theme): LegendEntry[] {
  const colours = palette(theme);
  return [
    { label: 'send', colour: colours.send, swatch: 'bar' },
    { label: 'receive', colour: colours.receive, swatch: 'bar' },
    { label: 'window ÷ RTT', colour: colours.neutral, swatch: 'bar' },
  ];
}

/** Send, receive and window ÷ RTT: the end-to-end rate is the smallest. */
export const slowestSide: FigureDef = {
  id: 'slowest-side',
  title: 'The slowest side',
  options,
  caption,
  table,
  series,
  legend,
};
