/**
 * Bus traffic on each host against its limits: the memory bus (each payload byte crosses
 * it as the model counts it, src/lib/model/throughput.ts: the DMA, the receiver's first read
 * of a cold payload, and each copy's destination) and the I/O bus the NIC sits on (once per
 * byte, payload DMA).
 */
import * as Plot from '@observablehq/plot';
import { evaluate, type SideResult, type Values } from '../model/index.ts';
import { fitDomain, FONT_SIZE, LINE, settledMax, stack, textWidth, tickOverhang, unbroken, wrap } from './layout.ts';
import { inkOn, palette } from './theme.ts';
import type { FigureContext, FigureDef, FigureSize, LegendEntry, Table, Theme } from './types.ts';
import { activeUnknowns, crossings, megabytes, percent, readable, unknownRange } from './words.ts';

const MARGIN = { marginTop: 16, marginRight: 16, marginBottom: 40, marginLeft: 150 };
const PADDING = 0.3;
/** The narrow layout's margins, and its bar and row spacing (px). */
const NARROW = { marginTop: 8, marginRight: 12, marginBottom: 40, marginLeft: 12 };
const BAR = 18;
const ROW_GAP = 12;
/** Room under the first memory bar for the unknown range's name (px). */
const RANGE_LINE = 14;
const X_LABEL = 'MB/s (10⁶ bytes per second)';

interface Row {
  row: string;
  side: 'tx' | 'rx';
  bus: 'memory' | 'io';
  traffic: number;
  limit: number;
  /** Text at the bar. */
  label: string;
}

function rows(v: Values): Row[] {
  const r = evaluate(v);
  const io = v.busMBps * v.busEff;
  const of = (s: SideResult): Row[] => {
    const side = s === r.tx ? 'tx' : 'rx';
    const name = side === 'tx' ? 'send' : 'receive';
    return [
      {
        row: `${name}: memory bus`,
        side,
        bus: 'memory',
        traffic: s.memTrafficMBps,
        limit: v.memMBps,
        label: `${megabytes(s.memTrafficMBps)} MB/s, ${`${crossings(s.busCrossings)} per byte`}`,
      },
      { row: `${name}: I/O bus`, side, bus: 'io', traffic: s.mbps, limit: io, label: `${megabytes(s.mbps)} MB/s` },
    ];
  };
  return [...of(r.tx), ...of(r.rx)];
}

/** The memory-bus limit's unknown range when it applies. */
const memRange = (context: FigureContext | undefined): { min: number; max: number } | undefined =>
  activeUnknowns(context?.bandKeys).includes('memMBps') ? unknownRange('memMBps') : undefined;

function options(v: Values, size: FigureSize, theme: Theme, context?: FigureContext): Plot.PlotOptions {
  const colours = palette(theme);
  const data = rows(v);
  const range = memRange(context);
  const limitLabel = (d: Row): string => `limit ${megabytes(d.limit)}`;
  // Each label beside its bar or tick, the bars keeping a good part of the width (see fitDomain).
  const wide = data.every(
    (d) => Math.max(textWidth(d.label), textWidth(limitLabel(d))) + 12 <= (size.width - MARGIN.marginLeft - MARGIN.marginRight) * 0.7,
  );
  if (!wide) return narrowOptions(data, size, theme, range);
  const plotH = size.height - MARGIN.marginTop - MARGIN.marginBottom;
  const floor = Math.max(...data.map((d) => Math.max(d.limit, d.traffic)), range?.max ?? 0) * 1.02;
  const limitLabels = data.map((d) => ({ x: d.limit, label: limitLabel(d) }));
  // A traffic label that the limit's tick would cross starts past the tick instead.
  const crossed = (d: Row, domain: number, plotW: number): boolean =>
    d.limit > d.traffic && ((d.limit - d.traffic) / domain) * plotW < textWidth(d.label) + 12;
  const domain = (plotW: number): number => {
    const first = fitDomain([...limitLabels, ...data.map((d) => ({ x: d.traffic, label: d.label }))], plotW, floor);
    return settledMax(
      fitDomain(
        [...limitLabels, ...data.map((d) => ({ x: crossed(d, first, plotW) ? d.limit : d.traffic, label: d.label }))],
        plotW,
        first,
      ),
    );
  };
  const marginRight = rightMargin(MARGIN.marginLeft, MARGIN.marginRight, size.width, domain);
  const plotW = size.width - MARGIN.marginLeft - marginRight;
  const xMax = domain(plotW);
  const px = (x: number): number => (x / xMax) * plotW;
  // Step and bar thickness of the band scale (Plot's default align 0.5, equal inner and outer padding).
  const step = plotH / (data.length + PADDING);
  const bar = step * (1 - PADDING);
  const colour = (d: Row): string => (d.side === 'tx' ? colours.send : colours.receive);
  // The traffic label goes inside its bar when it fits, else just past the bar's end.
  const fits = (d: Row): boolean => px(d.traffic) >= textWidth(d.label) + 12;
  // Past the bar's end, or past the limit's tick when the tick would cross the label.
  const outsideX = (d: Row): number => (crossed(d, xMax, plotW) ? d.limit : d.traffic);
  const halo = { stroke: colours.background, strokeWidth: 4, paintOrder: 'stroke', fill: 'currentColor' } as const;
  const marks: Plot.Markish[] = [];
  if (range !== undefined) {
    marks.push(
      Plot.barX(
        data.filter((d) => d.bus === 'memory'),
        {
          x1: () => range.min,
          x2: () => range.max,
          y: 'row',
          fill: 'currentColor',
          fillOpacity: 0.1,
          inset: -bar * 0.15,
        },
      ),
    );
    marks.push(
      Plot.text(
        data.filter((d) => d.bus === 'memory'),
        {
          x: () => range.max,
          y: 'row',
          text: () => 'unknown range',
          textAnchor: 'end',
          dx: -4,
          dy: bar / 2 - 2,
          lineAnchor: 'bottom',
          fontSize: FONT_SIZE - 1,
          fill: 'currentColor',
        },
      ),
    );
  }
  marks.push(
    Plot.barX(data, { x: 'traffic', y: 'row', fill: colour }),
    Plot.tickX(data, { x: 'limit', y: 'row', stroke: 'currentColor', strokeWidth: 2.5, inset: -bar * 0.15 }),
    Plot.text(data, {
      x: 'limit',
      y: 'row',
      text: limitLabel,
      textAnchor: 'start',
      dx: 5,
      dy: -bar / 2 - 1,
      lineAnchor: 'bottom',
      ...halo,
    }),
    Plot.text(
      data.filter((d) => !fits(d)),
      { x: outsideX, y: 'row', text: 'label', textAnchor: 'start', dx: 6, ...halo },
    ),
    ...[colours.send, colours.receive].map((c) =>
      Plot.text(
        data.filter((d) => fits(d) && colour(d) === c),
        {
          x: 0,
          y: 'row',
          text: 'label',
          textAnchor: 'start',
          dx: 6,
          fill: inkOn(c),
        },
      ),
    ),
  );
  return {
    width: size.width,
    height: size.height,
    ...MARGIN,
    marginRight,
    style: { fontSize: `${FONT_SIZE}px` },
    x: { domain: [0, xMax], grid: true, label: X_LABEL, labelAnchor: 'center', labelArrow: 'none' },
    y: { type: 'band', domain: data.map((d) => d.row), label: null, padding: PADDING },
    color: { type: 'identity' },
    marks,
  };
}

/**
 * The right margin: `base`, or wider where the last tick's label (Plot centres it on the tick)
 * would reach past the drawing's edge at the domain `domain` gives a plot width.
 */
function rightMargin(left: number, base: number, width: number, domain: (plotW: number) => number): number {
  const plotW = width - left - base;
  return Math.max(base, tickOverhang(domain(plotW), plotW) + 2);
}

/**
 * The layout for a drawing too narrow to name the rows at the left and label the bars at
 * their ends: each row's name and traffic on lines of their own above its bar (broken at
 * their joints), the bars the whole width with the limit named beside its tick, and the
 * unknown range named once, under the first memory bar. Returns its own height when the
 * lines need more than `size.height`.
 */
function narrowOptions(
  data: readonly Row[],
  size: FigureSize,
  theme: Theme,
  range: { min: number; max: number } | undefined,
): Plot.PlotOptions {
  const colours = palette(theme);
  const width = size.width;
  const limitLabel = (d: Row): string => `limit ${megabytes(d.limit)}`;
  const floor = Math.max(...data.map((d) => Math.max(d.limit, d.traffic)), range?.max ?? 0) * 1.02;
  const domain = (plotW: number): number =>
    settledMax(
      fitDomain(
        data.map((d) => ({ x: d.limit, label: limitLabel(d) })),
        plotW,
        floor,
        8,
      ),
    );
  const marginRight = rightMargin(NARROW.marginLeft, NARROW.marginRight, width, domain);
  const plotW = width - NARROW.marginLeft - marginRight;
  const xMax = domain(plotW);
  const named = range === undefined ? undefined : data.find((d) => d.bus === 'memory');
  const rows = data.map((d) => ({
    d,
    lines: wrap(
      [`${d.row.replace(': ', ', ')}:`, ...d.label.split(', ').map((w, i, all) => (i < all.length - 1 ? `${w},` : w))]
        .map(unbroken)
        .join(' '),
      plotW,
    ),
  }));
  const blocks = rows.map((r) => r.lines.length * LINE + 4 + BAR + (r.d === named ? RANGE_LINE : 0));
  const { height, tops } = stack(blocks, NARROW.marginTop, ROW_GAP, 8 + NARROW.marginBottom, size.height);
  const placed = rows.map((r, i) => {
    const bar = tops[i]! + r.lines.length * LINE + 4;
    return { ...r.d, text: r.lines.join('\n'), top: tops[i]!, bar, mid: bar + BAR / 2 };
  });
  type Placed = (typeof placed)[number];
  const colour = (d: Row): string => (d.side === 'tx' ? colours.send : colours.receive);
  const halo = { stroke: colours.background, strokeWidth: 4, paintOrder: 'stroke', fill: 'currentColor' } as const;
  const memory = placed.filter((d) => d.bus === 'memory');
  const over = { y1: (d: Placed) => d.bar - 3, y2: (d: Placed) => d.bar + BAR + 3 };
  return {
    width,
    height,
    ...NARROW,
    marginRight,
    style: { fontSize: `${FONT_SIZE}px` },
    x: { domain: [0, xMax], grid: true, label: X_LABEL, labelAnchor: 'center', labelArrow: 'none' },
    y: { type: 'linear', domain: [0, height], range: [0, height], axis: null },
    color: { type: 'identity' },
    marks: [
      ...(range === undefined
        ? []
        : [
            Plot.rectX(memory, { x1: () => range.min, x2: () => range.max, ...over, fill: 'currentColor', fillOpacity: 0.1 }),
            Plot.text(
              memory.filter((d) => d.row === named?.row),
              {
                x: () => range.max,
                y: (d: Placed) => d.bar + BAR + 4,
                text: () => 'unknown range',
                textAnchor: 'end',
                lineAnchor: 'top',
                dx: -4,
                fontSize: FONT_SIZE - 1,
                fill: 'currentColor',
              },
            ),
          ]),
      Plot.rectX(placed, { x: 'traffic', y1: 'bar', y2: (d: Placed) => d.bar + BAR, fill: colour }),
      Plot.ruleX(placed, { x: 'limit', ...over, stroke: 'currentColor', strokeWidth: 2.5 }),
      Plot.text(placed, { x: 'limit', y: 'mid', text: limitLabel, textAnchor: 'start', dx: 6, ...halo }),
      Plot.text(placed, { x: 0, y: 'top', text: 'text', textAnchor: 'start', lineAnchor: 'top', lineHeight: LINE / FONT_SIZE, ...halo }),
    ],
  };
}

function caption(v: Values, context?: FigureContext): string {
  const r = evaluate(v);
  const io = v.busMBps * v.busEff;
  const share = (s: SideResult): string => `${megabytes(s.memTrafficMBps)} MB/s, ${percent(s.memTrafficMBps / v.memMBps)}`;
  const text = [
    `Each payload byte crosses the memory bus ${r.tx.busCrossings} ${r.tx.busCrossings === 1 ? 'time' : 'times'} on the sender and ${r.rx.busCrossings} on the receiver: send moves ${share(r.tx)} of the ${megabytes(v.memMBps)} MB/s sustained limit; receive ${share(r.rx)}.`,
    `The I/O bus (${megabytes(io)} MB/s usable) carries ${megabytes(r.tx.mbps)} MB/s on the sender and ${megabytes(r.rx.mbps)} MB/s on the receiver.`,
  ];
  const bound = (['tx', 'rx'] as const)
    .filter((k) => r[k].bound === 'memory' || r[k].bound === 'bus')
    .map((k) => `${r[k].bound === 'memory' ? 'the memory bus' : 'the I/O bus'} binds the ${k === 'tx' ? 'sender' : 'receiver'}`);
  text.push(bound.length > 0 ? `${bound.join('; ').replace(/^./, (c) => c.toUpperCase())}.` : 'Neither bus binds either side.');
  const range = memRange(context);
  if (range !== undefined) text.push(`Shaded: unknown memory bus, ${megabytes(range.min)}–${megabytes(range.max)} MB/s sustained.`);
  return text.join(' ');
}

function table(v: Values): Table {
  return readable(series(v), { traffic: megabytes, limit: megabytes, share: percent });
}

/** The bars and limits, unrounded (MB/s; the share as a fraction). */
function series(v: Values, context?: FigureContext): Table {
  const range = memRange(context);
  return {
    columns: [
      { key: 'row', label: 'Host and bus' },
      { key: 'traffic', label: 'Traffic (MB/s)' },
      { key: 'limit', label: 'Limit (MB/s)' },
      { key: 'share', label: 'Share of limit' },
      ...(range === undefined
        ? []
        : [
            { key: 'low', label: 'Limit low over unknowns (MB/s)' },
            { key: 'high', label: 'Limit high over unknowns (MB/s)' },
          ]),
    ],
    rows: rows(v).map((d) => ({
      row: d.row,
      traffic: d.traffic,
      limit: d.limit,
      share: d.traffic / d.limit,
      ...(range === undefined ? {} : d.bus === 'memory' ? { low: range.min, high: range.max } : { low: '', high: '' }),
    })),
  };
}

/** The bars' colours; limits and the unknown range are labelled in the chart. */
function legend(_v: Values, theme: Theme): LegendEntry[] {
  const colours = palette(theme);
  return [
    { label: 'send traffic', colour: colours.send, swatch: 'bar' },
    { label: 'receive traffic', colour: colours.receive, swatch: 'bar' },
  ];
}

/** Bus traffic against the memory-bus and I/O-bus limits. */
export const memoryBus: FigureDef = {
  id: 'memory-bus',
  title: 'Memory and I/O bus traffic',
  options,
  caption,
  table,
  series,
  legend,
};
