import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readPages, writeDateOrder } from '../../../src/lib/search/node/date-order-build.ts';
import { buildDateOrder, DATE_ORDER_FILE, readDateOrder, sortByDate } from '../../../src/lib/search/date-order.ts';
import { messageFacets } from '../../../src/lib/search/facets.ts';

describe('buildDateOrder', () => {
  it('orders dated pages by instant, whatever offset they were written with, then by URL', () => {
    const order = buildDateOrder([
      { id: 'en_late', url: '/m/c/', date: '2002-06-28T10:00:00+02:00' }, // 08:00 UTC
      { id: 'en_article', url: '/articles/a/', date: undefined },
      { id: 'en_early', url: '/m/a/', date: '2002-06-27T21:01:29-06:00' }, // 03:01 UTC on the 28th
      { id: 'en_same2', url: '/m/e/', date: '2002-06-28T08:00:00Z' },
      { id: 'en_same1', url: '/m/d/', date: '2002-06-28T08:00:00Z' },
      { id: 'en_bad', url: '/m/x/', date: 'not a date' },
      { id: 'en_blank', url: '/m/y/', date: ' ' },
    ]);
    expect(order).toEqual({ version: 1, ids: ['en_early', 'en_late', 'en_same1', 'en_same2'] });
  });
});

describe('sortByDate', () => {
  const place = readDateOrder({ version: 1, ids: ['a', 'b', 'c', 'd'] });
  const results = [{ id: 'c' }, { id: 'note' }, { id: 'a' }, { id: 'd' }, { id: 'b' }];

  it('sorts newest or oldest first and leaves out results without a date', () => {
    expect(sortByDate(results, place, 'newest').map((r) => r.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(sortByDate(results, place, 'oldest').map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(results.map((r) => r.id)).toEqual(['c', 'note', 'a', 'd', 'b']);
  });

  it('refuses a file it cannot read', () => {
    expect(() => readDateOrder({ version: 2, ids: [] })).toThrow();
    expect(() => readDateOrder({ version: 1, ids: [1] })).toThrow();
    expect(() => readDateOrder(null)).toThrow();
  });
});

describe('writeDateOrder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A fragment as Pagefind writes it: gzip of a signature and the JSON. */
  const fragment = (json: unknown): Buffer => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(json)}`));

  it('reads each page id, URL and date metadata from the fragments (single or grouped) and writes the order', () => {
    dir = mkdtempSync(join(tmpdir(), 'date-order-'));
    mkdirSync(join(dir, 'fragment'));
    const m = (url: string, date?: string) => ({ url, content: 'x', meta: date ? { title: 't', date } : { title: 't' }, filters: {} });
    writeFileSync(join(dir, 'fragment', 'en_b.pf_fragment'), fragment(m('/m/b/', '2002-06-28T00:00:00Z')));
    writeFileSync(join(dir, 'fragment', 'en_note.pf_fragment'), fragment(m('/notes/n/')));
    writeFileSync(
      join(dir, 'fragment', 'en_group.pf_fragment'),
      fragment({ en_a: m('/m/a/', '2002-06-27T00:00:00Z'), en_c: m('/m/c/', '2002-07-01T00:00:00Z') }),
    );
    expect(readPages(dir).sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      { id: 'en_a', url: '/m/a/', date: '2002-06-27T00:00:00Z' },
      { id: 'en_b', url: '/m/b/', date: '2002-06-28T00:00:00Z' },
      { id: 'en_c', url: '/m/c/', date: '2002-07-01T00:00:00Z' },
      { id: 'en_note', url: '/notes/n/', date: undefined },
    ]);
    expect(writeDateOrder(dir)).toBe(3);
    expect(JSON.parse(readFileSync(join(dir, DATE_ORDER_FILE), 'utf8'))).toEqual({ version: 1, ids: ['en_a', 'en_b', 'en_c'] });
  });
});

describe('message facets', () => {
  it('declare no Pagefind sort key (it would ride in every first search); the date metadata orders results', () => {
    const f = messageFacets(
      { messageId: 'a@b.invalid', author: 'A', date: '2002-06-27T21:01:29-06:00', provenance: 'imported' },
      undefined,
    );
    expect(Object.keys(f)).toEqual(['filters', 'meta']);
    expect(f.meta?.['date']).toBe('2002-06-27T21:01:29-06:00');
  });
});
