import { describe, expect, it } from 'vitest';
import { boundWords } from '../../../src/lib/model/figures.ts';
import { evaluate, paramFor, params, presetById, presetValues, type ChoiceParam, type NumberParam } from '../../../src/lib/model/index.ts';
import {
  choiceIndex,
  dragSteps,
  endValue,
  knobText,
  pageSteps,
  pixelsPerStep,
  stepChoice,
  stepNumber,
  stepParam,
} from '../../../src/lib/model/knob.ts';
import { outputAttributes, outputSpecFrom, outputText, outputTextFor } from '../../../src/lib/model/live-output.ts';
import { fromSlider, sliderAttrs, toSlider } from '../../../src/lib/model/slider.ts';

const num = (key: string): NumberParam => paramFor(key) as NumberParam;
const choice = (key: string): ChoiceParam => paramFor(key) as ChoiceParam;
const numbers = params.filter((p) => p.kind === 'number') as readonly NumberParam[];

describe('a knob steps like the panel slider', () => {
  it('one step is one slider step, to a value the slider can reach, for every number parameter', () => {
    for (const p of numbers) {
      const up = stepNumber(p, p.default, 1);
      const down = stepNumber(p, p.default, -1);
      if (p.default < p.max) expect(up, p.key).toBeGreaterThan(p.default);
      if (p.default > p.min) expect(down, p.key).toBeLessThan(p.default);
      // The slider lands on the same value when moved to the knob's value and read back.
      for (const v of [up, down]) expect(fromSlider(p, toSlider(p, v)), p.key).toBe(v);
    }
  });

  it('a log-scale step moves by about 2.3 % and never stands still where rounding would hold it', () => {
    const mss = num('mss');
    expect(stepNumber(mss, 4096, 1) / 4096).toBeCloseTo(10 ** sliderAttrs(mss).step, 2);
    // At the bottom of the range three significant digits could round a step back: it moves on.
    let v = mss.min;
    for (let i = 0; i < 50; i += 1) {
      const next = stepNumber(mss, v, 1);
      expect(next).toBeGreaterThan(v);
      v = next;
    }
  });

  it('stops at the ends of the range and of the options', () => {
    const copies = num('rxCopies');
    expect(stepNumber(copies, copies.max, 1)).toBe(copies.max);
    expect(stepNumber(copies, copies.min, -5)).toBe(copies.min);
    expect(stepNumber(copies, copies.min, 1)).toBe(2);
    const mode = choice('rxMode');
    const values = mode.options.map((o) => o.value);
    expect(stepChoice(mode, values[0]!, -1)).toBe(values[0]);
    expect(stepChoice(mode, values[0]!, 1)).toBe(values[1]);
    expect(stepChoice(mode, values.at(-1)!, 1)).toBe(values.at(-1));
    expect(stepParam(mode, values[1]!, 2)).toBe(values[3]);
    expect(endValue(mode, 'max')).toBe(values.at(-1));
    expect(endValue(copies, 'min')).toBe(copies.min);
    expect(choiceIndex(mode, values[2]!)).toBe(3);
  });

  it('Page keys take a tenth of the range, and a drag across about 320 px takes the whole range', () => {
    const mss = num('mss');
    const total = Math.round((sliderAttrs(mss).max - sliderAttrs(mss).min) / sliderAttrs(mss).step);
    expect(pageSteps(mss)).toBe(Math.round(total / 10));
    expect(dragSteps(mss, 320)).toBeGreaterThanOrEqual(total - 1);
    // Few steps: each is wide enough to aim at, not 320 px.
    expect(pixelsPerStep(num('rxCopies'))).toBe(24);
    expect(dragSteps(num('rxCopies'), 23)).toBe(0);
    expect(dragSteps(num('rxCopies'), -24)).toBe(-1);
  });

  it('reads as digits or as the option label', () => {
    expect(knobText(num('mss'), 4096)).toBe('4,096');
    expect(knobText(choice('rxMode'), 'direct')).toBe(choice('rxMode').options.find((o) => o.value === 'direct')?.label);
    expect(knobText(num('busEff'), 0.7)).toBe('70');
  });
});

describe('a live output says what the model says for the state', () => {
  const p = presetById('quadrics-zc-rx');
  if (!p) throw new Error('preset');
  const values = presetValues(p);
  const result = evaluate(values);

  it('prints the number at its path, scaled, with its unit', () => {
    expect(outputText({ at: 'rx.gbps', digits: 2, unit: 'Gbit/s' }, values, result)).toBe(`${result.rx.gbps.toFixed(2)} Gbit/s`);
    expect(outputText({ at: 'rx.mbps', digits: 1, scale: 8 }, values, result)).toBe(
      (result.rx.mbps * 8).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    );
    expect(outputText({ at: 'in.mss', digits: 0 }, values, result)).toBe(values.mss.toLocaleString('en-US'));
    expect(outputText({ at: 'rx.busCrossings', digits: 0, unit: 'crossing', plural: 'crossings' }, values, result)).toBe(
      `${result.rx.busCrossings} ${result.rx.busCrossings === 1 ? 'crossing' : 'crossings'}`,
    );
    expect(outputText({ at: 'in.rxCopies', digits: 0, unit: 'copy', plural: 'copies' }, { ...values, rxCopies: 1 }, result)).toBe('1 copy');
    expect(outputText({ at: 'in.rxCopies', digits: 0, unit: 'copy', plural: 'copies' }, { ...values, rxCopies: 2 }, result)).toBe(
      '2 copies',
    );
    expect(outputText({ bound: 'endToEnd' }, values, result)).toBe(boundWords(result, 'endToEnd'));
    expect(outputTextFor({ at: 'endToEnd.gbps', digits: 2 }, values)).toBe(result.endToEnd.gbps.toFixed(2));
  });

  it('throws on a path the result does not have, instead of printing a wrong number', () => {
    expect(() => outputText({ at: 'rx.nothing', digits: 1 }, values, result)).toThrow(/no "rx.nothing"/);
    expect(() => outputText({ at: 'in.rxMode', digits: 1 }, values, result)).toThrow(/not a numeric/);
  });

  it('round-trips its spec through element attributes and refuses malformed ones', () => {
    const specs = [
      { at: 'rx.gbps', digits: 2, unit: 'Gbit/s', plural: undefined, scale: 0.5 },
      { at: 'rx.copies', digits: 0, unit: 'copy', plural: 'copies', scale: undefined },
      { bound: 'rx' as const },
    ];
    for (const spec of specs) {
      const data = Object.fromEntries(
        Object.entries(outputAttributes(spec)).map(([k, v]) => [k.slice(5).replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), v]),
      );
      expect(outputSpecFrom(data)).toEqual(spec);
    }
    expect(outputSpecFrom({ bound: 'nowhere' })).toBeUndefined();
    expect(outputSpecFrom({ at: 'rx.gbps', digits: '9' })).toBeUndefined();
    expect(outputSpecFrom({ at: 'rx.gbps', digits: '2', scale: 'x' })).toBeUndefined();
  });
});

describe('knob steps at the edges', () => {
  it('a step that rounds back to the same value is taken further (rtt from 1 µs)', () => {
    const rtt = num('rtt');
    // One slider step from 1 is 1.02, which the table's step rounds back to 1: the knob moves on.
    expect(fromSlider(rtt, toSlider(rtt, 1) + sliderAttrs(rtt).step)).toBe(1);
    expect(stepNumber(rtt, 1, 1)).toBeGreaterThan(1);
  });

  it('zero steps keep the value as it is, even one the slider could not reach', () => {
    const mss = num('mss');
    expect(fromSlider(mss, toSlider(mss, 4097))).not.toBe(4097);
    expect(stepNumber(mss, 4097, 0)).toBe(4097);
  });

  it('more steps than the range holds (a long drag) stop at the end instead of staying put', () => {
    const copies = num('rxCopies');
    expect(stepNumber(copies, copies.min, 3)).toBe(copies.max);
    expect(stepNumber(copies, copies.max, -3)).toBe(copies.min);
    const mss = num('mss');
    expect(stepNumber(mss, mss.default, 100_000)).toBe(mss.max);
    expect(stepNumber(mss, mss.default, -100_000)).toBe(mss.min);
  });

  it('several steps at once go as far as that many single steps', () => {
    for (const p of [num('mss'), num('busEff')]) {
      let one = p.min;
      for (let i = 0; i < 3; i += 1) one = stepNumber(p, one, 1);
      expect(stepNumber(p, p.min, 3), p.key).toBe(one);
    }
  });

  it('a long step through the options stops at the last one, and a number key goes through stepParam too', () => {
    const mode = choice('rxMode');
    const values = mode.options.map((o) => o.value);
    expect(stepChoice(mode, values[0]!, 10)).toBe(values.at(-1));
    expect(stepChoice(mode, values.at(-1)!, -10)).toBe(values[0]);
    const mss = num('mss');
    expect(stepParam(mss, 4096, 1)).toBe(stepNumber(mss, 4096, 1));
    expect(stepParam(mss, '4096', -1)).toBe(stepNumber(mss, 4096, -1));
  });

  it('Home goes to the first option, End to the last; Page keys move a choice one option', () => {
    const mode = choice('rxMode');
    expect(endValue(mode, 'min')).toBe(mode.options[0]?.value);
    expect(endValue(num('mss'), 'max')).toBe(num('mss').max);
    expect(pageSteps(mode)).toBe(1);
  });

  it('a drag steps through a choice’s few options at the widest spacing', () => {
    const mode = choice('rxMode');
    expect(pixelsPerStep(mode)).toBe(24);
    expect(dragSteps(mode, 48)).toBe(2);
  });

  it('a value that is not one of the options reads as itself', () => {
    expect(knobText(choice('rxMode'), 'no-such-mode')).toBe('no-such-mode');
    expect(choiceIndex(choice('rxMode'), 'no-such-mode')).toBe(0);
  });
});
