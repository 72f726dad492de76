/**
 * A number in a sentence that is also a control (`<ModelKnob>`): how a step, a key or a drag
 * moves a parameter, and how its value reads. Number parameters move along the same scale as
 * their panel slider (slider.ts: log parameters by about 2.3 % a step), so the sentence and the
 * panel agree on every value either can reach; choices move through their options in table
 * order, without wrapping. Pure; used at build time and in the browser.
 */
import type { ChoiceParam, NumberParam, ParamKey, Values } from './index.ts';
import { fromSlider, sliderAttrs, toSlider } from './slider.ts';

/** Any parameter of the table, either kind. */
export type AnyParam = NumberParam | ChoiceParam;

/** How far a drag across the whole range goes, in CSS pixels (bounded per step below). */
export const DRAG_RANGE_PX = 320;
const MIN_PX_PER_STEP = 1;
const MAX_PX_PER_STEP = 24;

/** Slider steps from the minimum to the maximum. */
function stepCount(p: NumberParam): number {
  const a = sliderAttrs(p);
  return Math.max(1, Math.round((a.max - a.min) / a.step));
}

/**
 * The value `steps` slider steps away from `value` (negative: down), within the range. A step
 * that rounds back to the same value (three significant digits on a log scale) is taken
 * further, so a step that can move always does.
 */
export function stepNumber(p: NumberParam, value: number, steps: number): number {
  if (steps === 0) return value;
  const a = sliderAttrs(p);
  const at = toSlider(p, value);
  const dir = Math.sign(steps);
  // More steps than the range holds (a long drag) go to the end, not nowhere.
  for (let n = Math.min(Math.abs(steps), stepCount(p)); n <= stepCount(p); n += 1) {
    const position = Math.min(a.max, Math.max(a.min, at + dir * n * a.step));
    const next = fromSlider(p, position);
    if (next !== value) return next;
    if (position === a.min || position === a.max) break;
  }
  return value;
}

/** The option `steps` away from `value` in the table's order, stopping at either end. */
export function stepChoice<V extends string>(p: ChoiceParam<string, V>, value: V, steps: number): V {
  const i = p.options.findIndex((o) => o.value === value);
  const j = Math.min(p.options.length - 1, Math.max(0, Math.max(i, 0) + steps));
  return p.options[j]?.value ?? value;
}

/** Either kind of parameter: one function for keys, buttons and drags. */
export function stepParam(p: AnyParam, value: number | string, steps: number): number | string {
  return p.kind === 'number' ? stepNumber(p, Number(value), steps) : stepChoice(p, String(value), steps);
}

/** The far end of the range (`Home`/`End`). */
export function endValue(p: AnyParam, end: 'min' | 'max'): number | string {
  if (p.kind === 'number') return p[end];
  const options = p.options;
  return (end === 'min' ? options[0] : options[options.length - 1])?.value ?? p.default;
}

/** Steps a `PageUp`/`PageDown` takes: a tenth of the range, at least one. */
export function pageSteps(p: AnyParam): number {
  return p.kind === 'number' ? Math.max(1, Math.round(stepCount(p) / 10)) : 1;
}

/** Pixels of horizontal drag per step: the whole range in about DRAG_RANGE_PX. */
export function pixelsPerStep(p: AnyParam): number {
  const n = p.kind === 'number' ? stepCount(p) : Math.max(1, p.options.length - 1);
  return Math.min(MAX_PX_PER_STEP, Math.max(MIN_PX_PER_STEP, DRAG_RANGE_PX / n));
}

/** Whole steps a drag of `dx` pixels has made. */
export function dragSteps(p: AnyParam, dx: number): number {
  return Math.trunc(dx / pixelsPerStep(p));
}

const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

/** What the sentence shows: digits for numbers ("4,096"), the option's label for choices. */
export function knobText(p: AnyParam, value: number | string): string {
  if (p.kind === 'number') return p.unit === 'fraction' ? plain.format(Math.round(Number(value) * 1000) / 10) : plain.format(Number(value));
  return p.options.find((o) => o.value === value)?.label ?? String(value);
}

/** The position among the options, for `aria-valuenow` on a choice (1-based). */
export function choiceIndex(p: ChoiceParam, value: string): number {
  return p.options.findIndex((o) => o.value === value) + 1;
}

/**
 * The states one step either side of `values` along `p`, the side the control last moved
 * first: where a focused knob can go with its next key press, so figures can be drawn for them
 * before it comes. An end of the range has one side.
 */
export function statesAround(p: AnyParam, values: Readonly<Values>, first: 1 | -1 = 1): Values[] {
  const key = p.key as ParamKey;
  return statesWith(p, values, [stepParam(p, values[key], first), stepParam(p, values[key], -first)]);
}

/** `values` with `p` set to each of `next` in turn, leaving out its value now and repeats. */
export function statesWith(p: AnyParam, values: Readonly<Values>, next: readonly (number | string)[]): Values[] {
  const key = p.key as ParamKey;
  const out: Values[] = [];
  for (const v of next) {
    if (v !== values[key] && !out.some((s) => s[key] === v)) out.push({ ...values, [key]: v } as Values);
  }
  return out;
}
