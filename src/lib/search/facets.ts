/**
 * What the search index records about each indexed page: filters and metadata (the `date`
 * metadata is also the key results sort by, see date-order.ts).
 * Pages pass these to the layout (Page.astro), which writes them as Pagefind attributes.
 * Pure: plain data in, plain data out.
 */

/** What the search index records about a page. */
export interface SearchFacets {
  /** Pagefind filters, e.g. { kind: ['message'], author: ['Andi Kleen'] }. */
  filters: Record<string, string[]>;
  /**
   * Pagefind metadata shown with results, e.g. { author, date, messageId }. `date` (ISO 8601)
   * also orders the results when the reader sorts by date.
   */
  meta?: Record<string, string>;
}

/** The filters the search page shows as checkboxes, in order, with their legends. */
export const FACETS = [
  { key: 'kind', label: 'Kind' },
  { key: 'author', label: 'Author' },
  { key: 'year', label: 'Year' },
  { key: 'thread', label: 'Thread' },
  { key: 'tag', label: 'Tag' },
  { key: 'provenance', label: 'Source' },
] as const;
export type FacetKey = (typeof FACETS)[number]['key'];

/** Every kind of indexed page. */
export const KINDS = ['message', 'article', 'note'] as const;
export type Kind = (typeof KINDS)[number];

/** The filter that `d:` maps to: the day as written in the message's Date header. */
export const DAY_FILTER = 'day';

/** The fields of an archived message the index needs (src/lib/mail/archive.ts). */
export interface MessageFacts {
  messageId: string;
  author: string;
  /** ISO 8601 with the sender's offset, or null when unknown. */
  date: string | null;
  provenance: string;
}

/**
 * Facets of a message page. Day and year are the sender's own calendar date (what the page
 * shows); sorting compares the instants of the `date` metadata, so messages from different
 * zones sort right. Undated reconstructions get neither: they drop out of `d:` searches and
 * date sorting.
 */
export function messageFacets(m: MessageFacts, threadSubject: string | undefined): SearchFacets {
  const filters: Record<string, string[]> = {
    kind: ['message'],
    author: [m.author],
    provenance: [m.provenance],
  };
  if (threadSubject) filters['thread'] = [threadSubject];
  const meta: Record<string, string> = { author: m.author, messageId: m.messageId };
  if (m.date) {
    const day = m.date.slice(0, 10);
    filters['year'] = [day.slice(0, 4)];
    filters[DAY_FILTER] = [day];
    meta['date'] = m.date;
  }
  return { filters, meta };
}

/** Facets of an annotated article. */
export function articleFacets(tags: readonly string[]): SearchFacets {
  return { filters: { kind: ['article'], ...(tags.length > 0 ? { tag: [...tags] } : {}) } };
}
