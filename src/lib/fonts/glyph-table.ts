/**
 * A glyph table: the outlines, advances and kerning of the characters a font draws, for a
 * fixed repertoire, as a small JSON file (assets/fonts/, written by scripts/glyph-table.ts from
 * the TrueType files). Outlining text (charts/outline.ts) needs nothing else, so the site
 * ships this table and not the font. Pure: encoding from a read font, decoding to glyphs.
 *
 * A glyph is written `<advance> <path>`: the advance in font units, then SVG path data in
 * font units with y pointing down (so the path can be drawn as it is, scaled), its first move
 * absolute and the rest relative. Kerning pairs are grouped by value: `{"-339": "TaTe…"}`,
 * each pair two characters.
 */
import type { Contour, TrueTypeFont } from './truetype.ts';

/** The faces a table holds. */
export type FaceName = 'regular' | 'bold';

/** A face as written in the JSON file. */
export interface FaceData {
  /** The font's full name and version, for the record. */
  readonly name: string;
  /** The glyph drawn for a character the table lacks (the font's `.notdef`). */
  readonly fallback: string;
  readonly glyphs: Readonly<Record<string, string>>;
  readonly kerning: Readonly<Record<string, string>>;
}

/** The JSON file. */
export interface GlyphTableData {
  readonly family: string;
  readonly unitsPerEm: number;
  readonly faces: Readonly<Record<FaceName, FaceData>>;
}

/** One drawing command of a glyph, absolute font units, y down; `Z` closes the contour. */
export type PathOp =
  | { readonly c: 'M'; readonly x: number; readonly y: number }
  | { readonly c: 'L'; readonly x: number; readonly y: number }
  | { readonly c: 'Q'; readonly x1: number; readonly y1: number; readonly x: number; readonly y: number }
  | { readonly c: 'Z' };

/** A glyph: its advance and outline, font units. */
export interface Glyph {
  readonly advance: number;
  readonly path: readonly PathOp[];
}

/** A face of the table, decoded on demand. */
export interface GlyphFace {
  readonly unitsPerEm: number;
  /** The glyph of one character (a code point), undefined when the table lacks it. */
  glyph(ch: string): Glyph | undefined;
  /** Kerning between two characters drawn in that order, font units. */
  kerning(left: string, right: string): number;
  readonly fallback: Glyph;
}

/** A table's faces, ready to draw with. */
export interface GlyphTable {
  readonly family: string;
  readonly faces: Readonly<Record<FaceName, GlyphFace>>;
}

// Encoding ----------------------------------------------------------------------------------

/** The path commands of TrueType contours (quadratic B-splines; y up), y flipped to point down. */
export function contourOps(contours: readonly Contour[]): PathOp[] {
  const ops: PathOp[] = [];
  for (const contour of contours) {
    const n = contour.length;
    if (n === 0) continue;
    const pt = (i: number) => {
      const p = contour[((i % n) + n) % n]!;
      return { x: p.x, y: -p.y, on: p.on };
    };
    const mid = (a: { x: number; y: number }, b: { x: number; y: number }) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
    // Start on a point on the curve: the first such, or the midpoint of two control points.
    const firstOn = contour.findIndex((p) => p.on);
    const start = firstOn >= 0 ? pt(firstOn) : mid(pt(0), pt(1));
    const from = firstOn >= 0 ? firstOn + 1 : 1;
    ops.push({ c: 'M', x: start.x, y: start.y });
    let control: { x: number; y: number } | undefined;
    for (let k = 0; k < n; k++) {
      const p = pt(from + k);
      const last = k === n - 1;
      // The last point visited is the start (when it is on the curve); the close draws to it.
      if (p.on) {
        if (control !== undefined) ops.push({ c: 'Q', x1: control.x, y1: control.y, x: p.x, y: p.y });
        else if (!last) ops.push({ c: 'L', x: p.x, y: p.y });
        control = undefined;
      } else {
        if (control !== undefined) {
          const m = mid(control, p);
          ops.push({ c: 'Q', x1: control.x, y1: control.y, x: m.x, y: m.y });
        }
        control = p;
      }
    }
    if (control !== undefined) ops.push({ c: 'Q', x1: control.x, y1: control.y, x: start.x, y: start.y });
    ops.push({ c: 'Z' });
  }
  return ops;
}

/**
 * An integer count of grid steps (10^-decimals) as a path-data number: no trailing zeros,
 * no leading zero (`-.05`, `1.2`, `3`).
 */
export function gridNumber(n: number, decimals: number): string {
  const scale = 10 ** decimals;
  const a = Math.abs(n);
  const whole = Math.floor(a / scale);
  let frac = a - whole * scale;
  let s = whole === 0 && frac !== 0 ? '' : String(whole);
  if (frac !== 0) {
    let digits = decimals;
    while (frac % 10 === 0) {
      frac /= 10;
      digits -= 1;
    }
    s += `.${String(frac).padStart(digits, '0')}`;
  }
  return n < 0 ? `-${s}` : s;
}

/**
 * Path ops as compact SVG path data on a grid of 10^-decimals units: each point rounded to the
 * grid, then written relative to the last (so the steps add up to the rounded points, with no
 * drift), repeated commands left out, lines as `h`/`v` where they can be. A quadratic curve
 * whose control point is within `slack` grid steps of the last one's mirror image is written as
 * a smooth curve (`t`, its control point moved onto the mirror image): TrueType's implied
 * on-curve points make most of a glyph's curves so.
 */
export function opsToPath(ops: readonly PathOp[], decimals: number, slack = 0): string {
  const scale = 10 ** decimals;
  const grid = (v: number): number => Math.round(v * scale);
  let d = '';
  let last = '';
  let [cx, cy, sx, sy] = [0, 0, 0, 0];
  /** Where the next smooth curve's control point falls: the last control point mirrored. */
  let mirror: [number, number] | undefined;
  const emit = (cmd: string, values: readonly number[]): void => {
    // A repeated command may be left out, but never after a move (its repeats are lines).
    if (cmd !== last || cmd === 'm' || cmd === 'M') d += cmd;
    let first = cmd !== last || cmd === 'm' || cmd === 'M';
    for (const v of values) {
      const s = gridNumber(v, decimals);
      d += first || v < 0 ? s : ` ${s}`;
      first = false;
    }
    last = cmd;
  };
  for (const op of ops) {
    if (op.c === 'Z') {
      d += 'z';
      last = 'z';
      mirror = undefined;
      [cx, cy] = [sx, sy];
      continue;
    }
    const x = grid(op.x);
    const y = grid(op.y);
    if (op.c === 'Q') {
      const x1 = grid(op.x1);
      const y1 = grid(op.y1);
      const smooth = mirror !== undefined && Math.abs(mirror[0] - x1) <= slack && Math.abs(mirror[1] - y1) <= slack;
      const [kx, ky] = smooth && mirror !== undefined ? mirror : [x1, y1];
      if (smooth) emit('t', [x - cx, y - cy]);
      else emit('q', [x1 - cx, y1 - cy, x - cx, y - cy]);
      mirror = [2 * x - kx, 2 * y - ky];
    } else {
      if (op.c === 'M') {
        emit(d === '' ? 'M' : 'm', d === '' ? [x, y] : [x - cx, y - cy]);
        [sx, sy] = [x, y];
      } else if (y === cy) emit('h', [x - cx]);
      else if (x === cx) emit('v', [y - cy]);
      else emit('l', [x - cx, y - cy]);
      mirror = undefined;
    }
    [cx, cy] = [x, y];
  }
  return d;
}

/** Decimals of the table's font units: TrueType points are whole, implied on-curve points halves. */
const TABLE_DECIMALS = 1;

/** A glyph as the table writes it. */
export function encodeGlyph(advance: number, ops: readonly PathOp[]): string {
  const d = opsToPath(ops, TABLE_DECIMALS);
  return d === '' ? String(advance) : `${advance} ${d}`;
}

/**
 * The face of a read font for the characters of `repertoire` it maps (the rest are left to
 * the fallback), with the kerning pairs among them. Returns the face and the characters it lacks.
 */
export function encodeFace(font: TrueTypeFont, name: string, repertoire: readonly string[]): { face: FaceData; missing: string[] } {
  const glyphs: Record<string, string> = {};
  const missing: string[] = [];
  const indices = new Map<string, number>();
  for (const ch of repertoire) {
    const g = font.glyphIndex(ch.codePointAt(0)!);
    if (g === 0) {
      missing.push(ch);
      continue;
    }
    indices.set(ch, g);
    glyphs[ch] = encodeGlyph(font.advance(g), contourOps(font.contours(g)));
  }
  const byValue = new Map<number, string>();
  for (const [a, ga] of indices) {
    for (const [b, gb] of indices) {
      const k = font.kerning(ga, gb);
      if (k !== 0) byValue.set(k, (byValue.get(k) ?? '') + a + b);
    }
  }
  const kerning = Object.fromEntries([...byValue].sort(([a], [b]) => a - b).map(([k, pairs]) => [String(k), pairs]));
  return { face: { name, fallback: encodeGlyph(font.advance(0), contourOps(font.contours(0))), glyphs, kerning }, missing };
}

/** The table of two read fonts (regular and bold) for a repertoire, with what each face lacks. */
export function buildTable(
  family: string,
  fonts: Readonly<Record<FaceName, { font: TrueTypeFont; name: string }>>,
  repertoire: readonly string[],
): { data: GlyphTableData; missing: Record<FaceName, string[]> } {
  const regular = encodeFace(fonts.regular.font, fonts.regular.name, repertoire);
  const bold = encodeFace(fonts.bold.font, fonts.bold.name, repertoire);
  if (fonts.regular.font.unitsPerEm !== fonts.bold.font.unitsPerEm) throw new Error('glyph table: the faces differ in units per em');
  return {
    data: { family, unitsPerEm: fonts.regular.font.unitsPerEm, faces: { regular: regular.face, bold: bold.face } },
    missing: { regular: regular.missing, bold: bold.missing },
  };
}

/** The table as its file: JSON with a line a glyph and a line a kerning value, so a change reads as a diff. */
export function tableText(data: GlyphTableData): string {
  const q = (s: string): string => JSON.stringify(s);
  const map = (m: Readonly<Record<string, string>>, indent: string): string =>
    `{\n${Object.entries(m)
      .map(([k, v]) => `${indent}  ${q(k)}: ${q(v)}`)
      .join(',\n')}\n${indent}}`;
  const face = (f: FaceData): string =>
    `{\n      "name": ${q(f.name)},\n      "fallback": ${q(f.fallback)},\n      "glyphs": ${map(f.glyphs, '      ')},\n      "kerning": ${map(f.kerning, '      ')}\n    }`;
  return `{\n  "family": ${q(data.family)},\n  "unitsPerEm": ${data.unitsPerEm},\n  "faces": {\n    "regular": ${face(data.faces.regular)},\n    "bold": ${face(data.faces.bold)}\n  }\n}\n`;
}

// Decoding ----------------------------------------------------------------------------------

const PATH_TOKEN = /([MmLlHhVvQqTtZz])|(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/g;

/** SVG path data of the commands the table writes (M L H V Q T Z, either case) as absolute ops. */
export function parsePath(d: string): PathOp[] {
  const ops: PathOp[] = [];
  let cmd = '';
  let nums: number[] = [];
  let [cx, cy, sx, sy] = [0, 0, 0, 0];
  const arity: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, q: 4, t: 2, z: 0 };
  let mirror: [number, number] | undefined;
  const flush = (): void => {
    const lower = cmd.toLowerCase();
    const rel = cmd === lower;
    const n = arity[lower] ?? 0;
    if (n === 0) return;
    for (let i = 0; i + n <= nums.length; i += n) {
      const [a = 0, b = 0, c = 0, e = 0] = nums.slice(i, i + n);
      const ox = rel ? cx : 0;
      const oy = rel ? cy : 0;
      if (lower === 'm' && i === 0) {
        [cx, cy] = [a + ox, b + oy];
        [sx, sy] = [cx, cy];
        ops.push({ c: 'M', x: cx, y: cy });
      } else if (lower === 'm' || lower === 'l') {
        [cx, cy] = [a + ox, b + oy];
        ops.push({ c: 'L', x: cx, y: cy });
      } else if (lower === 'h') {
        cx = a + ox;
        ops.push({ c: 'L', x: cx, y: cy });
      } else if (lower === 'v') {
        cy = a + oy;
        ops.push({ c: 'L', x: cx, y: cy });
      } else {
        const [x1, y1] = lower === 't' ? (mirror ?? [cx, cy]) : [a + ox, b + oy];
        const [x, y] = lower === 't' ? [a + ox, b + oy] : [c + ox, e + oy];
        ops.push({ c: 'Q', x1, y1, x, y });
        mirror = [2 * x - x1, 2 * y - y1];
        [cx, cy] = [x, y];
        continue;
      }
      mirror = undefined;
    }
  };
  for (const m of d.matchAll(PATH_TOKEN)) {
    if (m[1] !== undefined) {
      flush();
      cmd = m[1];
      nums = [];
      if (cmd === 'z' || cmd === 'Z') {
        ops.push({ c: 'Z' });
        mirror = undefined;
        [cx, cy] = [sx, sy];
      }
    } else nums.push(Number(m[2]));
  }
  flush();
  return ops;
}

/** A glyph from its table string. */
export function decodeGlyph(s: string): Glyph {
  const space = s.indexOf(' ');
  if (space < 0) return { advance: Number(s), path: [] };
  return { advance: Number(s.slice(0, space)), path: parsePath(s.slice(space + 1)) };
}

function decodeFace(data: FaceData, unitsPerEm: number): GlyphFace {
  const cache = new Map<string, Glyph>();
  const kerns = new Map<string, number>();
  for (const [value, pairs] of Object.entries(data.kerning)) {
    const chars = [...pairs];
    for (let i = 0; i + 1 < chars.length; i += 2) kerns.set(chars[i]! + chars[i + 1]!, Number(value));
  }
  return {
    unitsPerEm,
    glyph(ch) {
      let g = cache.get(ch);
      if (g === undefined) {
        const s = data.glyphs[ch];
        if (s === undefined) return undefined;
        g = decodeGlyph(s);
        cache.set(ch, g);
      }
      return g;
    },
    kerning: (left, right) => kerns.get(left + right) ?? 0,
    fallback: decodeGlyph(data.fallback),
  };
}

/** The table of a JSON file, its glyphs decoded as they are first drawn. */
export function glyphTable(data: GlyphTableData): GlyphTable {
  return {
    family: data.family,
    faces: { regular: decodeFace(data.faces.regular, data.unitsPerEm), bold: decodeFace(data.faces.bold, data.unitsPerEm) },
  };
}
