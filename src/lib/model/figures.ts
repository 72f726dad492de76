/**
 * Numbers the model computes, as articles and notes print them. Prose never types a model
 * output: it names a preset (optionally with some values changed), a path into the model's
 * `Result` and the digits to show, and the number is worked out at build time
 * (`<ModelValue>`). If the model or a preset changes, the prose changes with it. Pure.
 */
import { evaluate, presetById, presetValues, type Result } from './index.ts';

/** What a number in prose names: a preset, values changed from it, and a path into the result. */
export interface ModelFigure {
  /** Preset id (src/lib/model/presets.ts); unknown ids throw. */
  preset: string;
  /** Parameter values changed from the preset's (the table's keys). */
  with?: Readonly<Record<string, number | string>>;
  /** Dotted path into `Result`, e.g. `rx.gbps`, `endToEnd.mbps`, `rx.limits.cpu`. */
  at: string;
  /** Divide by the same path in this preset's result (for "×1.8" against a baseline). */
  relativeTo?: string;
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

/** The figure's value: the model evaluated for its state, read at its path (÷ the baseline's, if any). */
export function figureValue(figure: ModelFigure, model: (values: Record<string, unknown>) => Result = evaluate): number {
  const value = valueAt(model(figureState(figure)), figure.at);
  if (figure.relativeTo === undefined) return value;
  return value / valueAt(model(figureState({ preset: figure.relativeTo })), figure.at);
}

/** `value` with `digits` decimals, thousands grouped: `formatFigure(1598.4, 0)` → `1,598`. */
export function formatFigure(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
