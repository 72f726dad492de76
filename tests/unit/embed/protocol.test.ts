import { describe, expect, it } from 'vitest';
import {
  applySet,
  applyStep,
  leaveMessage,
  MAX_STEPS,
  MESSAGE,
  parseHostMessage,
  parseLeaveMessage,
  parseStateMessage,
  stateMessage,
  stepAt,
  type SetMessage,
} from '../../../src/lib/embed/protocol.ts';
import { defaults, MODEL_VERSION, presetById, presetValues } from '../../../src/lib/model/index.ts';

const gige = presetValues(presetById('gige-2002')!);

describe('parseHostMessage', () => {
  it('accepts get and set, keeping only what it knows', () => {
    expect(parseHostMessage({ type: 'slowest-side:get', extra: 1 })).toEqual({ type: MESSAGE.get });
    expect(parseHostMessage({ type: 'slowest-side:set' })).toEqual({ type: MESSAGE.set });
    expect(
      parseHostMessage({
        type: 'slowest-side:set',
        preset: 'gige-2002',
        theme: 'dark',
        state: { rxCopyMBps: 500, mss: '9000', evil: '<script>' },
        other: true,
      }),
    ).toEqual({ type: MESSAGE.set, preset: 'gige-2002', theme: 'dark', state: { rxCopyMBps: 500, mss: '9000' } });
  });

  it('ignores what is not an object of a known type', () => {
    for (const data of [
      null,
      undefined,
      0,
      NaN,
      'slowest-side:get',
      true,
      [],
      [{ type: 'slowest-side:get' }],
      { type: 'slowest-side:nope' },
      { type: 'SLOWEST-SIDE:GET' },
      { type: ['slowest-side:get'] },
      {},
      { type: 'x'.repeat(1_000_000) },
      new Date(),
      new Map([['type', 'slowest-side:get']]),
      Object.create({ type: 'slowest-side:get' }) as unknown,
    ]) {
      expect(parseHostMessage(data), String(data)).toBeUndefined();
    }
  });

  it('ignores a set whose fields have the wrong type or name nothing this site has', () => {
    for (const bad of [
      { state: [] },
      { state: 'mss=9000' },
      { state: null },
      { state: { mss: { valueOf: () => 9000 } } },
      { state: { mss: [9000] } },
      { state: { mss: true } },
      { state: { mss: 'x'.repeat(100_000) } },
      { preset: 'nope' },
      { preset: 42 },
      { preset: 'x'.repeat(100_000) },
      { preset: '__proto__' },
      { theme: 'sepia' },
      { theme: '<img src=x onerror=alert(1)>' },
      { theme: 1 },
      { state: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 1])) },
    ]) {
      expect(parseHostMessage({ type: 'slowest-side:set', ...bad }), JSON.stringify(bad).slice(0, 80)).toBeUndefined();
    }
  });

  it('never reads prototype keys', () => {
    const proto = JSON.parse('{"type":"slowest-side:set","state":{"__proto__":{"mss":1},"constructor":1,"rtt":5}}') as unknown;
    const m = parseHostMessage(proto) as SetMessage;
    expect(m.state).toEqual({ rtt: 5 });
    expect(Object.getPrototypeOf(m.state)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['mss']).toBeUndefined();
    const top = JSON.parse('{"__proto__":{"type":"slowest-side:get"}}') as unknown;
    expect(parseHostMessage(top)).toBeUndefined();
  });

  it('passes NaN and out-of-range numbers on, for clamping to report', () => {
    expect(parseHostMessage({ type: 'slowest-side:set', state: { mss: NaN, rtt: -Infinity } })).toEqual({
      type: MESSAGE.set,
      state: { mss: NaN, rtt: -Infinity },
    });
  });
});

describe('applySet', () => {
  it('applies a preset, then the keys over it, and keeps the preset only while the state equals it', () => {
    const named = applySet(defaults(), { type: MESSAGE.set, preset: 'gige-2002' });
    expect(named.values).toEqual(gige);
    expect(named.preset?.id).toBe('gige-2002');
    expect(named.changes).toEqual([]);
    const edited = applySet(defaults(), { type: MESSAGE.set, preset: 'gige-2002', state: { rxCopyMBps: 500 } });
    expect(edited.values).toEqual({ ...gige, rxCopyMBps: 500 });
    expect(edited.preset).toBeUndefined();
  });

  it('without a preset, changes the current state', () => {
    const r = applySet(gige, { type: MESSAGE.set, state: { rtt: 50 } });
    expect(r.values).toEqual({ ...gige, rtt: 50 });
  });

  it('clamps out-of-range values and keeps the starting value for non-numbers, reporting both', () => {
    const r = applySet(gige, { type: MESSAGE.set, state: { mss: 99_999_999, rtt: NaN, rxMode: 'teleport' } });
    expect(r.values).toEqual({ ...gige, mss: 65536 });
    expect(r.changes).toEqual([
      { key: 'mss', from: 99_999_999, to: 65536, reason: 'above maximum' },
      { key: 'rtt', from: NaN, to: gige.rtt, reason: 'not a number' },
      { key: 'rxMode', from: 'teleport', to: gige.rxMode, reason: 'not an option' },
    ]);
  });
});

describe('stateMessage and parseStateMessage', () => {
  it('describe the state the way a host needs it, and round-trip through structured clone', () => {
    const m = stateMessage('state', 'slowest-side', gige, 'gige-2002', []);
    expect(m).toEqual({
      type: 'slowest-side:state',
      figure: 'slowest-side',
      version: MODEL_VERSION,
      values: gige,
      preset: 'gige-2002',
      query: 'preset=gige-2002',
      changes: [],
    });
    expect(parseStateMessage(structuredClone(m))).toEqual(m);
  });

  it('write the query of an unnamed state and reduce what was given to text or numbers', () => {
    const values = { ...defaults(), rxCopyMBps: 500 };
    const m = stateMessage('ready', 'memory-bus', values, undefined, [
      { key: 'mss', from: { evil: true }, to: 1448, reason: 'not a number' },
      { key: 'rtt', from: 'y'.repeat(1000), to: 1, reason: 'below minimum' },
    ]);
    expect(m.type).toBe('slowest-side:ready');
    expect(m.preset).toBeNull();
    expect(m.query).toBe('rxCopyMBps=500');
    expect(m.changes.map((c) => c.from)).toEqual([null, 'y'.repeat(64)]);
    expect(parseStateMessage(m)).toEqual(m);
  });

  it('a host ignores what is not a state message', () => {
    const good = stateMessage('state', 'slowest-side', gige, 'gige-2002', []);
    for (const bad of [
      null,
      [],
      'slowest-side:state',
      { ...good, type: 'slowest-side:set' },
      { ...good, figure: 'nope' },
      { ...good, figure: '__proto__' },
      { ...good, preset: 'nope' },
      { ...good, values: [] },
      { ...good, values: { mss: {} } },
      { ...good, query: 1 },
      { ...good, changes: {} },
      { ...good, changes: [{ key: 'mss', from: 1, to: 2, reason: 'because' }] },
      { ...good, version: 'x'.repeat(1000) },
    ]) {
      expect(parseStateMessage(bad), JSON.stringify(bad)?.slice(0, 80)).toBeUndefined();
    }
  });
});

describe('sequences: steps, step, and the step a state message reports', () => {
  const steps = [{ preset: 'quadrics-2002' }, { preset: 'gige-2002', state: { rxCopyMBps: 500 } }, { state: { rtt: 50 } }];

  it('accept a list of steps, each read like a set, and an index (0 when absent)', () => {
    expect(parseHostMessage({ type: 'slowest-side:steps', steps })).toEqual({ type: MESSAGE.steps, steps, index: 0 });
    expect(parseHostMessage({ type: 'slowest-side:steps', steps: [{ preset: 'gige-2002', theme: 'dark', evil: 1 }], index: 7 })).toEqual({
      type: MESSAGE.steps,
      steps: [{ preset: 'gige-2002' }],
      index: 7,
    });
    expect(parseHostMessage({ type: 'slowest-side:steps', steps: [{ state: { mss: 9000, nope: 1 } }] })).toEqual({
      type: MESSAGE.steps,
      steps: [{ state: { mss: 9000 } }],
      index: 0,
    });
    expect(parseHostMessage({ type: 'slowest-side:step', index: 0, extra: true })).toEqual({ type: MESSAGE.step, index: 0 });
    expect(parseHostMessage({ type: 'slowest-side:step', index: 1000 })).toEqual({ type: MESSAGE.step, index: 1000 });
  });

  it('ignore a sequence that is empty, too long or has one bad step, and an index that is no whole number from 0', () => {
    const one = { preset: 'gige-2002' };
    for (const bad of [
      { steps: [] },
      { steps: one },
      { steps: 'gige-2002' },
      { steps: Array.from({ length: MAX_STEPS + 1 }, () => one) },
      { steps: [one, null] },
      { steps: [one, []] },
      { steps: [one, { preset: 'nope' }] },
      { steps: [one, { state: { mss: [1] } }] },
      { steps: [Object.create({ preset: 'gige-2002' }) as unknown] },
      { steps: [one], index: -1 },
      { steps: [one], index: 1.5 },
      { steps: [one], index: '1' },
      { steps: [one], index: Number.NaN },
      { steps: [one], index: 2 ** 53 },
    ]) {
      expect(parseHostMessage({ type: 'slowest-side:steps', ...bad }), JSON.stringify(bad)?.slice(0, 80)).toBeUndefined();
    }
    expect(parseHostMessage({ type: 'slowest-side:steps', steps: Array.from({ length: MAX_STEPS }, () => one) })).toBeDefined();
    for (const index of [undefined, null, -1, 0.5, '0', Number.POSITIVE_INFINITY, [0]]) {
      expect(parseHostMessage({ type: 'slowest-side:step', index }), String(index)).toBeUndefined();
    }
  });

  it('apply a step over the state as loaded, never over the step shown before, and clamp the index into the list', () => {
    const loaded = { ...defaults(), rtt: 10 };
    expect(stepAt(5, 3)).toBe(2);
    expect(stepAt(0, 3)).toBe(0);
    const first = applyStep(loaded, steps, 0);
    expect(first.values).toEqual(presetValues(presetById('quadrics-2002')!));
    expect(first.preset?.id).toBe('quadrics-2002');
    expect(first.position).toEqual({ index: 0, count: 3 });
    const edited = applyStep(loaded, steps, 1);
    expect(edited.values).toEqual({ ...gige, rxCopyMBps: 500 });
    expect(edited.preset).toBeUndefined();
    const last = applyStep(loaded, steps, 99);
    expect(last.position).toEqual({ index: 2, count: 3 });
    expect(last.values).toEqual({ ...loaded, rtt: 50 });
    expect(applyStep(loaded, [{ state: { mss: 99_999_999 } }], 0).changes).toEqual([
      { key: 'mss', from: 99_999_999, to: 65536, reason: 'above maximum' },
    ]);
  });

  it('report the step in state messages only while there is a sequence, and a host reads it back', () => {
    expect(stateMessage('state', 'slowest-side', gige, 'gige-2002', [])).not.toHaveProperty('step');
    const m = stateMessage('state', 'slowest-side', gige, 'gige-2002', [], { index: 1, count: 3 });
    expect(m.step).toEqual({ index: 1, count: 3 });
    expect(parseStateMessage(structuredClone(m))).toEqual(m);
    for (const step of [null, [], 1, { index: 3, count: 3 }, { index: -1, count: 3 }, { index: 0, count: MAX_STEPS + 1 }, { index: 0 }]) {
      expect(parseStateMessage({ ...m, step }), JSON.stringify(step)).toBeUndefined();
    }
  });

  it('name the figure in a leave message, which a host reads back and nothing else passes for', () => {
    const leave = leaveMessage('memory-bus');
    expect(leave).toEqual({ type: 'slowest-side:leave', figure: 'memory-bus' });
    expect(parseLeaveMessage(structuredClone(leave))).toEqual(leave);
    for (const bad of [null, 'slowest-side:leave', { type: 'slowest-side:leave' }, { ...leave, figure: 'nope' }, { ...leave, type: 'x' }]) {
      expect(parseLeaveMessage(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
