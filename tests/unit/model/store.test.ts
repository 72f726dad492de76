import { describe, expect, it, vi } from 'vitest';
import { defaults, params, presetById, presetValues } from '../../../src/lib/model/index.ts';
import { bandKeysFor, diff, presetMatching, sameValues } from '../../../src/lib/model/compare.ts';
import { createStore } from '../../../src/lib/model/store.ts';

describe('createStore', () => {
  it('holds a copy of the initial state', () => {
    const initial = defaults();
    const store = createStore(initial);
    initial.mss = 1;
    expect(store.get()).toEqual(defaults());
  });

  it('notifies subscribers once per real change, with the new state', () => {
    const store = createStore(defaults());
    const fn = vi.fn();
    store.subscribe(fn);
    store.set({ mss: 8192 });
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn.mock.calls[0]![0]).toMatchObject({ mss: 8192, rxMode: 'copy' });
    expect(store.get().mss).toBe(8192);
  });

  it('does not notify when nothing changes', () => {
    const store = createStore(defaults());
    const fn = vi.fn();
    store.subscribe(fn);
    store.set({ mss: 4096 });
    store.set({});
    store.replace(defaults());
    expect(fn).not.toHaveBeenCalled();
  });

  it('replaces the whole state', () => {
    const store = createStore(defaults());
    const fn = vi.fn();
    store.subscribe(fn);
    const gige = presetValues(presetById('gige-2002')!);
    store.replace(gige);
    expect(store.get()).toEqual(gige);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('stops notifying after unsubscribe, even during a notification', () => {
    const store = createStore(defaults());
    const second = vi.fn();
    const unsubSecond = store.subscribe(second);
    const first = vi.fn(() => unsubSecond());
    store.subscribe(first);
    store.set({ rtt: 50 });
    store.set({ rtt: 60 });
    expect(first).toHaveBeenCalledTimes(2);
    expect(second).toHaveBeenCalledTimes(1);
  });
});

describe('diff helpers', () => {
  it('lists differing keys in table order', () => {
    const a = defaults();
    const b = { ...a, rxMode: 'direct' as const, mss: 1448 };
    expect(diff(a, b)).toEqual(['mss', 'rxMode']);
    expect(sameValues(a, b)).toBe(false);
    expect(sameValues(a, { ...a })).toBe(true);
  });

  it('reports changes from the defaults', () => {
    expect(diff(defaults(), defaults())).toEqual([]);
    expect(diff({ ...defaults(), window: 1024 }, defaults())).toEqual(['window']);
  });

  it('finds the preset a state equals, if any', () => {
    expect(presetMatching(defaults())?.id).toBe('quadrics-2002');
    expect(presetMatching(presetValues(presetById('tengig-2003')!))?.id).toBe('tengig-2003');
    expect(presetMatching({ ...defaults(), rtt: 12345 })).toBeUndefined();
  });
});

describe('bandKeysFor', () => {
  const quadrics = presetById('quadrics-2002')!;
  it('draws the starting preset’s unknown ranges, less those the reader has set', () => {
    const start = presetValues(quadrics);
    expect(bandKeysFor(start, quadrics, defaults())).toEqual([...quadrics.bandKeys]);
    const key = quadrics.bandKeys.find((k) => typeof start[k] === 'number')!;
    const changed = { ...start, [key]: (start[key] as number) + 1 };
    expect(bandKeysFor(changed, quadrics, defaults())).not.toContain(key);
  });

  it('without a preset, draws every unknown range the state still holds at its base', () => {
    const unknown = params.filter((p) => p.unknown !== undefined).map((p) => p.key);
    expect(bandKeysFor(defaults(), undefined, defaults())).toEqual(unknown);
  });
});
