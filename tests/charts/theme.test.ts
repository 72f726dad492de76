import { describe, expect, it } from 'vitest';
import { dodge, fitDomain, meet, stack, textWidth, tickOverhang, unbroken, wrap } from '../../src/lib/charts/layout.ts';
import { BACKGROUND, contrast, inkOn, palette } from '../../src/lib/charts/theme.ts';

const marks = ['send', 'receive', 'neutral', 'protocol', 'copy', 'checksum', 'remap'] as const;

describe('palettes', () => {
  it('computes WCAG contrast', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
  });

  it('light marks keep 3:1 on both page backgrounds (the no-JS figure shows on either)', () => {
    for (const k of marks) {
      expect(contrast(palette('light')[k], BACKGROUND.light), k).toBeGreaterThanOrEqual(3);
      expect(contrast(palette('light')[k], BACKGROUND.dark), k).toBeGreaterThanOrEqual(3);
    }
  });

  it('dark marks keep 3:1 on the dark background', () => {
    for (const k of marks) expect(contrast(palette('dark')[k], BACKGROUND.dark), k).toBeGreaterThanOrEqual(3);
  });

  it('text printed on a filled mark keeps 4.5:1', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const k of marks) {
        const fill = palette(theme)[k];
        expect(contrast(inkOn(fill), fill), `${theme} ${k}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('halos are the page background', () => {
    expect(palette('light').background).toBe('#fffdf8');
    expect(palette('dark').background).toBe('#15171a');
  });
});

describe('label layout', () => {
  it('moves labels apart to the gap, keeping their order and the bounds', () => {
    const out = dodge([100, 102, 50, 101], 14, 0, 400);
    expect(out[2]).toBe(50);
    const sorted = [out[0]!, out[1]!, out[3]!].sort((a, b) => a - b);
    expect(sorted[1]! - sorted[0]!).toBeGreaterThanOrEqual(14);
    expect(sorted[2]! - sorted[1]!).toBeGreaterThanOrEqual(14);
    const squeezed = dodge([395, 396, 397], 14, 0, 400);
    expect(Math.max(...squeezed)).toBeLessThanOrEqual(400);
    expect(Math.min(...squeezed)).toBe(372);
  });

  it('widens a domain until the longest label fits after its bar', () => {
    const w = 500;
    const label = 'x'.repeat(20);
    const d = fitDomain([{ x: 10, label }], w, 10);
    expect((10 / d) * w + textWidth(label) + 6).toBeCloseTo(w, 6);
    expect(fitDomain([{ x: 1, label: 'a' }], w, 10)).toBe(10);
  });

  it('breaks words into lines of the width, keeping unbroken runs whole', () => {
    const text = 'protocol work: interrupt, IP, TCP, ACK (headers only) (softirq)';
    const lines = wrap(text, 200);
    expect(lines.join(' ')).toBe(text);
    expect(lines.every((l) => textWidth(l) <= 200)).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    const kept = wrap(`DMA into a kernel buffer ${unbroken('(card, 1 crossing)')}`, 200);
    expect(kept.at(-1)).toBe(unbroken('(card, 1 crossing)'));
    expect(wrap('a-word-wider-than-the-width', 20)).toEqual(['a-word-wider-than-the-width']);
    expect(textWidth('bold', 12, true)).toBeGreaterThan(textWidth('bold'));
  });

  it('stacks rows down a drawing, growing it when they need more and sharing out what is spare', () => {
    expect(stack([30, 30], 10, 5, 10, 50)).toEqual({ height: 85, tops: [10, 45] });
    const roomy = stack([30, 30], 10, 5, 10, 115);
    expect(roomy.height).toBe(115);
    expect(roomy.tops).toEqual([20, 65]);
  });

  it('finds where the last tick label of a linear axis reaches past the frame', () => {
    // 0 to 2,300 over 300 px: ticks every 500, the last (2,000) well inside.
    expect(tickOverhang(2300, 300)).toBe(0);
    // 0 to 410,000 over 460 px: ticks every 100,000; "400,000" centred 11 px from the edge.
    expect(tickOverhang(410000, 460)).toBeCloseTo((400000 / 410000) * 460 + textWidth('400,000') / 2 - 460, 6);
  });

  it('tells when two label boxes meet', () => {
    const a = { x0: 0, x1: 10, y0: 0, y1: 10 };
    expect(meet(a, { x0: 11, x1: 20, y0: 0, y1: 10 })).toBe(true);
    expect(meet(a, { x0: 13, x1: 20, y0: 0, y1: 10 })).toBe(false);
    expect(meet(a, { x0: 0, x1: 10, y0: 13, y1: 20 })).toBe(false);
  });
});
