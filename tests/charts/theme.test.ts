import { describe, expect, it } from 'vitest';
import { dodge, fitDomain, textWidth } from '../../src/lib/charts/layout.ts';
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
});
