/**
 * One parameter swept across its table range, everything else held: the series behind a figure.
 */
import { clamp } from './clamp.ts';
import { paramFor, type ChoiceKey, type NumberKey, type ParamKey } from './params.ts';
import { throughput, type Result } from './throughput.ts';

/** x values and the model result at each. */
export interface Sweep<X extends number | string> {
  readonly key: ParamKey;
  readonly x: readonly X[];
  readonly results: readonly Result[];
}

/** The x values of a numeric sweep: `points` values from min to max, log-spaced on log-scale keys. */
function grid(key: NumberKey, points: number): number[] {
  const p = paramFor(key);
  if (p === undefined || p.kind !== 'number') throw new Error(`not a numeric parameter: ${key}`);
  const n = Math.max(2, Math.floor(points));
  const log = p.scale === 'log';
  const [a, b] = log ? [Math.log(p.min), Math.log(p.max)] : [p.min, p.max];
  return Array.from({ length: n }, (_, i) => {
    if (i === 0) return p.min;
    if (i === n - 1) return p.max;
    const t = a + ((b - a) * i) / (n - 1);
    const x = log ? Math.exp(t) : t;
    return p.integer ? Math.round(x) : x;
  });
}

/**
 * Sweeps a numeric key over its range in `points` steps (default 512, at least 2; whole-number
 * keys are rounded, so neighbouring x may repeat), or a choice key over its options.
 * The rest of the state is clamped first; missing keys take defaults.
 */
export function sweep(values: Readonly<Record<string, unknown>>, key: NumberKey, points?: number): Sweep<number>;
export function sweep(values: Readonly<Record<string, unknown>>, key: ChoiceKey): Sweep<string>;
export function sweep(values: Readonly<Record<string, unknown>>, key: ParamKey, points = 512): Sweep<number> | Sweep<string> {
  const base = clamp(values).values;
  const p = paramFor(key);
  if (p === undefined) throw new Error(`unknown parameter: ${key}`);
  if (p.kind === 'choice') {
    const x = p.options.map((o) => o.value as string);
    return { key, x, results: x.map((o) => throughput({ ...base, [key]: o })) };
  }
  const x = grid(key as NumberKey, points);
  return { key, x, results: x.map((n) => throughput({ ...base, [key]: n })) };
}
