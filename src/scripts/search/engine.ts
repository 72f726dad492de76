/**
 * The search page's engine: Pagefind's JS API (`pagefind/pagefind.js`) loaded the first time
 * it is needed, its filter index when the filters are, the date order when the reader sorts
 * by date, and one search run as planned by src/lib/search (Pagefind's search, the order,
 * then the checks Pagefind cannot make on each result's data). A failed load is forgotten,
 * so the next use tries again.
 */
import { passes } from '../../lib/search/checks.ts';
import { DATE_ORDER_FILE, readDateOrder, sortByDate } from '../../lib/search/date-order.ts';
import { needsChecks, pagefindFilters, type FilterCounts, type SearchPlan } from '../../lib/search/plan.ts';
import type { ResultData } from '../../lib/search/result.ts';
import type { Sort } from '../../lib/search/url.ts';

export interface PagefindResult {
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

/** Results whose data is loaded to run the checks Pagefind cannot make. */
export const CHECK_LIMIT = 300;
/** Result data loaded at once while checking. */
const BATCH = 20;

/** What one search found: the results in order, the data loaded for checks, and counts per filter value. */
export interface Found {
  results: PagefindResult[];
  data: Map<string, ResultData>;
  /** More matched than CHECK_LIMIT, and only the best were checked. */
  capped: boolean;
  counts: FilterCounts;
}

/** How results are ordered: best match first, or by date with each page's place. */
export type Order = { sort: Exclude<Sort, ''>; places: Map<string, number> } | undefined;

/** `make()` once; a rejected promise is dropped so the next call retries. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      const p = make();
      pending = p;
      p.catch(() => {
        if (pending === p) pending = undefined;
      });
    }
    return pending;
  };
}

export class SearchEngine {
  /** Loads Pagefind once; later calls share the same promise. */
  readonly load: () => Promise<Pagefind>;
  /**
   * Every filter value with its count. This loads Pagefind's whole filter index (on a large
   * archive as big as the rest of a first search together), so it waits until the filters
   * are opened, a filter is ticked, or a prefix needs the values; after that, searches also
   * count results per filter value.
   */
  readonly loadFilters: () => Promise<FilterCounts>;
  /** Each dated page's place in date order, loaded the first time the reader sorts by date. */
  readonly loadDateOrder: () => Promise<Map<string, number>>;
  /** Whether the filter values have been loaded (searches then return counts). */
  filtersLoaded = false;

  constructor(base: string) {
    this.load = once(async () => {
      const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      await pf.options({ excerptLength: 30 });
      await pf.init();
      return pf;
    });
    this.loadFilters = once(async () => {
      const all = await (await this.load()).filters();
      this.filtersLoaded = true;
      return all;
    });
    this.loadDateOrder = once(async () => {
      const r = await fetch(`${base}pagefind/${DATE_ORDER_FILE}`);
      if (!r.ok) throw new Error(`search: ${r.url} answered ${r.status}`);
      return readDateOrder(await r.json());
    });
  }

  /** Runs one plan: Pagefind's search, the order, then the checks on each result's data when needed. */
  async find(plan: SearchPlan, order: Order): Promise<Found> {
    const pf = await this.load();
    const response = await pf.search(plan.term, { filters: pagefindFilters(plan.conditions) });
    const all = order ? sortByDate(response?.results ?? [], order.places, order.sort) : (response?.results ?? []);
    if (!needsChecks(plan.post)) return { results: all, data: new Map(), capped: false, counts: response?.filters ?? {} };
    const data = new Map<string, ResultData>();
    const results: PagefindResult[] = [];
    const counts: FilterCounts = {};
    const checked = all.slice(0, CHECK_LIMIT);
    for (let i = 0; i < checked.length; i += BATCH) {
      const part = checked.slice(i, i + BATCH);
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
}
