import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CSP } from '../../src/lib/csp.ts';
import { expectAxeClean, openAllParameters, SEED } from './helpers.ts';

const DIST = process.env['PW_DIST'] ?? 'dist';

/**
 * The built pages, the talk page (`talks/index.html`) among them. Not the offline talk files
 * (`talks/<name>.html`): each is a document of its own with its own policy, made to be opened
 * from a disk (offline-talk.spec.ts checks them).
 */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !(e.parentPath === join(dir, 'talks') && e.name !== 'index.html'))
    .map((e) => join(e.parentPath, e.name));
}

/** Records CSP violations the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

test('every built page carries the CSP and no inline script', () => {
  const files = htmlFiles(DIST);
  expect(files.length).toBeGreaterThan(50);
  // Embeds carry the same policy as pages (tests/unit/csp.test.ts reads what it says).
  expect(files.filter((f) => /\/embed\//.test(f)).length).toBeGreaterThan(5);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");
    expect(csp, file).toBe(CSP);
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1] ?? '');
    // Data blocks (type="application/json") do not run; anything else would need 'unsafe-inline'.
    for (const attrs of inline) expect(attrs, `${file}: inline <script${attrs}>`).toMatch(/type="application\/(ld\+)?json"/);
    expect(html, file).not.toMatch(/\son[a-z]+="/);
  }
});

test('every page names its language, has its own title and a description, and an Open Graph image that exists', () => {
  const titles = new Map<string, string>();
  for (const file of htmlFiles(DIST)) {
    const html = readFileSync(file, 'utf8');
    expect(html, file).toMatch(/^<!DOCTYPE html><html lang="en"/i);
    const title = /<title>([^<]+)<\/title>/.exec(html)?.[1] ?? '';
    expect(title.trim(), file).not.toBe('');
    expect(titles.get(title), `${file} has the title of ${titles.get(title)}`).toBeUndefined();
    titles.set(title, file);
    if (file.endsWith('404.html')) continue;
    expect(/<meta name="description" content="([^"]+)"/.exec(html)?.[1], file).toBeTruthy();
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    expect(image, file).toBeTruthy();
    const png = readFileSync(join(DIST, new URL(image!).pathname));
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(`${w}x${h}`, image).toBe(
      /<meta property="og:image:width" content="(\d+)"/.exec(html)?.[1] +
        'x' +
        /<meta property="og:image:height" content="(\d+)"/.exec(html)?.[1],
    );
  }
});

test('an article prints as a document: no chrome or controls, figures as SVG, each link followed by its address', async ({ page }) => {
  await page.goto('articles/copy-vs-zero-copy/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('model-controls')).toBeHidden();
  await expect(page.locator('#fig-slowest-side button[data-action="share"]')).toBeHidden();
  await expect(page.locator('#fig-slowest-side .chart svg')).toBeVisible();
  const link = page.locator('article a[data-print-url]').first();
  const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain(`<${await link.getAttribute('data-print-url')}>`);
  expect(await link.getAttribute('data-print-url')).toMatch(/^https?:\/\//);
  // Margin notes print the message they point at; numbers print the model state they open.
  expect(await page.locator('article .margin-ref').first().getAttribute('data-print-url')).toMatch(/^https?:\/\/[^/]+\/m\/.+#p\d+$/);
  expect(await page.locator('article a.model-link').first().getAttribute('data-print-url')).toMatch(
    /^https?:\/\/[^/]+\/articles\/copy-vs-zero-copy\/(\?[^#]*)?#model$/,
  );
  // A link to another article prints that article's absolute address.
  const relative = page.locator('article a[href^="../"]:not([href^="../../"])').first();
  const printed = (await relative.getAttribute('data-print-url')) ?? '';
  expect(printed).toMatch(/^https?:\/\/[^/]+\/articles\/[a-z-]+\/$/);
  // The printed address is the page the link opens (on the configured site, so compare paths).
  const opens = new URL((await relative.getAttribute('href')) ?? '', page.url());
  expect(new URL(printed).pathname).toBe(opens.pathname);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('the site works under its CSP: live figures, share, search and embeds report no violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('articles/copy-vs-zero-copy/');
  const figures = page.locator('model-figure');
  const n = await figures.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i += 1) await figures.nth(i).scrollIntoViewIfNeeded();
  await expect(page.locator('model-figure[data-upgraded]')).toHaveCount(n);
  await openAllParameters(page);
  await page.locator('#mc-rxCopyMBps-number').fill('400');
  await page.locator('#mc-rxCopyMBps-number').press('Enter');
  await page.locator('#fig-slowest-side button[data-action="share"]').click();
  await expect(page.locator('#fig-slowest-side [data-field="permalink"]')).toHaveValue(/rxCopyMBps=400/);
  expect(await violations()).toEqual([]);

  await page.goto('search/?q=netif_rx');
  await expect(page.locator('#search-status')).toContainText('results for');
  expect(await violations()).toEqual([]);

  await page.goto('embed/example/');
  await expect(page.frameLocator('iframe').first().locator('main[data-embed][data-drawn]')).toBeAttached();
  expect(await violations()).toEqual([]);
});

test('the theme switch pins light or dark over the system setting, for text, code and figures, and remembers it', async ({ page }) => {
  // The switch is the one script archive pages carry (archive.spec.ts); it stays under 1 kB.
  expect(statSync(join(DIST, 'theme.js')).size).toBeLessThan(1024);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('articles/where-the-copy-happens/');
  const sw = page.locator('#theme-switch');
  await expect(sw).toHaveText('Theme: auto');
  const bg = (): Promise<string> => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const code = (): Promise<string> =>
    page
      .locator('.astro-code')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
  const lightBg = await bg();
  const lightCode = await code();
  await sw.click();
  await expect(sw).toHaveText('Theme: light');
  await sw.click();
  await expect(sw).toHaveText('Theme: dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).not.toBe(lightBg);
  expect(await code()).not.toBe(lightCode);
  await expectAxeClean(page);

  // Remembered on the next page, before any figure draws; live figures draw in the dark palette.
  await page.goto('articles/copy-vs-zero-copy/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const fig = page.locator('#fig-throughput-vs-segment');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-upgraded', '');
  const darkSvg = await fig.locator('.chart svg').evaluate((s) => s.outerHTML);
  expect(darkSvg).toContain('#56b4e9');
  await page.locator('#theme-switch').click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  // The switch is in the header; figures off screen catch up when they scroll back in.
  await fig.scrollIntoViewIfNeeded();
  await expect.poll(() => fig.locator('.chart svg').evaluate((s) => s.outerHTML)).not.toContain('#56b4e9');
});

/** The axe rules whose outcome depends on colours. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

test('axe finds no violations in either theme, whether it comes from the system or the switch', async ({ page }) => {
  test.setTimeout(120_000);
  // Articles have their own axe test in every theme and width (model.spec.ts).
  const pages = ['', `m/${SEED}/`, 'threads/', 'date/', 'notes/', 'model/params/'];
  for (const [system, pinned] of [
    ['dark', null],
    ['light', 'dark'],
    ['dark', 'light'],
  ] as const) {
    await page.emulateMedia({ colorScheme: system });
    for (const path of pages) {
      await page.goto(path);
      await page.evaluate((t) => {
        if (t) localStorage.setItem('slowest-side-theme', t);
        else localStorage.removeItem('slowest-side-theme');
      }, pinned);
      await page.reload();
      if (pinned) await expect(page.locator('html')).toHaveAttribute('data-theme', pinned);
      // The system's dark theme gets every rule; a theme pinned by the switch changes colours
      // only, so it gets the rules about colour.
      await expectAxeClean(page, pinned ? COLOUR_RULES : undefined);
    }
  }
});

test('without JavaScript the system setting still applies and no switch is offered', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark', ...(baseURL ? { baseURL } : {}) });
  const page = await context.newPage();
  await page.goto(`m/${SEED}/`);
  await expect(page.locator('#theme-switch')).toBeHidden();
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(21, 23, 26)');
  await context.close();
});

test('no article or model page scrolls sideways on a 360 px screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const slugs = readdirSync('src/content/articles').map((f) => f.replace(/\.mdx$/, ''));
  for (const path of [...slugs.map((s) => `articles/${s}/`), 'model/fit/', 'model/changes/', 'model/params/']) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
  }
  await context.close();
});

test('every block of an article or note is contained, and lays out exactly as it would uncontained', async ({ browser }) => {
  // The blocks of articles and notes are contained (site.css), so a redraw repaints one block;
  // a contained block keeps its children's margins inside, which must not move anything. Every
  // article and note, at a phone's width and at the wide layout with its margin column.
  const names = (dir: string, ext: RegExp): string[] =>
    readdirSync(dir)
      .filter((f) => ext.test(f))
      .map((f) => f.replace(ext, ''));
  const paths = [
    ...names('src/content/articles', /\.mdx$/).map((s) => `articles/${s}/`),
    ...names('src/content/notes', /\.mdx?$/).map((s) => `notes/${s}/`),
  ];
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(path);
      // The panel pins its figure once measured (model-panel.ts): wait for it where there is one.
      if (width < 1000 && (await page.locator('.model-panel > model-figure').count()) > 0) {
        await expect(page.locator('.model-panel > model-figure').first()).toHaveAttribute('data-pinned', '');
      }
      const boxes = (): Promise<string[]> =>
        page.evaluate(() =>
          [...document.querySelectorAll('main *')].map((e) => {
            const r = e.getBoundingClientRect();
            return `${e.localName} ${Math.round(r.x)},${Math.round(r.y + scrollY)} ${Math.round(r.width)}x${Math.round(r.height)}`;
          }),
        );
      const blocks = await page.locator('article.prose > *').count();
      expect(blocks, path).toBeGreaterThan(3);
      const contained = await page.evaluate(
        () =>
          [...document.querySelectorAll('article.prose > *')].filter((e) => /layout|content|strict/.test(getComputedStyle(e).contain))
            .length,
      );
      expect(contained, `${path}: every block contained`).toBe(blocks);
      const before = await boxes();
      await page.addStyleTag({ content: 'article.prose > * { contain: none !important; }' });
      const after = await boxes();
      const moved = before.filter((b, i) => b !== after[i]);
      expect(moved, `${path} at ${width} px: boxes that move when the blocks are not contained`).toEqual([]);
    }
    await context.close();
  }
});
