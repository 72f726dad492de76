/**
 * planSearch and needsChecks at their edges: every kind word, notices for each kind of
 * date range, and which queries get the "exclusions only" notice. Found by mutation testing
 * (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { needsChecks, planSearch, type FilterCounts, type PostChecks } from '../../../src/lib/search/plan.ts';
import { parseQuery, type ParsedQuery } from '../../../src/lib/search/query.ts';

const available: FilterCounts = {
  kind: { message: 18, article: 5, note: 12 },
  author: { 'Andi Kleen': 1, 'Nivedita Singhvi': 6 },
  tag: { 'receive path': 2, 'receive-path': 6 },
  day: { '2002-06-27': 5, '2002-06-28': 4, '2002-07-09': 1, '2002-07-10': 5 },
};
const plan = (text: string, selected: Record<string, string[]> = {}, counts = available) => planSearch(parseQuery(text), counts, selected);

describe('planSearch kinds and tags', () => {
  it('reads every spelling of a kind as that kind', () => {
    for (const [word, kind] of [
      ['message', 'message'],
      ['messages', 'message'],
      ['mail', 'message'],
      ['article', 'article'],
      ['articles', 'article'],
      ['note', 'note'],
      ['notes', 'note'],
    ]) {
      const p = plan(`t:${word}`);
      expect(p.conditions, word).toEqual([{ kind: { any: [kind] } }]);
      expect(p.impossible, word).toBe(false);
    }
  });

  it('treats a run of spaces, - or _ in a tag as one separator', () => {
    expect(plan('t:receive__path').conditions).toEqual([{ tag: { any: ['receive path', 'receive-path'] } }]);
  });

  it('names only the kinds when the index has no tags', () => {
    const p = plan('t:nosuch', {}, { kind: available.kind! });
    expect(p.notices).toEqual(['No kind or tag is called “nosuch”. Kinds: message, article, note.']);
    expect(p.impossible).toBe(true);
  });
});

describe('planSearch authors and ticked filters', () => {
  it('is possible, with no notice, for a plain query', () => {
    const p = plan('copy');
    expect(p.impossible).toBe(false);
    expect(p.notices).toEqual([]);
    expect(p.conditions).toEqual([]);
  });

  it('says which author matched nobody while another did', () => {
    const p = plan('f:kleen f:torvalds');
    expect(p.notices).toEqual(['No author’s name contains “torvalds”.']);
    expect(p.conditions).toEqual([{ author: { any: ['Andi Kleen'] } }]);
    expect(p.impossible).toBe(false);
  });

  it('adds no condition for a filter with nothing ticked', () => {
    expect(plan('copy', { kind: [], author: ['Andi Kleen'] }).conditions).toEqual([{ author: { any: ['Andi Kleen'] } }]);
  });
});

describe('planSearch dates', () => {
  it('keeps the days from a start on, with no end', () => {
    expect(plan('d:2002-07-01..').conditions).toEqual([{ day: { any: ['2002-07-09', '2002-07-10'] } }]);
  });

  it('says in words which range held no dated message', () => {
    expect(plan('d:2001-05-05').notices).toEqual(['No dated message falls on 2001-05-05.']);
    expect(plan('d:1999').notices).toEqual(['No dated message falls between 1999-01-01 and 1999-12-31.']);
    expect(plan('d:2003-01-01..').notices).toEqual(['No dated message falls on or after 2003-01-01.']);
    expect(plan('d:..1999-01-01').notices).toEqual(['No dated message falls on or before 1999-01-01.']);
    expect(plan('d:1999').impossible).toBe(true);
  });
});

describe('planSearch term', () => {
  const none: ParsedQuery = parseQuery('');

  it('never hands Pagefind a quote mark (a term wholly in quotes is its exact search)', () => {
    expect(planSearch({ ...none, phrases: ['"wrong api"'] }, available).term).toBe('wrong api');
  });

  it('has no term when every part is blank', () => {
    const p = planSearch({ ...none, words: ['  ', '""'] }, available);
    expect(p.term).toBeNull();
    expect(p.empty).toBe(true);
  });

  it('leaves blank parts out of the term', () => {
    expect(planSearch({ ...none, words: ['copy', ' ', 'path'] }, available).term).toBe('copy path');
  });
});

describe('planSearch exclusions', () => {
  it('asks for something to search for only when exclusions are all there is', () => {
    expect(plan('-sendfile').notices).toEqual(['Exclusions (-word) narrow a search; add something to search for.']);
    expect(plan('copy -sendfile').notices).toEqual([]);
    expect(plan('-sendfile', { kind: ['note'] }).notices).toEqual([]);
    expect(plan('t:note -sendfile').notices).toEqual([]);
  });

  it('is not empty with a term', () => {
    expect(plan('copy').empty).toBe(false);
  });
});

describe('needsChecks', () => {
  const post = (p: Partial<PostChecks>): PostChecks => ({ phrases: [], subjects: [], quoted: [], unquoted: [], excluded: [], ...p });
  it('is true whenever any check is asked for, however many of each', () => {
    expect(needsChecks(post({}))).toBe(false);
    expect(needsChecks(post({ phrases: ['a'], subjects: ['b'] }))).toBe(true);
    expect(needsChecks(post({ quoted: ['a'], unquoted: ['b'] }))).toBe(true);
    expect(needsChecks(post({ subjects: ['a'], quoted: ['b'] }))).toBe(true);
    expect(needsChecks(post({ unquoted: ['a'], excluded: ['b'] }))).toBe(true);
  });
});
