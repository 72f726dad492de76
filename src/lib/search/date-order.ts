/**
 * Sorting search results by date without Pagefind's own sort. A `data-pagefind-sort` key
 * puts a permutation of every page into Pagefind's metadata file, which every first search
 * loads (about 25 kB on 10,000 messages, for an order few readers pick). Instead the build
 * writes, after indexing, the ids of the dated pages oldest first (DATE_ORDER_FILE, read from
 * each page's `date` metadata), and the search page fetches it only when the reader sorts
 * by date. Pure: the build reads and writes the files (node/date-order-build.ts).
 */

/** The file, inside Pagefind's output folder, that holds the date order. */
export const DATE_ORDER_FILE = 'date-order.json';

/** What DATE_ORDER_FILE holds: Pagefind page ids (`result.id`), oldest first. */
export interface DateOrder {
  version: 1;
  ids: string[];
}

/** One indexed page as the build sees it: its Pagefind id, URL and `date` metadata. */
export interface DatedPage {
  id: string;
  url: string;
  date: string | undefined;
}

/**
 * The date order of some pages: by instant (a date written with an offset sorts by its UTC
 * time), then by URL so equal instants keep one order. Pages without a readable date are
 * left out, as Pagefind leaves out pages without the sort key.
 */
export function buildDateOrder(pages: readonly DatedPage[]): DateOrder {
  const dated = pages.flatMap((p) => {
    const t = p.date === undefined || p.date.trim() === '' ? Number.NaN : Date.parse(p.date);
    return Number.isFinite(t) ? [{ id: p.id, url: p.url, t }] : [];
  });
  dated.sort((a, b) => a.t - b.t || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { version: 1, ids: dated.map((p) => p.id) };
}

/** Reads DATE_ORDER_FILE's JSON; throws on anything else. Returns each id's place. */
export function readDateOrder(json: unknown): Map<string, number> {
  const o = json as Partial<DateOrder> | null;
  if (typeof o !== 'object' || o === null || o.version !== 1 || !Array.isArray(o.ids) || !o.ids.every((id) => typeof id === 'string')) {
    throw new Error('search: the date order file is not one this page can read');
  }
  return new Map(o.ids.map((id, k) => [id, k]));
}

/**
 * Results in date order, newest or oldest first; results without a date (articles, notes,
 * undated messages) are left out. Stable, so equal places keep the order given.
 */
export function sortByDate<T extends { id: string }>(
  results: readonly T[],
  place: ReadonlyMap<string, number>,
  sort: 'newest' | 'oldest',
): T[] {
  const sign = sort === 'newest' ? -1 : 1;
  return results
    .flatMap((r) => {
      const k = place.get(r.id);
      return k === undefined ? [] : [{ r, k }];
    })
    .sort((a, b) => sign * (a.k - b.k))
    .map((x) => x.r);
}
