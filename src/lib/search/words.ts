/**
 * What the search page says about a search: the search in words ("“nda” with note,
 * licensing") and the status line ("3 results for “nda”."). Pure.
 */
import type { SearchState } from './url.ts';

/** A query longer than this is cut in what the page says back. */
const SHOWN_QUERY = 80;

/** The search in words: the query in quotes, then the ticked filter values. */
export function searchWords(state: Pick<SearchState, 'q' | 'selected'>): string {
  const full = state.q.trim();
  const q = full.length > SHOWN_QUERY ? `${full.slice(0, SHOWN_QUERY)}…` : full;
  const ticked = Object.values(state.selected).flat();
  return [q !== '' ? `“${q}”` : '', ticked.length > 0 ? `${q !== '' ? 'with' : 'for'} ${ticked.join(', ')}` : '']
    .filter((s) => s !== '')
    .join(' ');
}

/** The status line once results are counted; `capped` when only the best matches were checked. */
export function resultStatus(n: number, capped: boolean, state: Pick<SearchState, 'q' | 'selected'>): string {
  const what = searchWords(state);
  const stop = what.endsWith('.') ? '' : '.';
  if (n === 0) return `No results for ${what}${stop}`;
  return `${capped ? 'At least ' : ''}${n} ${n === 1 ? 'result' : 'results'} for ${what}${stop}`;
}

/** The page title while a search is shown. */
export function searchTitle(q: string, siteTitle: string): string {
  const t = q.trim();
  return t === '' ? siteTitle : `${t.slice(0, SHOWN_QUERY)} · ${siteTitle}`;
}
