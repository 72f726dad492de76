/**
 * `<figure-stepper>`: steps through a diagram one row at a time (the receive path). Previous
 * and Next buttons, or the arrow keys while a button has focus, light one row of the drawing
 * (`data-step` on the `<model-figure>`; site.css dims the other rows) and say what happens in
 * it, read from the figure's own data table, which the live figure keeps at the current
 * state. "All steps" lights every row again. Without JavaScript the stepper stays hidden and
 * the data table lists the steps.
 */
import { stepSentence } from '../lib/charts/step-sentence.ts';
import { setAttr, setText } from './dom.ts';
import type { DrawnDetail } from './figure-live.ts';

class FigureStepper extends HTMLElement {
  #step = -1;

  connectedCallback(): void {
    this.hidden = false;
    this.addEventListener('click', (e) => {
      const action = (e.target as Element).closest<HTMLElement>('[data-step-action]')?.dataset['stepAction'];
      if (action === 'next') this.#go(this.#step + 1);
      else if (action === 'prev') this.#go(this.#step - 1);
      else if (action === 'all') this.#go(-1);
    });
    this.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') this.#go(this.#step + 1);
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') this.#go(this.#step - 1);
      else if (e.key === 'Home') this.#go(0);
      else if (e.key === 'End') this.#go(this.#rows().length - 1);
      else if (e.key === 'Escape') this.#go(-1);
      else return;
      e.preventDefault();
    });
    // A redraw of its figure at another state may change the rows: keep the step in range and
    // the words current (other figures' redraws leave them alone).
    document.addEventListener('model-figure:drawn', (e) => {
      if ((e as CustomEvent<DrawnDetail>).detail.figure !== this.#figure()?.dataset['figure']) return;
      this.#go(Math.min(this.#step, this.#rows().length - 1));
    });
  }

  #figure(): HTMLElement | null {
    return this.closest<HTMLElement>('model-figure');
  }

  /** The steps as the data table states them: one row each. */
  #rows(): HTMLTableRowElement[] {
    return [...(this.#figure()?.querySelectorAll<HTMLTableRowElement>('details.data tbody tr') ?? [])];
  }

  #go(step: number): void {
    const rows = this.#rows();
    const fig = this.#figure();
    if (!fig || rows.length === 0) return;
    this.#step = Math.max(-1, Math.min(step, rows.length - 1));
    const text = this.querySelector<HTMLElement>('.step-text');
    const prev = this.querySelector<HTMLButtonElement>('[data-step-action="prev"]');
    const next = this.querySelector<HTMLButtonElement>('[data-step-action="next"]');
    // Written only where they change: a knob step redraws the figure and comes through here.
    if (prev && prev.disabled !== this.#step <= 0) prev.disabled = this.#step <= 0;
    if (next && next.disabled !== this.#step >= rows.length - 1) next.disabled = this.#step >= rows.length - 1;
    if (this.#step < 0) {
      delete fig.dataset['step'];
      setText(text, `All ${rows.length} steps shown. Next walks through them one at a time.`);
      return;
    }
    setAttr(fig, 'data-step', String(this.#step));
    const cells = [...(rows[this.#step]?.cells ?? [])].map((c) => c.textContent?.trim() ?? '');
    setText(text, stepSentence(cells, rows.length));
  }
}

if (!customElements.get('figure-stepper')) customElements.define('figure-stepper', FigureStepper);
