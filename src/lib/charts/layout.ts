/**
 * Pixel arithmetic for direct labels: Plot does not measure text, so widths are estimated
 * and label positions worked out before the marks are built.
 */

/** Font size of every figure, px. */
export const FONT_SIZE = 12;

/** Estimated width of a label in px (system-ui averages a little over half an em; bold a little more). */
export function textWidth(s: string, fontSize = FONT_SIZE, bold = false): number {
  return s.length * fontSize * 0.58 * (bold ? BOLD : 1);
}

/** How much wider a bold (600 and up) label is than a regular one, by the same estimate. */
export const BOLD = 1.06;

/**
 * The smallest linear domain maximum (from 0) at which every bar end plus its label fits in
 * `plotWidth` px, and at least `floor`.
 */
export function fitDomain(items: readonly { x: number; label: string }[], plotWidth: number, floor: number, gap = 6): number {
  let d = floor;
  for (const { x, label } of items) {
    const room = plotWidth - textWidth(label) - gap;
    if (room > plotWidth * 0.25) d = Math.max(d, (x * plotWidth) / room);
  }
  return d;
}

/** Round numbers an axis may end at, times a power of ten (at most a quarter of it left empty). */
const ROUND_ENDS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * The end of a value axis that must reach `x`: the next round number at or above it. While a
 * reader drags a parameter, the bars and lines move along an axis that holds still until one
 * outgrows it, so the eye sees what changed, and a step redraws a few marks instead of every
 * tick, grid line and label (an axis fitted exactly moved them all on every step).
 */
export function settledMax(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return x;
  const k = Math.floor(Math.log10(x));
  // 1 / 10^6 is the double nearest 1e-6; 10^-6 is not.
  const power = k >= 0 ? 10 ** k : 1 / 10 ** -k;
  const scaled = x / power;
  // A hair of tolerance: 0.3 / 0.1 is 2.9999999999999996, which must end at 3, not 4; the
  // end never falls short of x by that hair.
  const end = ROUND_ENDS.find((r) => r >= scaled - 1e-9) ?? 10;
  return Math.max(end * power, x);
}

/**
 * Moves label positions (px, any order) apart so neighbours are at least `gap` px apart,
 * keeping them within [lo, hi]. Returns the new positions in the input order.
 */
export function dodge(ys: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const out = order.map((o) => o.y);
  for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k]!, out[k - 1]! + gap);
  const over = out.length > 0 ? out.at(-1)! - hi : 0;
  if (over > 0) for (let k = 0; k < out.length; k++) out[k] = out[k]! - over;
  for (let k = 0; k < out.length; k++) out[k] = Math.max(out[k]!, lo + k * gap);
  const result = new Array<number>(ys.length);
  order.forEach((o, k) => {
    result[o.i] = out[k]!;
  });
  return result;
}

/** Line spacing of a label broken into lines, px (Plot's `lineHeight` is `LINE / FONT_SIZE` ems). */
export const LINE = 15;

/** `s` with its spaces made non-breaking, so `wrap` keeps it on one line. */
export const unbroken = (s: string): string => s.replace(/ /g, '\u00a0');

/**
 * `text` broken at its spaces into lines each at most `width` px wide (estimated as
 * `textWidth` does); a word wider than that stands on a line of its own.
 */
export function wrap(text: string, width: number, fontSize = FONT_SIZE, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, fontSize, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** d3's tick step for about `count` ticks over [0, max], as Plot's axes tick a linear scale. */
function tickStep(max: number, count: number): number {
  const step = max / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(step));
  const error = step / power;
  return (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1) * power;
}

/**
 * How far past the frame's right edge the label of a linear x axis's last tick reaches, px
 * (0 when it does not): Plot ticks [0, `max`] about every 80 px of `plotW` and centres each
 * label on its tick, grouping thousands.
 */
export function tickOverhang(max: number, plotW: number, fontSize = FONT_SIZE): number {
  const step = tickStep(max, plotW / 80);
  const last = Math.floor(max / step + 1e-9) * step;
  const label = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }).format(Number(last.toPrecision(12)));
  return Math.max(0, (last / max) * plotW + textWidth(label, fontSize) / 2 - plotW);
}

/**
 * Rows `blocks` px tall stacked down a drawing from `top`, `gap` apart, with `bottom` px left
 * under the last: the drawing's height (`height`, or more when the rows need it) and each
 * row's top. Height to spare is shared out evenly between the rows and around them.
 */
export function stack(
  blocks: readonly number[],
  top: number,
  gap: number,
  bottom: number,
  height: number,
): { height: number; tops: number[] } {
  const need = top + blocks.reduce((a, b) => a + b, 0) + gap * Math.max(blocks.length - 1, 0) + bottom;
  const total = Math.max(height, Math.ceil(need));
  const spare = (total - need) / (blocks.length + 1);
  let y = top + spare;
  const tops = blocks.map((b) => {
    const at = y;
    y += b + gap + spare;
    return at;
  });
  return { height: total, tops };
}

/** Where a label lies, px, as estimated. */
export interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** Whether two boxes come within `gap` px of each other, both across and down. */
export const meet = (a: Box, b: Box, gap = 2): boolean => a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
