/**
 * Which states the page may move to next: set by the focused knob or slider (one step either
 * side of the state, see `statesAround`), read by live figures, which draw them in background tasks
 * (charts/ahead.ts). Empty when no control that steps has focus.
 */
import type { Values } from '../lib/model/index.ts';

let expected: readonly Values[] = [];
const followers = new Set<(states: readonly Values[]) => void>();

/** The states the focused control can reach with its next step (none: nothing to draw ahead). */
export function expectStates(states: readonly Values[]): void {
  expected = states;
  for (const follow of followers) follow(states);
}

/** Calls `follow` with the expected states now and whenever they change. */
export function followExpected(follow: (states: readonly Values[]) => void): void {
  followers.add(follow);
  follow(expected);
}
