/**
 * A search as a URL query: `?q=` for the box, one parameter per ticked filter
 * (`?q=nda&kind=note&tag=licensing`) and `sort`. The search page's form submits the same
 * names, so a shared or bookmarked URL restores the whole search. Pure.
 */
import { FACETS, type FacetKey } from './facets.ts';

/** The search page, relative to the site's base path. */
export const SEARCH_PATH = 'search/';

export const SORTS = ['', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  selected: Partial<Record<FacetKey, string[]>>;
  sort: Sort;
}

/** At most this many ticked values per filter are read from a URL. */
const MAX_VALUES = 50;

/** Reads a search from a URL query string. Unknown parameters are ignored. */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const selected: Partial<Record<FacetKey, string[]>> = {};
  for (const { key } of FACETS) {
    const values = [...new Set(params.getAll(key).filter((v) => v !== ''))].slice(0, MAX_VALUES);
    if (values.length > 0) selected[key] = values;
  }
  const sort = params.get('sort') ?? '';
  return { q: params.get('q') ?? '', selected, sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : '' };
}

/** The URL query string of a search (with its leading `?`, or '' for none). */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q !== '') params.set('q', state.q);
  for (const { key } of FACETS) for (const v of state.selected[key] ?? []) params.append(key, v);
  if (state.sort !== '') params.set('sort', state.sort);
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}
