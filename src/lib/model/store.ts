/**
 * One model state that several controls and figures share: a tiny observable store
 * (Starlight's theme designer keeps its store to a few dozen lines, so does this one).
 * Pure: no DOM, no URL; src/scripts/state.ts wires it to the page.
 */
import { defaults, params, type ParamKey, type Values } from './params.ts';
import { presets, presetValues, type Preset } from './presets.ts';

/** Every parameter whose value the sources leave unknown (a range, drawn as a band). */
const UNKNOWN_KEYS: readonly ParamKey[] = params.filter((p) => p.unknown !== undefined).map((p) => p.key);

/**
 * The unknown ranges figures draw as bands: those of the preset the reader started from
 * (every unknown range without one), less any the reader has since set to a value of their
 * own: a band says "this value is not known", which no longer holds once chosen. `base` is
 * the starting state when there is no preset.
 */
export function bandKeysFor(values: Readonly<Values>, origin: Preset | undefined, base: Readonly<Values>): ParamKey[] {
  const from = origin ? presetValues(origin) : base;
  return (origin ? origin.bandKeys : UNKNOWN_KEYS).filter((k) => values[k] === from[k]);
}

/** A store of one complete model state. */
export interface Store {
  /** The current state (do not mutate; `set` or `replace` instead). */
  get(): Values;
  /** Changes some keys; subscribers hear about it only if a value actually changed. */
  set(patch: Partial<Values>): void;
  /** Swaps in a whole state; subscribers hear about it only if a value actually changed. */
  replace(values: Values): void;
  /** Calls `fn` on every real change (not now); returns the unsubscribe function. */
  subscribe(fn: (values: Values) => void): () => void;
}

/** Keys whose values differ between two states, in table order. */
export function diff(a: Readonly<Values>, b: Readonly<Values>): ParamKey[] {
  return params.filter((p) => !Object.is(a[p.key], b[p.key])).map((p) => p.key);
}

/** Whether two states hold the same value for every key. */
export function sameValues(a: Readonly<Values>, b: Readonly<Values>): boolean {
  return diff(a, b).length === 0;
}

/** Keys that differ from the table's defaults, in table order. */
export function changedFromDefaults(values: Readonly<Values>): ParamKey[] {
  return diff(values, defaults());
}

/** The first preset whose complete state equals `values`, or undefined. */
export function presetMatching(values: Readonly<Values>): Preset | undefined {
  return presets.find((p) => sameValues(presetValues(p), values));
}

/** A store holding a copy of `initial`. */
export function createStore(initial: Readonly<Values>): Store {
  let current: Values = { ...initial };
  const subscribers = new Set<(values: Values) => void>();
  const commit = (next: Values): void => {
    if (sameValues(current, next)) return;
    current = next;
    // A copy of the set: a subscriber may unsubscribe while being notified.
    for (const fn of [...subscribers]) fn(current);
  };
  return {
    get: () => current,
    set: (patch) => commit({ ...current, ...patch }),
    replace: (values) => commit({ ...values }),
    subscribe(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
  };
}
