/**
 * One-entry caches. A redraw asks for the same state's band in the chart, its caption and
 * its table; a segment-size drag leaves a sweep over segment sizes unchanged. Callers see
 * pure functions: the key covers everything the result depends on.
 */
import { params, type ParamKey, type Values } from '../model/index.ts';

/** A string naming a state (every key in table order), optionally ignoring one key. */
export function stateKey(v: Values, ignore?: ParamKey): string {
  return params.map((p) => (p.key === ignore ? '' : String(v[p.key]))).join('|');
}

/** `fn` with its last result kept for the last key. */
export function lastOne<A extends unknown[], R>(key: (...args: A) => string, fn: (...args: A) => R): (...args: A) => R {
  let last: { key: string; value: R } | undefined;
  return (...args: A): R => {
    const k = key(...args);
    if (last?.key !== k) last = { key: k, value: fn(...args) };
    return last.value;
  };
}
