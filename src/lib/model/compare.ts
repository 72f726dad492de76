/**
 * Comparing model states: which keys differ, whether two states are the same, which preset a
 * state is, and which unknown ranges still apply to it (drawn as bands). Pure.
 */
import { params, type ParamKey, type Values } from './params.ts';
import { presets, presetValues, type Preset } from './presets.ts';

/** Every parameter whose value the sources leave unknown (a range, drawn as a band). */
const UNKNOWN_KEYS: readonly ParamKey[] = params.filter((p) => p.unknown !== undefined).map((p) => p.key);

/** Keys whose values differ between two states, in table order. */
export function diff(a: Readonly<Values>, b: Readonly<Values>): ParamKey[] {
  return params.filter((p) => !Object.is(a[p.key], b[p.key])).map((p) => p.key);
}

/** Whether two states hold the same value for every key. */
export function sameValues(a: Readonly<Values>, b: Readonly<Values>): boolean {
  return diff(a, b).length === 0;
}

/** The first preset whose complete state equals `values`, or undefined. */
export function presetMatching(values: Readonly<Values>): Preset | undefined {
  return presets.find((p) => sameValues(presetValues(p), values));
}

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
