/**
 * Exported files draw their text as outlines with the glyphs' real advances (charts/outline.ts),
 * where the layout only estimated widths (layout.ts `textWidth`): no label may now run off the
 * file or over another. Measured exactly from the paths (text-boxes.ts `outlineBoxes`): every
 * preset at the article size, and the slide sizes at the two presets the snapshots draw.
 */
import { xmlDocument } from '../support/dom.ts';
import { describe, expect, it } from 'vitest';
import { SVG_LAYOUT } from '../../src/lib/charts/export.ts';
import { figureIds } from '../../src/lib/charts/index.ts';
import { EXPORT_SIZES, layoutSize } from '../../src/lib/charts/sizes.ts';
import { staticFile } from '../../src/lib/charts/static.ts';
import type { FigureSize } from '../../src/lib/charts/types.ts';
import { presets } from '../../src/lib/model/index.ts';
import { outlineBoxes, overlap } from './text-boxes.ts';

const FILES: { preset: string; size: FigureSize }[] = [
  ...presets.map((p) => ({ preset: p.id, size: SVG_LAYOUT })),
  ...['quadrics-2002', 'zcrx-2024-zcrx'].flatMap((preset) => EXPORT_SIZES.map((s) => ({ preset, size: layoutSize(s) }))),
];

describe('exported files', () => {
  for (const figure of figureIds) {
    it(`${figure}: every outlined label inside the file, none over another`, () => {
      const problems: string[] = [];
      for (const { preset, size } of FILES) {
        const root = xmlDocument(
          staticFile(figure, { preset }, { theme: 'light', size, site: 'https://slowest.example/' }),
        ).documentElement;
        const boxes = outlineBoxes(root);
        const where = `${preset} at ${size.width}×${size.height}`;
        expect(boxes.length, where).toBeGreaterThan(3);
        for (const b of boxes) {
          if (b.x0 < 0 || b.x1 > size.width || b.y0 < 0 || b.y1 > size.height) {
            problems.push(
              `${where}: "${b.text}" outside, at [${b.x0.toFixed(1)}, ${b.x1.toFixed(1)}] × [${b.y0.toFixed(1)}, ${b.y1.toFixed(1)}]`,
            );
          }
        }
        boxes.forEach((a, i) => {
          for (const b of boxes.slice(i + 1)) if (overlap(a, b)) problems.push(`${where}: "${a.text}" over "${b.text}"`);
        });
      }
      expect(problems).toEqual([]);
    });
  }
});
