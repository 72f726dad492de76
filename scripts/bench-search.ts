/**
 * The search half of the 10k bench on its own, for working on search.
 * `node scripts/bench-search.ts bare <messages dir> <out dir>` builds the bare Astro site and
 * bare Pagefind index of those messages (as bench-scale.ts does).
 * `node scripts/bench-search.ts run <our dist> <bare dist> [runs] [our paths, default search/]`
 * serves both and measures the first search on each, interleaved (BEFORE=<dist> adds an
 * earlier build), printing each run with its timeline (LIST=1: every request) and the medians:
 * time to the status line, time to the whole first page, and bytes.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { close, createIndex } from 'pagefind';
import { writeBareProject, writeBareSearchPage } from './bench-scale.ts';

const ROOT = resolve(import.meta.dirname, '..');
const [mode, a = '', b = '', runsArg = '7', pathsArg = 'search/'] = process.argv.slice(2);

if (mode === 'bare') {
  const dir = resolve(b, '..', 'bare');
  writeBareProject(dir, resolve(a), resolve(b));
  await new Promise<void>((ok, fail) => {
    const c = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--root', dir], { cwd: ROOT, stdio: 'inherit' });
    c.on('close', (code) => (code === 0 ? ok() : fail(new Error(`astro exited ${code}`))));
  });
  const { index } = await createIndex({});
  await index?.addDirectory({ path: resolve(b) });
  await index?.writeFiles({ outputPath: resolve(b, 'pagefind') });
  await close();
  writeBareSearchPage(resolve(b));
} else if (mode === 'run') {
  writeBareSearchPage(resolve(b));
  const servers = [
    spawn(process.execPath, ['scripts/serve.ts', resolve(a), '4501', '/'], { cwd: ROOT, stdio: 'ignore' }),
    spawn(process.execPath, ['scripts/serve.ts', resolve(b), '4502', '/'], { cwd: ROOT, stdio: 'ignore' }),
  ];
  // BEFORE=<dist> also measures an earlier build (served on 4503) in the same runs, as "before".
  const before = process.env['BEFORE'];
  if (before) servers.push(spawn(process.execPath, ['scripts/serve.ts', resolve(before), '4503', '/'], { cwd: ROOT, stdio: 'ignore' }));
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const query = process.env['QUERY'] ?? 'netif_rx';
  async function one(url: string, inputSel: string, status: string) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    const list: { url: string; bytes: number; at: number }[] = [];
    let t0 = 0;
    page.on('response', async (r) => {
      try {
        const body = await r.body();
        const path = new URL(r.url()).pathname;
        list.push({ url: path, bytes: /\.(js|css|html|json)$/.test(path) ? gzipSync(body).length : body.length, at: Date.now() - t0 });
      } catch {
        /* no body */
      }
    });
    await page.locator(inputSel).focus();
    t0 = Date.now();
    await page.keyboard.type(query, { delay: 0 });
    await page.waitForFunction((sel) => /results? for/.test(document.querySelector(sel)?.textContent ?? ''), status, { timeout: 30_000 });
    const ms = Date.now() - t0;
    // Ours shows the first results before the rest: also time the whole first page.
    await page.waitForFunction(() => !document.querySelector('#search-results[aria-busy]'));
    const all = Date.now() - t0;
    await page.waitForLoadState('networkidle');
    await ctx.close();
    return { ms, all, bytes: list.reduce((n, x) => n + x.bytes, 0), list };
  }
  const paths = pathsArg.split(',');
  const runs: Record<string, Awaited<ReturnType<typeof one>>[]> = {};
  for (let i = 0; i < Number(runsArg); i += 1) {
    const line = [`run ${i}:`];
    for (const p of [...(before ? ['before'] : []), ...paths, 'bare']) {
      const r =
        p === 'bare'
          ? await one('http://127.0.0.1:4502/bench-search.html', '#q', '#status')
          : p === 'before'
            ? await one('http://127.0.0.1:4503/search/', '#search-q', '#search-status')
            : await one(`http://127.0.0.1:4501/${p}`, '#search-q', '#search-status');
      runs[p] = [...(runs[p] ?? []), r];
      const at = (re: RegExp, last = false) =>
        (last ? r.list.findLast((x) => re.test(x.url)) : r.list.find((x) => re.test(x.url)))?.at ?? -1;
      line.push(
        `${p} ${r.ms}/${r.all} ms ${r.bytes} B [meta ${at(/pf_meta/)} chunk ${at(/pf_index/)} frags ${at(/pf_fragment/)}-${at(/pf_fragment/, true)}];`,
      );
    }
    console.log(line.join(' '));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
  for (const [p, rs] of Object.entries(runs)) {
    if (process.env['LIST']) {
      console.log(`-- ${p}`);
      for (const x of rs[0]?.list ?? []) console.log(`${String(x.at).padStart(5)} ms ${String(x.bytes).padStart(7)} ${x.url}`);
    }
  }
  const bareBytes = median((runs['bare'] ?? []).map((r) => r.bytes));
  for (const [p, rs] of Object.entries(runs)) {
    const bytes = median(rs.map((r) => r.bytes));
    console.log(
      `median ${p}: results ${median(rs.map((r) => r.ms))} ms, first page complete ${median(rs.map((r) => r.all))} ms, ${bytes} B (${(bytes / bareBytes).toFixed(3)} × bare)`,
    );
  }
  await browser.close();
  for (const s of servers) s.kill();
} else {
  console.error('usage: node scripts/bench-search.ts bare <messages> <out> | run <our dist> <bare dist> [runs]');
  process.exit(2);
}
