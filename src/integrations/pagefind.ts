/**
 * The search index of the built site: Pagefind, run through its Node API by the post-build
 * step (post-build.ts). A plain function of the site folder; nothing here knows about Astro.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { close, createIndex } from 'pagefind';
import { pool } from '../lib/pool.ts';
import { isIndexed, scopeGlob } from '../lib/search/scope.ts';
import { writeDateOrder } from '../lib/search/node/date-order-build.ts';

/**
 * Chrome inside indexed pages that other components render, left out of the index here so
 * the scope stays declared in one place (components of the archive mark their own with
 * data-pagefind-ignore). Message headers: their author, date, Message-ID and thread are
 * filters and metadata, and as text their dt/dd pairs run together ("FromAndi KleenDate…").
 * Model controls: sliders, presets and readouts, not prose. "Notes on this message":
 * links to notes (they are indexed on their own pages), like the "Quoted in" backlinks.
 */
const EXCLUDE = ['dl.headers', 'model-controls', 'section.message-notes'];

/**
 * Pagefind's ready-made UIs, which it writes beside the index; the site does not serve them,
 * and their banners carry an e-mail address, which must never be published.
 */
const UNUSED_UIS = ['pagefind-ui', 'pagefind-component-ui', 'pagefind-modular-ui'].flatMap((ui) => [`${ui}.js`, `${ui}.css`]);

/**
 * HTML files under `site` that opt into the index, relative and `/`-separated: enough of
 * them for {@link scopeGlob}, which needs one per top folder. Once a folder is known to hold
 * one, its other files are not read (ten thousand message pages are not read to learn that
 * m/ is indexed); folders that hold none are read through.
 */
async function indexedPages(site: string): Promise<string[]> {
  const files = (await readdir(site, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(site, join(e.parentPath, e.name)).split(sep).join('/'));
  const indexed: string[] = [];
  const known = new Set<string>();
  const top = (path: string): string => (path.includes('/') ? path.slice(0, path.indexOf('/')) : path);
  await pool(files, 8, async (path) => {
    if (known.has(top(path))) return;
    if (isIndexed(await readFile(join(site, path), 'utf8'))) {
      indexed.push(path);
      known.add(top(path));
    }
  });
  return indexed;
}

/** Fails the build with every message Pagefind gave. */
function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Indexes the built site in the folder `site` into `site`/pagefind; returns how many pages it
 * indexed. Scope comes from `data-pagefind-body` in layouts, and Pagefind reads only the
 * folders that hold such pages (src/lib/search/scope.ts). Pagefind indexes in its own
 * process, which is closed however indexing ends; any error it reports, or an index of no
 * page, throws. Then the date order is written beside the index (sorting by date loads its
 * own file, so Pagefind's metadata carries no sort key) and the unused UI files removed.
 */
export async function indexSite(site: string): Promise<number> {
  const out = join(site, 'pagefind');
  let pages: number;
  try {
    const { index, errors } = await createIndex({ includeCharacters: '_', excludeSelectors: EXCLUDE });
    check('createIndex', errors);
    if (!index) throw new Error('Pagefind returned no index');
    const added = await index.addDirectory({ path: site, glob: scopeGlob(await indexedPages(site)) });
    check('addDirectory', added.errors);
    check('writeFiles', (await index.writeFiles({ outputPath: out })).errors);
    pages = added.page_count;
  } finally {
    await close();
  }
  writeDateOrder(out);
  await Promise.all(UNUSED_UIS.map((file) => rm(join(out, file), { force: true })));
  if (pages === 0) throw new Error('Pagefind indexed no page: is data-pagefind-body missing from the layout?');
  return pages;
}
