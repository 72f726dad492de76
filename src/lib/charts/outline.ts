/**
 * Text as outlines, for files that must look the same wherever they are opened: every
 * `<text>` of an SVG tree becomes a group of `<path>`s drawing its glyphs from a glyph table
 * (src/lib/fonts/), so Keynote, PowerPoint, Inkscape and a browser without the font all draw
 * the same shapes. The words stay: each group carries its string (`data-text`, and
 * `aria-label` for assistive technology), and the file's own `<title>` and `<desc>` are kept.
 *
 * Laid out as SVG lays out text: `x`, `y`, `dx`, `dy` on the text and its `<tspan>`s (their
 * first values; lengths in px, em, ex), each absolutely placed `x` starting a chunk that
 * `text-anchor` (start, middle, end) places, font size and weight inherited (600 and up drawn
 * with the bold face), advances and kerning pairs from the table, white space collapsed.
 * Fill, stroke, paint order, transforms and the rest of the text's attributes move onto its
 * group, so halos and colours draw as they did. Pure: it works on the DOM it is handed.
 */
import { INVISIBLE } from '../fonts/repertoire.ts';
import { opsToPath, type Glyph, type GlyphFace, type GlyphTable, type PathOp } from '../fonts/glyph-table.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Text properties that inherit: on any element, read by no one once no text is left. */
const TEXT_PROPERTIES = new Set([
  'font-family',
  'font-size',
  'font-size-adjust',
  'font-stretch',
  'font-style',
  'font-variant',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'word-spacing',
  'writing-mode',
  'direction',
]);
/** Attributes of a text or tspan that place its glyphs, and its text properties: not carried to its outlines. */
const TEXT_ONLY = new Set([
  ...TEXT_PROPERTIES,
  'x',
  'y',
  'dx',
  'dy',
  'rotate',
  'textLength',
  'lengthAdjust',
  'alignment-baseline',
  'baseline-shift',
  'unicode-bidi',
  'xml:space',
]);
/** The same, as CSS properties in a `style` attribute. */
const TEXT_STYLE =
  /^(font(-[a-z]+)?|text-anchor|dominant-baseline|alignment-baseline|baseline-shift|letter-spacing|word-spacing|writing-mode)$/;

type Anchor = 'start' | 'middle' | 'end';

/** The text properties an element has, inherited where it does not set them. */
interface TextStyle {
  readonly size: number;
  readonly weight: number;
  readonly anchor: Anchor;
}

/** A CSS property of an element: its `style` declaration, else its attribute. */
function property(el: Element, name: string): string | undefined {
  const style = el.getAttribute('style');
  if (style !== null) {
    for (const decl of style.split(';')) {
      const colon = decl.indexOf(':');
      if (colon > 0 && decl.slice(0, colon).trim().toLowerCase() === name) return decl.slice(colon + 1).trim();
    }
  }
  return el.getAttribute(name) ?? undefined;
}

/** A font size in px from its value and the parent's size. */
function fontSize(value: string | undefined, parent: number): number {
  if (value === undefined || value === 'inherit') return parent;
  const v = value.trim();
  const n = Number.parseFloat(v);
  if (Number.isNaN(n)) return parent;
  if (v.endsWith('em')) return n * parent;
  if (v.endsWith('%')) return (n / 100) * parent;
  if (v.endsWith('pt')) return (n * 4) / 3;
  return n;
}

function fontWeight(value: string | undefined, parent: number): number {
  if (value === undefined || value === 'inherit') return parent;
  if (value === 'normal') return 400;
  if (value === 'bold') return 700;
  if (value === 'bolder') return parent < 600 ? 700 : 900;
  if (value === 'lighter') return parent < 600 ? 100 : 400;
  const n = Number(value);
  return Number.isFinite(n) ? n : parent;
}

function styleOf(el: Element, parent: TextStyle): TextStyle {
  const anchor = property(el, 'text-anchor');
  return {
    size: fontSize(property(el, 'font-size'), parent.size),
    weight: fontWeight(property(el, 'font-weight'), parent.weight),
    anchor: anchor === 'start' || anchor === 'middle' || anchor === 'end' ? anchor : parent.anchor,
  };
}

/** The style an element has from its ancestors and itself (CSS initial values at the top). */
function inheritedStyle(el: Element): TextStyle {
  const chain: Element[] = [];
  for (let e: Element | null = el; e !== null; e = e.parentElement) chain.unshift(e);
  return chain.reduce<TextStyle>((s, e) => styleOf(e, s), { size: 16, weight: 400, anchor: 'start' });
}

/** The first value of a length-list attribute, px (em and ex of `size`); undefined when absent. */
function length(el: Element, name: string, size: number): number | undefined {
  const value = el.getAttribute(name);
  if (value === null) return undefined;
  const first = value.trim().split(/[\s,]+/)[0] ?? '';
  const n = Number.parseFloat(first);
  if (Number.isNaN(n)) return undefined;
  if (first.endsWith('em')) return n * size;
  if (first.endsWith('ex')) return (n * size) / 2;
  return n;
}

/** A glyph placed: its pen position along the line, px. */
interface Placed {
  readonly glyph: Glyph;
  readonly x: number;
}

/** A text node's glyphs, placed in the text's user space before anchoring. */
interface Run {
  readonly node: Node;
  readonly face: GlyphFace;
  readonly size: number;
  readonly y: number;
  readonly glyphs: Placed[];
  readonly chunk: Chunk;
}

/** A text chunk: what one absolute `x` starts, anchored as a whole. */
interface Chunk {
  readonly anchor: Anchor;
  readonly start: number;
  end: number;
}

/** Lays out one `<text>`: its runs, and its string as drawn. */
function layout(text: Element, table: GlyphTable, fallback: Set<string>): { runs: Run[]; string: string } {
  const runs: Run[] = [];
  let x = 0;
  let y = 0;
  let chunk: Chunk | undefined;
  let string = '';
  // White space collapses across the whole text; leading space is dropped.
  let afterSpace = true;

  const visit = (el: Element, style: TextStyle): void => {
    const nx = length(el, 'x', style.size);
    const ny = length(el, 'y', style.size);
    if (nx !== undefined) x = nx;
    if (ny !== undefined) y = ny;
    x += length(el, 'dx', style.size) ?? 0;
    y += length(el, 'dy', style.size) ?? 0;
    if (chunk === undefined || nx !== undefined) {
      chunk = { anchor: style.anchor, start: x, end: x };
    }
    for (const child of el.childNodes) {
      if (child.nodeType === 1) {
        const c = child as Element;
        // Titles and descriptions inside a text are not drawn.
        if (c.localName !== 'title' && c.localName !== 'desc') visit(c, styleOf(c, style));
        continue;
      }
      if (child.nodeType !== 3 && child.nodeType !== 4) continue;
      let s = (child.nodeValue ?? '').replace(/[\t\n\r ]+/g, ' ');
      if (afterSpace && s.startsWith(' ')) s = s.slice(1);
      if (s === '') continue;
      afterSpace = s.endsWith(' ');
      string += s;
      const face = table.faces[style.weight >= 600 ? 'bold' : 'regular'];
      const scale = style.size / face.unitsPerEm;
      const glyphs: Placed[] = [];
      let previous: string | undefined;
      for (const ch of s) {
        if (INVISIBLE.has(ch)) continue;
        let glyph = face.glyph(ch);
        if (glyph === undefined) {
          fallback.add(ch);
          glyph = face.fallback;
        } else if (previous !== undefined) x += face.kerning(previous, ch) * scale;
        previous = glyph === face.fallback ? undefined : ch;
        glyphs.push({ glyph, x });
        x += glyph.advance * scale;
      }
      chunk.end = x;
      runs.push({ node: child, face, size: style.size, y, glyphs, chunk });
    }
  };
  visit(text, inheritedStyle(text));

  // Trailing space takes no room in its chunk.
  const last = runs.at(-1);
  if (last !== undefined && string.endsWith(' ')) {
    string = string.slice(0, -1);
    const space = last.glyphs.pop();
    if (space !== undefined) last.chunk.end = space.x;
  }
  return { runs, string };
}

/** A run's glyphs as path data, anchored, in user units on a grid of 0.01 px. */
function runPath(run: Run): string {
  const { chunk } = run;
  const width = chunk.end - chunk.start;
  const shift = chunk.anchor === 'middle' ? -width / 2 : chunk.anchor === 'end' ? -width : 0;
  const scale = run.size / run.face.unitsPerEm;
  const ops: PathOp[] = [];
  for (const { glyph, x } of run.glyphs) {
    const ox = x + shift;
    for (const op of glyph.path) {
      if (op.c === 'Z') ops.push(op);
      else if (op.c === 'Q')
        ops.push({ c: 'Q', x1: ox + op.x1 * scale, y1: run.y + op.y1 * scale, x: ox + op.x * scale, y: run.y + op.y * scale });
      else ops.push({ ...op, x: ox + op.x * scale, y: run.y + op.y * scale });
    }
  }
  // A control point may move by one rounding step to save its coordinates: the curve moves less.
  return opsToPath(ops, 2, 1);
}

/** Copies an element's attributes but those that lay out text, and its style minus text properties. */
function copyAttributes(from: Element, to: Element): void {
  for (const name of from.getAttributeNames()) {
    if (TEXT_ONLY.has(name)) continue;
    const value = from.getAttribute(name) ?? '';
    if (name === 'style') {
      const kept = value
        .split(';')
        .filter((d) => d.trim() !== '' && !TEXT_STYLE.test(d.split(':')[0]?.trim().toLowerCase() ?? ''))
        .join(';');
      if (kept !== '') to.setAttribute('style', kept);
    } else to.setAttribute(name, value);
  }
}

/** The drawing of a text or tspan element: a group of its runs' paths and its tspans' drawings. */
function draw(doc: Document, el: Element, paths: ReadonlyMap<Node, string>): Element {
  const g = doc.createElementNS(SVG_NS, 'g');
  copyAttributes(el, g);
  for (const child of el.childNodes) {
    const d = paths.get(child);
    if (d !== undefined) {
      if (d === '') continue;
      const path = doc.createElementNS(SVG_NS, 'path');
      path.setAttribute('d', d);
      g.append(path);
    } else if (child.nodeType === 1) {
      const c = child as Element;
      if (c.localName === 'title' || c.localName === 'desc') g.append(c.cloneNode(true));
      else {
        const inner = draw(doc, c, paths);
        // A tspan of one run is one path with the tspan's attributes.
        const only = inner.children.length === 1 && inner.firstElementChild?.localName === 'path' ? inner.firstElementChild : undefined;
        if (only) {
          for (const name of inner.getAttributeNames()) only.setAttribute(name, inner.getAttribute(name) ?? '');
          g.append(only);
        } else if (inner.children.length > 0) g.append(inner);
      }
    }
  }
  return g;
}

/**
 * Replaces every `<text>` under `root` with its outlines, and drops the text properties
 * (font family, size, weight, anchor) nothing reads any more. Returns the characters the table
 * lacked, drawn as its fallback box.
 */
export function outlineText(root: Element, table: GlyphTable): string[] {
  const doc = root.ownerDocument;
  const fallback = new Set<string>();
  for (const text of [...root.querySelectorAll('text')]) {
    const { runs, string } = layout(text, table, fallback);
    const paths = new Map(runs.map((r) => [r.node, runPath(r)] as const));
    const g = draw(doc, text, paths);
    g.setAttribute('data-text', string);
    if (!g.hasAttribute('aria-label')) g.setAttribute('aria-label', string);
    text.replaceWith(g);
  }
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) if (TEXT_PROPERTIES.has(name)) el.removeAttribute(name);
  }
  return [...fallback];
}
