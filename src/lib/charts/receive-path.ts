/**
 * A received segment's journey in Linux 2.4, drawn from the model (src/lib/model/receive-path.ts):
 * three places the payload can be (the card, a kernel buffer, the reader's buffer), one row
 * per thing that happens to the segment, an arrow for each move of the payload with a square
 * per memory-bus crossing it costs, and at the right a bar of the CPU time each row takes.
 * Switching the receive mode or the checksum redraws which rows exist.
 */
import * as Plot from '@observablehq/plot';
import { clamp, type Values } from '../model/index.ts';
import { type Move, type Place, receivePath } from '../model/receive-path.ts';
import { FONT_SIZE } from './layout.ts';
import { palette } from './theme.ts';
import type { FigureDef, FigureSize, Table, Theme } from './types.ts';
import { crossings, micros, readable } from './words.ts';

const PLACES: readonly (readonly [Place, string, number])[] = [
  ['card', 'card', 1],
  ['kernel', 'kernel buffer', 4],
  ['user', 'reader’s buffer', 7],
];
const X: Readonly<Record<Place, number>> = { card: 1, kernel: 4, user: 7 };
/** Where the time bars start and how wide the longest may be, in x units. */
const BAR_X = 8.3;
const BAR_W = 1.6;
const MARGIN = { marginTop: 36, marginRight: 44, marginBottom: 12, marginLeft: 12 };

function colourOf(m: Move, theme: Theme): string {
  const c = palette(theme);
  if (m.id.startsWith('copy')) return c.copy;
  if (m.id === 'checksum') return c.checksum;
  if (m.id === 'remap' || m.id === 'refill') return c.remap;
  return c.neutral;
}

/** One square per crossing of a move, spaced along its arrow towards the head (or beside the place). */
function tokens(m: Move): { x: number; y: string }[] {
  const from = X[m.from];
  const to = X[m.to];
  return Array.from({ length: m.crossings }, (_, k) => ({
    x: from === to ? from + 0.35 + 0.3 * k : to - Math.sign(to - from) * (0.45 + 0.3 * k),
    y: m.id,
  }));
}

/** The class of a row's marks: every row, and this step (0-based). */
export const rowClass = (step: number): string => `step-row step-row-${step}`;

/** The marks of one row: the move (an arrow, or a ring where nothing moves), its crossings, its label, its time bar. */
function rowMarks(m: Move, step: number, theme: Theme, longest: number, inset: number): Plot.Markish[] {
  const colours = palette(theme);
  const className = rowClass(step);
  const colour = colourOf(m, theme);
  const width = m.touchesPayload ? 3.5 : 2;
  const halo = { stroke: colours.background, strokeWidth: 4, paintOrder: 'stroke', fill: 'currentColor' } as const;
  const atReader = m.from === m.to && m.from === 'user';
  const barEnd = BAR_X + (m.us / longest) * BAR_W;
  return [
    m.from === m.to
      ? Plot.dot([m], { x: X[m.from], y: 'id', r: 7, stroke: colour, strokeWidth: width, fill: colours.background, className })
      : Plot.arrow([m], { x1: X[m.from], x2: X[m.to], y: 'id', stroke: colour, strokeWidth: width, headLength: 10, inset: 6, className }),
    Plot.dot(tokens(m), { x: 'x', y: 'y', symbol: 'square', r: 4, fill: 'currentColor', className }),
    Plot.text([m], {
      x: m.from === m.to ? X[m.from] + (atReader ? 0.2 : 0) : (X[m.from] + X[m.to]) / 2,
      y: 'id',
      dy: -13,
      // Work at the reader's lane reads leftwards, clear of the time bars.
      textAnchor: atReader ? 'end' : 'middle',
      text: () => `${m.label} (${m.by}${m.crossings > 0 ? `, ${crossings(m.crossings)}` : ''})`,
      ...halo,
      className,
    }),
    Plot.barX([m], { x1: BAR_X, x2: barEnd, y: 'id', fill: colour, insetTop: inset, insetBottom: inset, className }),
    Plot.text([m], { x: barEnd, y: 'id', dx: 4, textAnchor: 'start', text: () => (m.us > 0 ? micros(m.us) : '—'), ...halo, className }),
  ];
}

function options(v: Values, size: FigureSize, theme: Theme): Plot.PlotOptions {
  const colours = palette(theme);
  const path = receivePath(clamp(v).values);
  const moves = path.moves;
  const longest = Math.max(...moves.map((m) => m.us), 1e-9);
  const rows = moves.map((m) => m.id);
  // Bars about 18 px tall whatever the number of rows.
  const band = ((size.height - MARGIN.marginTop - MARGIN.marginBottom) / Math.max(rows.length, 1)) * 0.85;
  const inset = Math.max(3, band / 2 - 9);
  return {
    width: size.width,
    height: size.height,
    ...MARGIN,
    style: { fontSize: `${FONT_SIZE}px` },
    x: { domain: [0, BAR_X + BAR_W], axis: null },
    y: { domain: rows, axis: null, padding: 0.15 },
    color: { type: 'identity' },
    marks: [
      // The three places, as lanes with their names on top.
      Plot.ruleX(PLACES, { x: ([, , x]) => x, stroke: colours.neutral, strokeOpacity: 0.35, strokeWidth: 10 }),
      Plot.text(PLACES, {
        x: ([, , x]) => x,
        frameAnchor: 'top',
        dy: -22,
        text: ([, label]) => label,
        fontWeight: 600,
        fill: 'currentColor',
      }),
      Plot.text(['CPU µs per segment'], {
        x: BAR_X,
        frameAnchor: 'top',
        dy: -22,
        textAnchor: 'start',
        text: (d: string) => d,
        fontWeight: 600,
        fill: 'currentColor',
      }),
      // One group of marks per row, classed by its step, so a stepper can light one row at a time.
      ...moves.flatMap((m, step) => rowMarks(m, step, theme, longest, inset)),
    ],
  };
}

function caption(v: Values): string {
  const path = receivePath(clamp(v).values);
  const passes = path.cpuPasses;
  const steps = path.moves
    .filter((m) => m.crossings > 0 || m.touchesPayload)
    .map((m) => `${m.label} (${crossings(m.crossings)})`)
    .join('; ');
  return `A received ${v.mss}-byte segment, ${path.mode === 'copy' || path.mode === 'csum-copy' ? 'copied' : path.mode === 'remap' ? 'remapped' : 'placed directly'}: ${steps}. In all, ${crossings(path.crossings)} of the memory bus per payload byte, ${passes} CPU ${passes === 1 ? 'pass' : 'passes'} over the payload and ${micros(path.us)} µs of CPU per segment.`;
}

/** One row per move, unrounded. */
function series(v: Values): Table {
  const path = receivePath(clamp(v).values);
  return {
    columns: [
      { key: 'step', label: 'Step' },
      { key: 'what', label: 'What happens' },
      { key: 'by', label: 'Done by' },
      { key: 'from', label: 'From' },
      { key: 'to', label: 'To' },
      { key: 'crossings', label: 'Memory-bus crossings per byte' },
      { key: 'us', label: 'CPU µs per segment' },
    ],
    rows: path.moves.map((m, i) => ({ step: i + 1, what: m.label, by: m.by, from: m.from, to: m.to, crossings: m.crossings, us: m.us })),
  };
}

function table(v: Values): Table {
  return readable(series(v), { us: micros });
}

/** The exported file's legend: the kinds of work drawn, and the crossing square. */
function legend(_v: Values, theme: Theme) {
  const c = palette(theme);
  return [
    { label: 'a CPU copies the payload', colour: c.copy, swatch: 'line' as const },
    { label: 'a CPU checksums it', colour: c.checksum, swatch: 'line' as const },
    { label: 'DMA, or protocol work', colour: c.neutral, swatch: 'line' as const },
    { label: 'remap or buffer refill', colour: c.remap, swatch: 'line' as const },
    { label: 'one memory-bus crossing per byte (square)', colour: 'currentColor', swatch: 'bar' as const },
  ];
}

/** The receive path as a diagram. */
export const receivePathFigure: FigureDef = {
  id: 'receive-path',
  title: 'A received segment’s journey',
  options,
  caption,
  table,
  series,
  legend,
  stepped: true,
};
