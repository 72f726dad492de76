/**
 * A key drawn in a chart's top margin: a symbol and a label per entry, flowed left to right
 * from the figure's left edge into as many lines as the width needs. For figures whose marks
 * differ by shape (a page figure labels its lines and bars directly; a shape needs a key).
 */
import * as Plot from '@observablehq/plot';
import { textWidth } from './layout.ts';

/** One entry: the symbol as drawn in the chart (or a stretch of line), and what it stands for. */
export interface KeyEntry {
  readonly label: string;
  readonly symbol?: 'circle' | 'diamond' | 'times' | 'line';
  readonly r: number;
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  /** A line's dashes (SVG `stroke-dasharray`). */
  readonly dash?: string;
}

/** A symbol Plot draws as a short horizontal line, 2.8 r long: a line's swatch. */
const LINE_SYMBOL = {
  draw(context: CanvasPath, size: number): void {
    const r = Math.sqrt(size / Math.PI);
    context.moveTo(-1.4 * r, 0);
    context.lineTo(1.4 * r, 0);
  },
};

/** Centre of the first line from the top, line height, room after each entry (px). */
const TOP = 12;
const LINE = 17;
const GAP = 22;

/** A laid-out key: the top margin the chart needs for it, and its marks once the chart's margins are known. */
export interface ChartKey {
  readonly marginTop: number;
  marks(marginLeft: number): Plot.Markish[];
}

/**
 * Lays out `entries` across `width` px (widths estimated generously: Plot does not measure
 * text) and returns the margin they take and their marks, placed from the frame's top-left
 * corner back out into the margins.
 */
export function chartKey(entries: readonly KeyEntry[], width: number): ChartKey {
  let at = 0;
  let line = 0;
  const placed = entries.map((e) => {
    const w = 18 + textWidth(e.label) * 1.08;
    if (at > 0 && at + w > width) {
      at = 0;
      line += 1;
    }
    const out = { ...e, dx: at, dy: TOP + line * LINE };
    at += w + GAP;
    return out;
  });
  const marginTop = TOP + (line + 1) * LINE + 8;
  return {
    marginTop,
    marks: (marginLeft) =>
      placed.flatMap((e) => {
        const at = { frameAnchor: 'top-left', dx: e.dx - marginLeft + 13, dy: e.dy - marginTop } as const;
        return [
          Plot.dot([e], {
            ...at,
            symbol: e.symbol === 'line' ? LINE_SYMBOL : (e.symbol ?? 'circle'),
            r: e.r,
            fill: e.fill,
            stroke: e.stroke,
            strokeWidth: e.strokeWidth,
            ...(e.dash === undefined ? {} : { strokeDasharray: e.dash }),
          }),
          Plot.text([e], { ...at, dx: at.dx + 9, text: 'label', textAnchor: 'start', lineAnchor: 'middle', fill: 'currentColor' }),
        ];
      }),
  };
}
