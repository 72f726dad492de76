import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectAxeClean, withoutConsoleErrors } from './helpers.ts';
import { pdfinfo, pdftotext } from '../support/poppler.ts';

/** Adds the figure's state on screen to the talk and waits for the figure to say so. */
async function addToTalk(page: Page, figure: string, n: number): Promise<void> {
  const fig = page.locator(`model-figure[data-figure="${figure}"]`).first();
  await fig.scrollIntoViewIfNeeded();
  await fig.locator('button[data-action="add-to-talk"]').click();
  await expect(fig.locator('[data-field="talk-status"]')).toContainText(`Added as step ${n} of`);
}

const steps = (page: Page) => page.locator('talk-editor ol[data-field="steps"] > li');
const whats = (page: Page): Promise<string[]> => steps(page).locator('.step-head').allTextContents();

/** Four states from two articles: two figures of the live article (one after a knob step), two of another. */
async function buildTalk(page: Page): Promise<void> {
  await page.goto('articles/copy-vs-zero-copy/');
  await addToTalk(page, 'throughput-vs-segment', 1);
  const knob = page.locator('model-knob[data-key="rxCopyMBps"]').first();
  await knob.focus();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  await expect(knob).not.toHaveAttribute('aria-valuenow', '250');
  await addToTalk(page, 'time-breakdown', 2);
  await page.goto('articles/zero-copy-twenty-years-later/');
  await addToTalk(page, 'receive-path', 3);
  await addToTalk(page, 'measurements', 4);
}

test('a talk of four states from two articles: listed, reordered by keyboard and by drag, renamed, kept, shared, presented, taken offline, printed', async ({
  page,
  browser,
}) => {
  await withoutConsoleErrors(page, async () => {
    await buildTalk(page);
    await page.goto('talks/');
    await expect(steps(page)).toHaveCount(4);
    const start = await whats(page);
    expect(start[0]).toMatch(/^Step 1 · Throughput against segment size: preset “Quadrics, June 2002/);
    // The knob's step is kept as a change from the preset the page started from.
    expect(start[1]).toMatch(
      /^Step 2 · CPU time per segment: preset “Quadrics, June 2002 \(2\.4\.3\)”, with receive copy bandwidth \d+ MB\/s/,
    );
    expect(start[2]).toMatch(/^Step 3 · A received segment’s journey: preset “io_uring zcrx 2024/);
    expect(start[3]).toMatch(/^Step 4 · Published measurements .*: published numbers/);
    await expect(page).toHaveURL(/#talk=[\w-]+$/);
    // Each step has a drawing of its figure at its state.
    await expect(steps(page).locator('.step-thumb svg')).toHaveCount(4);

    // By keyboard: "Move down" on step 1, twice; focus follows the step.
    const down = page.getByRole('button', { name: 'Move down: step 1' });
    await down.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Move down: step 2' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-field="status"]')).toHaveText('Moved step 2 to position 3 of 4.');
    let now = await whats(page);
    expect(now.map((w) => w.replace(/^Step \d · /, ''))).toEqual(
      [start[1], start[2], start[0], start[3]].map((w) => w!.replace(/^Step \d · /, '')),
    );

    // By drag: the last step onto the first (all on screen, so the drag needs no scrolling).
    await page.setViewportSize({ width: 1280, height: 1800 });
    await page.evaluate(() => scrollTo(0, 0));
    await expect(steps(page).nth(3).locator('.step-thumb')).toBeInViewport({ ratio: 1 });
    await expect(steps(page).nth(0).locator('.step-thumb')).toBeInViewport({ ratio: 1 });
    // A few small moves first, as a hand makes them: the drag starts on the step pressed.
    const from = (await steps(page).nth(3).locator('.step-thumb').boundingBox())!;
    const to = (await steps(page).nth(0).locator('.step-thumb').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 - 12, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect(steps(page).first().locator('.step-head')).toContainText('Published measurements');
    now = await whats(page);
    expect(now[1]).toContain('CPU time per segment');

    // Renamed and titled; kept over a reload, and carried by the address.
    await page.getByLabel('Caption of step 2').fill('The receiver’s CPU time, «copy» included');
    await page.getByLabel('Title', { exact: true }).fill('Slowest side, 20 minutes');
    await page.reload();
    await expect(page.getByLabel('Caption of step 2')).toHaveValue('The receiver’s CPU time, «copy» included');
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Slowest side, 20 minutes');

    // The link opens the same talk in a browser that has none.
    const link = page.url();
    const other = await browser.newContext();
    const fresh = await other.newPage();
    await fresh.goto(link);
    await expect(steps(fresh)).toHaveCount(4);
    expect(await whats(fresh)).toEqual(await whats(page));
    await expect(fresh.getByLabel('Caption of step 2')).toHaveValue('The receiver’s CPU time, «copy» included');
    await other.close();

    // Presented as it stands: its own captions, its own order, by keyboard; Escape gives focus back.
    const captions = await steps(page)
      .locator('textarea')
      .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    const present = page.getByRole('button', { name: 'Present', exact: true });
    await present.click();
    const dialog = page.locator('dialog.presenter');
    await expect(dialog.locator('.p-position')).toHaveText('Step 1 of 4');
    await expect(dialog.locator('.p-stage svg')).toHaveAttribute('aria-label', /^Published measurements/);
    await page.keyboard.press('ArrowRight');
    await expect(dialog.locator('.p-position')).toHaveText('Step 2 of 4');
    await expect(dialog.locator('.p-sentence')).toHaveText(captions[1]!);
    await expectAxeClean(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(present).toBeFocused();

    // Downloaded for the day, and opened from a folder of its own with every request refused.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download for offline (HTML)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('slowest-side-20-minutes.html');
    const folder = mkdtempSync(join(tmpdir(), 'talk-'));
    const file = join(folder, download.suggestedFilename());
    copyFileSync(await download.path(), file);
    const offline = await browser.newContext();
    const refused: string[] = [];
    const url = pathToFileURL(file).href;
    await offline.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      refused.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const stick = await offline.newPage();
    await stick.goto(url);
    const shown = stick.locator('dialog.presenter');
    await expect(shown.locator('.p-position')).toHaveText('Step 1 of 4');
    await stick.keyboard.press('End');
    await expect(shown.locator('.p-position')).toHaveText('Step 4 of 4');
    await stick.keyboard.press('ArrowLeft');
    await stick.keyboard.press('ArrowLeft');
    await expect(shown.locator('.p-sentence')).toHaveText('The receiver’s CPU time, «copy» included');
    expect(refused).toEqual([]);
    await offline.close();

    // The PDF: a title page, then one 16:9 page a step with its caption as text.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('slowest-side-20-minutes.pdf');
    const pdfPath = await pdf.path();
    const info = pdfinfo(pdfPath).fields;
    expect(info['Pages']).toBe('5');
    expect(info['Title']).toBe('Slowest side, 20 minutes');
    expect(info['Page size']).toMatch(/^960 x 540 pts/);
    const size = statSync(pdfPath).size;
    expect(size).toBeGreaterThan(4 * 20_000);
    expect(size).toBeLessThan(4 * 200_000);
    const pages = pdftotext(pdfPath);
    expect(pages[2]!.replace(/\s+/g, ' ')).toContain('The receiver’s CPU time, «copy» included');
    await expect(page.locator('[data-field="status"]')).toContainText('Downloaded the talk as PDF.');

    // The PNGs: four 1920 × 1080 slides named in the talk's order.
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download slides as PNGs (ZIP)' }).click(),
    ]);
    expect(zip.suggestedFilename()).toBe('slowest-side-20-minutes-1920x1080.zip');
    const zipPath = await zip.path();
    expect(spawnSync('unzip', ['-t', zipPath], { encoding: 'utf8' }).stdout).toMatch(/No errors detected/);
    const names = spawnSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(names.map((n) => n.replace(/-.*$/, ''))).toEqual(['01', '02', '03', '04']);
    expect(names[0]).toMatch(/^01-measurements-/);
    expect(names[1]).toMatch(/^02-time-breakdown-the-receiver-s-cpu-time/);
    expect(names.every((n) => n.endsWith('.png'))).toBe(true);

    // Remove one.
    await page.getByRole('button', { name: 'Remove step 4' }).click();
    await expect(steps(page)).toHaveCount(3);
  });
});

test("an article's sequence opens as the talk, the replaced talk can be restored, and a damaged link is said", async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto('articles/copy-vs-zero-copy/');
    await addToTalk(page, 'throughput-vs-segment', 1);
    await page.goto('talks/');
    await expect(steps(page)).toHaveCount(1);
    const slowest = page.locator('article.article-talk', { has: page.getByRole('heading', { name: 'The slowest side' }) });
    await slowest.getByRole('button', { name: 'Open as my talk' }).click();
    await expect(steps(page)).toHaveCount(3);
    await expect(page.getByLabel('Caption of step 1')).toHaveValue(/^In the 2002 state the receiver is the slowest side/);
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('The slowest side');
    await page.getByRole('button', { name: 'Restore the talk you had before' }).click();
    await expect(steps(page)).toHaveCount(1);
    // Appending puts its steps after the talk's.
    await slowest.getByRole('button', { name: 'Add its steps to my talk' }).click();
    await expect(steps(page)).toHaveCount(4);

    await page.goto('talks/#talk=not*base64');
    await expect(page.locator('[data-field="notice"]')).toContainText('damaged');
  });
});

test('the talk page: axe finds nothing with steps listed, light and dark, 360 and 1280 px; without JavaScript the sequences are listed', async ({
  page,
  browser,
}) => {
  await page.goto('articles/the-slowest-side/');
  await addToTalk(page, 'slowest-side', 1);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('talks/');
      await expect(steps(page)).toHaveCount(1);
      await expectAxeClean(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  }
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto('talks/');
  await expect(plain.locator('.needs-js')).toBeVisible();
  await expect(plain.locator('article.article-talk')).toHaveCount(6);
  await expect(plain.locator('article.article-talk li').first()).toContainText('The figure puts it beside');
  await context.close();
});
