/**
 * Numbers the model computes, as articles and notes print them. Prose never types a model
 * output: it names a preset (optionally with some values changed), a path into the model's
 * `Result` and the digits to show, and the number is worked out at build time
 * (`<ModelValue>`). If the model or a preset changes, the prose changes with it. Pure.
 */
import { clamp, defaults, evaluate, presetById, presetValues, type Result, type Values } from './index.ts';

/** What a number in prose names: a preset, values changed from it, and a path into the result. */
export interface ModelFigure {
  /** Preset id (src/lib/model/presets.ts); unknown ids throw. */
  preset: string;
  /** Parameter values changed from the preset's (the table's keys). */
  with?: Readonly<Record<string, number | string>>;
  /**
   * Dotted path into `Result`, e.g. `rx.gbps`, `endToEnd.mbps`, `rx.limits.cpu`; or `in.<key>`
   * for an input of the state (a parameter value, e.g. `in.rxCopyMBps`).
   */
  at: string;
  /** Divide by the same path in this preset's result (for "×1.8" against a baseline). */
  relativeTo?: string;
  /** Divide by another path of the same state (for "receive is 0.64 of send"). */
  over?: string;
  /** Multiply by this (unit changes: µs per MB × 0.001 = ns per byte). */
  scale?: number;
}

/**
 * A page's starting state as components name it: a preset (optional: the model defaults
 * without one) with `with` applied, clamped to the model's ranges. Knobs, outputs and the
 * panel of one page name the same state this way.
 */
export function startingState(state: {
  preset?: string | undefined;
  with?: Readonly<Record<string, number | string>> | undefined;
}): Values {
  const base = state.preset === undefined ? defaults() : figureState({ preset: state.preset });
  return clamp({ ...base, ...state.with }).values;
}

/** The model state a figure names: the preset's values with `with` applied. */
export function figureState(figure: Pick<ModelFigure, 'preset' | 'with'>): Record<string, unknown> {
  const preset = presetById(figure.preset);
  if (!preset) throw new Error(`model figure: no preset "${figure.preset}"`);
  return { ...presetValues(preset), ...figure.with };
}

/** The number at `path` of `result`; throws unless it names a finite number. */
export function valueAt(result: Result, path: string): number {
  let node: unknown = result;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) throw new Error(`model figure: no "${path}" in the model's result`);
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'number' || !Number.isFinite(node)) throw new Error(`model figure: "${path}" is not a number`);
  return node;
}

/** The number at `path` of a state's result, or of the state itself for `in.<key>`. */
function read(state: Record<string, unknown>, model: (values: Record<string, unknown>) => Result, path: string): number {
  if (!path.startsWith('in.')) return valueAt(model(state), path);
  const x: unknown = clamp(state).values[path.slice(3) as keyof Values];
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`model figure: "${path}" is not a numeric parameter`);
  return x;
}

/**
 * The figure's value: the model evaluated for its state, read at its path; ÷ the baseline's
 * (relativeTo) or ÷ another path of the same state (over); × scale.
 */
export function figureValue(figure: ModelFigure, model: (values: Record<string, unknown>) => Result = evaluate): number {
  const state = figureState(figure);
  let value = read(state, model, figure.at);
  if (figure.relativeTo !== undefined) value /= read(figureState({ preset: figure.relativeTo }), model, figure.at);
  if (figure.over !== undefined) value /= read(state, model, figure.over);
  return value * (figure.scale ?? 1);
}

/**
 * One formatter per number of decimals, made on first use: `toLocaleString` with options builds
 * a new one on every call, which a knob step paid for each number in the page's prose.
 */
const formats = new Map<number, Intl.NumberFormat>();

/** `value` with `digits` decimals, thousands grouped: `formatFigure(1598.4, 0)` → `1,598`. */
export function formatFigure(value: number, digits: number): string {
  let format = formats.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(digits, format);
  }
  return format.format(value);
}

/** Which side a bound is asked of: a side names its limit, end to end names the side. */
export type BoundSide = 'tx' | 'rx' | 'endToEnd';

const SIDE_LIMIT: Readonly<Record<string, string>> = {
  cpu: 'its CPU',
  memory: 'the memory bus',
  bus: 'the I/O bus',
  link: 'the link',
};
const END_TO_END: Readonly<Record<string, string>> = { rx: 'the receiver', tx: 'the sender', window: 'the window' };

/** In words, what limits a side (`rx`: "the memory bus") or the connection (`endToEnd`: "the receiver") in a state. */
export function boundText(
  figure: Pick<ModelFigure, 'preset' | 'with'>,
  side: BoundSide,
  model: (values: Record<string, unknown>) => Result = evaluate,
): string {
  const r = model(figureState(figure));
  return boundWords(r, side);
}

/** In words, what limits a side or the connection in an evaluated result (see `boundText`). */
export function boundWords(r: Result, side: BoundSide): string {
  return side === 'endToEnd' ? (END_TO_END[r.endToEnd.bound] ?? r.endToEnd.bound) : (SIDE_LIMIT[r[side].bound] ?? r[side].bound);
}
