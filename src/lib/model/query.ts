/**
 * Model state in a URL query: the same keys as the parameter table, only non-default values.
 */
import { clamp, type ClampResult } from './clamp.ts';
import { defaults, params } from './params.ts';

/**
 * The query string (no leading `?`) for a state: clamped first, keys in table order, only
 * values that differ from the defaults, numbers in their shortest exact form.
 */
export function toQuery(values: Readonly<Record<string, unknown>> = {}): string {
  const v = clamp(values).values as Record<string, number | string>;
  const d = defaults() as Record<string, number | string>;
  const q = new URLSearchParams();
  for (const p of params) {
    const x = v[p.key];
    if (x !== undefined && x !== d[p.key]) q.set(p.key, String(x));
  }
  return q.toString();
}

/**
 * The state a query describes (a leading `?` is fine), through clamp: out-of-range and
 * non-numeric values are replaced and reported, unknown keys ignored, missing keys default.
 * A repeated key counts once, the first time.
 */
export function fromQuery(query: URLSearchParams | string): ClampResult {
  const q = typeof query === 'string' ? new URLSearchParams(query) : query;
  const given = new Map<string, string>();
  for (const [k, x] of q) if (!given.has(k)) given.set(k, x);
  return clamp(Object.fromEntries(given));
}
