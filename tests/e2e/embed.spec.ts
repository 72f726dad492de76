import { expect, test, type Page } from '@playwright/test';
import { MODEL_VERSION } from '../../src/lib/model/index.ts';
import { expectAxeClean, VERSION_RE, withoutConsoleErrors } from './helpers.ts';

const EMBED = 'embed/slowest-side/';
const EXAMPLE = 'embed/example/';

/** Posts a message from the example page to its embed, as a host page would. */
const post = (page: Page, message: unknown): Promise<void> =>
  page.evaluate((m) => {
    document.querySelector<HTMLIFrameElement>('iframe[data-embed-host]')!.contentWindow!.postMessage(m, location.origin);
  }, message);

test('an embed on a host page follows the host’s messages and reports its state back', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto(EXAMPLE);
    const frame = page.frameLocator('iframe[data-embed-host]');
    const figure = frame.locator('.chart svg[role="img"]');
    const output = page.locator('[data-role="output"]');
    await expect(frame.locator('main[data-drawn]')).toBeAttached();
    await expect(output).toContainText('"preset": "quadrics-2002"');
    const before = await figure.getAttribute('aria-label');
    const entries = await page.evaluate(() => window.history.length);

    await page.getByRole('button', { name: 'Gigabit Ethernet host, 2002' }).click();
    await expect(figure).not.toHaveAttribute('aria-label', before ?? '');
    await expect(figure).toHaveAttribute('aria-label', /0\.94 Gbit\/s/);
    await expect(output).toContainText('"preset": "gige-2002"');
    await expect(output).toContainText('"query": "preset=gige-2002"');
    await expect(page.locator('[data-role="status"]')).toHaveText('Last message: slowest-side:state, preset gige-2002.');

    await page.getByRole('button', { name: 'Receive copy 500 MB/s' }).click();
    await expect(output).toContainText('"rxCopyMBps": 500');
    await expect(output).toContainText('"preset": null');
    await expect(frame.locator('a.open')).toHaveAttribute('href', /rxCopyMBps=500.*#fig-slowest-side$/);

    // Malformed messages do nothing; a value out of range is clamped and reported.
    for (const bad of [
      null,
      'slowest-side:set',
      [],
      { type: 'slowest-side:set', preset: 'nope' },
      { type: 'slowest-side:set', theme: '<b>' },
    ]) {
      await post(page, bad);
    }
    await post(page, { type: 'slowest-side:set', state: { mss: 99_999_999, evil: '<script>' } });
    await expect(output).toContainText('"reason": "above maximum"');
    await expect(output).toContainText('"rxCopyMBps": 500');
    await expect(frame.locator('.notices li')).toHaveText(['Segment payload: “99999999” is above the maximum; using 65,536 B.']);

    // Neither the embed nor the host page gained a history entry or a changed address.
    expect(await page.evaluate(() => window.history.length)).toBe(entries);
    expect(page.frames()[1]?.url()).toMatch(/\/embed\/slowest-side\/$/);
  });
});

test('theme=dark draws on the dark background with the dark palette; transparent draws on none', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${EMBED}?theme=dark`);
    await expect(page.locator('main[data-drawn]')).toBeAttached();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(21, 23, 26)');
    await expect(page.locator('.chart svg [fill="#56b4e9"]').first()).toBeAttached();
    await expectAxeClean(page);

    await page.goto(`${EMBED}?theme=transparent`);
    await expect(page.locator('main[data-drawn]')).toBeAttached();
    const backgrounds = await page.evaluate(() =>
      [document.documentElement, document.body].map((e) => getComputedStyle(e).backgroundColor),
    );
    expect(backgrounds).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    await expect(page.locator('.chart svg [fill="#0072b2"]').first()).toBeAttached();

    // A reader who prefers dark gets the dark palette, unless the URL pins light.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(EMBED);
    await expect(page.locator('.chart svg [fill="#56b4e9"]').first()).toBeAttached();
    await expectAxeClean(page);
    await page.goto(`${EMBED}?theme=light`);
    await expect(page.locator('.chart svg [fill="#0072b2"]').first()).toBeAttached();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(255, 253, 248)');
  });
});

test('the figure fills the frame, and size= keeps its shape', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 450 });
  await page.goto(EMBED);
  await expect(page.locator('main[data-drawn]')).toBeAttached();
  const filled = (await page.locator('.chart svg').boundingBox())!;
  expect(filled.width).toBe(800);
  expect(filled.height).toBeGreaterThan(380);

  await page.goto(`${EMBED}?size=480x480`);
  await expect(page.locator('main[data-drawn]')).toBeAttached();
  const svg = page.locator('.chart svg');
  await expect(svg).toHaveAttribute('viewBox', '0 0 480 480');
  const box = (await svg.boundingBox())!;
  expect(Math.abs(box.width / box.height - 1)).toBeLessThan(0.02);
  expect(box.height).toBeGreaterThan(380);

  // Resizing the frame redraws at the new size.
  await page.goto(EMBED);
  await expect(page.locator('main[data-drawn]')).toBeAttached();
  await page.setViewportSize({ width: 500, height: 400 });
  await expect(page.locator('.chart svg')).toHaveAttribute('viewBox', /^0 0 500 \d+$/);
});

test('a hostile address is clamped with notices and never becomes markup', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await withoutConsoleErrors(page, async () => {
    await page.goto(`${EMBED}?rxCopyMBps=999999&mss=abc&theme=<img src=x onerror=alert(1)>&x=<script>alert(2)</script>&size=huge`);
    await expect(page.locator('main[data-drawn]')).toBeAttached();
    const notices = page.locator('.notices li');
    await expect(notices).toHaveText([
      'Theme “<img src=x onerror=alert(1)>” is not light, dark or transparent; following the reader’s colour scheme.',
      'Size “huge” is not width×height in pixels; filling the frame.',
      'Segment payload: “abc” is not a number; using 4,096 B.',
      'Receive copy bandwidth: “999999” is above the maximum; using 100,000 MB/s.',
    ]);
    await expect(page.locator('img')).toHaveCount(0);
    expect(await page.locator('script').evaluateAll((s) => s.filter((x) => x.textContent?.includes('alert')).length)).toBe(0);
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    await expect(page.locator('a.open')).toHaveAttribute('href', /rxCopyMBps=100000/);
  });
  expect(dialogs).toBe(0);
});

test('an embed made with another model version says so and links to the version history', async ({ page }) => {
  await page.goto(`${EMBED}?v=0.9`);
  const notice = page.locator('.notices li');
  await expect(notice).toHaveText(new RegExp(`^Model version 0\\.9 is not one this site published; showing v${VERSION_RE}\\.`));
  const anchor = `v${MODEL_VERSION.replaceAll('.', '-')}`;
  const link = notice.getByRole('link', { name: /Model versions/ });
  await expect(link).toHaveAttribute('href', `/model/changes/#${anchor}`);
  await page.goto((await link.getAttribute('href'))!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Model versions');
  await expect(page.locator(`#${anchor}`)).toContainText('current');
  await expectAxeClean(page);
});

test('without JavaScript an embed shows the figure at its preset, with the source strip', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${EMBED}gige-2002/`);
  const svg = page.locator('.chart svg[role="img"]');
  await expect(svg).toBeVisible();
  await expect(svg).toHaveAttribute('aria-label', /0\.94 Gbit\/s/);
  const box = (await svg.boundingBox())!;
  expect(box.width).toBeGreaterThan(600);
  await expect(page.getByRole('link', { name: /Open in the article/ })).toHaveAttribute(
    'href',
    '/articles/copy-vs-zero-copy/?preset=gige-2002#fig-slowest-side',
  );
  await expect(page.locator('figcaption')).toContainText(`Slowest Side · The slowest side · model v${MODEL_VERSION}`);
  await expect(page.locator('header, nav, footer, [data-pagefind-body]')).toHaveCount(0);
  await context.close();
});

test('the embed pages and the example page pass axe, light and dark', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${EMBED}?v=0.9&mss=abc`);
      await expect(page.locator('main[data-drawn]')).toBeAttached();
      await expectAxeClean(page);
      await page.goto(EXAMPLE);
      await expect(page.locator('[data-role="output"]')).toContainText('slowest-side:state');
      await expectAxeClean(page);
    }
  });
});
