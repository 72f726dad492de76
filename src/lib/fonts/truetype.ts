/**
 * A small TrueType reader: enough of a `.ttf` to draw its glyphs as outlines. It reads the
 * character map (cmap formats 4 and 12), the glyph locations and outlines (loca, glyf: simple
 * glyphs of quadratic contours and composite glyphs, their components transformed), the
 * advances (hhea, hmtx) and the kerning pairs of a Microsoft `kern` table (format 0). Hinting,
 * GSUB/GPOS and CFF outlines are not read. Pure: it is handed the bytes.
 */

/** A point of a contour, font units, y up; `on` is false for a quadratic control point. */
export interface Point {
  readonly x: number;
  readonly y: number;
  readonly on: boolean;
}

/** One closed contour of a glyph's outline. */
export type Contour = readonly Point[];

/** A TrueType font, read. Glyphs are numbered as in the font (0 is `.notdef`). */
export interface TrueTypeFont {
  readonly unitsPerEm: number;
  /** head fontRevision (the font's version, as its maker numbers it). */
  readonly revision: number;
  /** hhea ascender and descender, font units (descender negative). */
  readonly ascender: number;
  readonly descender: number;
  readonly numGlyphs: number;
  /** The glyph the character map gives a code point, 0 when it has none. */
  glyphIndex(codePoint: number): number;
  /** The glyph's advance width, font units. */
  advance(glyph: number): number;
  /** The kerning between two glyphs drawn in that order, font units (0 for none). */
  kerning(left: number, right: number): number;
  /** The glyph's contours, composite glyphs resolved, font units, y up. */
  contours(glyph: number): Contour[];
}

interface Table {
  readonly offset: number;
  readonly length: number;
}

/** Reads a TrueType (glyf-outline) font; throws on anything else or on a table it needs missing. */
export function readTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u8 = (at: number): number => view.getUint8(at);
  const i8 = (at: number): number => view.getInt8(at);
  const u16 = (at: number): number => view.getUint16(at);
  const i16 = (at: number): number => view.getInt16(at);
  const u32 = (at: number): number => view.getUint32(at);
  /** A 2.14 fixed-point number. */
  const f2dot14 = (at: number): number => i16(at) / 16384;

  const version = u32(0);
  if (version !== 0x00010000 && version !== 0x74727565)
    throw new Error(`truetype: not a TrueType font (version 0x${version.toString(16)})`);
  const tables = new Map<string, Table>();
  for (let i = 0, n = u16(4); i < n; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(u8(rec), u8(rec + 1), u8(rec + 2), u8(rec + 3));
    tables.set(tag, { offset: u32(rec + 8), length: u32(rec + 12) });
  }
  const table = (tag: string): Table => {
    const t = tables.get(tag);
    if (t === undefined) throw new Error(`truetype: no ${tag} table`);
    return t;
  };

  const head = table('head').offset;
  const unitsPerEm = u16(head + 18);
  const longLoca = i16(head + 50) === 1;
  const hhea = table('hhea').offset;
  const numberOfHMetrics = u16(hhea + 34);
  const numGlyphs = u16(table('maxp').offset + 4);
  const hmtx = table('hmtx').offset;
  const loca = table('loca').offset;
  const glyf = table('glyf').offset;

  const glyphIndex = readCmap(table('cmap').offset, u16, u32);
  const kerns = tables.has('kern') ? readKern(table('kern').offset, u16, i16) : new Map<number, number>();

  const advance = (glyph: number): number => u16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
  const glyphRange = (glyph: number): [number, number] =>
    longLoca ? [u32(loca + 4 * glyph), u32(loca + 4 * glyph + 4)] : [2 * u16(loca + 2 * glyph), 2 * u16(loca + 2 * glyph + 2)];

  /** The points of a simple glyph at `at`, with the index after each contour's last point. */
  function simple(at: number, contourCount: number): Contour[] {
    const ends: number[] = [];
    for (let i = 0; i < contourCount; i++) ends.push(u16(at + 10 + 2 * i));
    const count = contourCount === 0 ? 0 : ends[contourCount - 1]! + 1;
    let p = at + 10 + 2 * contourCount;
    p += 2 + u16(p); // instructions
    const flags: number[] = [];
    while (flags.length < count) {
      const flag = u8(p++);
      flags.push(flag);
      if (flag & 0x08) for (let r = u8(p++); r > 0; r--) flags.push(flag);
    }
    const coords = (short: number, same: number): number[] => {
      const out: number[] = [];
      let v = 0;
      for (const flag of flags.slice(0, count)) {
        if (flag & short) {
          const d = u8(p++);
          v += flag & same ? d : -d;
        } else if (!(flag & same)) {
          v += i16(p);
          p += 2;
        }
        out.push(v);
      }
      return out;
    };
    const xs = coords(0x02, 0x10);
    const ys = coords(0x04, 0x20);
    const contours: Contour[] = [];
    let start = 0;
    for (const end of ends) {
      const c: Point[] = [];
      for (let i = start; i <= end; i++) c.push({ x: xs[i]!, y: ys[i]!, on: (flags[i]! & 0x01) !== 0 });
      contours.push(c);
      start = end + 1;
    }
    return contours;
  }

  /** A composite glyph's components, each transformed and offset, at `at`. */
  function composite(at: number, depth: number): Contour[] {
    const out: Contour[] = [];
    let p = at + 10;
    for (;;) {
      const flags = u16(p);
      const component = u16(p + 2);
      p += 4;
      const words = (flags & 0x0001) !== 0;
      const xy = (flags & 0x0002) !== 0;
      let a1: number;
      let a2: number;
      if (words) {
        a1 = xy ? i16(p) : u16(p);
        a2 = xy ? i16(p + 2) : u16(p + 2);
        p += 4;
      } else {
        a1 = xy ? i8(p) : u8(p);
        a2 = xy ? i8(p + 1) : u8(p + 1);
        p += 2;
      }
      let [a, b, c, d] = [1, 0, 0, 1];
      if (flags & 0x0008) {
        a = d = f2dot14(p);
        p += 2;
      } else if (flags & 0x0040) {
        a = f2dot14(p);
        d = f2dot14(p + 2);
        p += 4;
      } else if (flags & 0x0080) {
        [a, b, c, d] = [f2dot14(p), f2dot14(p + 2), f2dot14(p + 4), f2dot14(p + 6)];
        p += 8;
      }
      const parts = contours(component, depth + 1).map((contour) =>
        contour.map((pt) => ({ x: a * pt.x + c * pt.y, y: b * pt.x + d * pt.y, on: pt.on })),
      );
      let dx: number;
      let dy: number;
      if (xy) {
        // SCALED_COMPONENT_OFFSET: the offset is in the component's transformed space.
        [dx, dy] = flags & 0x0800 ? [a * a1 + c * a2, b * a1 + d * a2] : [a1, a2];
      } else {
        // Point matching: the component's point a2 lands on the glyph-so-far's point a1.
        const before = out.flat();
        const mine = parts.flat();
        const target = before[a1];
        const source = mine[a2];
        if (target === undefined || source === undefined) throw new Error(`truetype: composite point ${a1}/${a2} out of range`);
        [dx, dy] = [target.x - source.x, target.y - source.y];
      }
      for (const contour of parts) out.push(contour.map((pt) => ({ x: pt.x + dx, y: pt.y + dy, on: pt.on })));
      if (!(flags & 0x0020)) break;
    }
    return out;
  }

  function contours(glyph: number, depth = 0): Contour[] {
    if (glyph < 0 || glyph >= numGlyphs) throw new Error(`truetype: no glyph ${glyph}`);
    if (depth > 8) throw new Error('truetype: composite glyphs nested too deep');
    const [start, end] = glyphRange(glyph);
    if (end <= start) return [];
    const at = glyf + start;
    const count = i16(at);
    return count >= 0 ? simple(at, count) : composite(at, depth);
  }

  return {
    unitsPerEm,
    revision: Math.round((view.getInt32(head + 4) / 65536) * 1000) / 1000,
    ascender: i16(hhea + 4),
    descender: i16(hhea + 6),
    numGlyphs,
    glyphIndex,
    advance,
    kerning: (left, right) => kerns.get(left * 0x10000 + right) ?? 0,
    contours: (glyph) => contours(glyph),
  };
}

/** The Unicode character map: format 12 when the font has one, else format 4. */
function readCmap(at: number, u16: (o: number) => number, u32: (o: number) => number): (cp: number) => number {
  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0, n = u16(at + 2); i < n; i++) {
    const rec = at + 4 + 8 * i;
    subtables.push({ platform: u16(rec), encoding: u16(rec + 2), offset: at + u32(rec + 4) });
  }
  const unicode = subtables.filter((s) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10)));
  const full = unicode.find((s) => u16(s.offset) === 12);
  if (full !== undefined) {
    const groups: [number, number, number][] = [];
    for (let i = 0, n = u32(full.offset + 12); i < n; i++) {
      const g = full.offset + 16 + 12 * i;
      groups.push([u32(g), u32(g + 4), u32(g + 8)]);
    }
    return (cp) => {
      const g = groups.find(([start, end]) => cp >= start && cp <= end);
      return g === undefined ? 0 : g[2] + cp - g[0];
    };
  }
  const bmp = unicode.find((s) => u16(s.offset) === 4);
  if (bmp === undefined) throw new Error('truetype: no Unicode cmap of format 4 or 12');
  const o = bmp.offset;
  const segments = u16(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (cp > u16(ends + 2 * s)) continue;
      const start = u16(starts + 2 * s);
      if (cp < start) return 0;
      const delta = u16(deltas + 2 * s);
      const range = u16(ranges + 2 * s);
      if (range === 0) return (cp + delta) & 0xffff;
      const g = u16(ranges + 2 * s + range + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}

/** Horizontal kerning pairs of a Microsoft `kern` table's format-0 subtables, keyed left × 65536 + right. */
function readKern(at: number, u16: (o: number) => number, i16: (o: number) => number): Map<number, number> {
  const pairs = new Map<number, number>();
  // An Apple `kern` table (version 1.0, a 32-bit version) is not read.
  if (u16(at) !== 0) return pairs;
  let p = at + 4;
  for (let t = 0, n = u16(at + 2); t < n; t++) {
    const length = u16(p + 2);
    const coverage = u16(p + 4);
    const horizontal = (coverage & 0x1) !== 0 && (coverage & 0x4) === 0 && (coverage & 0x2) === 0;
    if (coverage >> 8 === 0 && horizontal) {
      for (let i = 0, count = u16(p + 6); i < count; i++) {
        const pair = p + 14 + 6 * i;
        const key = u16(pair) * 0x10000 + u16(pair + 2);
        pairs.set(key, (coverage & 0x8 ? 0 : (pairs.get(key) ?? 0)) + i16(pair + 4));
      }
    }
    p += length;
  }
  return pairs;
}
