/**
 * How well the model reproduces what was published: for every preset, each published number
 * next to the model's, the error, and whether the model could have missed it at all (a
 * parameter fitted to that number reproduces it by construction). Misfits are listed, not
 * hidden. The page /model/fit/ lays this out; articles link to it where they say the model
 * reproduces something. Pure.
 */
import { evaluate, presets, type Expectation, type Preset, type Result } from './index.ts';

/** What a row shows about the model. */
export type FitStatus =
  /** Within tolerance, and no parameter was fitted to it: a real check of the model. */
  | 'reproduced'
  /** Within tolerance because a parameter was chosen to hit it: calibration, not evidence. */
  | 'fitted'
  /** Outside tolerance: the model is wrong here (a listed misfit, or a regression). */
  | 'misfit';

/** One published number against the model. */
export interface FitRow {
  readonly expectation: Expectation;
  /** The model's number for the same side and metric. */
  readonly model: number;
  /** (model − published) ÷ published. */
  readonly error: number;
  /** Whether the model meets the published number within its tolerance ('over': not below it). */
  readonly within: boolean;
  readonly status: FitStatus;
}

/** One preset's rows; `whatIf` when it has no published number at all. */
export interface PresetFit {
  readonly preset: Preset;
  /** The model's result for the preset. */
  readonly result: Result;
  readonly rows: readonly FitRow[];
  readonly whatIf: boolean;
}

/** The model's number for an expectation's side and metric. */
export function modelNumber(result: Result, e: Pick<Expectation, 'side' | 'metric'>): number {
  if (e.metric === 'gbps') return result[e.side].gbps;
  if (e.side === 'endToEnd') throw new Error(`fit: ${e.metric} is per side, not end to end`);
  return e.metric === 'appUsPerMB' ? result[e.side].usPerMB.app : result[e.side].cpuUsPerMB;
}

/** One row: the expectation checked against a result. */
export function fitRow(e: Expectation, result: Result): FitRow {
  const model = modelNumber(result, e);
  const error = model / e.value - 1;
  const within = e.relation === 'over' ? model >= e.value : Math.abs(error) <= e.tolerance;
  const status: FitStatus = !within ? 'misfit' : e.fitted.length > 0 ? 'fitted' : 'reproduced';
  return { expectation: e, model, error, within, status };
}

/** Every preset's fit, in preset order. */
export function fitAll(list: readonly Preset[] = presets, model: (v: Record<string, unknown>) => Result = evaluate): PresetFit[] {
  return list.map((preset) => {
    const result = model(preset.values);
    return { preset, result, rows: preset.expected.map((e) => fitRow(e, result)), whatIf: preset.expected.length === 0 };
  });
}

/** Counts over all rows, for the page's summary line. */
export function fitCounts(fits: readonly PresetFit[]): Record<FitStatus, number> & { whatIf: number } {
  const counts = { reproduced: 0, fitted: 0, misfit: 0, whatIf: 0 };
  for (const f of fits) {
    if (f.whatIf) counts.whatIf += 1;
    for (const r of f.rows) counts[r.status] += 1;
  }
  return counts;
}
