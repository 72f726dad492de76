/**
 * The offline talk files (lib/talk/offline.ts): opened from a file:// path in a folder of
 * their own, with every request the page tries routed, counted and refused, as on a laptop
 * with the network off. They present, step by keyboard, change live, and read with scripts
 * off; a ten-step talk made from the build's template stays small.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { staticDocument } from '../../src/lib/charts/static.ts';
import { paths } from '../../src/lib/routes.ts';
import { offlineCsp, talkFileHtml } from '../../src/lib/talk/offline.ts';
import { parseTalk, type Talk } from '../../src/lib/talk/talk.ts';
import { expectAxeClean } from './helpers.ts';

const DIST = process.env['PW_DIST'] ?? 'dist';
const ARTICLE = 'copy-vs-zero-copy';
const SITE = 'http://localhost:4321/';

const scratch = mkdtempSync(join(tmpdir(), 'offline-talk-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A built talk file copied into a folder of its own (as onto a USB stick); its file:// URL. */
function onStick(html: string, name: string): string {
  const file = join(scratch, name);
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

const built = (article: string): string => readFileSync(join(DIST, paths.talkFile(article, 'html')), 'utf8');

/** The talk a file carries. */
const talkIn = (html: string): Talk => parseTalk(/<script type="application\/json" id="talk">([^<]*)<\/script>/.exec(html)![1]!).talk;

interface Watch {
  /** Requests other than the file itself: each was refused. */
  requests: string[];
  /** CSP violations and console errors. */
  problems: () => Promise<string[]>;
}

/** Refuses and counts every request but the file's own load; records CSP violations and errors. */
async function offline(context: BrowserContext, page: Page, url: string): Promise<Watch> {
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  page.on('request', (r) => {
    if (r.url() !== url && !requests.includes(r.url())) requests.push(r.url());
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    requests,
    problems: async () => [...errors, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))],
  };
}

test('the talk file opens from a folder with the network off, presents every step by keyboard and changes live', async ({ browser }) => {
  const html = built(ARTICLE);
  const talk = talkIn(html);
  expect(talk.steps).toHaveLength(5);
  const url = onStick(html, `${ARTICLE}.html`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const watch = await offline(context, page, url);
  await page.goto(url);

  const dialog = page.locator('dialog.presenter');
  await expect(dialog).toBeVisible();
  // The script ran: its note for readers without it is gone.
  await expect(page.locator('#no-script')).toHaveCount(0);
  const caption = dialog.locator('.p-sentence');
  const position = dialog.locator('.p-position');
  const chart = dialog.locator('.p-stage svg');
  await expect(position).toHaveText('Step 1 of 5');
  await expect(caption).toHaveText(talk.steps[0]!.caption);
  await expect(chart).toHaveAttribute('aria-label', /send at 1\.40 Gbit\/s/);
  for (let i = 1; i < talk.steps.length; i += 1) {
    await page.keyboard.press('ArrowRight');
    await expect(position).toHaveText(`Step ${i + 1} of 5`);
    await expect(caption).toHaveText(talk.steps[i]!.caption);
  }
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('Step 5 of 5');
  await page.keyboard.press('Home');
  await expect(position).toHaveText('Step 1 of 5');

  // Live: the model panel's segment-size slider, to its largest value by keyboard.
  await page.keyboard.press('m');
  const slider = dialog.getByRole('slider', { name: 'Segment payload' });
  await expect(slider).toBeVisible();
  const drawn = await chart.getAttribute('aria-label');
  await slider.focus();
  await page.keyboard.press('End');
  await expect(caption).not.toHaveText(talk.steps[0]!.caption);
  await expect(caption).toContainText('Gbit/s');
  await expect(position).toHaveText('Step 1 of 5 · changed live');
  await expect(chart).not.toHaveAttribute('aria-label', drawn ?? '');
  await expect(dialog.locator('#presenter-ctl-mss + output')).toHaveText('65,536 B');
  // The slider's arrows are its own; off it they step again, and the change stays with its step.
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText('Step 1 of 5 · changed live');
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(position).toHaveText('Step 2 of 5');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText('Step 1 of 5 · changed live');
  await dialog.getByRole('button', { name: 'Back to the step’s state' }).click();
  await expect(caption).toHaveText(talk.steps[0]!.caption);
  await expect(chart).toHaveAttribute('aria-label', drawn ?? '');

  // Escape leaves the steps as a handout, focus on Present; a step's own button presents from it.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#present')).toBeFocused();
  await page.getByRole('button', { name: 'Present from step 3' }).click();
  await expect(page.locator('dialog.presenter .p-position')).toHaveText('Step 3 of 5');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Present from step 3' })).toBeFocused();

  expect(await watch.problems()).toEqual([]);
  expect(watch.requests).toEqual([]);
  await context.close();
});

test('with scripts off the talk file is a handout: every step drawn, captioned and counted', async ({ browser }) => {
  const html = built(ARTICLE);
  const talk = talkIn(html);
  const url = onStick(html, `${ARTICLE}-nojs.html`);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const watch = await offline(context, page, url);
  await page.goto(url);
  await expect(page.locator('dialog')).toHaveCount(0);
  await expect(page.getByText('Scripts are off')).toBeVisible();
  const steps = page.locator('ol.steps > li');
  await expect(steps).toHaveCount(5);
  for (const [i, step] of talk.steps.entries()) {
    const item = steps.nth(i);
    await expect(item.locator('h2')).toHaveText(/^Step \d of 5: /);
    await expect(item.locator('h2')).toContainText(`Step ${i + 1} of 5`);
    await expect(item.locator('svg[role="img"]')).toBeVisible();
    await expect(item.locator('figcaption')).toHaveText(step.caption);
  }
  expect(watch.requests).toEqual([]);
  await context.close();
});

test('a talk file is clean under axe, as a handout and presenting with its live model, light and dark', async ({ browser }) => {
  const url = onStick(built(ARTICLE), `${ARTICLE}-axe.html`);
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(url);
    const dialog = page.locator('dialog.presenter');
    await expect(dialog).toHaveAttribute('data-theme', colorScheme);
    await page.keyboard.press('m');
    await page.keyboard.press('n');
    await expect(dialog.locator('#presenter-model')).toBeVisible();
    await expectAxeClean(page);
    await page.keyboard.press('Escape');
    await expectAxeClean(page);
    await context.close();
  }
});

test('a ten-step talk made from the build’s template stays under 400 kB gzip and runs offline', async ({ browser }) => {
  const template = readFileSync(join(DIST, paths.talkTemplate()), 'utf8');
  // Two articles' sequences, cut to ten steps: model figures and a stateless one.
  const steps = [
    ...talkIn(built(ARTICLE)).steps,
    ...talkIn(built('zero-copy-twenty-years-later')).steps,
    ...talkIn(built('the-slowest-side')).steps,
  ];
  const talk: Talk = { title: 'Ten steps, offline', steps: steps.slice(0, 10) };
  expect(talk.steps).toHaveLength(10);
  const html = talkFileHtml(template, talk, staticDocument(), SITE);
  expect(html).toBeDefined();
  // The template's policy is the one a file with its script carries.
  const hash = /'sha256-([^']+)'/.exec(html!)![1]!;
  expect(html).toContain(offlineCsp(hash));
  const raw = Buffer.byteLength(html!);
  const gzip = gzipSync(html!).length;
  test.info().annotations.push({ type: 'size', description: `ten-step talk file: ${raw} bytes, ${gzip} gzip` });
  console.log(`ten-step talk file: ${raw} bytes raw, ${gzip} bytes gzip`);
  expect(gzip).toBeLessThan(400_000);

  const url = onStick(html!, 'ten-steps.html');
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch = await offline(context, page, url);
  await page.goto(url);
  const position = page.locator('dialog.presenter .p-position');
  await expect(position).toHaveText('Step 1 of 10');
  await page.keyboard.press('End');
  await expect(position).toHaveText('Step 10 of 10');
  await expect(page.locator('dialog.presenter .p-sentence')).toHaveText(talk.steps[9]!.caption);
  expect(await watch.problems()).toEqual([]);
  expect(watch.requests).toEqual([]);
  await context.close();
});

test('every article with a sequence links its talk file, and the file is a talk file of that sequence', async ({ page }) => {
  for (const article of ['copy-vs-zero-copy', 'zero-copy-twenty-years-later', 'the-seed-annotated']) {
    await page.goto(paths.article(article));
    const link = page.getByRole('link', { name: "Download this article's talk (HTML)" });
    await expect(link).toHaveAttribute('download', '');
    const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
    expect(response.ok()).toBe(true);
    const html = await response.text();
    const steps = JSON.parse((await page.locator('script#presenter-steps').textContent()) ?? '[]') as { sentence: string }[];
    expect(talkIn(html).steps.map((s) => s.caption)).toEqual(steps.map((s) => s.sentence));
  }
});

test('every talk file carries its own policy: its one script allowed by its hash, nothing from any host', () => {
  const dir = join(DIST, 'talks');
  // The talk page (`talks/index.html`) is a page of the site, under the site's policy.
  const files = readdirSync(dir).filter((f) => f.endsWith('.html') && f !== 'index.html');
  // Each article's sequence, and the template.
  expect(files).toContain(paths.talkTemplate().split('/').at(-1));
  expect(files.length).toBeGreaterThanOrEqual(7);
  for (const name of files) {
    const html = readFileSync(join(dir, name), 'utf8');
    expect(html, name).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    const code = scripts.filter((m) => m[1] === '');
    expect(code, name).toHaveLength(1);
    for (const m of scripts.filter((x) => x[1] !== '')) expect(m[1], name).toBe(' type="application/json" id="talk"');
    const hash = createHash('sha256').update(code[0]![2]!).digest('base64');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    expect(csp, name).toBe(offlineCsp(hash));
    // Markup that loads nothing: no external script, stylesheet, image, frame or font, and no
    // handler attributes (the script is held to the same by the policy, and the tests above count requests).
    const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
    expect(markup, name).not.toMatch(/<(?:link|img|iframe|object|embed|source|audio|video)\b|\ssrc=|@import|url\((?!#)|\son[a-z]+="/i);
    expect(talkIn(html).steps.length, name).toBe((html.match(/<li id="step-/g) ?? []).length);
  }
});

test('"Download talk" in the browser saves the talk as a file that presents offline and reads without scripts', async ({ browser }) => {
  // The talk page's call, bundled here as the site bundles its scripts, on a page of the built site.
  const harness = await build({
    stdin: {
      contents:
        "import { downloadTalkHtml } from './src/scripts/talk/offline.ts'; import { parseTalk } from './src/lib/talk/talk.ts'; Object.assign(window, { downloadTalkHtml, parseTalk });",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  const mixed = [...talkIn(built('zero-copy-twenty-years-later')).steps.slice(2, 3), ...talkIn(built(ARTICLE)).steps.slice(0, 2)];
  const talk: Talk = { title: 'Zéro-copy, my way', steps: [...mixed, { ...mixed[1]!, caption: 'My own words </script>' }] };
  const site = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
  const page = await site.newPage();
  await page.goto('articles/copy-vs-zero-copy/');
  await page.addScriptTag({ content: harness.outputFiles[0]!.text });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(
      async (json) => {
        const w = window as unknown as {
          downloadTalkHtml: (t: unknown, base: string) => Promise<void>;
          parseTalk: (j: string) => { talk: unknown };
        };
        await w.downloadTalkHtml(w.parseTalk(json).talk, '/');
      },
      JSON.stringify({
        v: 1,
        t: talk.title,
        s: talk.steps.map((x) => ({ f: x.figure, s: x.state, o: x.origin, c: x.caption, n: x.notes })),
      }),
    ),
  ]);
  expect(download.suggestedFilename()).toBe('zero-copy-my-way.html');
  const file = join(scratch, download.suggestedFilename());
  await download.saveAs(file);
  await site.close();
  const html = readFileSync(file, 'utf8');
  expect(talkIn(html).steps.map((x) => x.caption)).toEqual(talk.steps.map((x) => x.caption));

  const url = pathToFileURL(file).href;
  const context = await browser.newContext();
  const offlinePage = await context.newPage();
  const watch = await offline(context, offlinePage, url);
  await offlinePage.goto(url);
  const dialog = offlinePage.locator('dialog.presenter');
  await expect(dialog.locator('.p-position')).toHaveText('Step 1 of 4');
  await expect(dialog.locator('h2')).toHaveText('Published measurements and the model');
  await offlinePage.keyboard.press('End');
  await expect(dialog.locator('.p-sentence')).toHaveText('My own words </script>');
  expect(await watch.problems()).toEqual([]);
  expect(watch.requests).toEqual([]);
  await context.close();

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const handout = await noScript.newPage();
  await handout.goto(url);
  await expect(handout.locator('ol.steps > li svg[role="img"]')).toHaveCount(4);
  await expect(handout.locator('ol.steps > li figcaption')).toHaveText(talk.steps.map((x) => x.caption));
  await noScript.close();
});
