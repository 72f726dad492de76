/**
 * Turning anything (an embed's object, a URL's strings) into a complete, in-range state.
 */
import { defaults, params, paramFor, type Values } from './params.ts';

/** One value clamp had to change. */
export interface Change {
  readonly key: string;
  /** What was given. */
  readonly from: unknown;
  /** What the state holds instead. */
  readonly to: number | string;
  readonly reason: 'not a number' | 'below minimum' | 'above maximum' | 'not a whole number' | 'not an option';
}

/** A complete state plus what had to change to get it. */
export interface ClampResult {
  readonly values: Values;
  readonly changes: readonly Change[];
  /** Keys the table does not have; they are ignored. */
  readonly ignored: readonly string[];
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number from a number or a plain decimal string ("1e3", "-Infinity" allowed); NaN otherwise. */
function toNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x !== 'string') return Number.NaN;
  const s = x.trim();
  if (DECIMAL.test(s) || /^[+-]?Infinity$/.test(s)) return Number(s);
  return Number.NaN;
}

/**
 * Fills missing keys with defaults, clamps numbers into the table range (non-numbers take the
 * default), rounds whole-number keys, replaces unknown options with the default, and ignores
 * keys the table lacks. Numeric strings count as numbers (a URL holds only strings).
 */
export function clamp(input: Readonly<Record<string, unknown>> = {}): ClampResult {
  const values: Record<string, number | string> = { ...defaults() };
  const changes: Change[] = [];
  const ignored = Object.keys(input).filter((k) => paramFor(k) === undefined);
  for (const p of params) {
    const given = input[p.key];
    if (given === undefined) continue;
    const change = (to: number | string, reason: Change['reason']): void => {
      values[p.key] = to;
      changes.push({ key: p.key, from: given, to, reason });
    };
    if (p.kind === 'choice') {
      const ok = typeof given === 'string' && p.options.some((o) => o.value === given);
      if (ok) values[p.key] = given;
      else change(p.default, 'not an option');
      continue;
    }
    const n = toNumber(given);
    if (Number.isNaN(n)) change(p.default, 'not a number');
    else if (n < p.min) change(p.min, 'below minimum');
    else if (n > p.max) change(p.max, 'above maximum');
    else if (p.integer && !Number.isInteger(n)) change(Math.round(n), 'not a whole number');
    else values[p.key] = n + 0; // + 0 turns -0 into 0
  }
  return { values: values as Values, changes, ignored };
}
