/**
 * The live half of `<model-knob>` and `<model-output>` (loaded on first view, see
 * model-knob.ts). A knob becomes an ARIA slider over one parameter of the page's store: arrow
 * keys step it (Page keys a tenth of the range, Home and End the ends), a sideways drag moves
 * it along the same scale as the panel's slider, and the small arrows either side step it by
 * one. It writes through `update`, so the URL, the panel and every figure follow; an output
 * rewrites its text from the store. Both repaint in the same animation frame as the figures.
 * A focused knob tells the figures the states its next step can reach, so they draw them ahead.
 */
import { evaluate, paramFor, type Param, type Values } from '../lib/model/index.ts';
import { choiceIndex, dragSteps, endValue, knobText, pageSteps, statesAround, stepParam } from '../lib/model/knob.ts';
import { outputSpecFrom, outputText, type OutputSpec } from '../lib/model/live-output.ts';
import { expectStates } from './ahead.ts';
import { setAttr, setText } from './dom.ts';
import { schedule } from './frame.ts';
import { valueText } from '../lib/model/words.ts';
import { store, update } from './state.ts';

/** Redraws of bound knobs and outputs, run once a frame after a change. */
const knobs = new Map<HTMLElement, (values: Values) => void>();
const outputs = new Map<HTMLElement, OutputSpec>();

const spoken = (p: Param, v: number | string): string => (p.kind === 'number' ? valueText(p, Number(v)) : knobText(p, v));

/** The small arrow either side of the number: pointer-only, the keys do the same. */
function arrow(steps: -1 | 1): HTMLElement {
  const a = document.createElement('span');
  a.className = 'knob-step';
  a.dataset['steps'] = String(steps);
  a.setAttribute('aria-hidden', 'true');
  a.textContent = steps < 0 ? '‹' : '›';
  return a;
}

function bindKnob(el: HTMLElement, p: Param): void {
  const key = p.key;
  const value = el.querySelector<HTMLElement>('.knob-value');
  const current = (): number | string => store.get()[key];
  /** The way the knob last moved: the side its figures draw ahead first. */
  let way: 1 | -1 = 1;
  const go = (v: number | string, phase: 'input' | 'commit', steps: number): void => {
    if (steps !== 0) way = steps > 0 ? 1 : -1;
    if (v !== current()) update({ [key]: v } as Partial<Values>, phase, key);
  };
  const expectAround = (): void => expectStates(statesAround(p, store.get(), way));

  el.setAttribute('role', 'slider');
  el.tabIndex = 0;
  el.setAttribute('aria-label', el.dataset['label'] ?? p.label);
  if (p.kind === 'number') {
    el.setAttribute('aria-valuemin', String(p.min));
    el.setAttribute('aria-valuemax', String(p.max));
  } else {
    el.setAttribute('aria-valuemin', '1');
    el.setAttribute('aria-valuemax', String(p.options.length));
  }
  el.prepend(arrow(-1));
  el.append(arrow(1));

  el.addEventListener('keydown', (e) => {
    const v = current();
    const step: Record<string, [() => number | string, number]> = {
      ArrowRight: [() => stepParam(p, v, 1), 1],
      ArrowUp: [() => stepParam(p, v, 1), 1],
      ArrowLeft: [() => stepParam(p, v, -1), -1],
      ArrowDown: [() => stepParam(p, v, -1), -1],
      PageUp: [() => stepParam(p, v, pageSteps(p)), 1],
      PageDown: [() => stepParam(p, v, -pageSteps(p)), -1],
      Home: [() => endValue(p, 'min'), -1],
      End: [() => endValue(p, 'max'), 1],
    };
    const next = step[e.key];
    if (!next || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    go(next[0](), 'commit', next[1]);
  });
  el.addEventListener('focus', expectAround);
  el.addEventListener('blur', () => expectStates([]));

  let drag: { id: number; x: number; from: number | string; moved: boolean; steps: number } | undefined;
  el.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    const arrowStep = (e.target as HTMLElement).closest<HTMLElement>('.knob-step');
    el.focus();
    if (arrowStep) {
      e.preventDefault();
      const steps = Number(arrowStep.dataset['steps']);
      go(stepParam(p, current(), steps), 'commit', steps);
      return;
    }
    e.preventDefault();
    el.setPointerCapture(e.pointerId);
    drag = { id: e.pointerId, x: e.clientX, from: current(), moved: false, steps: 0 };
    el.dataset['dragging'] = '';
  });
  el.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const steps = dragSteps(p, e.clientX - drag.x);
    if (steps === 0 && !drag.moved) return;
    drag.moved = true;
    const moved = steps - drag.steps;
    drag.steps = steps;
    go(stepParam(p, drag.from, steps), 'input', moved);
  });
  const end = (e: PointerEvent): void => {
    if (!drag || e.pointerId !== drag.id) return;
    if (drag.moved) update({}, 'commit', key);
    drag = undefined;
    delete el.dataset['dragging'];
  };
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);

  knobs.set(el, (values) => {
    const v = values[key];
    setText(value, knobText(p, v));
    setAttr(el, 'aria-valuenow', p.kind === 'number' ? String(v) : String(choiceIndex(p, String(v))));
    setAttr(el, 'aria-valuetext', spoken(p, v));
    const atMin = v === endValue(p, 'min');
    const atMax = v === endValue(p, 'max');
    el.firstElementChild?.toggleAttribute('data-end', atMin);
    el.lastElementChild?.toggleAttribute('data-end', atMax);
    if (document.activeElement === el) expectAround();
  });
  el.dataset['live'] = '';
}

function syncAll(): void {
  const values = store.get();
  for (const [el, sync] of knobs) {
    if (el.isConnected) sync(values);
    else knobs.delete(el);
  }
  if (outputs.size === 0) return;
  const result = evaluate(values);
  for (const [el, spec] of outputs) {
    if (el.isConnected) setText(el, outputText(spec, values, result));
    else outputs.delete(el);
  }
}

let subscribed = false;

/** Binds every knob and output under `root` not bound yet, and follows the store. */
export function bringKnobsToLife(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('model-knob:not([data-live])')) {
    const p = paramFor(el.dataset['key'] ?? '');
    if (p) bindKnob(el, p);
    else console.warn(`model-knob: no parameter "${el.dataset['key'] ?? ''}"`);
  }
  for (const el of root.querySelectorAll<HTMLElement>('model-output:not([data-live])')) {
    const spec = outputSpecFrom(el.dataset);
    if (!spec) continue;
    outputs.set(el, spec);
    el.dataset['live'] = '';
  }
  if (!subscribed) {
    subscribed = true;
    store.subscribe(() => schedule(syncAll));
  }
  syncAll();
}
