/**
 * The search page's filters: one disclosure ("Filters"), open beside the results on wide
 * screens and closed above them on narrow ones, holding a fieldset of checkboxes per filter
 * with counts, values with results first, long lists cut to a few with "Show all". Redrawn
 * after every search; keyboard focus stays on the box or button it was on.
 */
import { FACETS, KINDS, type FacetKey } from '../../lib/search/facets.ts';
import type { FilterCounts } from '../../lib/search/plan.ts';
import type { SearchState } from '../../lib/search/url.ts';
import { h } from '../dom.ts';
import { KIND_LABEL } from './results.ts';

/** Filter values shown before "Show all". */
const FEW = 12;

/** The checkboxes of one filter, values with results first. */
function fieldset(
  key: FacetKey,
  label: string,
  counts: Record<string, number>,
  known: string[],
  ticked: string[],
  expanded: boolean,
): HTMLFieldSetElement | null {
  const values = [...new Set([...known, ...ticked])].filter((v) => (counts[v] ?? 0) > 0 || ticked.includes(v));
  if (values.length === 0) return null;
  if (key === 'kind') values.sort((a, b) => KINDS.indexOf(a as (typeof KINDS)[number]) - KINDS.indexOf(b as (typeof KINDS)[number]));
  else if (key === 'year') values.sort();
  else values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b));
  const visible = expanded ? values : values.filter((v, k) => k < FEW || ticked.includes(v));
  const fs = h('fieldset', { class: 'search-facet' }, h('legend', {}, label));
  visible.forEach((v) => {
    const id = `facet-${key}-${values.indexOf(v)}`;
    const box = h('input', { type: 'checkbox', id, name: key, value: v, form: 'search-form' });
    box.checked = ticked.includes(v);
    fs.append(
      h(
        'div',
        { class: 'search-option' },
        box,
        h('label', { for: id }, `${key === 'kind' ? (KIND_LABEL[v] ?? v) : v} (${counts[v] ?? 0})`),
      ),
    );
  });
  if (values.length > visible.length || expanded) {
    fs.append(
      h(
        'button',
        { type: 'button', class: 'search-facet-more', 'data-facet': key, 'aria-expanded': String(expanded) },
        expanded ? 'Show fewer' : `Show all ${values.length}`,
      ),
    );
  }
  return fs;
}

/** What a filter drawing needs: counts for this search, every known value, and the ticked ones. */
interface Drawn {
  counts: FilterCounts;
  all: FilterCounts;
  selected: SearchState['selected'];
}

export class FacetsView {
  /** The disclosure; its `toggle` event is the page's cue to load the filter values. */
  readonly box = h('details', { class: 'search-facets-box' });
  readonly #container: HTMLElement;
  readonly #form: HTMLFormElement;
  readonly #expanded = new Set<string>();
  #last: Drawn | undefined;

  constructor(container: HTMLElement, form: HTMLFormElement) {
    this.#container = container;
    this.#form = form;
    container.addEventListener('click', (event) => {
      const button = event.target instanceof HTMLElement ? event.target.closest<HTMLButtonElement>('button[data-facet]') : null;
      const key = button?.dataset['facet'];
      if (!key || !this.#last) return;
      if (this.#expanded.has(key)) this.#expanded.delete(key);
      else this.#expanded.add(key);
      this.render(this.#last, true);
    });
  }

  /** Until the filters are drawn, the ticked ones from the URL ride along as hidden fields. */
  carry(selected: SearchState['selected']): void {
    this.#container.replaceChildren(
      ...Object.entries(selected).flatMap(([name, values]) =>
        values.map((value) => h('input', { type: 'hidden', name, value, form: this.#form.id })),
      ),
    );
  }

  /** Draws the filters; before their values are loaded, a hint of what they offer. */
  render(drawn: Drawn, loaded: boolean): void {
    this.#last = drawn;
    const active = document.activeElement;
    const focus =
      active instanceof HTMLInputElement && active.form === this.#form && active.type === 'checkbox'
        ? `${active.name}\u0000${active.value}`
        : active instanceof HTMLButtonElement
          ? active.dataset['facet']
          : undefined;
    if (!this.box.isConnected) this.#container.replaceChildren(this.box);
    const summary = h('summary', {}, h('h2', { class: 'search-facets-title' }, 'Filters'));
    if (!loaded) {
      this.box.replaceChildren(
        summary,
        h('p', { class: 'search-facets-hint' }, 'By kind, author, year, thread, tag and what the archive holds, with counts.'),
      );
      return;
    }
    const { counts, all, selected } = drawn;
    this.box.replaceChildren(
      summary,
      ...FACETS.flatMap(
        ({ key, label }) =>
          fieldset(key, label, counts[key] ?? {}, Object.keys(all[key] ?? {}), selected[key] ?? [], this.#expanded.has(key)) ?? [],
      ),
    );
    if (!focus) return;
    for (const e of this.#container.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button')) {
      const id = e instanceof HTMLInputElement ? `${e.name}\u0000${e.value}` : e.dataset['facet'];
      if (id === focus) {
        e.focus();
        break;
      }
    }
  }
}
