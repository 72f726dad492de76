import { xmlDocument } from '../../support/dom.ts';
import { describe, expect, it } from 'vitest';
import { outlineText } from '../../../src/lib/charts/outline.ts';
import { EXPORT_GLYPHS } from '../../../src/lib/fonts/export-font.ts';
import type { FaceName } from '../../../src/lib/fonts/glyph-table.ts';
import { outlineBoxes, type TextBox } from '../../charts/text-boxes.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** `body` in an SVG root with a font size of 12, outlined; the root and the characters that fell back. */
function outline(body: string): { root: Element; fallback: string[] } {
  const root = xmlDocument(`<svg xmlns="${SVG}" font-family="system-ui" font-size="12">${body}</svg>`).documentElement;
  const fallback = outlineText(root, EXPORT_GLYPHS);
  return { root, fallback };
}

const boxes = (body: string): TextBox[] => outlineBoxes(outline(body).root);
const box = (body: string): TextBox => boxes(body)[0]!;

/** The advance of `s` at `size` px in a face, kerning included, as the table gives it. */
function advance(s: string, size: number, face: FaceName = 'regular'): number {
  const f = EXPORT_GLYPHS.faces[face];
  const chars = [...s];
  let units = 0;
  chars.forEach((ch, i) => {
    units += f.glyph(ch)!.advance + (i > 0 ? f.kerning(chars[i - 1]!, ch) : 0);
  });
  return (units * size) / f.unitsPerEm;
}

/** The hull of a glyph's outline at `size` px, from its pen position at the origin. */
function glyphBox(ch: string, size: number, face: FaceName = 'regular'): { x0: number; x1: number; y0: number; y1: number } {
  const f = EXPORT_GLYPHS.faces[face];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const op of f.glyph(ch)!.path) {
    if (op.c === 'Z') continue;
    xs.push(op.x);
    ys.push(op.y);
    if (op.c === 'Q') {
      xs.push(op.x1);
      ys.push(op.y1);
    }
  }
  const k = size / f.unitsPerEm;
  return { x0: Math.min(...xs) * k, x1: Math.max(...xs) * k, y0: Math.min(...ys) * k, y1: Math.max(...ys) * k };
}

describe('outlineText', () => {
  it('leaves no text: each becomes a group of paths labelled with its words, and the file keeps its title', () => {
    const { root, fallback } = outline('<title>A figure</title><text x="10" y="20">send</text><g><text x="1" y="2">receive</text></g>');
    expect(fallback).toEqual([]);
    expect(root.querySelectorAll('text, tspan').length).toBe(0);
    expect(root.querySelector('title')?.textContent).toBe('A figure');
    const groups = [...root.querySelectorAll('[data-text]')];
    expect(groups.map((g) => [g.localName, g.getAttribute('data-text'), g.getAttribute('aria-label'), g.children.length])).toEqual([
      ['g', 'send', 'send', 1],
      ['g', 'receive', 'receive', 1],
    ]);
    expect(groups[0]!.firstElementChild?.localName).toBe('path');
    expect(groups[0]!.firstElementChild?.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+[a-z]/);
    // Nothing names a font any more.
    expect(root.hasAttribute('font-family') || root.hasAttribute('font-size')).toBe(false);
  });

  it("draws each glyph at its pen position: the first's outline where the font puts it, baseline at y", () => {
    const b = box('<text x="100" y="50">H</text>');
    const h = glyphBox('H', 12);
    expect(b.x0).toBeCloseTo(100 + h.x0, 1);
    expect(b.x1).toBeCloseTo(100 + h.x1, 1);
    expect(b.y0).toBeCloseTo(50 + h.y0, 1);
    expect(b.y1).toBeCloseTo(50, 1);
  });

  it('anchors a line at its start, middle or end, by its advance with kerning', () => {
    const word = 'AVATAR';
    const width = advance(word, 12);
    // Kerned: narrower than its advances alone.
    const plain = [...word].reduce((s, ch) => s + (EXPORT_GLYPHS.faces.regular.glyph(ch)!.advance * 12) / 2048, 0);
    expect(width).toBeLessThan(plain - 1);
    const [start, middle, end] = boxes(
      ['start', 'middle', 'end'].map((a) => `<text x="100" y="50" text-anchor="${a}">${word}</text>`).join(''),
    ) as [TextBox, TextBox, TextBox];
    expect(start.x0 - middle.x0).toBeCloseTo(width / 2, 1);
    expect(start.x0 - end.x0).toBeCloseTo(width, 1);
    // The anchor inherits, and the text's own wins.
    const [inherited, own] = boxes(
      `<g text-anchor="end"><text x="100" y="50">${word}</text><text x="100" y="50" text-anchor="start">${word}</text></g>`,
    );
    expect(inherited!.x0).toBeCloseTo(end.x0, 2);
    expect(own!.x0).toBeCloseTo(start.x0, 2);
  });

  it('moves by dx and dy in px and em, at the font size inherited or set', () => {
    const h = glyphBox('H', 20);
    const b = box('<g font-size="20"><text x="10" y="50" dx="4" dy="0.5em">H</text></g>');
    expect(b.x0).toBeCloseTo(14 + h.x0, 1);
    expect(b.y1).toBeCloseTo(60, 1);
    expect(b.y0).toBeCloseTo(60 + h.y0, 1);
    // Style beats the attribute; em sizes are the parent's.
    const styled = box('<g font-size="10"><text style="font-size: 2em" font-size="99" x="0" y="40" dy=".5em">H</text></g>');
    expect(styled.y1).toBeCloseTo(50, 1);
    expect(styled.x1).toBeCloseTo(h.x1, 1);
  });

  it('lays out tspans as Plot writes a label of two lines: each line its own chunk, anchored, a line height apart', () => {
    const { root } = outline(
      '<g text-anchor="middle" transform="translate(200,100)"><text fill="red"><tspan x="0" y="-0.18em">send and receive</tspan><tspan x="0" dy="1em">Hurwitz</tspan></text></g>',
    );
    const group = root.querySelector('[data-text]')!;
    expect(group.getAttribute('data-text')).toBe('send and receiveHurwitz');
    expect(group.getAttribute('fill')).toBe('red');
    const paths = [...group.children];
    expect(paths.map((p) => p.localName)).toEqual(['path', 'path']);
    const [first, second] = paths.map((p) => {
      const g = root.ownerDocument.createElementNS(SVG, 'g');
      g.setAttribute('data-text', '');
      g.append(p.cloneNode(true));
      root.append(g);
      return outlineBoxes(root).at(-1)!;
    }) as [TextBox, TextBox];
    // Centred on x = 0 each (in the group's space: the transform stays on the ancestor).
    expect((first.x0 + first.x1) / 2).toBeCloseTo(0, 0);
    expect((second.x0 + second.x1) / 2).toBeCloseTo(0, 0);
    expect(first.x1 - first.x0).toBeGreaterThan(second.x1 - second.x0);
    // Baselines at -0.18em and 0.82em: the second line's cap height sits 12 px lower.
    expect(second.y0 - first.y0).toBeCloseTo(12, 0);
    expect(root.querySelector('g[transform="translate(200,100)"] [data-text]')).not.toBeNull();
  });

  it('draws 600 and up, bold and bolder with the bold face, the rest regular', () => {
    const d = (weight: string): string =>
      outline(`<text x="0" y="0" font-weight="${weight}">a</text>`).root.querySelector('path')!.getAttribute('d')!;
    const [w400, w500, w600, w700, bold, bolder, normal] = ['400', '500', '600', '700', 'bold', 'bolder', 'normal'].map(d);
    expect(new Set([w600, w700, bold, bolder]).size).toBe(1);
    expect(new Set([w400, w500, normal]).size).toBe(1);
    expect(w600).not.toBe(w400);
    // Bold advances are the bold face's.
    const [regular, heavy] = boxes(
      '<text x="0" y="0" text-anchor="end">ab</text><text x="0" y="20" text-anchor="end" font-weight="700">ab</text>',
    );
    const bx = glyphBox('a', 12, 'bold');
    expect(heavy!.x0).toBeCloseTo(-advance('ab', 12, 'bold') + bx.x0, 1);
    expect(regular!.x0).toBeCloseTo(-advance('ab', 12) + glyphBox('a', 12).x0, 1);
  });

  it('keeps fill, stroke, paint order, transform and the rest on the group; drops what only laid out text', () => {
    const { root } = outline(
      '<g font-size="11" font-variant="tabular-nums" text-anchor="start" paint-order="stroke" stroke="#fff" stroke-width="4"><text class="k" data-part="p" fill="#555" transform="translate(5,6)" x="1" y="2" dy="0.32em" font-family="X" font-weight="600" style="font-size: 13px; opacity: 0.5">label</text></g>',
    );
    const group = root.querySelector('[data-text]')!;
    expect(Object.fromEntries(group.getAttributeNames().map((n) => [n, group.getAttribute(n)]))).toEqual({
      class: 'k',
      'data-part': 'p',
      fill: '#555',
      transform: 'translate(5,6)',
      style: ' opacity: 0.5',
      'data-text': 'label',
      'aria-label': 'label',
    });
    // The halo's group keeps its paint, and loses its text properties.
    const halo = group.parentElement!;
    expect([halo.getAttribute('paint-order'), halo.getAttribute('stroke'), halo.getAttribute('stroke-width')]).toEqual([
      'stroke',
      '#fff',
      '4',
    ]);
    expect(halo.getAttributeNames().filter((n) => n.startsWith('font') || n === 'text-anchor')).toEqual([]);
  });

  it('collapses white space as SVG does, and a trailing space takes no room', () => {
    const { root } = outline(
      '<text x="0" y="0" text-anchor="end">  two \n  words  </text><text x="0" y="20" text-anchor="end">two words</text>',
    );
    const groups = [...root.querySelectorAll('[data-text]')];
    expect(groups.map((g) => g.getAttribute('data-text'))).toEqual(['two words', 'two words']);
    const [a, b] = outlineBoxes(root);
    expect(a!.x0).toBeCloseTo(b!.x0, 2);
  });

  it('draws a character outside the table as the fallback box and says which; invisible ones take no room', () => {
    const { root, fallback } = outline('<text x="0" y="0">a漢b</text><text x="0" y="20">a\u00adb\u200b</text><text x="0" y="40">ab</text>');
    expect(fallback).toEqual(['漢']);
    const [boxed, invisible, plain] = outlineBoxes(root);
    const notdef = EXPORT_GLYPHS.faces.regular.fallback.advance;
    expect(boxed!.x1 - plain!.x1).toBeCloseTo((notdef * 12) / 2048, 1);
    const d = [...root.querySelectorAll('path')].map((p) => p.getAttribute('d')!);
    // The same outlines, a line lower.
    expect(d[1]!.replace(/^M[\d.]+ [\d.]+/, '')).toBe(d[2]!.replace(/^M[\d.]+ [\d.]+/, ''));
    expect(invisible!.x1).toBeCloseTo(plain!.x1, 2);
  });

  it("keeps a text's own title, undrawn, and an empty text draws nothing", () => {
    const { root } = outline('<text x="0" y="0"><title>tip</title>ab</text><text x="5" y="5"> </text>');
    const [withTitle, empty] = [...root.querySelectorAll('[data-text]')];
    expect(withTitle!.getAttribute('data-text')).toBe('ab');
    expect(withTitle!.querySelector('title')?.textContent).toBe('tip');
    expect(empty!.getAttribute('data-text')).toBe('');
    expect(empty!.children.length).toBe(0);
  });
});
