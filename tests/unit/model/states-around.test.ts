import { describe, expect, it } from 'vitest';
import { defaults, paramFor, type ChoiceParam, type NumberParam } from '../../../src/lib/model/index.ts';
import { statesAround, statesWith, stepParam } from '../../../src/lib/model/knob.ts';

describe('statesAround: where a focused control can go with one step', () => {
  const copy = paramFor('rxCopyMBps') as NumberParam;
  const base = defaults();

  it('gives one state a step either side, the way the control last moved first, changing only its parameter', () => {
    const up = statesAround(copy, base, 1);
    expect(up.map((s) => s.rxCopyMBps)).toEqual([stepParam(copy, base.rxCopyMBps, 1), stepParam(copy, base.rxCopyMBps, -1)]);
    const down = statesAround(copy, base, -1);
    expect(down.map((s) => s.rxCopyMBps)).toEqual([stepParam(copy, base.rxCopyMBps, -1), stepParam(copy, base.rxCopyMBps, 1)]);
    for (const s of [...up, ...down]) expect({ ...s, rxCopyMBps: base.rxCopyMBps }).toEqual(base);
    // The state it was given is left as it was.
    expect(base).toEqual(defaults());
  });

  it('has one side at an end of the range, and none where the range is one value', () => {
    const atMax = { ...base, rxCopyMBps: copy.max };
    expect(statesAround(copy, atMax).map((s) => s.rxCopyMBps)).toEqual([stepParam(copy, copy.max, -1)]);
    const atMin = { ...base, rxCopyMBps: copy.min };
    expect(statesAround(copy, atMin, -1).map((s) => s.rxCopyMBps)).toEqual([stepParam(copy, copy.min, 1)]);
    const one = { ...copy, min: 500, max: 500 };
    expect(statesAround(one, { ...base, rxCopyMBps: 500 })).toEqual([]);
  });

  it('steps a choice through its options', () => {
    const mode = paramFor('rxMode') as ChoiceParam;
    const values = mode.options.map((o) => o.value);
    const at = { ...base, rxMode: values[1] } as typeof base;
    expect(statesAround(mode, at, -1).map((s) => s.rxMode)).toEqual([values[0], values[2]]);
    expect(statesAround(mode, { ...base, rxMode: values[0] } as typeof base).map((s) => s.rxMode)).toEqual([values[1]]);
  });
});

describe('statesWith: a state for each value a control can step to', () => {
  const copy = paramFor('rxCopyMBps') as NumberParam;
  const base = defaults();

  it('sets only the parameter, in the order given, leaving out the value now and repeats', () => {
    const states = statesWith(copy, base, [260, base.rxCopyMBps, 240, 260]);
    expect(states.map((s) => s.rxCopyMBps)).toEqual([260, 240]);
    for (const s of states) expect({ ...s, rxCopyMBps: base.rxCopyMBps }).toEqual(base);
    expect(statesWith(copy, base, [])).toEqual([]);
  });
});
