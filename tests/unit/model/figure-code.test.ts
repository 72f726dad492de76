import { describe, expect, it } from 'vitest';
import { figureAttributes, parseFigureCode } from '../../../src/lib/model/figure-code.ts';

const changedValue = (v: string) => parseFigureCode(`model p+k=${v} rx.gbps 1`)?.figure.with?.['k'];

describe('parseFigureCode: what counts as a model code', () => {
  it('reads a code with spaces around it', () => {
    expect(parseFigureCode('  model p rx.gbps 2 Gbit/s \n')).toEqual({ figure: { preset: 'p', at: 'rx.gbps' }, digits: 2, unit: 'Gbit/s' });
  });
  it('leaves code that only mentions the model alone', () => {
    expect(parseFigureCode('the model p rx.gbps 2')).toBeUndefined();
  });
  it('refuses a change without a key or with an empty value', () => {
    expect(() => parseFigureCode('model p+mss= rx.gbps 2')).toThrow(/"mss=" is not key=value/);
    expect(() => parseFigureCode('model p+=5 rx.gbps 2')).toThrow(/key=value/);
  });
  it('refuses a path it cannot read and names it', () => {
    expect(() => parseFigureCode('model p rx.gbps/ 2')).toThrow(/"rx\.gbps\/" is not PATH/);
  });
});

describe('parseFigureCode: changed values are numbers only when they are written as decimals', () => {
  it('reads whole, negative and decimal numbers as numbers', () => {
    expect(changedValue('4096')).toBe(4096);
    expect(changedValue('-5')).toBe(-5);
    expect(changedValue('0.75')).toBe(0.75);
  });
  it('keeps anything else as text', () => {
    for (const v of ['direct', '12a', 'a12', '1.', '1.ab', '1.5.5']) expect(changedValue(v), v).toBe(v);
  });
});

describe('figureAttributes', () => {
  it('carries only what the figure says: no changes, no base, no scale', () => {
    const a = figureAttributes({ preset: 'p', at: 'rx.gbps', with: {} });
    expect(a).toEqual({ class: 'model-value', 'data-preset': 'p', 'data-at': 'rx.gbps', title: 'computed by the model for the preset p' });
  });
  it('names the changes, the base, the divisor and the scale, also a scale of 0', () => {
    const a = figureAttributes({ preset: 'p', at: 'rx.gbps', with: { mss: 9000 }, relativeTo: 'q', over: 'tx.gbps', scale: 0 });
    expect(a['data-with']).toBe('{"mss":9000}');
    expect(a['data-relative-to']).toBe('q');
    expect(a['data-over']).toBe('tx.gbps');
    expect(a['data-scale']).toBe('0');
    expect(a['title']).toBe('computed by the model for the preset p with changes, relative to q');
  });
});
