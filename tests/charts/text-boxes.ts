/**
 * Where the text of a drawn figure lands, estimated: Plot does not measure text and neither
 * does linkedom, so each line's box is worked out from its position (the `translate`s of its
 * ancestors and itself, its x and y), its `text-anchor`, its font size and weight, and
 * layout.ts's width estimate. One box per line (a multi-line label's `<tspan>`s each give one).
 */
import { textWidth } from '../../src/lib/charts/layout.ts';

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
