import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_QUERY_LENGTH, parseDate, parseQuery, withoutPart } from '../../../src/lib/search/query.ts';

describe('parseQuery', () => {
  it('reads plain words and exact phrases', () => {
    const q = parseQuery('netif_rx  "wrong api" copy');
    expect(q.words).toEqual(['netif_rx', 'copy']);
    expect(q.phrases).toEqual(['wrong api']);
    expect(q.notices).toEqual([]);
  });

  it('reads a leading minus as an exclusion of a word or phrase, and keeps hyphens inside words', () => {
    const q = parseQuery('zero-copy -sendfile -"wrong api" - --x');
    expect(q.words).toEqual(['zero-copy', '-', '--x']);
    expect(q.excluded).toEqual(['sendfile', 'wrong api']);
    expect(q.parts.filter((p) => p.kind === 'not').map((p) => p.raw)).toEqual(['-sendfile', '-"wrong api"']);
    expect(withoutPart(q, 1)).toBe('zero-copy -"wrong api" - --x');
  });

  it('reads every lore-style prefix', () => {
    const q = parseQuery('f:kleen s:zero-copy d:2002-06-27 q:sendfile nq:mmap t:note t:NDA prequeue');
    expect(q.authors).toEqual(['kleen']);
    expect(q.subjects).toEqual(['zero-copy']);
    expect(q.dates).toEqual({ from: '2002-06-27', to: '2002-06-27' });
    expect(q.quoted).toEqual(['sendfile']);
    expect(q.unquoted).toEqual(['mmap']);
    expect(q.types).toEqual(['note', 'nda']);
    expect(q.words).toEqual(['prequeue']);
    expect(q.parts.map((p) => p.kind)).toEqual(['f', 's', 'd', 'q', 'nq', 't', 't', 'word']);
  });

  it('takes a quoted phrase as a prefix value, and prefixes in any case', () => {
    const q = parseQuery('f:"Andi Kleen" S:"zero copy"');
    expect(q.authors).toEqual(['Andi Kleen']);
    expect(q.subjects).toEqual(['zero copy']);
    expect(q.parts[0]?.raw).toBe('f:"Andi Kleen"');
  });

  it('runs an unclosed quote to the end, with a notice', () => {
    const q = parseQuery('copy "zero copy recei');
    expect(q.words).toEqual(['copy']);
    expect(q.phrases).toEqual(['zero copy recei']);
    expect(q.notices.join(' ')).toMatch(/not closed/);
    expect(parseQuery('f:"Andi').authors).toEqual(['Andi']);
  });

  it('ignores empty prefixes and empty quotes, and says so for prefixes', () => {
    const q = parseQuery('f: "" s:"" d: copy');
    expect(q.authors).toEqual([]);
    expect(q.phrases).toEqual([]);
    expect(q.subjects).toEqual([]);
    expect(q.words).toEqual(['copy']);
    expect(q.notices).toHaveLength(3);
    expect(q.notices[0]).toMatch(/^f: needs a value/);
  });

  it('reads unknown prefixes and stray colons as words', () => {
    expect(parseQuery('foo:bar x:y').words).toEqual(['foo', 'bar', 'x', 'y']);
    expect(parseQuery('http://example.invalid/a').words).toEqual(['http', '//example.invalid/a']);
    expect(parseQuery(':').parts).toEqual([]);
  });

  it('reports a bad date and ignores it', () => {
    for (const bad of ['2002-13-01', '2002-02-30', 'june', '..', '2002-06-27..2002-06-28..2002-06-29', '02-06-27']) {
      const q = parseQuery(`d:${bad} copy`);
      expect(q.dates, bad).toBeNull();
      expect(q.notices.join(' '), bad).toMatch(/is not a date/);
      expect(q.words).toEqual(['copy']);
    }
  });

  it('intersects several date prefixes', () => {
    expect(parseQuery('d:2002-06 d:2002-06-27..').dates).toEqual({ from: '2002-06-27', to: '2002-06-30' });
  });

  it('cuts very long input, with a notice, never inside a character', () => {
    const q = parseQuery(`${'a'.repeat(MAX_QUERY_LENGTH - 1)}😀 tail`);
    expect(q.truncated).toBe(true);
    expect(q.words.join('').length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(q.words.join('')).not.toMatch(/[\ud800-\udbff]$/);
    expect(q.notices.join(' ')).toMatch(/cut to its first/);
    const huge = parseQuery('x '.repeat(1_000_000));
    expect(huge.parts.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH / 2);
  });

  it('keeps markup and regex characters as plain text', () => {
    const q = parseQuery('<script>alert(1)</script> .*+?^${}()|[]\\');
    expect(q.words).toEqual(['<script>alert(1)</script>', '.*+?^${}()|[]\\']);
    expect(q.notices).toEqual([]);
  });

  it('turns control characters into spaces', () => {
    expect(parseQuery('copy\u0000receive\nsend').words).toEqual(['copy', 'receive', 'send']);
  });

  it('can rebuild the query without one part', () => {
    const q = parseQuery('f:kleen  "wrong api" d:2002');
    expect(withoutPart(q, 0)).toBe('"wrong api" d:2002');
    expect(withoutPart(q, 1)).toBe('f:kleen d:2002');
  });

  it('never throws, and every part has a non-empty value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const q = parseQuery(s);
        for (const p of q.parts) expect(p.value.trim()).not.toBe('');
      }),
    );
  });
});

describe('parseDate', () => {
  it('reads days, months, years and ranges with open ends', () => {
    expect(parseDate('2002-06-27')).toEqual({ from: '2002-06-27', to: '2002-06-27' });
    expect(parseDate('2002-07')).toEqual({ from: '2002-07-01', to: '2002-07-31' });
    expect(parseDate('2002-2')).toEqual({ from: '2002-02-01', to: '2002-02-28' });
    expect(parseDate('2004-02')).toEqual({ from: '2004-02-01', to: '2004-02-29' });
    expect(parseDate('2002')).toEqual({ from: '2002-01-01', to: '2002-12-31' });
    expect(parseDate('2002-06-27..2002-06-29')).toEqual({ from: '2002-06-27', to: '2002-06-29' });
    expect(parseDate('..2002-07-01')).toEqual({ from: null, to: '2002-07-01' });
    expect(parseDate('2002-07..')).toEqual({ from: '2002-07-01', to: null });
    expect(parseDate('2002-06..2002-07')).toEqual({ from: '2002-06-01', to: '2002-07-31' });
  });

  it('turns a backwards range round', () => {
    expect(parseDate('2002-06-29..2002-06-27')).toEqual({ from: '2002-06-27', to: '2002-06-29' });
  });

  it('rejects what is not a date', () => {
    for (const bad of ['', '..', 'yesterday', '2002-00', '2002-06-31', '2002-06-27..x', '20020627']) expect(parseDate(bad), bad).toBeNull();
  });
});
