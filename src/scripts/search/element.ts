/**
 * `<search-page>` (markup: components/SearchPage.astro): the search page in the browser. Reads
 * the search from the URL, runs it with the engine (engine.ts: Pagefind, loaded on first use),
 * shows the results a page at a time (results.ts) and the filters (facets.ts), and keeps the
 * URL in step: typing replaces the history entry until the search is submitted, a ticked
 * filter or a new order pushes one, Back and Forward run the search they hold.
 */
import { parseQuery } from '../../lib/search/query.ts';
import { planSearch, type FilterCounts } from '../../lib/search/plan.ts';
import { readState, writeState, type SearchState } from '../../lib/search/url.ts';
import { resultStatus, searchTitle } from '../../lib/search/words.ts';
import { h } from '../dom.ts';
import { CHECK_LIMIT, SearchEngine, type Found, type Order } from './engine.ts';
import { FacetsView } from './facets.ts';
import { resultItem, suggestions } from './results.ts';

/** Results shown at once; "Show more" adds as many again. */
const PAGE = 10;
/** Results on screen before the status line says how many there are. */
const FIRST_PAINT = 3;
/** Quiet time after a keystroke before the search runs. */
const TYPING_MS = 100;

class SearchPage extends HTMLElement {
  #engine!: SearchEngine;
  #facets!: FacetsView;
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #sort!: HTMLSelectElement;
  #status!: HTMLElement;
  #notices!: HTMLElement;
  #results!: HTMLOListElement;
  #more!: HTMLElement;
  #none!: HTMLElement;
  #base = '/';
  #siteTitle = '';
  /** Each search's number; a search that is no longer the latest stops where it is. */
  #generation = 0;
  /** True once the current history entry holds a finished search; the next edit pushes a new one. */
  #committed = true;
  #typing: ReturnType<typeof setTimeout> | undefined;
  #shown: { found: Found; next: number; phrases: string[] } | undefined;

  #part<T extends HTMLElement>(id: string): T {
    const e = this.querySelector<T>(`#${id}`);
    if (!e) throw new Error(`search page: #${id} is missing`);
    return e;
  }

  connectedCallback(): void {
    if (this.#engine) return;
    this.#base = this.dataset['base'] ?? '/';
    this.#siteTitle = document.title;
    this.#engine = new SearchEngine(this.#base);
    this.#form = this.#part<HTMLFormElement>('search-form');
    this.#input = this.#part<HTMLInputElement>('search-q');
    this.#sort = this.#part<HTMLSelectElement>('search-sort');
    this.#status = this.#part('search-status');
    this.#notices = this.#part('search-notices');
    this.#results = this.#part<HTMLOListElement>('search-results');
    this.#more = this.#part('search-more');
    this.#none = this.#part('search-none');
    const facetsEl = this.#part('search-facets');
    this.#facets = new FacetsView(facetsEl, this.#form);
    this.#listen(facetsEl);

    const initial = readState(location.search);
    this.#setForm(initial);
    this.#facets.carry(initial.selected);
    const ticked = Object.values(initial.selected).some((v) => v.length > 0);
    // A link with ticked filters shows them; otherwise the filters wait, closed, until opened.
    this.#facets.box.open = ticked;
    if (!ticked) this.#facets.render({ counts: {}, all: {}, selected: {} }, false);
    if (initial.q !== '' || ticked) void this.#run(initial, 'none');
  }

  #listen(facetsEl: HTMLElement): void {
    // Load the search index on first use; the filters load when opened.
    this.#input.addEventListener('focus', () => void this.#engine.load().catch(() => undefined), { once: true });
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#typing);
      this.#typing = setTimeout(() => {
        void this.#run(this.#formState(), this.#committed ? 'push' : 'replace');
        this.#committed = false;
      }, TYPING_MS);
    });
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#typing);
      void this.#run(this.#formState(), this.#committed ? 'push' : 'replace');
      this.#committed = true;
    });
    // A filter ticked or the order changed: a new search, and a new history entry.
    const changed = (event: Event): void => {
      if (event.target === this.#input) return;
      clearTimeout(this.#typing);
      void this.#run(this.#formState(), 'push');
      this.#committed = true;
    };
    this.#form.addEventListener('change', changed);
    facetsEl.addEventListener('change', changed);
    this.#facets.box.addEventListener('toggle', () => {
      if (!this.#facets.box.open || this.#engine.filtersLoaded) return;
      this.#status.setAttribute('aria-busy', 'true');
      void this.#engine
        .loadFilters()
        .then(() => this.#run(this.#formState(), 'none'))
        .catch(() => {
          this.#status.textContent = 'The filters could not be loaded. Reload the page to try again.';
        })
        .finally(() => this.#status.removeAttribute('aria-busy'));
    });
    this.#more.addEventListener('click', (event) => {
      if (!(event.target instanceof HTMLButtonElement)) return;
      void this.#showMore(this.#generation).then((link) => link?.focus());
    });
    window.addEventListener('popstate', () => {
      const state = readState(location.search);
      this.#setForm(state);
      this.#committed = true;
      void this.#run(state, 'none');
    });
  }

  /** The search the form shows now. */
  #formState(): SearchState {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(this.#form)) if (typeof v === 'string') params.append(k, v);
    return readState(`?${params.toString()}`);
  }

  #setForm(state: SearchState): void {
    this.#input.value = state.q;
    this.#sort.value = state.sort;
  }

  #showInUrl(state: SearchState, mode: 'push' | 'replace' | 'none'): void {
    const url = `${location.pathname}${writeState(state)}`;
    document.title = searchTitle(state.q, this.#siteTitle);
    if (mode === 'none' || url === `${location.pathname}${location.search}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  #renderNotices(notices: string[]): void {
    this.#notices.replaceChildren(...notices.map((n) => h('li', {}, n)));
  }

  /**
   * Adds the next page of results, each as soon as its data and the data of those above it
   * have come (all are requested at once), so the first results show while the rest load.
   * With `fresh` the first new result replaces the list (a new search keeps the old results
   * until then). Calls `painted` once the first FIRST_PAINT are on screen (or there are none).
   * The list is aria-busy until the page is complete. Returns the first new link (for focus).
   */
  async #showMore(gen: number, fresh = false, painted?: () => void): Promise<HTMLAnchorElement | null> {
    const shown = this.#shown;
    if (!shown) return null;
    const { found, phrases } = shown;
    const slice = found.results.slice(shown.next, shown.next + PAGE);
    shown.next += slice.length;
    this.#results.setAttribute('aria-busy', 'true');
    const datas = slice.map((r) => {
      const d = found.data.get(r.id);
      return d ? Promise.resolve(d) : r.data();
    });
    let first: HTMLAnchorElement | null = null;
    for (const [k, pending] of datas.entries()) {
      const item = resultItem(await pending, phrases);
      if (gen !== this.#generation) return null;
      if (fresh && k === 0) this.#results.replaceChildren(item);
      else this.#results.append(item);
      first ??= item.querySelector('a');
      if (k + 1 === Math.min(FIRST_PAINT, slice.length)) painted?.();
    }
    if (slice.length === 0) {
      if (fresh) this.#results.replaceChildren();
      painted?.();
    }
    const left = found.results.length - shown.next;
    this.#more.replaceChildren(
      left > 0 ? h('button', { type: 'button', id: 'search-more-button' }, `Show ${Math.min(left, PAGE)} more`) : '',
    );
    this.#results.removeAttribute('aria-busy');
    return first;
  }

  /** Searches for `state`, updates the URL as `mode` says, and shows the results. */
  async #run(state: SearchState, mode: 'push' | 'replace' | 'none'): Promise<void> {
    const gen = ++this.#generation;
    const engine = this.#engine;
    this.#showInUrl(state, mode);
    const q = parseQuery(state.q);
    const selected = Object.fromEntries(Object.entries(state.selected).filter(([, v]) => v.length > 0));
    if (q.parts.length === 0 && Object.keys(selected).length === 0) {
      this.#results.replaceChildren();
      this.#results.removeAttribute('aria-busy');
      this.#more.replaceChildren();
      this.#none.replaceChildren();
      this.#renderNotices(q.notices);
      this.#status.textContent = '';
      this.#shown = undefined;
      const all = this.#facets.box.open ? await engine.loadFilters().catch(() => ({})) : {};
      if (gen === this.#generation) this.#facets.render({ counts: all, all, selected: {} }, engine.filtersLoaded);
      return;
    }
    this.#results.setAttribute('aria-busy', 'true');
    // The date order loads beside Pagefind, and only when the reader sorts by date.
    const sorting = state.sort !== '' ? engine.loadDateOrder() : undefined;
    let all: FilterCounts = {};
    // Filter values are needed to resolve f:, t: and d:, and to draw the open filters.
    const needsValues =
      this.#facets.box.open || Object.keys(selected).length > 0 || q.authors.length > 0 || q.types.length > 0 || Boolean(q.dates);
    try {
      await engine.load();
      if (needsValues || engine.filtersLoaded) all = await engine.loadFilters();
    } catch {
      if (gen !== this.#generation) return;
      this.#results.removeAttribute('aria-busy');
      this.#status.textContent = 'Search could not be loaded. Reload the page to try again.';
      return;
    }
    if (gen !== this.#generation) return;
    const plan = planSearch(q, all, selected);
    const notices = [...q.notices, ...plan.notices];
    let order: Order;
    if (sorting && state.sort !== '') {
      try {
        order = { sort: state.sort, places: await sorting };
        notices.push('Sorted by date: articles and notes have no date, so only messages are listed.');
      } catch {
        notices.push('The dates could not be loaded, so the results are in best-match order. Reload the page to try again.');
      }
      if (gen !== this.#generation) return;
    }
    let found: Found = { results: [], data: new Map(), capped: false, counts: {} };
    const counts: FilterCounts = {};
    if (!plan.impossible && !plan.empty) {
      found = await engine.find(plan, order);
      Object.assign(counts, found.counts);
      // A ticked filter's own counts come from the search without it, so its other values
      // say how many results they would add (values of one filter are alternatives).
      for (const key of Object.keys(selected)) {
        const others = Object.fromEntries(Object.entries(selected).filter(([k]) => k !== key));
        const without = planSearch(q, all, others);
        counts[key] = without.impossible ? {} : ((await engine.find(without, order)).counts[key] ?? {});
      }
    }
    if (gen !== this.#generation) return;
    if (found.capped) notices.push(`Only the best ${CHECK_LIMIT} matches were checked against the prefixes and phrases.`);
    this.#renderNotices(notices);
    this.#facets.render({ counts, all, selected }, engine.filtersLoaded);
    this.#shown = { found, next: 0, phrases: q.phrases };
    const status = resultStatus(found.results.length, found.capped, state);
    await this.#showMore(gen, true, () => {
      this.#status.textContent = status;
    });
    if (gen !== this.#generation) return;
    this.#none.replaceChildren(found.results.length === 0 ? suggestions(q, state, this.#base) : '');
  }
}

if (!customElements.get('search-page')) customElements.define('search-page', SearchPage);
