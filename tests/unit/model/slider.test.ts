import { describe, expect, it } from 'vitest';
import { paramFor, type NumberParam } from '../../../src/lib/model/index.ts';
import { fromSlider, LOG_STEP, sliderAttrs, snap, toSlider } from '../../../src/lib/model/slider.ts';

const num = (key: string): NumberParam => paramFor(key) as NumberParam;
const made = (over: Partial<NumberParam>): NumberParam => ({ ...num('mss'), integer: false, ...over });

describe('slider mapping', () => {
  it('a log range that is a whole number of steps ends exactly at the maximum', () => {
    const rtt = num('rtt');
    const a = sliderAttrs(rtt);
    expect(Math.round((a.max - a.min) / LOG_STEP)).toBe(Math.round(Math.log10(rtt.max / rtt.min) / LOG_STEP));
    expect(a.max).toBeCloseTo(Math.log10(rtt.max), 9);
  });

  it('a log scale that starts at 0 or below runs linearly', () => {
    const p = made({ scale: 'log', min: 0, max: 100, step: 1 });
    expect(sliderAttrs(p)).toEqual({ min: 0, max: 100, step: 1 });
    expect(toSlider(p, 50)).toBe(50);
    expect(fromSlider(p, 50)).toBe(50);
  });

  it('snaps to the step with the step’s decimals and no float dust', () => {
    const p = made({ scale: 'linear', min: 0, max: 1, step: 0.05 });
    expect(snap(p, 0.1 + 0.2)).toBe(0.3);
    expect(snap(p, 0.123)).toBe(0.1);
    const whole = made({ scale: 'linear', min: 0, max: 100, step: 5 });
    expect(snap(whole, 12.6)).toBe(15);
  });
});
