/**
 * One model state that several controls and figures share: a tiny observable store
 * (Starlight's theme designer keeps its store to a few dozen lines, so does this one).
 * Pure: no DOM, no URL; src/scripts/state.ts wires it to the page. Comparing states is in
 * compare.ts.
 */
import { sameValues } from './compare.ts';
import type { Values } from './params.ts';

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
