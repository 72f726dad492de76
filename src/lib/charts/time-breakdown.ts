/**
 * CPU time per segment on each side, stacked by kind of work: protocol, copy, checksum,
 * and remap (page remap or buffer refill).
 */
import * as Plot from '@observablehq/plot';
import { evaluate, type SegmentTime, type SideResult, type Values } from '../model/index.ts';
import { fitDomain, FONT_SIZE, settledMax, textWidth } from './layout.ts';
import { inkOn, palette } from './theme.ts';
import type { FigureDef, FigureSize, Table, Theme } from './types.ts';
import { micros, readable } from './words.ts';

const KINDS = ['protocol', 'copy', 'checksum', 'remap'] as const satisfies readonly (keyof SegmentTime)[];
type Kind = (typeof KINDS)[number];
const KIND_LABEL: Readonly<Record<Kind, string>> = {
  protocol: 'protocol',
  copy: 'copy',
  checksum: 'checksum',
  remap: 'remap / refill',
};
const SIDES = [
  ['tx', 'send'],
  ['rx', 'receive'],
] as const;
const MARGIN = { marginTop: 40, marginRight: 16, marginBottom: 40, marginLeft: 64 };
/** The legend's left edge when it cannot start over the bars, and its line spacing (px). */
const LEGEND_PAD = 8;
const LEGEND_LINE = 18;

interface Segment {
  side: string;
  kind: Kind;
  x1: number;
  x2: number;
  us: number;
}

function segments(r: { tx: SideResult; rx: SideResult }): Segment[] {
  return SIDES.flatMap(([key, side]) => {
    let x = 0;
    return KINDS.map((kind) => {
      const us = r[key].segmentUs[kind];
      const s = { side, kind, x1: x, x2: x + us, us };
      x += us;
      return s;
    });
  });
}

const totalLabel = (s: SideResult): string => `${micros(s.segmentTotalUs)} µs${s.cores > 1 ? ` on ${s.cores} cores` : ''}`;

function options(v: Values, size: FigureSize, theme: Theme): Plot.PlotOptions {
  const colours = palette(theme);
  const r = evaluate(v);
  const segs = segments(r);
  const plotW = size.width - MARGIN.marginLeft - MARGIN.marginRight;
  const totals = SIDES.map(([key, side]) => ({ side, x: r[key].segmentTotalUs, label: totalLabel(r[key]) }));
  const xMax = settledMax(fitDomain(totals, plotW, Math.max(...totals.map((t) => t.x), 1e-9) * 1.02));
  const px = (us: number): number => (us / xMax) * plotW;
  // A value goes inside its segment when it fits there; the data table has every value.
  const inside = segs.filter((s) => s.us > 0 && px(s.us) >= textWidth(micros(s.us)) + 8);
  const fill = (k: Kind): string => colours[k];
  // The legend is drawn with marks so it survives in the standalone SVG (Plot's legends are HTML).
  // It starts over the bars; where it is too long for that, at the drawing's left edge, flowed
  // into as many lines as the width needs.
  const entry = (kind: Kind): number => 18 + textWidth(KIND_LABEL[kind]);
  const length = KINDS.reduce((n, k) => n + entry(k) + 14, -14);
  const start = MARGIN.marginLeft + length <= size.width - 4 ? 0 : LEGEND_PAD - MARGIN.marginLeft;
  const legend: { kind: Kind; dx: number; dy: number }[] = [];
  let dx = start;
  let line = 0;
  for (const kind of KINDS) {
    if (dx > start && MARGIN.marginLeft + dx + entry(kind) > size.width - 4) {
      dx = start;
      line += 1;
    }
    legend.push({ kind, dx, dy: line * LEGEND_LINE });
    dx += entry(kind) + 14;
  }
  const marginTop = MARGIN.marginTop + line * LEGEND_LINE;
  const halo = { stroke: colours.background, strokeWidth: 4, paintOrder: 'stroke', fill: 'currentColor' } as const;
  return {
    width: size.width,
    height: size.height,
    ...MARGIN,
    marginTop,
    style: { fontSize: `${FONT_SIZE}px` },
    x: { domain: [0, xMax], grid: true, label: 'CPU time per segment (µs)', labelAnchor: 'center', labelArrow: 'none' },
    y: { type: 'band', domain: SIDES.map(([, s]) => s), label: null, padding: 0.3 },
    color: { type: 'identity' },
    marks: [
      Plot.barX(segs, {
        x1: 'x1',
        x2: 'x2',
        y: 'side',
        fill: (d: Segment) => fill(d.kind),
        stroke: colours.background,
        strokeWidth: 2,
        paintOrder: 'stroke',
      }),
      // One mark for every value inside a segment, each in the ink its segment's colour needs.
      Plot.text(inside, {
        x: (d: Segment) => (d.x1 + d.x2) / 2,
        y: 'side',
        text: (d: Segment) => micros(d.us),
        fill: (d: Segment) => inkOn(fill(d.kind)),
      }),
      Plot.text(totals, { x: 'x', y: 'side', text: 'label', textAnchor: 'start', dx: 6, fontWeight: 600, ...halo }),
      ...legend.flatMap((l) => [
        Plot.dot([l.kind], {
          frameAnchor: 'top-left',
          dx: l.dx + 5,
          dy: l.dy - marginTop + 17,
          symbol: 'square',
          r: 5,
          fill: fill(l.kind),
        }),
        Plot.text([KIND_LABEL[l.kind]], {
          frameAnchor: 'top-left',
          dx: l.dx + 14,
          dy: l.dy - marginTop + 16,
          textAnchor: 'start',
          text: (d: string) => d,
          fill: 'currentColor',
        }),
      ]),
    ],
  };
}

function caption(v: Values): string {
  const r = evaluate(v);
  const spent = (s: SideResult): string => {
    const parts = KINDS.filter((k) => s.segmentUs[k] > 0).map((k) => `${KIND_LABEL[k]} ${micros(s.segmentUs[k])}`);
    return `${micros(s.segmentTotalUs)} µs (${parts.join(', ')})`;
  };
  const text = [`Per ${v.mss}-byte segment, send spends ${spent(r.tx)} of CPU and receive ${spent(r.rx)}.`];
  if (r.rx.cores > 1) {
    text.push(
      `The receiver splits this over ${r.rx.cores} cores: protocol ${micros(r.rx.stageUs.protocol)} µs on one, the reader's ${micros(r.rx.stageUs.app)} µs on the other.`,
    );
  }
  return text.join(' ');
}

function table(v: Values): Table {
  const format = Object.fromEntries([...KINDS, 'total'].map((k) => [k, micros]));
  return readable(series(v), format, ['side', ...KINDS, 'total']);
}

/** The stacked segments, unrounded (µs). */
function series(v: Values): Table {
  const r = evaluate(v);
  return {
    columns: [
      { key: 'side', label: 'Side' },
      ...KINDS.map((k) => ({ key: k, label: `${KIND_LABEL[k].replace(/^./, (c) => c.toUpperCase())} (µs)` })),
      { key: 'total', label: 'Total (µs)' },
      { key: 'cores', label: 'Cores' },
    ],
    rows: SIDES.map(([key, side]) => {
      const s = r[key];
      return { side, ...Object.fromEntries(KINDS.map((k) => [k, s.segmentUs[k]])), total: s.segmentTotalUs, cores: s.cores };
    }),
  };
}

/** CPU time per segment by kind of work. */
export const timeBreakdown: FigureDef = {
  id: 'time-breakdown',
  title: 'CPU time per segment',
  options,
  caption,
  table,
  // No `legend`: the chart draws its own, with marks, so exported files have it already.
  series,
};
