/**
 * Throughput against segment size: send and receive in the current modes and their
 * zero-copy (or copying) alternatives, the unknown ranges as bands, the link as a rule. The
 * drawing, caption and legend are here; the numbers they show in throughput-vs-segment-data.ts.
 */
import * as Plot from '@observablehq/plot';
import { band, clamp, evaluate, PAGE_BYTES, type Values } from '../model/index.ts';
import { chartKey, type KeyEntry } from './key.ts';
import { type Box, dodge, FONT_SIZE, meet, settledMax, textWidth } from './layout.ts';
import { type Palette, palette } from './theme.ts';
import {
  bandKeysOf,
  bandRows,
  type Line,
  lineGrid,
  lineRates,
  lineSpecs,
  onLine,
  rate,
  type Side,
  series,
  table,
  X_MAX,
  X_MIN,
} from './throughput-vs-segment-data.ts';
import type { FigureContext, FigureDef, FigureSize, LegendEntry, Theme } from './types.ts';
import { activeUnknowns, boundLabel, gbps, limitedBy, modeLabel, setBy, unknownRange, unknownWords } from './words.ts';

const TICKS = [256, 1024, 4096, 16384, 65536];
const MARGIN = { top: 24, right: 118, bottom: 40, left: 48 };
/**
 * Below this plot width (px) the lines are named in a key above the chart, not at their ends,
 * so the right margin gives its width back to the plot.
 */
const NARROW_PLOT = 300;
/** The narrow chart's right margin (room for the last tick's label), and its room for the y axis's label (Plot sets it above the key). */
const NARROW_RIGHT = 20;
const AXIS_LABEL = 14;

function options(values: Values, size: FigureSize, theme: Theme, context?: FigureContext): Plot.PlotOptions {
  const v = clamp(values).values;
  const colours = palette(theme);
  const colour = (side: Side): string => (side === 'tx' ? colours.send : colours.receive);
  const specs = lineSpecs(v);
  const grid = lineGrid(v);
  const lines = specs.map((line) => {
    const xs = grid.filter((x) => onLine(line, x));
    const ys = lineRates(v, line, xs);
    return { line, points: xs.map((x, i) => ({ x, y: ys[i]! })) };
  });
  const keys = bandKeysOf(context);
  const bands = keys.length === 0 ? [] : bandRows(v, keys);
  const now = evaluate(v);
  const link = v.linkGbps;
  const yMax = settledMax(
    Math.max(link, ...lines.flatMap((l) => l.points.map((p) => p.y)), ...bands.map((b) => Math.max(b.txMax, b.rxMax))) * 1.12,
  );

  // A chart too narrow to name its lines at their ends names them in a key above it.
  const narrow = size.width - MARGIN.left - MARGIN.right < NARROW_PLOT;
  const key = narrow ? chartKey(keyEntries(specs, colours), size.width - 16) : undefined;
  const margin = key ? { ...MARGIN, top: key.marginTop + AXIS_LABEL, right: NARROW_RIGHT } : MARGIN;
  // The key's lines are added to the height, so the plot keeps what it would have had.
  const height = size.height + margin.top - MARGIN.top;
  const plotH = height - margin.top - margin.bottom;
  const xFrac = (x: number): number => (Math.log(x) - Math.log(X_MIN)) / (Math.log(X_MAX) - Math.log(X_MIN));
  const yPx = (y: number): number => margin.top + plotH * (1 - y / yMax);
  const yData = (px: number): number => (1 - (px - margin.top) / plotH) * yMax;

  // Direct labels at the line ends, moved apart where lines meet (at the link, say).
  const ends = key ? [] : lines.filter((l) => l.points.length > 0).map((l) => ({ ...l.points.at(-1)!, l }));
  const endYs = dodge(
    ends.map((e) => yPx(e.y)),
    FONT_SIZE + 2,
    margin.top,
    margin.top + plotH,
  );
  const endLabels = ends.map((e, i) => ({ x: e.x, y: yData(endYs[i]!), text: e.l.line.label, side: e.l.line.side }));

  const fx = xFrac(v.mss);
  // Each label goes to the side of its dot with room for it (the upper one prefers the left,
  // the lower one the right). On the right it may run into the margin where no line-end
  // label is at its height. One that fits on neither side (a narrow chart) breaks in two, and
  // if it still fits on neither, stands over (or under) its dot, kept inside the drawing.
  const plotW = size.width - margin.left - margin.right;
  const spare = (y: number, below: boolean): number => {
    const mid = yPx(y) + (below ? 1 : -1) * (8 + FONT_SIZE / 2);
    return key || endYs.some((e) => Math.abs(e - mid) < FONT_SIZE * 1.5 + 2) ? 0 : margin.right - 8;
  };
  const widest = (text: string): number => Math.max(...text.split('\n').map((l) => textWidth(l))) * 1.1;
  const room = (text: string, left: boolean, extra: number): number => (left ? fx * plotW : (1 - fx) * plotW + extra) - 6 - widest(text);
  const label = (side: Side, below: boolean): { side: Side; x: number; y: number; text: string; extra: number } => {
    const y = now[side].gbps;
    const extra = spare(y, below);
    const text = `${side === 'tx' ? 'send' : 'receive'}: ${boundLabel(now[side].bound)}, ${gbps(y)} Gbit/s`;
    const at = text.lastIndexOf(', ');
    const fits = Math.max(room(text, true, extra), room(text, false, extra)) >= 0;
    return { side, x: v.mss, y, extra, text: fits ? text : `${text.slice(0, at + 1)}\n${text.slice(at + 2)}` };
  };
  // The current point of each side, labelled with what binds it: the higher label above
  // its dot, the lower below (the curves rise to the right, so those spaces stay clear).
  const txHigher = now.tx.gbps >= now.rx.gbps;
  const upper = label(txHigher ? 'tx' : 'rx', false);
  const lower = label(txHigher ? 'rx' : 'tx', true);
  const points = [upper, lower];
  const dotX = margin.left + fx * plotW;
  /** How a label is anchored, and its offset from its dot, px. */
  const place = (l: typeof upper, preferLeft: boolean): { textAnchor: 'start' | 'end'; dx: number } => {
    const left = room(l.text, true, 0) >= 0;
    const right = room(l.text, false, l.extra) >= 0;
    if (left && (preferLeft || !right)) return { textAnchor: 'end', dx: -6 };
    if (right) return { textAnchor: 'start', dx: 6 };
    const w = widest(l.text);
    return { textAnchor: 'start', dx: Math.max(margin.left, Math.min(dotX - w / 2, size.width - 2 - w)) - dotX };
  };
  const upperAt = place(upper, true);
  const lowerAt = place(lower, false);
  const mtu = keys.length < activeUnknowns(context?.bandKeys).length ? unknownRange('mss') : undefined;
  const halo = { stroke: colours.background, strokeWidth: 4, paintOrder: 'stroke', fill: 'currentColor' } as const;

  // The link's name and the MTU band's go where the current points' labels leave room: the
  // link's above its rule at the right, else at the left, else below it; the band's at the
  // bottom of the chart, else at the top, else the lowest height clear between.
  const pointBox = (l: typeof upper, above: boolean, at: { textAnchor: 'start' | 'end'; dx: number }): Box => {
    const w = widest(l.text);
    const h = l.text.split('\n').length * FONT_SIZE;
    const x0 = dotX + at.dx - (at.textAnchor === 'end' ? w : 0);
    const y = yPx(l.y);
    return above ? { x0, x1: x0 + w, y0: y - 8 - h, y1: y - 8 } : { x0, x1: x0 + w, y0: y + 8, y1: y + 8 + h };
  };
  const taken = [pointBox(upper, true, upperAt), pointBox(lower, false, lowerAt)];
  const linkText = `link ${gbps(link)} Gbit/s`;
  const linkBox = (right: boolean, above: boolean): Box => {
    const x0 = right ? size.width - margin.right - textWidth(linkText) : margin.left;
    const y = yPx(link) + (above ? -4 - FONT_SIZE : 4);
    return { x0, x1: x0 + textWidth(linkText), y0: y, y1: y + FONT_SIZE };
  };
  const linkFree = [
    { right: true, above: true },
    { right: false, above: true },
    { right: true, above: false },
    { right: false, above: false },
  ].find((c) => !taken.some((b) => meet(b, linkBox(c.right, c.above))));
  // With no room anywhere (a narrow chart) the link's name is left to the label of the side
  // it binds, which names it and its rate; it stays, crowded, when neither side is link-bound.
  const linkNamed = linkFree !== undefined || (now.tx.bound !== 'link' && now.rx.bound !== 'link');
  const linkAt = linkFree ?? { right: true, above: true };
  if (linkNamed) taken.push(linkBox(linkAt.right, linkAt.above));
  const mtuText = 'Elan IP MTU unknown';
  /** The band's name `up` px above the bottom of the chart. */
  const mtuBox = (up: number): Box => {
    const x = mtu === undefined ? 0 : margin.left + xFrac(Math.sqrt(mtu.min * mtu.max)) * plotW;
    const y = height - margin.bottom - up - FONT_SIZE;
    return { x0: x - textWidth(mtuText) / 2, x1: x + textWidth(mtuText) / 2, y0: y, y1: y + FONT_SIZE };
  };
  const highest = plotH - 4 - FONT_SIZE;
  const ups = [4, highest, ...Array.from({ length: Math.max(0, Math.floor((highest - 4) / 14)) }, (_, i) => 18 + 14 * i)];
  const mtuUp = ups.find((up) => !taken.some((b) => meet(b, mtuBox(up)))) ?? 4;

  const marks: Plot.Markish[] = [];
  if (mtu !== undefined) {
    marks.push(
      Plot.rectX([mtu], { x1: 'min', x2: 'max', fill: 'currentColor', fillOpacity: 0.07 }),
      Plot.text([mtu], {
        x: (d: { min: number; max: number }) => Math.sqrt(d.min * d.max),
        frameAnchor: 'bottom',
        lineAnchor: 'bottom',
        dy: -mtuUp,
        text: () => mtuText,
        ...halo,
      }),
    );
  }
  if (bands.length > 0) {
    // Page remap exists only at whole pages; elsewhere the receiver copies.
    const rxBands = v.rxMode === 'remap' ? bands.filter((b) => b.x % PAGE_BYTES === 0) : bands;
    marks.push(
      Plot.areaY(bands, { x: 'x', y1: 'txMin', y2: 'txMax', fill: colour('tx'), fillOpacity: 0.16 }),
      Plot.areaY(rxBands, { x: 'x', y1: 'rxMin', y2: 'rxMax', fill: colour('rx'), fillOpacity: 0.16 }),
    );
  }
  marks.push(
    Plot.ruleY([link], { stroke: 'currentColor', strokeDasharray: '5 4', strokeOpacity: 0.8 }),
    ...(linkNamed
      ? [
          Plot.text([link], {
            y: (d: number) => d,
            frameAnchor: linkAt.right ? 'right' : 'left',
            textAnchor: linkAt.right ? 'end' : 'start',
            lineAnchor: linkAt.above ? 'bottom' : 'top',
            dy: linkAt.above ? -4 : 4,
            text: () => linkText,
            ...halo,
          }),
        ]
      : []),
    Plot.ruleX([v.mss], { stroke: 'currentColor', strokeOpacity: 0.25 }),
  );
  // Alternatives first, so the current lines sit on top where they coincide.
  for (const { line, points: pts } of [...lines].sort((a, b) => Number(a.line.current) - Number(b.line.current))) {
    marks.push(
      Plot.line(pts, {
        x: 'x',
        y: 'y',
        stroke: colour(line.side),
        strokeWidth: line.current ? 2.5 : 1.75,
        ...(line.current ? {} : { strokeDasharray: '6 4' }),
      }),
    );
    if (line.pagesOnly) marks.push(Plot.dot(pts, { x: 'x', y: 'y', r: 2.5, fill: colour(line.side) }));
  }
  // The lines' names at their ends, or (narrow) in the key.
  for (const side of key ? [] : (['tx', 'rx'] as const)) {
    marks.push(
      Plot.text(
        endLabels.filter((e) => e.side === side),
        {
          x: 'x',
          y: 'y',
          text: 'text',
          textAnchor: 'start',
          dx: 6,
          ...halo,
        },
      ),
    );
  }
  marks.push(
    Plot.dot(points, {
      x: 'x',
      y: 'y',
      r: 5,
      fill: (d: { side: Side }) => colour(d.side),
      stroke: colours.background,
      strokeWidth: 3,
      paintOrder: 'stroke',
    }),
    Plot.text([upper], {
      x: 'x',
      y: 'y',
      text: 'text',
      ...upperAt,
      lineAnchor: 'bottom',
      dy: -8,
      fontWeight: 600,
      ...halo,
    }),
    Plot.text([lower], {
      x: 'x',
      y: 'y',
      text: 'text',
      ...lowerAt,
      lineAnchor: 'top',
      dy: 8,
      fontWeight: 600,
      ...halo,
    }),
    ...(key ? key.marks(margin.left) : []),
  );
  return {
    width: size.width,
    height,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    style: { fontSize: `${FONT_SIZE}px` },
    x: {
      type: 'log',
      base: 2,
      domain: [X_MIN, X_MAX],
      ticks: TICKS,
      tickFormat: (d: number) => String(d),
      label: 'Segment payload (bytes)',
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    y: { domain: [0, yMax], grid: true, label: 'Gbit/s', labelArrow: 'none', nice: false },
    color: { type: 'identity' },
    marks,
  };
}

/** The key of a narrow chart: each line's swatch (solid: the mode set; dashed: its alternative) and name. */
function keyEntries(specs: readonly Line[], colours: Palette): KeyEntry[] {
  return specs.map((l) => ({
    label: l.label,
    symbol: 'line',
    r: 5,
    fill: 'none',
    stroke: l.side === 'tx' ? colours.send : colours.receive,
    strokeWidth: l.current ? 2.5 : 1.75,
    ...(l.current ? {} : { dash: '4 3' }),
  }));
}

function caption(values: Values, context?: FigureContext): string {
  const v = clamp(values).values;
  const r = evaluate(v);
  const [tx, txAlt, rx, rxAlt] = lineSpecs(v);
  const alt = (line: Line): string => gbps(rate(v, line, v.mss));
  const altTxWords = `${modeLabel('txMode', txAlt!.patch.txMode ?? v.txMode)}${txAlt!.patch.txCsum === 'offload' && v.txCsum !== 'offload' ? ' (with checksum offload)' : ''}`;
  const parts = [
    `Receive runs at ${gbps(r.rx.gbps)} Gbit/s, ${limitedBy(r.rx.bound)}; send at ${gbps(r.tx.gbps)} Gbit/s, ${limitedBy(r.tx.bound)}; end to end ${gbps(r.endToEnd.gbps)} Gbit/s, set by ${setBy(r.endToEnd.bound)}, at ${v.mss}-byte segments.`,
    `For comparison, ${modeLabel('rxMode', rxAlt!.patch.rxMode ?? v.rxMode)} would receive ${alt(rxAlt!)} Gbit/s and ${altTxWords} would send ${alt(txAlt!)} Gbit/s.`,
  ];
  for (const s of [r.tx, r.rx]) if (s.fallback !== null) parts.push(`Note: ${s.fallback}.`);
  if (tx!.pagesOnly || rx!.pagesOnly || rxAlt!.pagesOnly) parts.push('Page remap is drawn only at whole 4096-byte pages.');
  const keys = bandKeysOf(context);
  if (keys.length > 0) {
    const b = band(v, keys);
    parts.push(
      `Bands: ${unknownWords(keys)} (here receive ${gbps(b.rx.min)}–${gbps(b.rx.max)}, send ${gbps(b.tx.min)}–${gbps(b.tx.max)} Gbit/s).`,
    );
  }
  const mtu = activeUnknowns(context?.bandKeys).includes('mss') ? unknownRange('mss') : undefined;
  if (mtu !== undefined) parts.push(`Shaded: the Elan IP MTU is unknown (${mtu.min}–${mtu.max} bytes).`);
  return parts.join(' ');
}

/** The lines (solid: the modes set; dashed: their alternatives) and the bands. */
function legend(values: Values, theme: Theme, context?: FigureContext): LegendEntry[] {
  const v = clamp(values).values;
  const colours = palette(theme);
  const entries: LegendEntry[] = lineSpecs(v).map((l) => ({
    label: `${l.label}${l.current ? '' : ' (alternative)'}`,
    colour: l.side === 'tx' ? colours.send : colours.receive,
    swatch: l.current ? 'line' : 'dashed',
  }));
  // The link rule and the MTU shading are labelled in the chart.
  if (bandKeysOf(context).length > 0) entries.push({ label: 'range over unknowns', colour: colours.neutral, swatch: 'band' });
  return entries;
}

/** Throughput against segment size. */
export const throughputVsSegment: FigureDef = {
  id: 'throughput-vs-segment',
  title: 'Throughput against segment size',
  options,
  caption,
  table,
  series,
  legend,
};
