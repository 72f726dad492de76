/**
 * Build side of date-order.ts: after Pagefind has written its files, reads every page's
 * fragment (its id, URL and metadata) and writes DATE_ORDER_FILE beside them. Node only.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildDateOrder, DATE_ORDER_FILE, type DatedPage } from '../date-order.ts';

/** Pagefind's files start, once decompressed, with this signature. */
const SIGNATURE = 'pagefind_dcd';

interface Fragment {
  url?: unknown;
  meta?: Record<string, unknown>;
}

function page(id: string, f: Fragment): DatedPage | undefined {
  if (typeof f.url !== 'string') return undefined;
  const date = f.meta?.['date'];
  return { id, url: f.url, date: typeof date === 'string' ? date : undefined };
}

/**
 * The pages of a Pagefind output folder: one fragment file per page (`<id>.pf_fragment`),
 * or a group file holding several pages by id.
 */
export function readPages(pagefindDir: string): DatedPage[] {
  const dir = join(pagefindDir, 'fragment');
  const pages: DatedPage[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    let text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    if (text.startsWith(SIGNATURE)) text = text.slice(SIGNATURE.length);
    const json = JSON.parse(text) as Fragment | Record<string, Fragment>;
    const single = page(name.slice(0, -'.pf_fragment'.length), json as Fragment);
    if (single) pages.push(single);
    else
      for (const [id, f] of Object.entries(json as Record<string, Fragment>))
        if (f && typeof f === 'object') pages.push(...[page(id, f)].filter((p) => p !== undefined));
  }
  return pages;
}

/** Writes DATE_ORDER_FILE into a Pagefind output folder; returns how many pages it orders. */
export function writeDateOrder(pagefindDir: string): number {
  const order = buildDateOrder(readPages(pagefindDir));
  writeFileSync(join(pagefindDir, DATE_ORDER_FILE), JSON.stringify(order));
  return order.ids.length;
}
