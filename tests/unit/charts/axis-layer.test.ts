/**
 * A figure's axes are drawn once per look and reused while the reader moves a knob
 * (`plotFigure` in charts/render.ts). The drawing must be the very markup one Plot.plot of
 * the same options gives, at every state a reader can reach by steps, in both themes and at a
 * phone's width; and an axis that does change (a new round end) must be drawn anew.
 */
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { figureIds, figures } from '../../../src/lib/charts/index.ts';
import { axisKey, plotFigure, type Options } from '../../../src/lib/charts/render.ts';
import type { FigureId, Theme } from '../../../src/lib/charts/types.ts';
import { stepParam } from '../../../src/lib/model/knob.ts';
import { paramFor, presetById, presets, presetValues, type ParamKey, type Values } from '../../../src/lib/model/index.ts';
import { blankDocument } from '../../support/dom.ts';

/** Markup with Plot's counted ids (clip paths) renamed by order of appearance. */
function normalise(svg: Element): string {
  const html = svg.outerHTML;
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
  return ids.reduce((out, id, i) => out.replaceAll(id, `id-${i}`), html);
}

/** States a reader reaches from a preset by stepping one knob, in order. */
function walk(start: Values, key: ParamKey, steps: number): Values[] {
  const p = paramFor(key)!;
  const out = [start];
  for (let i = 0; i < steps; i += 1) {
    const last = out.at(-1)!;
    out.push({ ...last, [key]: stepParam(p, last[key], i < steps / 2 ? 3 : -5) } as Values);
  }
  return out;
}

const doc = blankDocument();
const draw = (figure: FigureId, values: Values, width: number, theme: Theme): { reused: string; once: string } => {
  const options = figures[figure].options(values, { width, height: 400 }, theme, {}) as Options;
  return {
    reused: normalise(plotFigure(figure, options, doc) as Element),
    once: normalise(Plot.plot({ ...options, document: doc }) as Element),
  };
};

describe('reused axes draw what one Plot.plot draws', () => {
  const starts = ['quadrics-2002', 'zcrx-2024-zcrx'].map((id) => presetValues(presetById(id)!));
  it.each(figureIds)('%s', (figure) => {
    let compared = 0;
    // Width and theme outermost: the steps of one walk are drawn one after another, as a
    // reader's knob draws them, so all but the first reuse the axes.
    for (const [width, theme] of [
      [720, 'light'],
      [326, 'dark'],
    ] as const)
      for (const start of starts)
        for (const key of ['rxCopyMBps', 'mss'] as const)
          for (const values of walk(start, key, 4)) {
            const { reused, once } = draw(figure, values, width, theme);
            expect(reused).toBe(once);
            compared += 1;
          }
    expect(compared).toBe(2 * 2 * 2 * 5);
  });

  it('reuses the axes of every figure a knob redraws, at both widths', () => {
    const values = presetValues(presetById('quadrics-2002')!);
    for (const figure of ['throughput-vs-segment', 'time-breakdown', 'memory-bus', 'slowest-side', 'receive-path'] as const)
      for (const width of [720, 326]) {
        const options = figures[figure].options(values, { width, height: 400 }, 'light', {}) as Options;
        expect(axisKey(options), `${figure} at ${width}`).toBeDefined();
      }
  });

  it('leaves to Plot alone a drawing whose axes depend on its marks', () => {
    expect(axisKey({ x: { domain: [0, 1] }, y: { domain: ['a', 'b'] }, margin: 10, marks: [] })).toBeUndefined();
    expect(axisKey({ x: { domain: [0, 1] }, y: { domain: [0, 1] }, marks: [] })).toBeUndefined();
    expect(axisKey({ x: { domain: [0, 1] }, y: { type: 'band', domain: ['a'] }, margin: 10, marks: [] })).toBeDefined();
    expect(axisKey({ x: { domain: [0, 1] }, y: { domain: [0, 1] }, fx: {}, margin: 10, marks: [] })).toBeUndefined();
  });

  it('draws an axis anew when its end moves', () => {
    const start = presetValues(presetById('quadrics-2002')!);
    const fast = { ...start, rxCopyMBps: 5000, txCopyMBps: 5000, rxSegUs: 2, txSegUs: 2 };
    const a = draw('time-breakdown', start, 720, 'light');
    const b = draw('time-breakdown', fast, 720, 'light');
    expect(b.reused).toBe(b.once);
    expect(b.reused).not.toBe(a.reused);
  });

  it('covers every preset once', () => {
    for (const p of presets) {
      const { reused, once } = draw('throughput-vs-segment', presetValues(p), 720, 'light');
      expect(reused, p.id).toBe(once);
    }
  });
});
