/**
 * Value axes end at round numbers (`settledMax`), so that a reader's step along a knob moves
 * the marks and leaves the axis where it was: the eye sees the bar move, and the browser
 * repaints a few marks instead of every tick, grid line and label.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figures, renderFigure } from '../../../src/lib/charts/index.ts';
import { settledMax } from '../../../src/lib/charts/layout.ts';
import type { FigureId } from '../../../src/lib/charts/types.ts';
import { stepParam } from '../../../src/lib/model/knob.ts';
import { paramFor, presetById, presetValues, type Values } from '../../../src/lib/model/index.ts';
import { blankDocument } from '../../support/dom.ts';

describe('settledMax', () => {
  it('ends an axis at the round number at or above the value', () => {
    expect(settledMax(36.4)).toBe(40);
    expect(settledMax(40)).toBe(40);
    expect(settledMax(40.01)).toBe(50);
    expect(settledMax(1.13)).toBe(1.2);
    expect(settledMax(0.3)).toBeCloseTo(0.3, 12);
    expect(settledMax(9.2)).toBe(10);
    expect(settledMax(2516)).toBe(3000);
  });

  it('leaves at most a quarter of the axis empty, and is its own end', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (x) => {
        const end = settledMax(x);
        expect(end).toBeGreaterThanOrEqual(x);
        expect(x / end).toBeGreaterThan(0.75 - 1e-9);
        expect(settledMax(end)).toBeCloseTo(end, 9);
      }),
    );
  });

  it('passes zero, negatives and non-numbers through', () => {
    expect(settledMax(0)).toBe(0);
    expect(settledMax(-3)).toBe(-3);
    expect(settledMax(Number.NaN)).toBeNaN();
  });
});

/** The axis and grid groups of a drawing, as markup. */
function axes(figure: FigureId, values: Values): string[] {
  const svg = renderFigure(figures[figure], values, { width: 720, height: 400 }, 'light', blankDocument());
  return [...svg.querySelectorAll('g[aria-label]')]
    .filter((g) => /axis|grid/.test(g.getAttribute('aria-label') ?? ''))
    .map((g) => g.outerHTML);
}

describe('a knob step leaves the axes alone', () => {
  const start = presetValues(presetById('quadrics-2002')!);
  const copy = paramFor('rxCopyMBps')!;
  const stepped = { ...start, rxCopyMBps: Number(stepParam(copy, start.rxCopyMBps, 1)) };
  it.each(['throughput-vs-segment', 'time-breakdown', 'memory-bus', 'slowest-side'] as const)('%s', (figure) => {
    expect(stepped.rxCopyMBps).not.toBe(start.rxCopyMBps);
    const before = axes(figure, start);
    expect(before.length).toBeGreaterThan(0);
    expect(axes(figure, stepped)).toEqual(before);
  });
});
