/**
 * A model number in a sentence that follows the reader's state (`<ModelOutput>`): "the
 * receiver manages 0.90 Gbit/s" where 0.90 changes as the reader moves a knob or a slider.
 * The build writes it for the page's starting state and the browser rewrites it from the same
 * function, so the two cannot disagree. Unlike `<ModelValue>`, which is pinned to a preset,
 * an output shows whatever state the page is in. Pure.
 */
import { figureText } from './figure-code.ts';
import { boundWords, formatFigure, valueAt, type BoundSide } from './figures.ts';
import { clamp, evaluate, type Result, type Values } from './index.ts';

/** What an output shows: a number at a path of the result (or `in.<key>`), or a bound in words. */
export type OutputSpec =
  | {
      readonly at: string;
      readonly digits: number;
      /** Written after the number ("Gbit/s"); for a count, the singular ("CPU copy"). */
      readonly unit?: string | undefined;
      /** A count's plural unit ("CPU copies"), used unless the number prints as 1. */
      readonly plural?: string | undefined;
      readonly scale?: number | undefined;
    }
  | { readonly bound: BoundSide };

/** The output's text for a state and its result. Throws on a path the result does not have. */
export function outputText(spec: OutputSpec, values: Readonly<Values>, result: Result): string {
  if ('bound' in spec) return boundWords(result, spec.bound);
  let value: number;
  if (spec.at.startsWith('in.')) {
    value = Number(values[spec.at.slice(3) as keyof Values]);
    if (!Number.isFinite(value)) throw new Error(`model output: "${spec.at}" is not a numeric parameter`);
  } else value = valueAt(result, spec.at);
  const scaled = value * (spec.scale ?? 1);
  const one = formatFigure(scaled, spec.digits) === '1';
  return figureText(scaled, spec.digits, spec.plural !== undefined && !one ? spec.plural : spec.unit);
}

/** The same, evaluating the state first (build time). */
export function outputTextFor(spec: OutputSpec, state: Readonly<Record<string, unknown>>): string {
  const { values } = clamp(state);
  return outputText(spec, values, evaluate(values));
}

/** The element attributes that carry a spec to the browser. */
export function outputAttributes(spec: OutputSpec): Record<string, string> {
  if ('bound' in spec) return { 'data-bound': spec.bound };
  return {
    'data-at': spec.at,
    'data-digits': String(spec.digits),
    ...(spec.unit === undefined ? {} : { 'data-unit': spec.unit }),
    ...(spec.plural === undefined ? {} : { 'data-plural': spec.plural }),
    ...(spec.scale === undefined ? {} : { 'data-scale': String(spec.scale) }),
  };
}

const SIDES: readonly string[] = ['tx', 'rx', 'endToEnd'];

/** Reads a spec back from an element's dataset; undefined when it names none. */
export function outputSpecFrom(data: Readonly<Record<string, string | undefined>>): OutputSpec | undefined {
  const { bound, at, digits, unit, plural, scale } = data;
  if (bound !== undefined) return SIDES.includes(bound) ? { bound: bound as BoundSide } : undefined;
  const d = Number(digits);
  if (at === undefined || !Number.isInteger(d) || d < 0 || d > 6) return undefined;
  const s = scale === undefined ? undefined : Number(scale);
  if (s !== undefined && !Number.isFinite(s)) return undefined;
  return { at, digits: d, unit, plural, scale: s };
}
