/**
 * `<model-controls>` (markup: components/Controls.astro): binds the server-rendered inputs to
 * the page store. Inputs write to the store (live on `input`, committed on `change`); the
 * store writes back to every input, so a URL state, a preset, Reset or Back shows everywhere.
 * A focused slider tells the figures the states its next step can reach, so they draw them ahead.
 */
import { clamp, evaluate, paramFor, type Param, type Values } from '../lib/model/index.ts';
import { changeNotice, summary, valueText } from '../lib/model/words.ts';
import { statesWith } from '../lib/model/knob.ts';
import { fromSlider, toSlider } from '../lib/model/slider.ts';
import { expectStates } from './ahead.ts';
import { setAttr, setText } from './dom.ts';
import { applyPreset, base, currentPreset, reset, store, update, urlChanges } from './state.ts';

/** Quiet time before the live summary speaks, so a drag is announced once, at its end. */
const SUMMARY_DELAY_MS = 500;

type Sync = (values: Values) => void;
type NumberEntry = Extract<Param, { kind: 'number' }>;
type ChoiceEntry = Extract<Param, { kind: 'choice' }>;

const q = <E extends Element>(root: ParentNode, role: string): E | null => root.querySelector<E>(`[data-role="${role}"]`);

/** Wires one numeric parameter's range and number inputs; returns its sync function. */
function bindNumber(row: HTMLElement, p: NumberEntry): Sync | undefined {
  const range = q<HTMLInputElement>(row, 'range');
  const number = q<HTMLInputElement>(row, 'number');
  const notice = q<HTMLElement>(row, 'notice');
  if (!range || !number) return undefined;
  /** The way the value last moved: the side figures draw ahead first. */
  let way: 1 | -1 = 1;
  const set = (v: number, phase: 'input' | 'commit'): void => {
    const was = store.get()[p.key];
    if (v !== was) way = v > was ? 1 : -1;
    update({ [p.key]: v }, phase, p.key);
  };
  // The range's own next positions: its step counts from its minimum, so it can land elsewhere
  // than a knob's step from the same value. A detached copy steps as the input would.
  const expectAround = (): void => {
    const next = (dir: 1 | -1): number => {
      const probe = range.cloneNode() as HTMLInputElement;
      probe.value = range.value;
      if (dir > 0) probe.stepUp();
      else probe.stepDown();
      return fromSlider(p, probe.valueAsNumber);
    };
    expectStates(statesWith(p, store.get(), [next(way), next(way === 1 ? -1 : 1)]));
  };
  range.addEventListener('focus', expectAround);
  range.addEventListener('blur', () => expectStates([]));

  for (const type of ['input', 'change'] as const) {
    range.addEventListener(type, () => {
      const v = fromSlider(p, range.valueAsNumber);
      if (number.value !== String(v)) number.value = String(v);
      setText(notice, '');
      set(v, type === 'input' ? 'input' : 'commit');
    });
  }
  number.addEventListener('input', () => {
    // While typing, only values the model accepts as they are go live; the rest wait for `change`.
    const n = number.valueAsNumber;
    if (Number.isFinite(n) && clamp({ [p.key]: n }).changes.length === 0) set(n, 'input');
  });
  number.addEventListener('change', () => {
    if (number.value.trim() === '') {
      setText(notice, `Enter a number from ${p.min} to ${p.max}.`);
      number.value = String(store.get()[p.key]);
      return;
    }
    const { values, changes } = clamp({ [p.key]: number.value });
    const v = values[p.key];
    const change = changes[0];
    setText(notice, change ? changeNotice(p, change) : '');
    number.value = String(v);
    set(v, 'commit');
  });

  return (values) => {
    const v = values[p.key];
    // Leave the box alone while someone types a value equal to the state ("1.50" stays).
    if (!(document.activeElement === number && number.valueAsNumber === v) && number.value !== String(v)) number.value = String(v);
    // Move the thumb only when it does not already stand for this value (no jitter mid-drag).
    if (fromSlider(p, range.valueAsNumber) !== v) range.value = String(toSlider(p, v));
    setAttr(range, 'aria-valuetext', valueText(p, v));
    if (document.activeElement === range) expectAround();
  };
}

/** Wires one enumerated parameter's select; returns its sync function. */
function bindChoice(row: HTMLElement, p: ChoiceEntry): Sync | undefined {
  const select = q<HTMLSelectElement>(row, 'select');
  const doc = q<HTMLElement>(row, 'option-doc');
  if (!select) return undefined;
  select.addEventListener('change', () => {
    setText(q<HTMLElement>(row, 'notice'), '');
    update({ [p.key]: select.value } as Partial<Values>, 'commit', p.key);
  });
  return (values) => {
    const v = values[p.key];
    if (select.value !== v) select.value = v;
    setText(doc, p.options.find((o) => o.value === v)?.doc ?? '');
  };
}

class ModelControls extends HTMLElement {
  #unsubscribe: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    if (this.#unsubscribe) return;
    const syncs: Sync[] = [];
    for (const row of this.querySelectorAll<HTMLElement>('.param[data-key]')) {
      const p = paramFor(row.dataset['key'] ?? '');
      const sync = p?.kind === 'number' ? bindNumber(row, p) : p?.kind === 'choice' ? bindChoice(row, p) : undefined;
      if (sync) syncs.push(sync);
    }
    for (const c of urlChanges) {
      const p = paramFor(c.key);
      const row = this.querySelector<HTMLElement>(`.param[data-key="${c.key}"]`);
      if (p && row) setText(q<HTMLElement>(row, 'notice'), `From the link: ${changeNotice(p, c)}`);
    }

    const picker = q<HTMLSelectElement>(this, 'preset');
    const presetDoc = q<HTMLElement>(this, 'preset-doc');
    const customDoc = q<HTMLElement>(this, 'custom-doc');
    const summaryEl = q<HTMLElement>(this, 'summary');
    picker?.addEventListener('change', () => {
      if (picker.value) applyPreset(picker.value);
    });
    q<HTMLButtonElement>(this, 'reset')?.addEventListener('click', () => reset());

    // A folded parameter the state has moved away from the page's start unfolds: a link or a
    // preset never changes a value the reader cannot see in the panel.
    const folded = [...this.querySelectorAll<HTMLDetailsElement>('details[data-role="more"]')].map((d) => ({
      details: d,
      keys: [...d.querySelectorAll<HTMLElement>('.param[data-key]')].map((r) => r.dataset['key'] as keyof Values),
    }));
    const syncAll = (values: Values): void => {
      for (const sync of syncs) sync(values);
      for (const f of folded) if (!f.details.open && f.keys.some((k) => values[k] !== base[k])) f.details.open = true;
      const preset = currentPreset();
      if (picker && picker.value !== (preset?.id ?? '')) picker.value = preset?.id ?? '';
      // A preset's words stay in place (hidden) while the state is custom, keeping their room.
      if (preset) setText(presetDoc, preset.description);
      presetDoc?.toggleAttribute('data-off', !preset);
      customDoc?.toggleAttribute('data-off', preset !== undefined);
    };
    const speak = (values: Values): void => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => setText(summaryEl, summary(evaluate(values))), SUMMARY_DELAY_MS);
    };

    syncAll(store.get());
    // The server rendered the starting state; a URL state differs, so say it (quietly, once).
    speak(store.get());
    this.#unsubscribe = store.subscribe((values) => {
      syncAll(values);
      speak(values);
    });

    for (const el of this.querySelectorAll<HTMLElement>('[disabled]')) el.removeAttribute('disabled');
    for (const note of this.querySelectorAll<HTMLElement>('.needs-js')) note.hidden = true;
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#timer);
  }
}

if (!customElements.get('model-controls')) customElements.define('model-controls', ModelControls);
