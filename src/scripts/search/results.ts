/**
 * The search page's result list items and its "Try:" suggestions, built from DOM nodes (no
 * text from the query or the index is ever parsed as HTML).
 */
import { dayDate } from '../../lib/format.ts';
import { passagesOf, type Passage } from '../../lib/search/passages.ts';
import { withoutPart, type ParsedQuery } from '../../lib/search/query.ts';
import type { ResultData } from '../../lib/search/result.ts';
import { writeState, type SearchState } from '../../lib/search/url.ts';
import { h } from '../dom.ts';

export const KIND_LABEL: Readonly<Record<string, string>> = { message: 'Message', article: 'Article', note: 'Note' };

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

/** One result: its title linking to the best passage, what it is, and its matching passages. */
export function resultItem(data: ResultData, phrases: string[]): HTMLLIElement {
  const passages = passagesOf(data, { phrases });
  const first = passages[0];
  const kind = data.filters['kind']?.[0] ?? '';
  const title = data.meta['title']?.trim() || data.url;
  const facts: string[] = [KIND_LABEL[kind] ?? kind];
  if (data.meta['author']) facts.push(data.meta['author']);
  if (data.meta['date']) facts.push(dayDate(data.meta['date']));
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

/** What to try when nothing matched. */
export function suggestions(q: ParsedQuery, state: SearchState, base: string): HTMLElement {
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
