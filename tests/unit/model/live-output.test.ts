import { describe, expect, it } from 'vitest';
import { outputAttributes, outputSpecFrom } from '../../../src/lib/model/live-output.ts';

describe('live output specs on elements', () => {
  it('write the unit and plural only when there are any', () => {
    expect(outputAttributes({ at: 'rx.copies', digits: 0, unit: 'CPU copy', plural: 'CPU copies' })).toEqual({
      'data-at': 'rx.copies',
      'data-digits': '0',
      'data-unit': 'CPU copy',
      'data-plural': 'CPU copies',
    });
    expect(outputAttributes({ at: 'rx.gbps', digits: 2 })).toEqual({ 'data-at': 'rx.gbps', 'data-digits': '2' });
  });

  it('read back digits from 0 to 6 only, as whole numbers, and only with a path', () => {
    expect(outputSpecFrom({ at: 'rx.gbps', digits: '6' })).toEqual({
      at: 'rx.gbps',
      digits: 6,
      unit: undefined,
      plural: undefined,
      scale: undefined,
    });
    expect(outputSpecFrom({ at: 'rx.gbps', digits: '0' })).toMatchObject({ digits: 0 });
    for (const digits of ['7', '-1', '1.5', 'two']) expect(outputSpecFrom({ at: 'rx.gbps', digits }), digits).toBeUndefined();
    expect(outputSpecFrom({ digits: '2' })).toBeUndefined();
  });
});
