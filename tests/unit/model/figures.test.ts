import { describe, expect, it } from 'vitest';
import { clamp, defaults, evaluate, presets, presetValues } from '../../../src/lib/model/index.ts';
import { boundText, figureState, figureValue, formatFigure, startingState, valueAt } from '../../../src/lib/model/figures.ts';

describe('model figures in prose', () => {
  it('read a number of the model’s result for a preset, with changed values and against a baseline', () => {
    const base = figureValue({ preset: 'quadrics-2002', at: 'endToEnd.gbps' });
    const both = figureValue({ preset: 'quadrics-zc-both', at: 'endToEnd.gbps' });
    // The thread's numbers, which the preset is fitted to (1.4 and 0.9 Gbit/s, within 1 %).
    expect(base).toBeGreaterThan(0.89);
    expect(base).toBeLessThan(0.91);
    expect(figureValue({ preset: 'quadrics-zc-both', at: 'endToEnd.gbps', relativeTo: 'quadrics-2002' })).toBeCloseTo(both / base, 12);
    expect(figureState({ preset: 'quadrics-zc-both', with: { mss: 24576 } })).toMatchObject({ mss: 24576 });
    const bigger = figureValue({ preset: 'quadrics-zc-both', with: { mss: 24576 }, at: 'endToEnd.gbps' });
    expect(bigger).toBeGreaterThan(both);
  });

  it('follow the model: another model gives other numbers for the same prose', () => {
    const figure = { preset: 'quadrics-zc-rx', at: 'rx.gbps' };
    const slower = (values: Record<string, unknown>) => evaluate({ ...values, rxSegUs: Number(values['rxSegUs']) * 2 });
    expect(figureValue(figure, slower)).toBeLessThan(figureValue(figure));
  });

  it('refuse an unknown preset, a path the result lacks and a path that is not a number', () => {
    expect(() => figureValue({ preset: 'no-such-preset', at: 'rx.gbps' })).toThrow(/no preset/);
    expect(() => figureValue({ preset: 'quadrics-2002', at: 'rx.speed' })).toThrow(/no "rx.speed"/);
    expect(() => valueAt(evaluate({}), 'rx.bound')).toThrow(/not a number/);
  });

  it('read an input of the state, a ratio within one state, and a scaled value', () => {
    expect(figureValue({ preset: 'quadrics-2002', at: 'in.rxCopyMBps' })).toBe(250);
    expect(figureValue({ preset: 'quadrics-2002', with: { rxCopyMBps: 300 }, at: 'in.rxCopyMBps' })).toBe(300);
    const r = evaluate({});
    expect(figureValue({ preset: 'quadrics-2002', at: 'rx.gbps', over: 'tx.gbps' })).toBeCloseTo(r.rx.gbps / r.tx.gbps, 12);
    expect(figureValue({ preset: 'quadrics-2002', at: 'rx.usPerMB.total', scale: 0.001 })).toBeCloseTo(r.rx.usPerMB.total / 1000, 12);
    expect(() => figureValue({ preset: 'quadrics-2002', at: 'in.rxMode' })).toThrow(/not a numeric parameter/);
  });

  it('say in words what limits a side or the connection, following the model', () => {
    expect(boundText({ preset: 'quadrics-2002' }, 'endToEnd')).toBe('the receiver');
    expect(boundText({ preset: 'quadrics-2002' }, 'rx')).toBe('its CPU');
    expect(boundText({ preset: 'quadrics-2002', with: { rxCopyMBps: 100000 } }, 'rx')).toBe('the memory bus');
    expect(boundText({ preset: 'quadrics-zc-rx' }, 'endToEnd')).toBe('the sender');
    const slowLink = (v: Record<string, unknown>) => evaluate({ ...v, linkGbps: 0.1 });
    expect(boundText({ preset: 'quadrics-2002' }, 'rx', slowLink)).toBe('the link');
  });

  it('print with the digits asked for, thousands grouped', () => {
    expect(formatFigure(1.5984, 2)).toBe('1.60');
    expect(formatFigure(14524.8, 0)).toBe('14,525');
    expect(formatFigure(0.9, 1)).toBe('0.9');
  });
});

describe('valueAt refuses what is not a finite number of the result', () => {
  const r = evaluate();
  it('a path through a number, a path that is missing, and a path to a word', () => {
    expect(() => valueAt(r, 'rx.gbps.more')).toThrow(/no "rx\.gbps\.more"/);
    expect(() => valueAt(r, 'rx.nothing')).toThrow(/no "rx\.nothing"/);
    expect(() => valueAt(r, 'rx.bound')).toThrow(/"rx\.bound" is not a number/);
    expect(valueAt(r, 'rx.gbps')).toBe(r.rx.gbps);
  });
});

describe('startingState', () => {
  it('is the defaults without a preset, and the preset with its changes, clamped', () => {
    expect(startingState({})).toEqual(defaults());
    expect(startingState({ with: { mss: 999_999 } }).mss).toBe(clamp({ mss: 999_999 }).values.mss);
    const preset = presets[1];
    if (!preset) throw new Error('two presets expected');
    expect(startingState({ preset: preset.id, with: { mss: 9000 } })).toEqual(clamp({ ...presetValues(preset), mss: 9000 }).values);
  });
});
