/**
 * The archive-size half of `npm run bench`: for each N (default 1,000 and 10,000; BENCH_N=1000
 * for a quick run) it writes a synthetic month of N messages, imports it, builds the site
 * from it, and builds two bare Astro sites (plain layout, no features) plus a bare Pagefind
 * index of each, in the same run, so our times read as ratios that survive a noisy machine:
 * one with the same pages as ours (every message, thread and listing page, as plain text;
 * the budget's comparison) and one with only the N message pages. Then, in Chromium, the
 * first search's bytes and time on ours and on the message-pages bare index.
 * Everything is written under .tmp/bench/run-<time>/ (earlier runs are removed at the end,
 * not before, so their deletion does not slow this run's file writes); nothing is asserted.
 * Run it again only minutes after the last run for the same reason.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { close, createIndex } from 'pagefind';
import { synthArchive } from '../src/lib/synth/archive.ts';

export type Row = { what: string; value: number; unit: string; note?: string };

const ROOT = resolve(import.meta.dirname, '..');
/** Every run's archives, sites and indexes: `.tmp/bench/run-<time>/<N>/`. */
const BENCH_DIR = join(ROOT, '.tmp/bench');
const node = process.execPath;
/** A word the synthetic vocabulary uses often enough to give many results. */
const QUERY = 'netif_rx';

/** Runs a command; resolves with its stdout and wall time, rejects with its output on failure. */
function run(args: string[], env: Record<string, string> = {}): Promise<{ ms: number; out: string }> {
  const t = performance.now();
  return new Promise((ok, fail) => {
    const child = spawn(node, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('close', (code) =>
      code === 0 ? ok({ ms: performance.now() - t, out }) : fail(new Error(`${args.join(' ')} exited ${code}\n${out.slice(-2000)}`)),
    );
  });
}

/** Total bytes and file count under a directory. */
function du(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(join(e.parentPath, e.name)).size;
    files += 1;
  }
  return { bytes, files };
}

/** gzip bytes of a page's HTML, its stylesheets and its up-front scripts. */
function weight(dist: string, page: string): { html: number; css: number; js: number } | undefined {
  const file = join(dist, page, 'index.html');
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  const gz = (href: string): number => {
    const f = join(dist, href.replace(/^\//, ''));
    return existsSync(f) ? gzipSync(readFileSync(f)).length : 0;
  };
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].reduce((n, m) => n + gz(m[1] ?? ''), 0);
  const js = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].reduce((n, m) => n + gz(m[1] ?? ''), 0);
  return { html: gzipSync(html).length, css, js };
}

/** A page of ours other than a message page, as the bare site rebuilds it: its route, title and text. */
export interface PlainPage {
  route: string;
  title: string;
  text: string;
}

/** Every HTML page under `dist` but the message pages, reduced to route, title and the text of <main>. */
export function plainPages(dist: string): PlainPage[] {
  const out: PlainPage[] = [];
  for (const e of readdirSync(dist, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || e.name !== 'index.html') continue;
    const route = relative(dist, e.parentPath).split(sep).join('/');
    if (route.startsWith('m/') || route.startsWith('pagefind')) continue;
    const html = readFileSync(join(e.parentPath, e.name), 'utf8');
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
    out.push({
      route,
      title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? route,
      text: main
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    });
  }
  return out;
}

/**
 * The bare comparison site: one plain page per message, read straight from the entries,
 * and, given `others`, one plain page per other page of ours (threads, their flat views,
 * listings, articles…) with its title and text, so it builds the same pages we do.
 */
export function writeBareProject(dir: string, messages: string, out: string, others: PlainPage[] = []): void {
  mkdirSync(join(dir, 'src/pages/m'), { recursive: true });
  writeFileSync(join(dir, 'others.json'), JSON.stringify(others));
  writeFileSync(
    join(dir, 'src/pages/[...route].astro'),
    `---
import { readFileSync } from 'node:fs';
export function getStaticPaths() {
  const pages = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'others.json'))}, 'utf8'));
  return pages.map((p) => ({ params: { route: p.route || undefined }, props: p }));
}
const { title, text } = Astro.props;
---
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><h1>{title}</h1><p>{text}</p></main></body></html>
`,
  );
  writeFileSync(join(dir, 'astro.config.mjs'), `export default { outDir: ${JSON.stringify(out)}, build: { format: 'directory' } };\n`);
  writeFileSync(
    join(dir, 'src/pages/m/[id].astro'),
    `---
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
export function getStaticPaths() {
  const dir = ${JSON.stringify(messages)};
  return readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => {
    const text = readFileSync(dir + '/' + f, 'utf8');
    const end = text.indexOf('\\n---\\n', 4);
    const data = parse(text.slice(4, end));
    return { params: { id: f.slice(0, -3) }, props: { subject: data.subject, author: data.author, body: data.body ?? text.slice(end + 5) } };
  });
}
const { subject, author, body } = Astro.props;
---
<html lang="en"><head><meta charset="utf-8"><title>{subject}</title></head>
<body><main><h1>{subject}</h1><p>{author}</p><pre>{body}</pre></main></body></html>
`,
  );
}

/** A page that searches the bare index the way our search page does: on focus load, on input search, then load 10 results. */
export function writeBareSearchPage(dist: string): void {
  writeFileSync(
    join(dist, 'bench-search.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare search</title></head><body>
<input id="q" aria-label="Search"><p id="status"></p>
<script type="module">
let pf;
const load = async () => (pf ??= await import('/pagefind/pagefind.js').then(async (m) => { await m.init(); return m; }));
const q = document.getElementById('q');
q.addEventListener('focus', load);
let timer;
q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(async () => {
  const p = await load();
  const r = await p.search(q.value);
  await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  document.getElementById('status').textContent = r.results.length + ' results for ' + q.value;
}, 100); });
</script></body></html>
`,
  );
}

/** The first search on a served site: bytes fetched after the page loaded, and keystroke → results. */
export async function firstSearch(
  browser: Browser,
  url: string,
  input: string,
  status: string,
): Promise<{ ms: number; bytes: number; requests: number }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  let bytes = 0;
  let requests = 0;
  page.on('response', async (r) => {
    try {
      const body = await r.body();
      // What a gzip-serving host sends: Pagefind's own files are compressed already.
      bytes += /\.(js|css|html|json)$/.test(new URL(r.url()).pathname) ? gzipSync(body).length : body.length;
      requests += 1;
    } catch {
      /* a redirect or aborted response has no body */
    }
  });
  await page.locator(input).focus();
  const t0 = Date.now();
  await page.keyboard.type(QUERY, { delay: 0 });
  await page.waitForFunction((sel) => /results? for/.test(document.querySelector(sel)?.textContent ?? ''), status, { timeout: 30_000 });
  const ms = Date.now() - t0;
  await page.waitForLoadState('networkidle');
  await ctx.close();
  return { ms, bytes, requests };
}

/** Measures one archive size; returns the rows for the table. */
async function measure(n: number, browser: Browser | undefined, runDir: string): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = join(BENCH_DIR, runDir, String(n));
  mkdirSync(dir, { recursive: true });
  const mbox = join(dir, 'month.mbox');
  const messages = join(dir, 'messages');
  const dist = join(dir, 'dist');
  const bareDist = join(dir, 'bare-dist');
  writeFileSync(mbox, synthArchive({ messages: n, seed: 2002 }).mbox);

  // The articles cite the shipped messages, so the archive holds them too (as a reader's would).
  cpSync(join(ROOT, 'src/content/messages'), messages, { recursive: true });
  const imported = await run(['scripts/import.ts', '--dir', messages, mbox]);
  const built = await run(['node_modules/astro/bin/astro.mjs', 'build'], { MESSAGES_DIR: messages, OUT_DIR: dist });
  const indexMs = Number(/Pagefind indexed \d+ pages in (\d+) ms/.exec(built.out)?.[1] ?? NaN);
  const pages = Number(/(\d+) page\(s\) built/.exec(built.out)?.[1] ?? NaN);

  // Two bare sites: the same pages as ours (the budget's comparison), and one page per message only.
  const others = plainPages(dist);
  const bareBuild = async (name: string, out: string, pages: PlainPage[]): Promise<{ build: number; index: number; pages: number }> => {
    writeBareProject(join(dir, name), messages, out, pages);
    const built = await run(['node_modules/astro/bin/astro.mjs', 'build', '--root', join(dir, name)]);
    const t = performance.now();
    const { index } = await createIndex({});
    await index?.addDirectory({ path: out });
    await index?.writeFiles({ outputPath: join(out, 'pagefind') });
    await close();
    return { build: built.ms, index: performance.now() - t, pages: Number(/(\d+) page\(s\) built/.exec(built.out)?.[1] ?? NaN) };
  };
  const same = await bareBuild('bare-same', join(dir, 'bare-same-dist'), others);
  const bareM = await bareBuild('bare', bareDist, []);
  const bare = { ms: bareM.build };
  const bareIndexMs = bareM.index;

  const ours = imported.ms + built.ms;
  const bareTotal = bare.ms + bareIndexMs;
  const sameTotal = same.build + same.index;
  const at = `N=${n}`;
  rows.push({ what: `${at}: import`, value: imported.ms / 1000, unit: 's' });
  rows.push({
    what: `${at}: build incl. index (${pages} pages)`,
    value: built.ms / 1000,
    unit: 's',
    note: `index ${(indexMs / 1000).toFixed(1)} s`,
  });
  rows.push({
    what: `${at}: bare Astro build of the same ${same.pages} pages + bare index`,
    value: sameTotal / 1000,
    unit: 's',
    note: `build ${(same.build / 1000).toFixed(1)} s, index ${(same.index / 1000).toFixed(1)} s`,
  });
  rows.push({
    what: `${at}: our import + build ÷ bare build + index of the same pages`,
    value: ours / sameTotal,
    unit: '×',
    note: `budget 1.5×; build alone ÷ bare same pages ${(built.ms / sameTotal).toFixed(2)}×`,
  });
  rows.push({
    what: `${at}: bare Astro build (${n} message pages only) + bare index`,
    value: bareTotal / 1000,
    unit: 's',
    note: `build ${(bare.ms / 1000).toFixed(1)} s, index ${(bareIndexMs / 1000).toFixed(1)} s`,
  });
  rows.push({
    what: `${at}: our import + build ÷ bare message pages only`,
    value: ours / bareTotal,
    unit: '×',
    note: `we build ${pages} pages to its ${n}`,
  });
  const size = du(dist);
  const pf = du(join(dist, 'pagefind'));
  rows.push({ what: `${at}: dist size`, value: size.bytes / 1e6, unit: 'MB', note: `${size.files} files` });
  rows.push({ what: `${at}: Pagefind index size`, value: pf.bytes / 1e6, unit: 'MB', note: `${pf.files} files` });

  const largest = readdirSync(join(dist, 'threads'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dist, 'threads', e.name, 'index.html')) && !/^\d+$/.test(e.name))
    .map((e) => ({ name: e.name, size: statSync(join(dist, 'threads', e.name, 'index.html')).size }))
    .sort((a, b) => b.size - a.size)[0]?.name;
  const firstMessage = readdirSync(join(dist, 'm'))[0];
  const pagesToWeigh: Record<string, string | undefined> = {
    home: '',
    'largest thread': largest && `threads/${largest}`,
    message: firstMessage && `m/${firstMessage}`,
    'date index (page 1)': 'date',
    article: 'articles/where-the-copy-happens',
    'live article': 'articles/copy-vs-zero-copy',
    search: 'search',
    embed: 'embed/slowest-side',
  };
  for (const [name, page] of Object.entries(pagesToWeigh)) {
    const w = page === undefined ? undefined : weight(dist, page);
    if (w)
      rows.push({
        what: `${at}: ${name} page, gzip`,
        value: w.html + w.css + w.js,
        unit: 'B',
        note: `html ${w.html}, css ${w.css}, js ${w.js}`,
      });
  }

  if (browser) {
    writeBareSearchPage(bareDist);
    const servers = [
      spawn(node, ['scripts/serve.ts', dist, '4401', '/'], { cwd: ROOT, stdio: 'ignore' }),
      spawn(node, ['scripts/serve.ts', bareDist, '4402', '/'], { cwd: ROOT, stdio: 'ignore' }),
    ];
    await new Promise((r) => setTimeout(r, 800));
    try {
      const oursRuns = [];
      const bareRuns = [];
      for (let i = 0; i < 3; i += 1) {
        oursRuns.push(await firstSearch(browser, 'http://127.0.0.1:4401/search/', '#search-q', '#search-status'));
        bareRuns.push(await firstSearch(browser, 'http://127.0.0.1:4402/bench-search.html', '#q', '#status'));
      }
      const mid = <T extends { ms: number }>(xs: T[]): T => [...xs].sort((a, b) => a.ms - b.ms)[1]!;
      const o = mid(oursRuns);
      const b = mid(bareRuns);
      rows.push({
        what: `${at}: first search "${QUERY}", bytes`,
        value: o.bytes,
        unit: 'B',
        note: `${o.requests} requests; bare Pagefind ${b.bytes} B, ratio ${(o.bytes / b.bytes).toFixed(2)} (budget 1.10)`,
      });
      rows.push({
        what: `${at}: first keystroke → results (median of 3)`,
        value: o.ms,
        unit: 'ms',
        note: `bare ${b.ms} ms; both include a 100 ms debounce; budget 300 ms`,
      });
    } finally {
      for (const s of servers) s.kill();
    }
  }
  return rows;
}

/** Every archive size in BENCH_N (comma-separated), default 1,000 and 10,000. */
export async function benchScale(browser: Browser | undefined): Promise<Row[]> {
  const ns = (process.env['BENCH_N'] ?? '1000,10000')
    .split(',')
    .map(Number)
    .filter((x) => Number.isInteger(x) && x > 0);
  const rows: Row[] = [];
  // Each run writes to its own folder and removes earlier runs only when it is done: ext4
  // makes creating files slow for minutes after tens of thousands were deleted (it skips
  // recently freed inodes), which doubled the import time when the old run went first.
  const runDir = `run-${Date.now()}`;
  for (const n of ns) {
    console.error(`bench: archive of ${n} messages…`);
    rows.push(...(await measure(n, browser, runDir)));
  }
  for (const old of existsSync(BENCH_DIR) ? readdirSync(BENCH_DIR) : []) {
    if (old !== runDir) rmSync(join(BENCH_DIR, old), { recursive: true, force: true });
  }
  // Linear growth: time per message at each size.
  const per = ns.map((n) => ({
    n,
    s: rows.find((r) => r.what === `N=${n}: build incl. index` || r.what.startsWith(`N=${n}: build`))?.value,
  }));
  if (per.length > 1 && per.every((p) => p.s !== undefined)) {
    const [a, b] = [per[0]!, per.at(-1)!];
    rows.push({ what: `build time per message, N=${b.n} ÷ N=${a.n}`, value: b.s! / b.n / (a.s! / a.n), unit: '×', note: '1.0 is linear' });
  }
  return rows;
}

if (import.meta.main) {
  const exe = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  const browser = existsSync(exe)
    ? await chromium.launch({ executablePath: exe, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
    : undefined;
  try {
    for (const r of await benchScale(browser)) console.log(`${r.what}  ${r.value.toFixed(2)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  } finally {
    await browser?.close();
  }
}
