import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import postBuildIntegration, { archiveOffThread, postBuild } from '../../../src/integrations/post-build.ts';
import { buildArchive, threadSlug } from '../../../src/lib/mail/archive.ts';
import { slugOf } from '../../../src/lib/mail/ids.ts';
import { readRecords } from '../../../src/lib/mail/node/entries.ts';
import { DATE_ORDER_FILE } from '../../../src/lib/search/date-order.ts';
import { DOWNLOAD_RAWS, downloadRecords } from '../../support/records.ts';

/** Pagefind's Node API, mocked: each test sets what the index does; `close` is watched. */
const pagefind = vi.hoisted(() => ({ createIndex: vi.fn(), close: vi.fn(async () => null) }));
vi.mock('pagefind', () => pagefind);

const UIS = ['pagefind-ui', 'pagefind-component-ui', 'pagefind-modular-ui'].flatMap((ui) => [`${ui}.js`, `${ui}.css`]);

/** A fragment as Pagefind writes it: gzip of a signature and the JSON. */
const fragment = (url: string, date?: string): Buffer =>
  gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url, content: 'x', meta: date ? { title: 't', date } : { title: 't' } })}`));

/**
 * An index that indexes `pages` pages and, when written, leaves what Pagefind leaves: its
 * script, two dated fragments and one undated, and the ready-made UIs. `fail` makes one step
 * report errors or throw.
 */
function index(pages = 3, fail: { step?: 'addDirectory' | 'writeFiles'; errors?: string[]; exception?: Error } = {}) {
  const step = async (name: string, result: object) => {
    if (fail.step !== name) return { errors: [], ...result };
    if (fail.exception) throw fail.exception;
    return { errors: fail.errors ?? [], ...result };
  };
  const value = {
    addDirectory: vi.fn((_: { path: string; glob?: string }) => step('addDirectory', { page_count: pages })),
    writeFiles: vi.fn(async ({ outputPath }: { outputPath: string }) => {
      mkdirSync(join(outputPath, 'fragment'), { recursive: true });
      writeFileSync(join(outputPath, 'pagefind.js'), '');
      writeFileSync(join(outputPath, 'fragment', 'en_late.pf_fragment'), fragment('/m/b/', '2002-06-29T10:00:00+00:00'));
      writeFileSync(join(outputPath, 'fragment', 'en_early.pf_fragment'), fragment('/m/a/', '2002-06-28T10:00:00+00:00'));
      writeFileSync(join(outputPath, 'fragment', 'en_note.pf_fragment'), fragment('/notes/n/'));
      for (const ui of UIS) writeFileSync(join(outputPath, ui), 'UI by someone@example.org');
      return step('writeFiles', { outputPath });
    }),
  };
  pagefind.createIndex.mockResolvedValue({ errors: [], index: value });
  return value;
}

const archive = buildArchive(downloadRecords);
const thread = threadSlug(archive.placement.get('root.1@example.org')!.thread);

let root = '';
let site = '';
let entries = '';
const logger = { info: vi.fn<(message: string) => void>() };

beforeEach(() => {
  vi.clearAllMocks();
  root = mkdtempSync(join(tmpdir(), 'post-build-'));
  site = join(root, 'dist');
  entries = join(root, 'messages');
  mkdirSync(join(site, 'm', slugOf('root.1@example.org')), { recursive: true });
  writeFileSync(join(site, 'm', slugOf('root.1@example.org'), 'index.html'), '<main data-pagefind-body>root</main>');
  writeFileSync(join(site, 'index.html'), '<main>home, not indexed</main>');
  mkdirSync(entries);
  for (const [name, text] of Object.entries(DOWNLOAD_RAWS)) writeFileSync(join(entries, name), Buffer.from(text, 'latin1'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const input = () => ({ site, archive, entries, siteUrl: 'https://example.net', base: '/sub/', logger });
const logged = () => logger.info.mock.calls.map(([line]) => line);
const downloads = () => [
  `m/${slugOf('reply.2@example.org')}/raw.txt`,
  `m/${slugOf('root.1@example.org')}/raw.txt`,
  ...archive.threads.flatMap((t) => [`threads/${threadSlug(t)}.json`, `threads/${threadSlug(t)}.mbox`]),
];

describe('postBuild', () => {
  it('indexes the site and writes the downloads, then orders the index by date, removes the UIs and closes Pagefind', async () => {
    const idx = index(3);
    await postBuild(input());

    expect(pagefind.createIndex).toHaveBeenCalledWith({ includeCharacters: '_', excludeSelectors: expect.any(Array) });
    // Only the folder that holds an indexed page is read.
    expect(idx.addDirectory).toHaveBeenCalledWith({ path: site, glob: 'm/**/*.{html}' });
    expect(idx.writeFiles).toHaveBeenCalledWith({ outputPath: join(site, 'pagefind') });
    expect(pagefind.close).toHaveBeenCalledTimes(1);

    for (const path of downloads()) expect(existsSync(join(site, path)), path).toBe(true);
    const json = JSON.parse(readFileSync(join(site, 'threads', `${thread}.json`), 'utf8'));
    expect(json.messages.map((m: { url: string }) => m.url)).toContain(`https://example.net/sub/m/${slugOf('reply.2@example.org')}/`);

    const order = JSON.parse(readFileSync(join(site, 'pagefind', DATE_ORDER_FILE), 'utf8'));
    expect(order).toEqual({ version: 1, ids: ['en_early', 'en_late'] });
    expect(readdirSync(join(site, 'pagefind')).sort()).toEqual([DATE_ORDER_FILE, 'fragment', 'pagefind.js']);

    expect(logged()).toEqual([
      expect.stringMatching(/^wrote 6 download files in \d+ ms$/),
      expect.stringMatching(/^Pagefind indexed 3 pages in \d+ ms$/),
    ]);
  });

  it('waits for an archive still being built', async () => {
    index();
    let give!: (a: typeof archive) => void;
    const later = new Promise<typeof archive>((resolve) => (give = resolve));
    const done = postBuild({ ...input(), archive: later });
    await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(join(site, 'threads'))).toBe(false);
    give(archive);
    await done;
    for (const path of downloads()) expect(existsSync(join(site, path)), path).toBe(true);
  });

  it('closes Pagefind when indexing throws, and still writes the downloads', async () => {
    index(3, { step: 'addDirectory', exception: new Error('the backend went away') });
    await expect(postBuild(input())).rejects.toThrow('the backend went away');
    expect(pagefind.close).toHaveBeenCalledTimes(1);
    for (const path of downloads()) expect(existsSync(join(site, path)), path).toBe(true);
    expect(logged().some((line) => line.startsWith('Pagefind indexed'))).toBe(false);
  });

  it('fails with every message Pagefind gave, and closes it', async () => {
    index(3, { step: 'writeFiles', errors: ['disk full', 'and then some'] });
    await expect(postBuild(input())).rejects.toThrow('Pagefind writeFiles failed:\ndisk full\nand then some');
    expect(pagefind.close).toHaveBeenCalledTimes(1);

    vi.clearAllMocks();
    pagefind.createIndex.mockResolvedValue({ errors: ['bad config'], index: undefined });
    await expect(postBuild(input())).rejects.toThrow('Pagefind createIndex failed:\nbad config');
    expect(pagefind.close).toHaveBeenCalledTimes(1);
  });

  it('fails when Pagefind indexed no page, after ordering and cleaning up what it wrote', async () => {
    index(0);
    await expect(postBuild(input())).rejects.toThrow(/Pagefind indexed no page/);
    expect(pagefind.close).toHaveBeenCalledTimes(1);
    expect(existsSync(join(site, 'pagefind', DATE_ORDER_FILE))).toBe(true);
    for (const ui of UIS) expect(existsSync(join(site, 'pagefind', ui)), ui).toBe(false);
  });

  it('fails with the downloads’ error while the index completes, and with both messages when both fail', async () => {
    index(3);
    const broken = { ...input(), entries: join(root, 'nowhere') };
    await expect(postBuild(broken)).rejects.toThrow(/ENOENT.*root\.raw|ENOENT.*reply\.raw/);
    expect(existsSync(join(site, 'pagefind', DATE_ORDER_FILE))).toBe(true);
    expect(pagefind.close).toHaveBeenCalledTimes(1);

    index(3, { step: 'addDirectory', errors: ['unreadable page'] });
    const both = postBuild({ ...input(), archive: Promise.reject(new Error('entry x.md: bad date')) });
    await expect(both).rejects.toThrow(/Pagefind addDirectory failed:\nunreadable page[\s\S]*entry x\.md: bad date/);
  });
});

describe('archiveOffThread', () => {
  it('builds, in a worker thread, the archive the pages build from the same entries', async () => {
    const dir = 'src/content/messages';
    expect(await archiveOffThread(dir)()).toEqual(buildArchive(readRecords(dir)));
  });

  it('rejects with the reason when the entries cannot be read', async () => {
    await expect(archiveOffThread(join(root, 'nowhere'))()).rejects.toThrow(/ENOENT/);
  });
});

describe('the integration', () => {
  it('builds the archive when the build starts and runs the step with Astro’s site, base and output folder', async () => {
    index(3);
    const dir = 'src/content/messages';
    const shipped = buildArchive(readRecords(dir));
    const integration = postBuildIntegration({ entries: dir });
    const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
    const astroLogger = logger as unknown as AstroIntegrationLogger;
    await hooks['astro:config:done']?.({ config: { site: 'https://example.net', base: '/sub/' }, logger: astroLogger });
    await hooks['astro:build:start']?.({ logger: astroLogger });
    await hooks['astro:build:done']?.({ dir: pathToFileURL(`${site}/`), logger: astroLogger, pages: [], assets: new Map() });

    const first = shipped.threads[0]!;
    const json = JSON.parse(readFileSync(join(site, 'threads', `${threadSlug(first)}.json`), 'utf8'));
    expect(json.messages[0].url).toMatch(/^https:\/\/example\.net\/sub\/m\//);
    const raws = [...shipped.messages.values()].filter((m) => m.raw).map((m) => `m/${m.slug}/raw.txt`);
    for (const path of raws) expect(existsSync(join(site, path)), path).toBe(true);
    expect(logged().at(-1)).toMatch(/^Pagefind indexed 3 pages in \d+ ms$/);
  });
});
