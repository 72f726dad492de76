/**
 * The date order at its edges: ties between many pages, every malformed file, and the
 * fragment shapes Pagefind may write (no signature, no metadata, odd entries in a group).
 * Found by mutation testing (docs/mutation.md).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readPages } from '../../../src/lib/search/node/date-order-build.ts';
import { buildDateOrder, readDateOrder } from '../../../src/lib/search/date-order.ts';

describe('buildDateOrder', () => {
  it('orders pages of one instant by URL, whatever order they come in', () => {
    const at = '2002-06-27T12:00:00Z';
    const pages = ['/m/d/', '/m/b/', '/m/e/', '/m/a/', '/m/c/'].map((url) => ({ id: url.slice(3, 4), url, date: at }));
    expect(buildDateOrder(pages).ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(buildDateOrder([...pages].reverse()).ids).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('readDateOrder', () => {
  it('refuses every file that is not a version-1 list of ids, saying so', () => {
    for (const bad of [null, 'ids', 7, { version: 2, ids: [] }, { version: 1 }, { version: 1, ids: 'a' }, { version: 1, ids: ['a', 1] }]) {
      expect(() => readDateOrder(bad), JSON.stringify(bad)).toThrow('search: the date order file is not one this page can read');
    }
  });
});

describe('readPages', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const folder = () => {
    dir = mkdtempSync(join(tmpdir(), 'date-order-edges-'));
    mkdirSync(join(dir, 'fragment'));
    return join(dir, 'fragment');
  };

  it('reads a fragment without the signature, and one without metadata', () => {
    const f = folder();
    writeFileSync(join(f, 'en_a.pf_fragment'), gzipSync(Buffer.from(JSON.stringify({ url: '/m/a/', meta: { date: '2002-06-27' } }))));
    writeFileSync(join(f, 'en_b.pf_fragment'), gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url: '/m/b/' })}`)));
    expect(readPages(dir).sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      { id: 'en_a', url: '/m/a/', date: '2002-06-27' },
      { id: 'en_b', url: '/m/b/', date: undefined },
    ]);
  });

  it('counts a date only when it is text', () => {
    const f = folder();
    writeFileSync(join(f, 'en_a.pf_fragment'), gzipSync(Buffer.from(JSON.stringify({ url: '/m/a/', meta: { date: 20020627 } }))));
    expect(readPages(dir)).toEqual([{ id: 'en_a', url: '/m/a/', date: undefined }]);
  });

  it('skips files that are not fragments, and group entries that are not pages', () => {
    const f = folder();
    writeFileSync(join(f, 'en_x.pf_meta'), 'not gzip at all');
    const group = { en_a: { url: '/m/a/' }, en_null: null, en_text: 'x', en_nourl: { meta: { date: '2002-06-27' } } };
    writeFileSync(join(f, 'en_group.pf_fragment'), gzipSync(Buffer.from(JSON.stringify(group))));
    expect(readPages(dir)).toEqual([{ id: 'en_a', url: '/m/a/', date: undefined }]);
  });
});
