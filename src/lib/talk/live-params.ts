/**
 * Which parameters a speaker can move live while presenting a step: a few per figure, the
 * ones its picture turns on, plus any the step itself sets away from the preset it started
 * from (the point of that step). Kept to a handful, so the controls fit beside the figure.
 * Pure; used by presenter mode's live controls (talks and the offline talk file).
 */
import { figures } from '../charts/index.ts';
import type { FigureId } from '../charts/types.ts';
import { diff } from '../model/compare.ts';
import { params, presetById, presetValues, type ParamKey, type Values } from '../model/index.ts';

/** At most this many controls a step. */
export const MAX_LIVE = 5;

/** Each figure's own key parameters, in the order offered (none for published numbers). */
export const FIGURE_PARAMS: Readonly<Record<FigureId, readonly ParamKey[]>> = {
  'throughput-vs-segment': ['txMode', 'rxMode', 'linkGbps'],
  'time-breakdown': ['txMode', 'rxMode', 'mss'],
  'memory-bus': ['rxMode', 'mss', 'memMBps'],
  'slowest-side': ['txMode', 'rxMode', 'mss', 'rtt'],
  'receive-path': ['rxMode', 'rxCsum', 'rxCopyMBps'],
  measurements: [],
  'thread-numbers': [],
};

/**
 * The parameters offered for a step on `figure` at `values`, started from preset `origin`
 * (an id, or '' for none): what the step set away from the preset first, then the figure's
 * own, at most MAX_LIVE, in the parameter table's order. None on a stateless figure.
 */
export function liveParams(figure: FigureId, values: Readonly<Values>, origin: string): ParamKey[] {
  if (figures[figure].stateless === true) return [];
  const preset = presetById(origin);
  const set = preset ? diff(values, presetValues(preset)) : [];
  const chosen = [...new Set([...set, ...FIGURE_PARAMS[figure]])].slice(0, MAX_LIVE);
  return params.map((p) => p.key).filter((k) => chosen.includes(k));
}
