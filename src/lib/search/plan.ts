/**
 * Turns a parsed query and the ticked filters into one Pagefind request plus the checks
 * Pagefind cannot do (subject, quoted or not, exact phrase), which run on each result.
 * Pure: the filter values the index holds come in as data.
 */
import { DAY_FILTER, KINDS, type Kind } from './facets.ts';
import type { ParsedQuery } from './query.ts';

/** Filter values the index holds, with page counts: Pagefind's `filters()`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One Pagefind filter condition on one key. */
export type Condition = Record<string, string | { any: string[] }>;

/** Checks made on each result's data after Pagefind returns it. */
export interface PostChecks {
  phrases: string[];
  subjects: string[];
  quoted: string[];
  unquoted: string[];
  /** Words and phrases no result may contain. */
  excluded: string[];
}

export interface SearchPlan {
  /** The term for Pagefind; null searches by filters alone. */
  term: string | null;
  /** Conditions that must all hold, as Pagefind's `{ all: [...] }`. */
  conditions: Condition[];
  post: PostChecks;
  /** Why the plan found no page without asking the index, or what it mapped. */
  notices: string[];
  /** A prefix matched no filter value: there can be no result. */
  impossible: boolean;
  /** Nothing to search for. */
  empty: boolean;
}

const KIND_WORDS: Record<string, Kind> = {
  message: 'message',
  messages: 'message',
  mail: 'message',
  article: 'article',
  articles: 'article',
  note: 'note',
  notes: 'note',
};

const lower = (s: string) => s.toLocaleLowerCase('en');

/** Pagefind's `filters` option for a list of conditions (all must hold). */
export function pagefindFilters(conditions: Condition[]): Record<string, unknown> {
  return conditions.length === 0 ? {} : { all: conditions };
}

/** Values of `key` matching `test`, in the index's order. */
function valuesOf(available: FilterCounts, key: string, test: (v: string) => boolean): string[] {
  return Object.keys(available[key] ?? {}).filter(test);
}

/**
 * Builds the request. `selected` holds the ticked checkboxes (key → values; any value
 * of one key may match, every key must). Prefixes narrow further: `f:` any author whose
 * name contains the text (any case), `t:` a kind (any of them) or a tag (all of them),
 * `d:` any day in the range the index holds.
 */
export function planSearch(q: ParsedQuery, available: FilterCounts, selected: Record<string, string[]> = {}): SearchPlan {
  const notices: string[] = [];
  const conditions: Condition[] = [];
  let impossible = false;

  for (const [key, values] of Object.entries(selected)) {
    if (values.length > 0) conditions.push({ [key]: { any: [...values] } });
  }

  if (q.authors.length > 0) {
    const names = new Set<string>();
    for (const a of q.authors) {
      const found = valuesOf(available, 'author', (v) => lower(v).includes(lower(a)));
      if (found.length === 0) notices.push(`No author’s name contains “${a}”.`);
      for (const v of found) names.add(v);
    }
    if (names.size === 0) impossible = true;
    else conditions.push({ author: { any: [...names] } });
  }

  const kinds = new Set<Kind>();
  for (const t of q.types) {
    const kind = KIND_WORDS[t];
    if (kind) {
      kinds.add(kind);
      continue;
    }
    // Tags are matched in any case and with - or space alike ("receive path", "receive-path").
    const same = (v: string) => lower(v).replace(/[\s_-]+/g, ' ') === t.replace(/[\s_-]+/g, ' ');
    const tags = valuesOf(available, 'tag', same);
    if (tags.length === 0) {
      const known = Object.keys(available['tag'] ?? {});
      notices.push(`No kind or tag is called “${t}”. Kinds: ${KINDS.join(', ')}${known.length > 0 ? `; tags: ${known.join(', ')}` : ''}.`);
      impossible = true;
    } else conditions.push({ tag: { any: tags } });
  }
  if (kinds.size > 0) conditions.push({ kind: { any: [...kinds] } });

  if (q.dates) {
    const { from, to } = q.dates;
    const days = valuesOf(available, DAY_FILTER, (d) => (from === null || d >= from) && (to === null || d <= to));
    if (days.length === 0) {
      notices.push(
        `No dated message falls ${from && to ? (from === to ? `on ${from}` : `between ${from} and ${to}`) : from ? `on or after ${from}` : `on or before ${to}`}.`,
      );
      impossible = true;
    } else conditions.push({ [DAY_FILTER]: { any: days } });
  }

  // Phrases go to Pagefind as plain words and are checked on each result. Pagefind's own
  // exact search (a term wholly in quotes) scores every page 1 and gives every hit the
  // same weight, which would lose both the ranking and the quoted/not-quoted distinction.
  const textParts = [...q.words, ...q.phrases, ...q.subjects, ...q.quoted, ...q.unquoted].map((t) => t.replace(/"/g, ' ').trim());
  const term: string | null = textParts.some((t) => t !== '') ? textParts.filter((t) => t !== '').join(' ') : null;

  return {
    term,
    conditions,
    post: { phrases: q.phrases, subjects: q.subjects, quoted: q.quoted, unquoted: q.unquoted, excluded: q.excluded },
    notices:
      term === null && conditions.length === 0 && q.excluded.length > 0
        ? [...notices, 'Exclusions (-word) narrow a search; add something to search for.']
        : notices,
    impossible,
    empty: term === null && conditions.length === 0,
  };
}

/** True when results need their data loaded before they can be counted. */
export function needsChecks(post: PostChecks): boolean {
  return post.phrases.length + post.subjects.length + post.quoted.length + post.unquoted.length + post.excluded.length > 0;
}
