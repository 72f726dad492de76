/**
 * The search page in the browser. Reads the search from the URL, loads Pagefind's JS API
 * (`pagefind/pagefind.js`) the first time it is needed (the box gains focus, or the URL
 * holds a search), runs the plan of src/lib/search, and builds the results from DOM nodes:
 * no text from the query or the index is ever parsed as HTML. The filter index loads when
 * the filters are needed, and the date order (date-order.ts) when the reader sorts by date.
 */
import { passes } from '../lib/search/checks.ts';
import { DATE_ORDER_FILE, readDateOrder, sortByDate } from '../lib/search/date-order.ts';
import { FACETS, KINDS, type FacetKey } from '../lib/search/facets.ts';
import { needsChecks, pagefindFilters, planSearch, type FilterCounts, type SearchPlan } from '../lib/search/plan.ts';
import { passagesOf, type Passage } from '../lib/search/passages.ts';
import { parseQuery, withoutPart, type ParsedQuery } from '../lib/search/query.ts';
import type { ResultData } from '../lib/search/result.ts';
import { readState, writeState, type SearchState, type Sort } from '../lib/search/url.ts';

interface PagefindResult {
  id: string;
  data: () => Promise<ResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}
/** The functions of pagefind.js the page calls. */
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, o: { filters: Record<string, unknown> }): Promise<PagefindResponse | null>;
}

/** Results shown at once; "Show more" adds as many again. */
const PAGE = 10;
/** Results whose data is loaded to run the checks Pagefind cannot make. */
const CHECK_LIMIT = 300;
/** Filter values shown before "Show all". */
const FEW = 12;

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`search page: #${id} is missing`);
  return e as T;
}

type Child = Node | string | null | undefined | false;
/** An element with attributes and children; strings become text nodes. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

const root = byId('search');
const base = root.dataset['base'] ?? '/';
const form = byId<HTMLFormElement>('search-form');
const input = byId<HTMLInputElement>('search-q');
const sortSelect = byId<HTMLSelectElement>('search-sort');
const facetsEl = byId('search-facets');
const statusEl = byId('search-status');
const noticesEl = byId('search-notices');
const resultsEl = byId<HTMLOListElement>('search-results');
const moreEl = byId('search-more');
const noneEl = byId('search-none');
const siteTitle = document.title;

let engine: Promise<Pagefind> | undefined;
/** Loads Pagefind once; later calls share the same promise. */
function load(): Promise<Pagefind> {
  engine ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pf.options({ excerptLength: 30 });
    await pf.init();
    return pf;
  })();
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

let filterIndex: Promise<FilterCounts> | undefined;
/**
 * Every filter value with its count. This loads Pagefind's whole filter index (on a large
 * archive as big as the rest of a first search together), so it waits until the filters
 * are opened, a filter is ticked, or a prefix needs the values; after that, searches also
 * count results per filter value.
 */
function loadFilters(): Promise<FilterCounts> {
  filterIndex ??= load().then((pf) => pf.filters());
  filterIndex.catch(() => {
    filterIndex = undefined;
  });
  return filterIndex;
}
/** Whether the filter values have been loaded (searches then return counts). */
let filtersLoaded = false;

let dateOrder: Promise<Map<string, number>> | undefined;
/** Each dated page's place in date order, loaded the first time the reader sorts by date. */
function loadDateOrder(): Promise<Map<string, number>> {
  dateOrder ??= fetch(`${base}pagefind/${DATE_ORDER_FILE}`).then(async (r) => {
    if (!r.ok) throw new Error(`search: ${r.url} answered ${r.status}`);
    return readDateOrder(await r.json());
  });
  dateOrder.catch(() => {
    dateOrder = undefined;
  });
  return dateOrder;
}

interface Found {
  results: PagefindResult[];
  data: Map<string, ResultData>;
  capped: boolean;
  counts: FilterCounts;
}

/** How results are ordered: best match first, or by date with each page's place. */
type Order = { sort: Exclude<Sort, ''>; places: Map<string, number> } | undefined;

/** Runs one plan: Pagefind's search, the order, then the checks on each result's data when needed. */
async function find(pf: Pagefind, plan: SearchPlan, order: Order): Promise<Found> {
  const response = await pf.search(plan.term, { filters: pagefindFilters(plan.conditions) });
  const all = order ? sortByDate(response?.results ?? [], order.places, order.sort) : (response?.results ?? []);
  if (!needsChecks(plan.post)) return { results: all, data: new Map(), capped: false, counts: response?.filters ?? {} };
  const data = new Map<string, ResultData>();
  const results: PagefindResult[] = [];
  const counts: FilterCounts = {};
  const batch = 20;
  const checked = all.slice(0, CHECK_LIMIT);
  for (let i = 0; i < checked.length; i += batch) {
    const part = checked.slice(i, i + batch);
    const loaded = await Promise.all(part.map((r) => r.data()));
    part.forEach((r, k) => {
      const d = loaded[k];
      if (!d || !passes(plan.post, d)) return;
      results.push(r);
      data.set(r.id, d);
      for (const [key, values] of Object.entries(d.filters)) {
        counts[key] ??= {};
        const c = counts[key];
        for (const v of values ?? []) c[v] = (c[v] ?? 0) + 1;
      }
    });
  }
  return { results, data, capped: all.length > CHECK_LIMIT, counts };
}

// ---- state and history -------------------------------------------------------------

/** The search the form shows now. */
function formState(): SearchState {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string') params.append(k, v);
  return readState(`?${params.toString()}`);
}

/** True once the current history entry holds a finished search; the next edit pushes a new one. */
let committed = true;

function showInUrl(state: SearchState, mode: 'push' | 'replace' | 'none'): void {
  const url = `${location.pathname}${writeState(state)}`;
  document.title = state.q.trim() === '' ? siteTitle : `${state.q.trim().slice(0, 80)} · ${siteTitle}`;
  if (mode === 'none' || url === `${location.pathname}${location.search}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

// ---- rendering ---------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "28 Jun 2002" from an ISO date, as the sender wrote it (no time-zone shift). */
function day(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? ''} ${m[1]}` : '';
}

/** A same-site link target, or undefined for anything else. */
function safeHref(url: string): string | undefined {
  try {
    return new URL(url, location.href).origin === location.origin ? url : undefined;
  } catch {
    return undefined;
  }
}

function excerptOf(p: Passage): HTMLElement {
  const out = h('p', { class: 'search-excerpt' });
  if (p.cutBefore) out.append('… ');
  p.words.forEach((w, k) => {
    if (k > 0) out.append(' ');
    out.append(w.mark ? h('mark', {}, w.text) : w.text);
  });
  if (p.cutAfter) out.append(' …');
  return out;
}

const KIND_LABEL: Record<string, string> = { message: 'Message', article: 'Article', note: 'Note' };

function resultItem(data: ResultData, phrases: string[]): HTMLLIElement {
  const passages = passagesOf(data, { phrases });
  const first = passages[0];
  const kind = data.filters['kind']?.[0] ?? '';
  const title = data.meta['title']?.trim() || data.url;
  const facts: string[] = [KIND_LABEL[kind] ?? kind];
  if (data.meta['author']) facts.push(data.meta['author']);
  if (data.meta['date']) facts.push(day(data.meta['date']));
  const prov = data.filters['provenance']?.[0];
  if (prov && prov !== 'imported') facts.push(prov === 'summary' ? 'summary only' : 'rebuilt from quotes');
  const tags = data.filters['tag'] ?? [];
  if (tags.length > 0) facts.push(tags.join(', '));
  const item = h(
    'li',
    { class: 'search-result' },
    h('h2', {}, h('a', { href: safeHref(first?.href ?? data.url) }, title)),
    h('p', { class: 'search-facts' }, facts.filter((f) => f !== '').join(' · ')),
  );
  const list = h('ul', { class: 'search-passages' });
  for (const p of passages) {
    const where = p.label !== '' ? p.label : kind === 'message' ? 'Subject and summary' : 'Introduction';
    list.append(
      h(
        'li',
        { class: p.quoted ? 'quoted' : undefined },
        h('a', { href: safeHref(p.href) }, where),
        p.quoted ? h('span', { class: 'search-quoted' }, ' (quoted)') : null,
        excerptOf(p),
      ),
    );
  }
  item.append(list);
  return item;
}

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
    const more = h(
      'button',
      { type: 'button', class: 'search-facet-more', 'data-facet': key, 'aria-expanded': String(expanded) },
      expanded ? `Show fewer` : `Show all ${values.length}`,
    );
    fs.append(more);
  }
  return fs;
}

const expandedFacets = new Set<string>();
const facetsBox = h('details', { class: 'search-facets-box' });
let lastFacets: { counts: FilterCounts; all: FilterCounts; selected: SearchState['selected'] } | undefined;

function renderFacets(counts: FilterCounts, all: FilterCounts, selected: SearchState['selected']): void {
  lastFacets = { counts, all, selected };
  const active = document.activeElement;
  const focus =
    active instanceof HTMLInputElement && active.form === form && active.type === 'checkbox'
      ? `${active.name}\u0000${active.value}`
      : active instanceof HTMLButtonElement
        ? active.dataset['facet']
        : undefined;
  // One disclosure, open beside the results on wide screens and closed above them on
  // narrow ones, so the results are not pushed down; the reader's choice then sticks.
  if (!facetsBox.isConnected) facetsEl.replaceChildren(facetsBox);
  if (!filtersLoaded) {
    facetsBox.replaceChildren(
      h('summary', {}, h('h2', { class: 'search-facets-title' }, 'Filters')),
      h('p', { class: 'search-facets-hint' }, 'By kind, author, year, thread, tag and what the archive holds, with counts.'),
    );
    return;
  }
  facetsBox.replaceChildren(
    h('summary', {}, h('h2', { class: 'search-facets-title' }, 'Filters')),
    ...FACETS.flatMap(
      ({ key, label }) =>
        fieldset(key, label, counts[key] ?? {}, Object.keys(all[key] ?? {}), selected[key] ?? [], expandedFacets.has(key)) ?? [],
    ),
  );
  if (!focus) return;
  for (const e of facetsEl.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button')) {
    const id = e instanceof HTMLInputElement ? `${e.name}\u0000${e.value}` : e.dataset['facet'];
    if (id === focus) {
      e.focus();
      break;
    }
  }
}

function renderNotices(notices: string[]): void {
  noticesEl.replaceChildren(...notices.map((n) => h('li', {}, n)));
}

/** What to try when nothing matched. */
function suggestions(q: ParsedQuery, state: SearchState): HTMLElement {
  const tries = h('ul');
  q.parts.forEach((p, k) => {
    if (p.kind === 'word') return;
    const rest = { ...state, q: withoutPart(q, k) };
    tries.append(
      h(
        'li',
        {},
        'Search without ',
        h('code', {}, p.raw),
        ': ',
        h('a', { href: writeState(rest) || '?' }, withoutPart(q, k) || 'all pages'),
      ),
    );
  });
  if (Object.values(state.selected).some((v) => v.length > 0)) {
    tries.append(
      h('li', {}, h('a', { href: writeState({ q: state.q, selected: {}, sort: state.sort }) || '?' }, 'Clear the ticked filters')),
    );
  }
  if (q.words.length > 1) tries.append(h('li', {}, 'Use fewer words: every word must occur on the page.'));
  tries.append(
    h(
      'li',
      {},
      'Check the spelling. Whole words and the start of words match (',
      h('code', {}, 'netif'),
      ' finds ',
      h('code', {}, 'netif_rx'),
      '), so a shorter word can help.',
    ),
    h(
      'li',
      {},
      'Browse the lists instead: ',
      h('a', { href: `${base}subject/` }, 'subjects'),
      ', ',
      h('a', { href: `${base}author/` }, 'authors'),
      ', ',
      h('a', { href: `${base}date/` }, 'dates'),
      ', ',
      h('a', { href: `${base}articles/` }, 'articles'),
      '.',
    ),
  );
  return h('div', {}, h('p', {}, 'Try:'), tries);
}

let shown: { found: Found; next: number; phrases: string[] } | undefined;

/** Results on screen before the status line says how many there are. */
const FIRST_PAINT = 3;

/**
 * Adds the next page of results, each as soon as its data and the data of those above it
 * have come (all are requested at once), so the first results show while the rest load.
 * With `fresh` the first new result replaces the list (a new search keeps the old results
 * until then). Calls `painted` once the first FIRST_PAINT are on screen (or there are none).
 * The list is aria-busy until the page is complete. Returns the first new link (for focus).
 */
async function showMore(gen: number, fresh = false, painted?: () => void): Promise<HTMLAnchorElement | null> {
  if (!shown) return null;
  const { found, phrases } = shown;
  const slice = found.results.slice(shown.next, shown.next + PAGE);
  shown.next += slice.length;
  resultsEl.setAttribute('aria-busy', 'true');
  const datas = slice.map((r) => {
    const d = found.data.get(r.id);
    return d ? Promise.resolve(d) : r.data();
  });
  let first: HTMLAnchorElement | null = null;
  for (const [k, pending] of datas.entries()) {
    const item = resultItem(await pending, phrases);
    if (gen !== generation) return null;
    if (fresh && k === 0) resultsEl.replaceChildren(item);
    else resultsEl.append(item);
    first ??= item.querySelector('a');
    if (k + 1 === Math.min(FIRST_PAINT, slice.length)) painted?.();
  }
  if (slice.length === 0) {
    if (fresh) resultsEl.replaceChildren();
    painted?.();
  }
  const left = found.results.length - shown.next;
  moreEl.replaceChildren(left > 0 ? h('button', { type: 'button', id: 'search-more-button' }, `Show ${Math.min(left, PAGE)} more`) : '');
  resultsEl.removeAttribute('aria-busy');
  return first;
}

// ---- searching ---------------------------------------------------------------------

let generation = 0;

function describe(state: SearchState): string {
  const full = state.q.trim();
  const q = full.length > 80 ? `${full.slice(0, 80)}…` : full;
  const ticked = Object.values(state.selected).flat();
  return [q !== '' ? `“${q}”` : '', ticked.length > 0 ? `${q !== '' ? 'with' : 'for'} ${ticked.join(', ')}` : '']
    .filter((s) => s !== '')
    .join(' ');
}

/** Searches for `state`, updates the URL as `mode` says, and shows the results. */
async function run(state: SearchState, mode: 'push' | 'replace' | 'none'): Promise<void> {
  const gen = ++generation;
  showInUrl(state, mode);
  const q = parseQuery(state.q);
  const selected = Object.fromEntries(Object.entries(state.selected).filter(([, v]) => v.length > 0));
  if (q.parts.length === 0 && Object.keys(selected).length === 0) {
    resultsEl.replaceChildren();
    resultsEl.removeAttribute('aria-busy');
    moreEl.replaceChildren();
    noneEl.replaceChildren();
    renderNotices(q.notices);
    statusEl.textContent = '';
    shown = undefined;
    const all = facetsBox.open ? await loadFilters().catch(() => ({})) : {};
    if (gen === generation) renderFacets(all, all, {});
    return;
  }
  resultsEl.setAttribute('aria-busy', 'true');
  // The date order loads beside Pagefind, and only when the reader sorts by date.
  const sorting = state.sort !== '' ? loadDateOrder() : undefined;
  let pf: Pagefind;
  let all: FilterCounts = {};
  // Filter values are needed to resolve f:, t: and d:, and to draw the open filters.
  const needsValues = facetsBox.open || Object.keys(selected).length > 0 || q.authors.length > 0 || q.types.length > 0 || Boolean(q.dates);
  try {
    pf = await load();
    if (needsValues || filtersLoaded) {
      all = await loadFilters();
      filtersLoaded = true;
    }
  } catch {
    if (gen !== generation) return;
    resultsEl.removeAttribute('aria-busy');
    statusEl.textContent = 'Search could not be loaded. Reload the page to try again.';
    return;
  }
  if (gen !== generation) return;
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
    if (gen !== generation) return;
  }
  let found: Found = { results: [], data: new Map(), capped: false, counts: {} };
  const counts: FilterCounts = {};
  if (!plan.impossible && !plan.empty) {
    found = await find(pf, plan, order);
    Object.assign(counts, found.counts);
    // A ticked filter's own counts come from the search without it, so its other values
    // say how many results they would add (values of one filter are alternatives).
    for (const key of Object.keys(selected)) {
      const others = Object.fromEntries(Object.entries(selected).filter(([k]) => k !== key));
      const without = planSearch(q, all, others);
      counts[key] = without.impossible ? {} : ((await find(pf, without, order)).counts[key] ?? {});
    }
  }
  if (gen !== generation) return;
  if (found.capped) notices.push(`Only the best ${CHECK_LIMIT} matches were checked against the prefixes and phrases.`);
  renderNotices(notices);
  renderFacets(counts, all, selected);
  shown = { found, next: 0, phrases: q.phrases };
  const n = found.results.length;
  const what = describe(state);
  const stop = what.endsWith('.') ? '' : '.';
  const status =
    n === 0
      ? `No results for ${what}${stop}`
      : `${found.capped ? 'At least ' : ''}${n} ${n === 1 ? 'result' : 'results'} for ${what}${stop}`;
  await showMore(gen, true, () => {
    statusEl.textContent = status;
  });
  if (gen !== generation) return;
  noneEl.replaceChildren(n === 0 ? suggestions(q, state) : '');
}

// ---- events ------------------------------------------------------------------------

function setForm(state: SearchState): void {
  input.value = state.q;
  sortSelect.value = state.sort;
}

let typing: ReturnType<typeof setTimeout> | undefined;

input.addEventListener(
  'focus',
  () => {
    // Load the search index on first use; the filters load when opened.
    load().catch(() => undefined);
  },
  { once: true },
);
input.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    void run(formState(), committed ? 'push' : 'replace');
    committed = false;
  }, 100);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  void run(formState(), committed ? 'push' : 'replace');
  committed = true;
});
/** A filter ticked or the order changed: a new search, and a new history entry. */
function changed(event: Event): void {
  if (event.target === input) return;
  clearTimeout(typing);
  void run(formState(), 'push');
  committed = true;
}
form.addEventListener('change', changed);
facetsEl.addEventListener('change', changed);
facetsBox.addEventListener('toggle', () => {
  if (!facetsBox.open || filtersLoaded) return;
  statusEl.setAttribute('aria-busy', 'true');
  void loadFilters()
    .then(() => {
      filtersLoaded = true;
      return run(formState(), 'none');
    })
    .catch(() => {
      statusEl.textContent = 'The filters could not be loaded. Reload the page to try again.';
    })
    .finally(() => statusEl.removeAttribute('aria-busy'));
});
facetsEl.addEventListener('click', (event) => {
  const button = event.target instanceof HTMLElement ? event.target.closest<HTMLButtonElement>('button[data-facet]') : null;
  const key = button?.dataset['facet'];
  if (!key || !lastFacets) return;
  if (expandedFacets.has(key)) expandedFacets.delete(key);
  else expandedFacets.add(key);
  renderFacets(lastFacets.counts, lastFacets.all, lastFacets.selected);
});
moreEl.addEventListener('click', (event) => {
  if (!(event.target instanceof HTMLButtonElement)) return;
  void showMore(generation).then((link) => link?.focus());
});
window.addEventListener('popstate', () => {
  const state = readState(location.search);
  setForm(state);
  committed = true;
  void run(state, 'none');
});

const initial = readState(location.search);
setForm(initial);
// Until the filters are drawn, the ticked ones from the URL ride along as hidden fields.
facetsEl.replaceChildren(
  ...Object.entries(initial.selected).flatMap(([name, values]) =>
    values.map((value) => h('input', { type: 'hidden', name, value, form: 'search-form' })),
  ),
);
const ticked = Object.values(initial.selected).some((v) => v.length > 0);
// A link with ticked filters shows them; otherwise the filters wait, closed, until opened.
facetsBox.open = ticked;
if (!ticked) renderFacets({}, {}, {});
if (initial.q !== '' || ticked) void run(initial, 'none');
