import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FONT_DIR, glyphTableText, TABLE_FILE } from '../../../scripts/glyph-table.ts';
import { EXPORT_GLYPHS } from '../../../src/lib/fonts/export-font.ts';
import { contourOps, gridNumber, opsToPath, parsePath, type GlyphTableData, type PathOp } from '../../../src/lib/fonts/glyph-table.ts';
import { INVISIBLE, REPERTOIRE } from '../../../src/lib/fonts/repertoire.ts';

const text = readFileSync(TABLE_FILE, 'utf8');
const data = JSON.parse(text) as GlyphTableData;

describe('path data', () => {
  it('writes grid numbers short: no trailing zeros, no leading zero', () => {
    expect([0, 5, -5, 50, 100, 123, -123, 1200, -7].map((n) => gridNumber(n, 2))).toEqual([
      '0',
      '.05',
      '-.05',
      '.5',
      '1',
      '1.23',
      '-1.23',
      '12',
      '-.07',
    ]);
    expect([3, 15, -15].map((n) => gridNumber(n, 1))).toEqual(['.3', '1.5', '-1.5']);
    expect(gridNumber(42, 0)).toBe('42');
  });

  it('reads back what it writes: relative steps, h/v, smooth curves, several contours', () => {
    const ops: PathOp[] = [
      { c: 'M', x: 10, y: 20 },
      { c: 'L', x: 30, y: 20 },
      { c: 'L', x: 30, y: -5 },
      { c: 'L', x: 12.5, y: 7.25 },
      { c: 'Q', x1: 0, y1: 0, x: 5, y: 5 },
      { c: 'Q', x1: 10, y1: 10, x: 20, y: 5 },
      { c: 'Z' },
      { c: 'M', x: 100, y: 100 },
      { c: 'Q', x1: 110, y1: 90, x: 120, y: 100 },
      { c: 'Z' },
    ];
    const d = opsToPath(ops, 2);
    expect(d).toBe('M10 20h20v-25l-17.5 12.25q-12.5-7.25-7.5-2.25t15 0zm90 80q10-10 20 0z');
    expect(parsePath(d)).toEqual(ops);
  });

  it('reads back any path on its grid; with slack, moves a control point by no more than the slack', () => {
    const coord = fc.integer({ min: -5000, max: 5000 }).map((n) => n / 100);
    const op = fc.oneof(
      fc.record({ c: fc.constant('L' as const), x: coord, y: coord }),
      fc.record({ c: fc.constant('Q' as const), x1: coord, y1: coord, x: coord, y: coord }),
    );
    const contour = fc
      .tuple(coord, coord, fc.array(op, { maxLength: 8 }))
      .map(([x, y, rest]): PathOp[] => [{ c: 'M', x, y }, ...rest, { c: 'Z' }]);
    fc.assert(
      fc.property(fc.array(contour, { minLength: 1, maxLength: 3 }), (contours) => {
        const ops = contours.flat();
        const exact = parsePath(opsToPath(ops, 2));
        expect(exact.length).toBe(ops.length);
        exact.forEach((o, i) => {
          const want = ops[i]!;
          expect(o.c === want.c || (o.c === 'L' && want.c === 'L')).toBe(true);
          if (o.c === 'Z' || want.c === 'Z') return;
          expect(o.x).toBeCloseTo(want.x, 6);
          expect(o.y).toBeCloseTo(want.y, 6);
          if (o.c === 'Q' && want.c === 'Q') expect([o.x1, o.y1]).toEqual([expect.closeTo(want.x1, 6), expect.closeTo(want.y1, 6)]);
        });
        const loose = parsePath(opsToPath(ops, 2, 1));
        loose.forEach((o, i) => {
          const want = ops[i]!;
          if (o.c === 'Q' && want.c === 'Q') {
            expect(Math.abs(o.x1 - want.x1)).toBeLessThanOrEqual(0.0100001);
            expect(Math.abs(o.y1 - want.y1)).toBeLessThanOrEqual(0.0100001);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('turns TrueType contours into curves: implied points between two controls, a contour with no point on the curve', () => {
    const ops = contourOps([
      [
        { x: 0, y: 0, on: true },
        { x: 0, y: 100, on: false },
        { x: 100, y: 100, on: false },
        { x: 100, y: 0, on: true },
      ],
      [
        { x: 0, y: 10, on: false },
        { x: 10, y: 0, on: false },
        { x: 0, y: -10, on: false },
        { x: -10, y: 0, on: false },
      ],
    ]);
    // y points down in the table.
    expect(ops).toEqual([
      { c: 'M', x: 0, y: -0 },
      { c: 'Q', x1: 0, y1: -100, x: 50, y: -100 },
      { c: 'Q', x1: 100, y1: -100, x: 100, y: -0 },
      { c: 'Z' },
      { c: 'M', x: 5, y: -5 },
      { c: 'Q', x1: 10, y1: -0, x: 5, y: 5 },
      { c: 'Q', x1: 0, y1: 10, x: -5, y: 5 },
      { c: 'Q', x1: -10, y1: -0, x: -5, y: -5 },
      { c: 'Q', x1: 0, y1: -10, x: 5, y: -5 },
      { c: 'Z' },
    ]);
  });
});

describe('the export glyph table (assets/fonts/dejavu-sans.json)', () => {
  it('holds the repertoire in both faces, each glyph drawable, and kerning only among them', () => {
    for (const face of ['regular', 'bold'] as const) {
      expect(Object.keys(data.faces[face].glyphs).sort()).toEqual([...REPERTOIRE].sort());
      const g = EXPORT_GLYPHS.faces[face];
      for (const ch of REPERTOIRE) {
        const glyph = g.glyph(ch)!;
        expect(glyph.advance, `${face} ${ch}`).toBeGreaterThan(0);
        if (!/\s/u.test(ch)) expect(glyph.path.length, `${face} ${ch}`).toBeGreaterThan(2);
      }
      for (const pairs of Object.values(data.faces[face].kerning)) for (const ch of pairs) expect(REPERTOIRE).toContain(ch);
    }
    for (const ch of INVISIBLE) expect(REPERTOIRE).not.toContain(ch);
    expect(EXPORT_GLYPHS.faces.regular.kerning('T', 'a')).toBe(-339);
    expect(EXPORT_GLYPHS.faces.bold.glyph('A')?.advance).toBe(1585);
    expect(EXPORT_GLYPHS.faces.regular.glyph('漢')).toBeUndefined();
    expect(EXPORT_GLYPHS.faces.regular.fallback.path.length).toBeGreaterThan(0);
  });

  it('stays small: what the browser loads with the first download', () => {
    const minified = JSON.stringify(data);
    expect(minified.length).toBeLessThan(190_000);
    expect(gzipSync(minified, { level: 9 }).length).toBeLessThan(60_000);
  });

  it('is what scripts/glyph-table.ts makes of the installed fonts', async () => {
    const made = await glyphTableText(FONT_DIR);
    expect(made.missing).toEqual({ regular: [], bold: [] });
    expect(made.text === text, 'assets/fonts/dejavu-sans.json is stale: run npx node scripts/glyph-table.ts').toBe(true);
  });
});
