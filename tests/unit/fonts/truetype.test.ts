import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrueType, type Contour } from '../../../src/lib/fonts/truetype.ts';

/**
 * The TrueType reader, on a font built here byte by byte (so every branch it takes is one we
 * wrote down: cmap formats 4 and 12, short and long loca, simple glyphs with repeated flags and
 * short, same and long coordinates, composite glyphs offset, scaled, transformed and placed by
 * point matching, kerning) and on DejaVu Sans where it is installed.
 */

class Bytes {
  readonly parts: number[] = [];
  u8(...v: number[]): this {
    for (const x of v) this.parts.push(x & 0xff);
    return this;
  }
  i8(v: number): this {
    return this.u8(v < 0 ? v + 256 : v);
  }
  u16(...v: number[]): this {
    for (const x of v) this.u8(x >> 8, x);
    return this;
  }
  i16(...v: number[]): this {
    return this.u16(...v.map((x) => (x < 0 ? x + 0x10000 : x)));
  }
  u32(...v: number[]): this {
    for (const x of v) this.u16(Math.floor(x / 0x10000), x & 0xffff);
    return this;
  }
  f2dot14(v: number): this {
    return this.i16(Math.round(v * 16384));
  }
  get length(): number {
    return this.parts.length;
  }
}

type Pt = readonly [number, number, boolean];

/** A simple glyph: flags run-length encoded, each coordinate short, same or long as it fits. */
function simpleGlyph(contours: readonly (readonly Pt[])[]): Bytes {
  const b = new Bytes().i16(contours.length, 0, 0, 0, 0);
  let end = -1;
  for (const c of contours) {
    end += c.length;
    b.u16(end);
  }
  b.u16(1).u8(0); // one byte of instructions, skipped
  const points = contours.flat();
  const flags: number[] = [];
  const xs = new Bytes();
  const ys = new Bytes();
  let [px, py] = [0, 0];
  for (const [x, y, on] of points) {
    let flag = on ? 1 : 0;
    for (const [d, short, same, out] of [
      [x - px, 0x02, 0x10, xs],
      [y - py, 0x04, 0x20, ys],
    ] as const) {
      if (d === 0) flag |= same;
      else if (Math.abs(d) < 256) {
        flag |= short | (d > 0 ? same : 0);
        out.u8(Math.abs(d));
      } else out.i16(d);
    }
    flags.push(flag);
    [px, py] = [x, y];
  }
  for (let i = 0; i < flags.length; ) {
    let run = 1;
    while (i + run < flags.length && flags[i + run] === flags[i] && run < 255) run++;
    if (run > 1) b.u8(flags[i]! | 0x08, run - 1);
    else b.u8(flags[i]!);
    i += run;
  }
  return b.u8(...xs.parts).u8(...ys.parts);
}

/** The font's tables in a file: `tables` in tag order. */
function sfnt(tables: Record<string, Bytes>): Uint8Array {
  const tags = Object.keys(tables).sort();
  const out = new Bytes().u32(0x00010000).u16(tags.length, 0, 0, 0);
  let offset = 12 + 16 * tags.length;
  const bodies: number[] = [];
  for (const tag of tags) {
    const body = tables[tag]!;
    out.u8(...[...tag].map((c) => c.charCodeAt(0))).u32(0, offset, body.length);
    bodies.push(...body.parts);
    while (bodies.length % 4 !== 0) bodies.push(0);
    offset = 12 + 16 * tags.length + bodies.length;
  }
  return new Uint8Array([...out.parts, ...bodies]);
}

const SQUARE: Pt[] = [
  [0, 0, true],
  [0, 700, true],
  [500, 700, true],
  [500, 0, true],
];
/** A bowl: control points between on-curve ends, two in a row (an implied point between), coordinates short, same and long. */
const BOWL: Pt[] = [
  [100, 0, true],
  [100, 0, false], // same x, same y as the last: both "same"
  [400, 300, false],
  [700, 300, true],
  [1000, 300, true], // an x step too long for a byte
  [1000, 0, true],
];

function tables(options: { longLoca: boolean; cmap: 4 | 12 }): Record<string, Bytes> {
  const glyphs = [
    simpleGlyph([SQUARE]),
    simpleGlyph([BOWL, SQUARE.map(([x, y, on]) => [x + 2000, y, on] as const)]),
    // 2: glyph 1 moved by (-300, 40) (word arguments), then glyph 0 halved and moved by (10, -5) (byte arguments).
    new Bytes()
      .i16(-1, 0, 0, 0, 0)
      .u16(0x0001 | 0x0002 | 0x0020, 1)
      .i16(-300, 40)
      .u16(0x0002 | 0x0008, 0)
      .i8(10)
      .i8(-5)
      .f2dot14(0.5),
    // 3: glyph 0 turned a quarter left (2×2: x' = -y, y' = x), then glyph 0 again with its point 0 on the first's point 2 (point matching).
    new Bytes()
      .i16(-1, 0, 0, 0, 0)
      .u16(0x0002 | 0x0080 | 0x0020, 0)
      .i8(0)
      .i8(0)
      .f2dot14(0)
      .f2dot14(1)
      .f2dot14(-1)
      .f2dot14(0)
      .u16(0, 0)
      .u8(2, 0),
    // 4: empty (a space).
    new Bytes(),
  ];
  const loca = new Bytes();
  const glyf = new Bytes();
  for (const g of glyphs) {
    if (options.longLoca) loca.u32(glyf.length);
    else loca.u16(glyf.length / 2);
    glyf.u8(...g.parts);
    if (glyf.length % 2 === 1) glyf.u8(0);
  }
  if (options.longLoca) loca.u32(glyf.length);
  else loca.u16(glyf.length / 2);

  const cmap = new Bytes()
    .u16(0, 1)
    .u16(3, options.cmap === 12 ? 10 : 1)
    .u32(12);
  if (options.cmap === 4) {
    // Segments: A–B by delta (A → 1), C–D through the glyph id array (C → 3, D → 4), the 0xFFFF end.
    const segments = 3;
    cmap.u16(4, 0, 0, segments * 2, 0, 0, 0);
    cmap.u16(0x42, 0x44, 0xffff).u16(0);
    cmap.u16(0x41, 0x43, 0xffff);
    cmap.i16(1 - 0x41, 0, 1);
    // idRangeOffset of segment 1 points past the last offset, at the glyph id array.
    cmap.u16(0, 4, 0);
    cmap.u16(3, 4);
  } else {
    cmap.u16(12, 0).u32(16 + 24, 0, 2);
    cmap.u32(0x41, 0x42, 1);
    cmap.u32(0x1f600, 0x1f601, 3);
  }
  return {
    head: new Bytes()
      .u32(0x00010000, 0x00028000)
      .u32(0, 0x5f0f3cf5)
      .u16(0, 1000)
      .u8(...new Array(30).fill(0))
      .i16(options.longLoca ? 1 : 0, 0),
    hhea: new Bytes()
      .u32(0x00010000)
      .i16(800, -200, 0)
      .u8(...new Array(24).fill(0))
      .u16(3),
    maxp: new Bytes().u32(0x00005000).u16(glyphs.length),
    hmtx: new Bytes().u16(500, 0, 1100, 0, 900, 0).i16(0, 0),
    loca,
    glyf,
    cmap,
    kern: new Bytes()
      .u16(0, 1)
      .u16(0, 6 + 8 + 12, 0x0001)
      .u16(2, 12, 1, 0)
      .u16(1, 2)
      .i16(-50)
      .u16(2, 1)
      .i16(30),
  };
}

const font = (options: { longLoca: boolean; cmap: 4 | 12 }): Uint8Array => sfnt(tables(options));

const points = (contours: Contour[]): [number, number, boolean][][] => contours.map((c) => c.map((p) => [p.x, p.y, p.on]));

describe('readTrueType on a font built here', () => {
  for (const [longLoca, cmap] of [
    [false, 4],
    [true, 12],
  ] as const) {
    const f = readTrueType(font({ longLoca, cmap }));
    const at = `${longLoca ? 'long' : 'short'} loca, cmap ${cmap}`;

    it(`reads the header, metrics and character map (${at})`, () => {
      expect([f.unitsPerEm, f.revision, f.ascender, f.descender, f.numGlyphs]).toEqual([1000, 2.5, 800, -200, 5]);
      expect([0x41, 0x42, 0x45, 0x20].map((c) => f.glyphIndex(c))).toEqual([1, 2, 0, 0]);
      if (cmap === 4) expect([0x43, 0x44, 0x1f600].map((c) => f.glyphIndex(c))).toEqual([3, 4, 0]);
      else expect([0x43, 0x1f600, 0x1f601].map((c) => f.glyphIndex(c))).toEqual([0, 3, 4]);
      // Glyphs past the last long metric take its advance.
      expect([0, 1, 2, 3, 4].map((g) => f.advance(g))).toEqual([500, 1100, 900, 900, 900]);
      expect([f.kerning(1, 2), f.kerning(2, 1), f.kerning(1, 1)]).toEqual([-50, 30, 0]);
    });

    it(`reads simple glyphs point by point, and an empty one (${at})`, () => {
      expect(points(f.contours(0))).toEqual([SQUARE]);
      expect(points(f.contours(1))).toEqual([BOWL, SQUARE.map(([x, y, on]) => [x + 2000, y, on])]);
      expect(f.contours(4)).toEqual([]);
    });

    it(`resolves composite glyphs: offsets, a scale, a 2×2 transform, point matching (${at})`, () => {
      expect(points(f.contours(2))).toEqual([
        BOWL.map(([x, y, on]) => [x - 300, y + 40, on]),
        SQUARE.map(([x, y, on]) => [x - 300 + 2000, y + 40, on]),
        SQUARE.map(([x, y, on]) => [x / 2 + 10, y / 2 - 5, on]),
      ]);
      const turned = SQUARE.map(([x, y, on]) => [0 - y, x, on] as const); // 0 - y: never -0
      // The second square's point 0 lands on the first's point 2, (-700, 500).
      expect(points(f.contours(3))).toEqual([turned, SQUARE.map(([x, y, on]) => [x - 700, y + 500, on])]);
      expect(() => f.contours(5)).toThrow('no glyph 5');
    });
  }

  it('refuses what is not a TrueType font', () => {
    expect(() => readTrueType(new TextEncoder().encode('OTTO and then some bytes'))).toThrow('not a TrueType font');
    const { cmap: _, ...rest } = tables({ longLoca: false, cmap: 4 });
    expect(() => readTrueType(sfnt(rest))).toThrow('no cmap table');
  });
});

const DEJAVU = '/usr/share/fonts/truetype/dejavu';

describe('readTrueType on DejaVu Sans', () => {
  const regular = readTrueType(readFileSync(join(DEJAVU, 'DejaVuSans.ttf')));
  const bold = readTrueType(readFileSync(join(DEJAVU, 'DejaVuSans-Bold.ttf')));

  it('reads its metrics, character map and kerning', () => {
    expect([regular.unitsPerEm, regular.revision, regular.ascender, regular.descender]).toEqual([2048, 2.37, 1901, -483]);
    const g = (c: string): number => regular.glyphIndex(c.codePointAt(0)!);
    expect(regular.advance(g('A'))).toBe(1401);
    expect(bold.advance(bold.glyphIndex(0x41))).toBe(1585);
    // Every digit as wide as the rest (tabular), the space narrower.
    expect(new Set([...'0123456789'].map((c) => regular.advance(g(c))))).toEqual(new Set([1303]));
    expect(regular.advance(g(' '))).toBe(651);
    expect([regular.kerning(g('T'), g('a')), regular.kerning(g('A'), g('V')), regular.kerning(g('a'), g('T'))]).toEqual([-339, -131, 0]);
    expect(g('\u{10FFFF}')).toBe(0);
  });

  it("draws A as two contours on the curve, and é as e's outline with the accent above", () => {
    const g = (c: string): number => regular.glyphIndex(c.codePointAt(0)!);
    expect(points(regular.contours(g('A')))).toEqual([
      [
        [700, 1294, true],
        [426, 551, true],
        [975, 551, true],
      ],
      [
        [586, 1493, true],
        [815, 1493, true],
        [1384, 0, true],
        [1174, 0, true],
        [1038, 383, true],
        [365, 383, true],
        [229, 0, true],
        [16, 0, true],
      ],
    ]);
    const e = regular.contours(g('e'));
    const eAcute = regular.contours(g('é'));
    expect(eAcute.slice(0, e.length)).toEqual(e);
    const accent = eAcute.slice(e.length).flat();
    expect(accent.length).toBeGreaterThan(0);
    expect(Math.min(...accent.map((p) => p.y))).toBeGreaterThan(Math.max(...e.flat().map((p) => p.y)));
  });
});
