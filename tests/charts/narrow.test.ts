/**
 * Every figure laid out for the width it is drawn at, from a phone's column to the article's:
 * no text runs off the drawing, no two labels overlap, and no text is smaller than the
 * figure's normal size allows. Text boxes are estimated (see text-boxes.ts) the way the specs
 * estimate them. Heights follow figure-live.ts's rule; a figure may take more.
 */
import { blankDocument } from '../support/dom.ts';
import { describe, expect, it } from 'vitest';
import { figureIds, figures, renderFigure } from '../../src/lib/charts/index.ts';
import type { FigureId } from '../../src/lib/charts/types.ts';
import { presetById, presets, presetValues } from '../../src/lib/model/index.ts';
import { normaliseSvg } from './normalise.ts';
import { overlap, textBoxes } from './text-boxes.ts';

const WIDTHS = [300, 326, 480, 720];
/** Every preset: between them they bind every side by each limit, and draw every receive path. */
const PRESETS = presets.map((p) => p.id);
/** figure-live.ts's height for a width, from the article's 720 × 400. */
const heightFor = (width: number): number => Math.round(Math.max(400 * 0.6, (400 * width) / 720));

function draw(figure: FigureId, presetId: string, width: number): SVGSVGElement {
  const p = presetById(presetId);
  if (p === undefined) throw new Error(`no preset ${presetId}`);
  const document = blankDocument();
  const size = { width, height: heightFor(width) };
  return renderFigure(figures[figure], presetValues(p), size, 'light', document as unknown as Document, { bandKeys: p.bandKeys });
}

describe('figures at every width', () => {
  for (const figure of figureIds) {
    for (const width of WIDTHS) {
      // A stateless figure draws the same at every state.
      const states = figures[figure].stateless ? PRESETS.slice(0, 1) : PRESETS;
      it(`${figure} at ${width} px keeps its text inside, apart and full size`, () => {
        for (const preset of states) {
          const svg = draw(figure, preset, width);
          const where = `${figure} at ${width} px, ${preset}`;
          expect(Number(svg.getAttribute('width')), where).toBe(width);
          const height = Number(svg.getAttribute('height'));
          expect(height, where).toBeGreaterThanOrEqual(heightFor(width));
          const boxes = textBoxes(svg);
          expect(boxes.length, where).toBeGreaterThan(0);
          const outside = boxes.filter((b) => b.x0 < 0 || b.x1 > width || b.y0 < 0 || b.y1 > height).map((b) => b.text);
          expect(outside, `${where}: text outside the drawing`).toEqual([]);
          const small = boxes.filter((b) => b.fontSize < 10).map((b) => b.text);
          expect(small, `${where}: text below 10 px`).toEqual([]);
          const clashes: string[] = [];
          boxes.forEach((a, i) => {
            for (const b of boxes.slice(i + 1)) if (overlap(a, b)) clashes.push(`"${a.text}" × "${b.text}"`);
          });
          expect(clashes, `${where}: overlapping text`).toEqual([]);
        }
      });
    }
  }
});

describe('narrow chart snapshots', () => {
  for (const preset of ['quadrics-2002', 'zcrx-2024-zcrx']) {
    for (const figure of figureIds) {
      if (figures[figure].stateless && preset !== 'quadrics-2002') continue;
      it(`${figure} for ${preset} at 326 px`, async () => {
        await expect(normaliseSvg(draw(figure, preset, 326).outerHTML)).toMatchFileSnapshot(
          `./__snapshots__/narrow/${figure}-${preset}.svg`,
        );
      });
    }
  }
});
