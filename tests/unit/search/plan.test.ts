import { describe, expect, it } from 'vitest';
import { articleFacets, messageFacets } from '../../../src/lib/search/facets.ts';
import { needsChecks, pagefindFilters, planSearch, type FilterCounts } from '../../../src/lib/search/plan.ts';
import { parseQuery } from '../../../src/lib/search/query.ts';
import { readState, writeState } from '../../../src/lib/search/url.ts';

const available: FilterCounts = {
  kind: { message: 18, article: 5, note: 12 },
  author: { 'Andi Kleen': 1, 'Hurwitz Justin W.': 6, 'Nivedita Singhvi': 6 },
  tag: { NDA: 1, nda: 7, 'receive path': 2, 'receive-path': 6 },
  day: { '2002-06-27': 5, '2002-06-28': 4, '2002-06-29': 1, '2002-07-09': 1, '2002-07-10': 5 },
};
const plan = (text: string, selected: Record<string, string[]> = {}) => planSearch(parseQuery(text), available, selected);

describe('planSearch', () => {
  it('keeps exclusions out of the term and checks them on each result', () => {
    const p = plan('copy -sendfile');
    expect(p.term).toBe('copy');
    expect(p.post.excluded).toEqual(['sendfile']);
    expect(needsChecks(p.post)).toBe(true);
    const only = plan('-sendfile');
    expect(only.empty).toBe(true);
    expect(only.notices.join(' ')).toContain('add something to search for');
  });

  it('sends words and phrases to Pagefind as plain words', () => {
    const p = plan('netif_rx "wrong api"');
    expect(p.term).toBe('netif_rx wrong api');
    expect(p.conditions).toEqual([]);
    expect(p.post.phrases).toEqual(['wrong api']);
    expect(needsChecks(p.post)).toBe(true);
    expect(needsChecks(plan('netif_rx').post)).toBe(false);
  });

  it('maps f: to every author whose name contains it, in any case', () => {
    expect(plan('f:kleen').conditions).toEqual([{ author: { any: ['Andi Kleen'] } }]);
    expect(plan('f:KLEEN f:nivedita').conditions).toEqual([{ author: { any: ['Andi Kleen', 'Nivedita Singhvi'] } }]);
    expect(plan('f:kleen').term).toBeNull();
  });

  it('maps t: to kinds (any) and tags (all), matching tags in any case and spelling', () => {
    expect(plan('t:note NDA').conditions).toEqual([{ kind: { any: ['note'] } }]);
    expect(plan('t:notes t:article').conditions).toEqual([{ kind: { any: ['note', 'article'] } }]);
    expect(plan('t:nda t:receive-path').conditions).toEqual([
      { tag: { any: ['NDA', 'nda'] } },
      { tag: { any: ['receive path', 'receive-path'] } },
    ]);
  });

  it('maps d: to the days the index holds in that range', () => {
    expect(plan('d:2002-06-27..2002-06-28').conditions).toEqual([{ day: { any: ['2002-06-27', '2002-06-28'] } }]);
    expect(plan('d:..2002-06-28').conditions).toEqual([{ day: { any: ['2002-06-27', '2002-06-28'] } }]);
    expect(plan('d:2002-07').conditions).toEqual([{ day: { any: ['2002-07-09', '2002-07-10'] } }]);
  });

  it('knows without searching when a prefix matches nothing, and says why', () => {
    for (const text of ['f:torvalds', 't:nosuchtag', 'd:1999']) {
      const p = plan(`copy ${text}`);
      expect(p.impossible, text).toBe(true);
      expect(p.notices, text).toHaveLength(1);
    }
    expect(plan('t:nosuchtag').notices[0]).toMatch(/Kinds: message, article, note; tags: NDA/);
  });

  it('adds ticked filters as alternatives within a filter', () => {
    const p = plan('copy f:kleen', { kind: ['message', 'note'] });
    expect(p.conditions).toEqual([{ kind: { any: ['message', 'note'] } }, { author: { any: ['Andi Kleen'] } }]);
    expect(pagefindFilters(p.conditions)).toEqual({ all: p.conditions });
    expect(pagefindFilters([])).toEqual({});
  });

  it('keeps s:, q: and nq: terms in the Pagefind term and checks them afterwards', () => {
    const p = plan('s:zero q:sendfile nq:"zero copy"');
    expect(p.term).toBe('zero sendfile zero copy');
    expect(p.post).toEqual({ phrases: [], subjects: ['zero'], quoted: ['sendfile'], unquoted: ['zero copy'], excluded: [] });
  });

  it('is empty for an empty query', () => {
    expect(plan('   ').empty).toBe(true);
    expect(plan('', { kind: ['note'] }).empty).toBe(false);
    expect(plan('', { kind: ['note'] }).term).toBeNull();
  });
});

describe('facets', () => {
  it('gives a message its kind, author, year, day, thread, provenance, and metadata', () => {
    const f = messageFacets(
      { messageId: 'a@b.invalid', author: 'Hurwitz Justin W.', date: '2002-06-27T21:01:29-06:00', provenance: 'imported' },
      'zero-copy networking & a performance drop',
    );
    expect(f.filters).toEqual({
      kind: ['message'],
      author: ['Hurwitz Justin W.'],
      provenance: ['imported'],
      thread: ['zero-copy networking & a performance drop'],
      year: ['2002'],
      day: ['2002-06-27'],
    });
    expect(f.meta).toEqual({ author: 'Hurwitz Justin W.', messageId: 'a@b.invalid', date: '2002-06-27T21:01:29-06:00' });
  });

  it('leaves undated messages out of dates and sorting', () => {
    const f = messageFacets({ messageId: 'x', author: 'A', date: null, provenance: 'reconstructed' }, undefined);
    expect(f.filters).toEqual({ kind: ['message'], author: ['A'], provenance: ['reconstructed'] });
    expect(f.meta).toEqual({ author: 'A', messageId: 'x' });
  });

  it('gives an article its kind and tags', () => {
    expect(articleFacets(['TCP', 'receive path'])).toEqual({ filters: { kind: ['article'], tag: ['TCP', 'receive path'] } });
    expect(articleFacets([])).toEqual({ filters: { kind: ['article'] } });
  });
});

describe('search URLs', () => {
  it('round-trips the query, ticked filters and order', () => {
    const state = { q: 'f:kleen "wrong api" <script>', selected: { kind: ['note'], tag: ['nda', 'licensing'] }, sort: 'newest' as const };
    const url = writeState(state);
    expect(url).toBe('?q=f%3Akleen+%22wrong+api%22+%3Cscript%3E&kind=note&tag=nda&tag=licensing&sort=newest');
    expect(readState(url)).toEqual(state);
    expect(writeState({ q: '', selected: {}, sort: '' })).toBe('');
  });

  it('ignores unknown parameters, empty values, duplicates and unknown orders', () => {
    expect(readState('?q=copy&kind=&kind=note&kind=note&evil=1&sort=random')).toEqual({
      q: 'copy',
      selected: { kind: ['note'] },
      sort: '',
    });
  });
});
