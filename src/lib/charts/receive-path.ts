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
import { FONT_SIZE, LINE, stack, textWidth, unbroken, wrap } from './layout.ts';
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
const CPU_HEADER = 'CPU µs per segment';

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

/** A row's words: what happens, who does it and what it costs in crossings. */
const rowLabel = (m: Move): string => `${m.label} (${m.by}${m.crossings > 0 ? `, ${crossings(m.crossings)}` : ''})`;
/** A row's CPU time as its bar is labelled. */
const rowTime = (m: Move): string => (m.us > 0 ? micros(m.us) : '—');

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
      text: () => rowLabel(m),
      ...halo,
      className,
    }),
    Plot.barX([m], { x1: BAR_X, x2: barEnd, y: 'id', fill: colour, insetTop: inset, insetBottom: inset, className }),
    Plot.text([m], { x: barEnd, y: 'id', dx: 4, textAnchor: 'start', text: () => rowTime(m), ...halo, className }),
  ];
}

/**
 * Whether the wide layout fits `width`: each row's words centred over its arrow (the reader's
 * own work leftwards of its lane) inside the drawing and clear of the time bars, the lane
 * headers apart, and the time column's header and values inside the drawing.
 */
function wideFits(moves: readonly Move[], width: number, longest: number): boolean {
  const plotW = width - MARGIN.marginLeft - MARGIN.marginRight;
  const px = (x: number): number => MARGIN.marginLeft + (x / (BAR_X + BAR_W)) * plotW;
  const barStart = px(BAR_X);
  const labels = moves.every((m) => {
    const w = textWidth(rowLabel(m));
    if (m.from === m.to && m.from === 'user') return px(X.user + 0.2) - w >= 2;
    const centre = m.from === m.to ? px(X[m.from]) : px((X[m.from] + X[m.to]) / 2);
    return centre - w / 2 >= 2 && centre + w / 2 <= barStart - 6;
  });
  const half = (label: string): number => textWidth(label, FONT_SIZE, true) / 2;
  const [card, kernel, user] = PLACES.map(([, label, x]) => ({ x: px(x), half: half(label) }));
  const headers =
    card!.x - card!.half >= 2 &&
    card!.x + card!.half + 6 <= kernel!.x - kernel!.half &&
    kernel!.x + kernel!.half + 6 <= user!.x - user!.half &&
    user!.x + user!.half + 6 <= barStart &&
    barStart + textWidth(CPU_HEADER, FONT_SIZE, true) <= width - 2;
  const values = moves.every((m) => px(BAR_X + (m.us / longest) * BAR_W) + 4 + textWidth(rowTime(m)) <= width - 2);
  return labels && headers && values;
}

/** Space around the narrow layout, px: at the sides and ends, between rows, and under a row's words. */
const PAD = 8;
const ROW_GAP = 10;
/** Height of an arrow's line, px, and of a time bar on it. */
const ARROW_LINE = 20;
const BAR_H = 12;
/** The lane headers broken in two, for a narrow drawing. */
const SHORT_HEADERS: Readonly<Record<Place | 'cpu', readonly string[]>> = {
  card: ['card'],
  kernel: ['kernel', 'buffer'],
  user: ['reader’s', 'buffer'],
  cpu: ['CPU µs', 'per segment'],
};

/**
 * The layout for a drawing too narrow for the wide one, in px: each row's words on lines of
 * their own above its arrow, from the left edge, broken to the width; the lanes spread over
 * what the time column leaves; headers on one line when they fit, else on two. Returns its
 * own height when the rows need more than `size.height`.
 */
function narrowOptions(moves: readonly Move[], size: FigureSize, theme: Theme, longest: number): Plot.PlotOptions {
  const colours = palette(theme);
  const width = size.width;
  const bold = (lines: readonly string[]): number => Math.max(...lines.map((l) => textWidth(l, FONT_SIZE, true)));
  const valueW = Math.max(...moves.map((m) => textWidth(rowTime(m))));
  const barMax = Math.max(24, Math.min(60, width * 0.12));
  const layout = (headers: Readonly<Record<Place | 'cpu', readonly string[]>>) => {
    const colW = Math.max(bold(headers.cpu), barMax + 4 + valueW);
    const colX = width - PAD - colW;
    const halves = PLACES.map(([place]) => Math.max(bold(headers[place]) / 2, 8));
    const first = PAD + halves[0]!;
    const last = colX - 14 - halves[2]!;
    const lanes = [first, (first + last) / 2, last];
    const fits = lanes[1]! - halves[1]! >= lanes[0]! + halves[0]! + 6 && lanes[2]! - halves[2]! >= lanes[1]! + halves[1]! + 6;
    return { headers, colX, lanes, fits };
  };
  const oneLine = { card: ['card'], kernel: ['kernel buffer'], user: ['reader’s buffer'], cpu: [CPU_HEADER] };
  const wide = layout(oneLine);
  const { headers, colX, lanes } = wide.fits ? wide : layout(SHORT_HEADERS);
  const at: Readonly<Record<Place, number>> = { card: lanes[0]!, kernel: lanes[1]!, user: lanes[2]! };
  const headLines = Math.max(...Object.values(headers).map((h) => h.length));
  // A row's parenthesis (who, and the crossings) is kept on one line.
  const rows = moves.map((m) => ({ m, lines: wrap(rowLabel(m).replace(/\(.*\)$/, unbroken), width - 2 * PAD) }));
  const blocks = rows.map((r) => r.lines.length * LINE + ARROW_LINE);
  const top = PAD + headLines * LINE + PAD;
  const { height, tops } = stack(blocks, top, ROW_GAP, PAD, size.height);
  const placed = rows.map((r, i) => ({ ...r, top: tops[i]!, arrow: tops[i]! + r.lines.length * LINE + ARROW_LINE / 2 }));
  const halo = { stroke: colours.background, strokeWidth: 4, paintOrder: 'stroke', fill: 'currentColor' } as const;
  const lineHeight = LINE / FONT_SIZE;
  const headerMark = (x: number, lines: readonly string[], textAnchor: 'middle' | 'start'): Plot.Markish =>
    Plot.text([lines.join('\n')], {
      x,
      y: PAD,
      lineAnchor: 'top',
      lineHeight,
      textAnchor,
      text: (d: string) => d,
      fontWeight: 600,
      fill: 'currentColor',
    });
  const rowMarksNarrow = ({ m, lines, top: rowTop, arrow }: (typeof placed)[number], step: number): Plot.Markish[] => {
    const className = rowClass(step);
    const colour = colourOf(m, theme);
    const strokeWidth = m.touchesPayload ? 3.5 : 2;
    const from = at[m.from];
    const to = at[m.to];
    const tokens = Array.from({ length: m.crossings }, (_, k) => ({
      x: from === to ? from + 16 + 11 * k : to - Math.sign(to - from) * (18 + 11 * k),
      y: arrow,
    }));
    const barEnd = colX + (m.us / longest) * barMax;
    return [
      from === to
        ? Plot.dot([m], { x: from, y: arrow, r: 7, stroke: colour, strokeWidth, fill: colours.background, className })
        : Plot.arrow([m], { x1: from, x2: to, y1: arrow, y2: arrow, stroke: colour, strokeWidth, headLength: 10, inset: 6, className }),
      Plot.dot(tokens, { x: 'x', y: 'y', symbol: 'square', r: 4, fill: 'currentColor', className }),
      Plot.text([m], {
        x: PAD,
        y: rowTop,
        lineAnchor: 'top',
        lineHeight,
        textAnchor: 'start',
        text: () => lines.join('\n'),
        ...halo,
        className,
      }),
      Plot.rect([m], { x1: colX, x2: barEnd, y1: arrow - BAR_H / 2, y2: arrow + BAR_H / 2, fill: colour, className }),
      Plot.text([m], { x: barEnd, y: arrow, dx: 4, textAnchor: 'start', text: () => rowTime(m), ...halo, className }),
    ];
  };
  const laneTop = top - PAD / 2;
  const laneBottom = (placed.at(-1)?.arrow ?? top) + ARROW_LINE / 2;
  return {
    width,
    height,
    margin: 0,
    style: { fontSize: `${FONT_SIZE}px` },
    x: { type: 'linear', domain: [0, width], range: [0, width], axis: null },
    y: { type: 'linear', domain: [0, height], range: [0, height], axis: null },
    color: { type: 'identity' },
    marks: [
      Plot.ruleX(lanes, { y1: laneTop, y2: laneBottom, stroke: colours.neutral, strokeOpacity: 0.35, strokeWidth: 10 }),
      ...PLACES.map(([place], i) => headerMark(lanes[i]!, headers[place], 'middle')),
      headerMark(colX, headers.cpu, 'start'),
      ...placed.flatMap((r, step) => rowMarksNarrow(r, step)),
    ],
  };
}

function options(v: Values, size: FigureSize, theme: Theme): Plot.PlotOptions {
  const colours = palette(theme);
  const path = receivePath(clamp(v).values);
  const moves = path.moves;
  const longest = Math.max(...moves.map((m) => m.us), 1e-9);
  if (!wideFits(moves, size.width, longest)) return narrowOptions(moves, size, theme, longest);
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
    y: { type: 'band', domain: rows, axis: null, padding: 0.15 },
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
      Plot.text([CPU_HEADER], {
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
