/**
 * Presenter mode's live controls: a slider or a select for each of a few key parameters of
 * the step on screen (lib/talk/live-params.ts). They change that step's own state only, never
 * a page store or the URL; presenter-core.ts redraws. Offered where no page controls stand
 * behind the presenter: a talk, and the offline talk file.
 */
import { clamp, paramFor, type Param, type ParamKey, type Values } from '../lib/model/index.ts';
import { knobText } from '../lib/model/knob.ts';
import { fromSlider, sliderAttrs, toSlider } from '../lib/model/slider.ts';
import { valueText } from '../lib/model/words.ts';
import { h, setAttr, setText } from './dom.ts';

/** What the panel calls back with. */
export interface LiveHandlers {
  /** A control moved: the step's state with this change. */
  set(patch: Partial<Values>): void;
  /** Back to the step's own state. */
  reset(): void;
}

/** A value as the panel prints it: "4,096 B", "70 %", "page remap". */
function shown(p: Param, v: number | string): string {
  if (p.kind === 'choice') return knobText(p, v);
  return `${knobText(p, v)} ${p.unit === 'fraction' ? '%' : p.unit}`;
}

/** One control row; returns its sync function. */
function control(p: Param, values: Values, set: LiveHandlers['set']): { row: HTMLElement; sync: (values: Values) => void } {
  const id = `presenter-ctl-${p.key}`;
  const row = h('div', { class: 'p-ctl' });
  if (p.kind === 'choice') {
    const select = h('select', { id });
    for (const o of p.options) select.append(h('option', { value: o.value }, o.label));
    select.value = String(values[p.key]);
    select.addEventListener('change', () => set({ [p.key]: select.value } as Partial<Values>));
    row.append(h('label', { for: id }, p.label), select);
    const sync = (v: Values): void => {
      if (select.value !== v[p.key]) select.value = String(v[p.key]);
    };
    return { row, sync };
  }
  const attrs = sliderAttrs(p);
  const range = h('input', { type: 'range', id, min: String(attrs.min), max: String(attrs.max), step: String(attrs.step) });
  const output = h('output', { for: id });
  range.addEventListener('input', () => set({ [p.key]: clamp({ [p.key]: fromSlider(p, range.valueAsNumber) }).values[p.key] }));
  const sync = (v: Values): void => {
    const value = Number(v[p.key]);
    if (fromSlider(p, range.valueAsNumber) !== value) range.value = String(toSlider(p, value));
    setAttr(range, 'aria-valuetext', valueText(p, value));
    setText(output, shown(p, value));
  };
  sync(values);
  row.append(h('label', { for: id }, p.label), range, output);
  return { row, sync };
}

/**
 * Fills `panel` with controls for `keys` at `values` (what a stateless figure offers: nothing,
 * said so). Returns the function that shows a new state in the controls and whether it is the
 * step's own.
 */
export function fillLive(
  panel: HTMLElement,
  keys: readonly ParamKey[],
  values: Values,
  handlers: LiveHandlers,
): (values: Values, edited: boolean) => void {
  const rows = keys.flatMap((k) => {
    const p = paramFor(k);
    return p ? [control(p, values, handlers.set)] : [];
  });
  const heading = h('h3', {}, 'Live model');
  if (rows.length === 0) {
    panel.replaceChildren(heading, h('p', {}, 'This figure draws published numbers: it has no state to change.'));
    return () => undefined;
  }
  const reset = h('button', { type: 'button', 'aria-disabled': 'true' }, 'Back to the step’s state');
  reset.addEventListener('click', () => {
    if (reset.getAttribute('aria-disabled') !== 'true') handlers.reset();
  });
  panel.replaceChildren(heading, h('p', {}, 'Changes show on this step only.'), ...rows.map((r) => r.row), reset);
  return (v, edited) => {
    for (const r of rows) r.sync(v);
    setAttr(reset, 'aria-disabled', String(!edited));
  };
}
