/**
 * Where the text of a drawn figure lands, estimated: Plot does not measure text and neither
 * does linkedom, so each line's box is worked out from its position (the `translate`s of its
 * ancestors and itself, its x and y), its `text-anchor`, its font size and weight, and
 * layout.ts's width estimate. One box per line (a multi-line label's `<tspan>`s each give one).
 * An exported file's text is outlines (charts/outline.ts): `outlineBoxes` measures those, exactly.
 */
import { textWidth } from '../../src/lib/charts/layout.ts';
import { parsePath } from '../../src/lib/fonts/glyph-table.ts';

/** One line of text and the box it takes, px. */
export interface TextBox {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly fontSize: number;
}

interface Inherited {
  x: number;
  y: number;
  anchor: string;
  fontSize: number;
  bold: boolean;
}

const TRANSLATE = /translate\(\s*(-?[\d.e+-]+)(?:[\s,]+(-?[\d.e+-]+))?\s*\)/;

/** A length attribute in px: `12`, `0.32em`, `1em` (em of `fontSize`). */
function length(value: string | null, fontSize: number): number {
  if (value === null || value.trim() === '') return 0;
  const v = value.trim();
  if (v.endsWith('em')) return Number(v.slice(0, -2)) * fontSize;
  if (v.endsWith('px')) return Number(v.slice(0, -2));
  return Number(v);
}

/** The font size an element sets: its style's `font-size`, else its attribute. */
function fontSizeOf(el: Element, inherited: number): number {
  const style = /font-size:\s*([\d.]+)px/.exec(el.getAttribute('style') ?? '');
  if (style) return Number(style[1]);
  const attr = el.getAttribute('font-size');
  return attr === null ? inherited : Number.parseFloat(attr);
}

function inherit(el: Element, from: Inherited): Inherited {
  const t = TRANSLATE.exec(el.getAttribute('transform') ?? '');
  const transform = el.getAttribute('transform');
  if (transform !== null && !/^\s*(translate\([^)]*\)\s*)?$/.test(transform)) throw new Error(`text-boxes: transform "${transform}"`);
  const weight = el.getAttribute('font-weight');
  return {
    x: from.x + (t ? Number(t[1]) : 0),
    y: from.y + (t ? Number(t[2] ?? 0) : 0),
    anchor: el.getAttribute('text-anchor') ?? from.anchor,
    fontSize: fontSizeOf(el, from.fontSize),
    bold: weight === null ? from.bold : Number(weight) >= 600 || weight === 'bold',
  };
}

/** A line's box from its start point and baseline. */
function box(text: string, x: number, baseline: number, at: Inherited): TextBox {
  // Ascent and descent roughly as in system-ui.
  const w = textWidth(text, at.fontSize, at.bold);
  const x0 = at.anchor === 'middle' ? x - w / 2 : at.anchor === 'end' ? x - w : x;
  return { text, x0, x1: x0 + w, y0: baseline - 0.72 * at.fontSize, y1: baseline + 0.22 * at.fontSize, fontSize: at.fontSize };
}

/** Every non-empty line of text in `svg`, with its estimated box. */
export function textBoxes(svg: Element): TextBox[] {
  const out: TextBox[] = [];
  const visit = (el: Element, from: Inherited): void => {
    const at = inherit(el, from);
    if (el.localName !== 'text') {
      for (const child of el.children) visit(child, at);
      return;
    }
    const x = at.x + length(el.getAttribute('x'), at.fontSize);
    const y = at.y + length(el.getAttribute('y'), at.fontSize);
    const spans = [...el.children].filter((c) => c.localName === 'tspan');
    if (spans.length === 0) {
      const text = el.textContent ?? '';
      if (text.trim() !== '') out.push(box(text, x, y, at));
      return;
    }
    let baseline = y;
    for (const span of spans) {
      const size = fontSizeOf(span, at.fontSize);
      baseline = span.hasAttribute('y') ? at.y + length(span.getAttribute('y'), size) : baseline;
      baseline += length(span.getAttribute('dy'), size);
      const text = span.textContent ?? '';
      if (text.trim() !== '') out.push(box(text, x + length(span.getAttribute('x'), size), baseline, { ...at, fontSize: size }));
    }
  };
  const root: Inherited = { x: 0, y: 0, anchor: 'start', fontSize: 16, bold: false };
  visit(svg, root);
  return out;
}

/** Whether two boxes overlap by more than `slack` px both ways. */
export function overlap(a: TextBox, b: TextBox, slack = 1): boolean {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > slack && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > slack;
}

/** An affine map `[a, b, c, d, e, f]`: x' = a x + c y + e, y' = b x + d y + f. */
type Affine = readonly [number, number, number, number, number, number];
const IDENTITY: Affine = [1, 0, 0, 1, 0, 0];
const compose = (m: Affine, n: Affine): Affine => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** The map an element sets up for its children: its `transform` (translate, scale, matrix), and a nested `<svg>`'s x, y and viewBox. */
function ownMap(el: Element): Affine {
  let m = IDENTITY;
  if (el.localName === 'svg' && el.parentElement !== null) {
    const [x, y] = ['x', 'y'].map((a) => Number(el.getAttribute(a) ?? 0));
    m = compose(m, [1, 0, 0, 1, x!, y!]);
    const box = el
      .getAttribute('viewBox')
      ?.split(/[\s,]+/)
      .map(Number);
    if (box !== undefined) {
      const [sx, sy] = [Number(el.getAttribute('width')) / box[2]!, Number(el.getAttribute('height')) / box[3]!];
      m = compose(m, [sx, 0, 0, sy, -box[0]! * sx, -box[1]! * sy]);
    }
  }
  for (const [, name, args] of (el.getAttribute('transform') ?? '').matchAll(/([a-z]+)\(([^)]*)\)/gi)) {
    const v = args!
      .split(/[\s,]+/)
      .filter((s) => s !== '')
      .map(Number);
    if (name === 'translate') m = compose(m, [1, 0, 0, 1, v[0]!, v[1] ?? 0]);
    else if (name === 'scale') m = compose(m, [v[0]!, 0, 0, v[1] ?? v[0]!, 0, 0]);
    else if (name === 'matrix') m = compose(m, v as unknown as Affine);
    else throw new Error(`text-boxes: transform ${name}`);
  }
  return m;
}

/**
 * Every outlined text of an exported file (charts/outline.ts: a group with `data-text`), with the
 * box its glyphs' paths take in the file's coordinates, px: the hull of their points, so a
 * curve is inside it.
 */
export function outlineBoxes(root: Element): TextBox[] {
  const out: TextBox[] = [];
  for (const g of root.querySelectorAll('[data-text]')) {
    let m = IDENTITY;
    for (let e: Element | null = g; e !== null && e !== root; e = e.parentElement) m = compose(ownMap(e), m);
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    const paths = g.localName === 'path' ? [g] : [...g.querySelectorAll('path')];
    for (const path of paths) {
      const pm = path === g ? m : compose(m, ownMap(path));
      for (const op of parsePath(path.getAttribute('d') ?? '')) {
        if (op.c === 'Z') continue;
        const points = op.c === 'Q' ? [op.x1, op.y1, op.x, op.y] : [op.x, op.y];
        for (let i = 0; i < points.length; i += 2) {
          const [x, y] = [points[i]!, points[i + 1]!];
          const px = pm[0] * x + pm[2] * y + pm[4];
          const py = pm[1] * x + pm[3] * y + pm[5];
          [x0, y0, x1, y1] = [Math.min(x0, px), Math.min(y0, py), Math.max(x1, px), Math.max(y1, py)];
        }
      }
    }
    if (x0 <= x1) out.push({ text: g.getAttribute('data-text') ?? '', x0, x1, y0, y1, fontSize: Number.NaN });
  }
  return out;
}
