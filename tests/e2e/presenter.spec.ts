import { expect, test, type Page } from '@playwright/test';
import { expectAxeClean, withoutConsoleErrors } from './helpers.ts';

const ARTICLE = 'articles/copy-vs-zero-copy/';
const FIG = 'model-figure#fig-slowest-side';
const PRESENT = `${FIG} button[data-action="present"]`;

interface PageStep {
  sentence: string;
  notes: string;
}

/** The article's steps as the page carries them. */
async function pageSteps(page: Page): Promise<PageStep[]> {
  const json = await page.locator('script#presenter-steps').textContent();
  return JSON.parse(json ?? '[]') as PageStep[];
}

/** Scrolls to the slowest-side figure and opens presenter mode from its button by keyboard. */
async function openByKeyboard(page: Page): Promise<void> {
  const button = page.locator(PRESENT);
  // The button shows once the figure nears the screen and its tools load.
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG}[data-upgraded]`)).toHaveCount(1);
  await button.scrollIntoViewIfNeeded();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('dialog.presenter')).toBeVisible();
}

test('a figure presents full screen, steps through the article and returns to it as it was', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(ARTICLE);
    const steps = await pageSteps(page);
    expect(steps).toHaveLength(5);
    expect(steps[0]?.sentence).toContain('one CPU copy on each side');
    const url = page.url();
    const historyLength = await page.evaluate(() => history.length);

    await openByKeyboard(page);
    const scrolledTo = await page.evaluate(() => window.scrollY);
    const dialog = page.locator('dialog.presenter');
    const box = await dialog.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    const caption = dialog.locator('.p-sentence');
    const chart = dialog.locator('.p-stage svg');
    await expect(caption).toHaveText(steps[0]!.sentence);
    await expect(dialog.locator('.p-position')).toHaveText('Step 1 of 5');
    await expect(chart).toHaveAttribute('aria-label', /Receive runs at 0\.90 Gbit\/s.*send at 1\.40 Gbit\/s/);
    // Drawn at most 1/1.6 of its on-screen size, so its 12 px type shows at 19 px or more.
    const magnified = await chart.evaluate((svg) => {
      const { width, height } = svg.getBoundingClientRect();
      return Math.min(width / Number(svg.getAttribute('width')), height / Number(svg.getAttribute('height')));
    });
    expect(magnified).toBeGreaterThanOrEqual(1.6);

    const first = await chart.evaluate((svg) => svg.outerHTML);
    await page.keyboard.press('ArrowRight');
    await expect(caption).toHaveText(steps[1]!.sentence);
    await expect(dialog.locator('.p-position')).toHaveText('Step 2 of 5');
    await expect(chart).toHaveAttribute('aria-label', /Receive runs at 0\.90 Gbit\/s.*send at 1\.64 Gbit\/s/);
    expect(await chart.evaluate((svg) => svg.outerHTML)).not.toBe(first);
    await expect(dialog.locator('[aria-live="polite"]')).toHaveText(`Step 2 of 5. ${steps[1]!.sentence}`);
    // The page's own state follows the step: zero-copy send in the controls behind.
    await expect(page.locator('#mc-txMode-select')).toHaveValue('sendfile');

    await page.keyboard.press('ArrowLeft');
    await expect(caption).toHaveText(steps[0]!.sentence);
    await expect(chart).toHaveAttribute('aria-label', /send at 1\.40 Gbit\/s/);

    const notesButton = dialog.getByRole('button', { name: 'Notes' });
    await expect(dialog.locator('#presenter-notes')).toBeHidden();
    await page.keyboard.press('n');
    await expect(dialog.locator('#presenter-notes')).toBeVisible();
    await expect(dialog.locator('#presenter-notes')).toContainText(steps[0]!.notes);
    await expect(notesButton).toHaveAttribute('aria-expanded', 'true');

    const frame = dialog.locator('.p-frame');
    const background = (): Promise<string> => frame.evaluate((el) => getComputedStyle(el).backgroundColor);
    const startedDark = (await background()) === 'rgb(0, 0, 0)';
    await page.keyboard.press('d');
    await expect.poll(background).toBe(startedDark ? 'rgb(255, 255, 255)' : 'rgb(0, 0, 0)');
    await expect(dialog.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', String(!startedDark));

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.locator(PRESENT)).toBeFocused();
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await expect(page.locator('#mc-txMode-select')).toHaveValue('copy');
    await expect(page.locator(`${FIG} .caption-text`)).toContainText('send at 1.40 Gbit/s');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolledTo);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  });
});

test('leaving full screen (Escape, in a real browser) leaves presenter mode', async ({ page }) => {
  await page.goto(ARTICLE);
  await openByKeyboard(page);
  // Entered on the keyboard gesture, the stage itself, not the <dialog> (which may not go full screen).
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className)).toBe('p-frame');
  await page.evaluate(() => document.exitFullscreen());
  await expect(page.locator('dialog.presenter')).toHaveCount(0);
  await expect(page.locator(PRESENT)).toBeFocused();
});

test('without steps in the article, the presenter shows the figure as the reader left it', async ({ page }) => {
  await page.goto(`${ARTICLE}?rxMode=direct`);
  // As on an article that defines no sequence.
  await page.evaluate(() => document.getElementById('presenter-steps')?.remove());
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await page.locator(PRESENT).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG}[data-upgraded]`)).toHaveCount(1);
  const figureCaption = (await page.locator(`${FIG} .caption-text`).textContent()) ?? '';
  expect(figureCaption).toContain('end to end 1.40 Gbit/s, set by the sender');
  await openByKeyboard(page);
  const dialog = page.locator('dialog.presenter');
  await expect(dialog.locator('.p-sentence')).toHaveText(figureCaption);
  await expect(dialog.locator('.p-position')).toHaveText('Step 1 of 1');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.locator('.p-position')).toHaveText('Step 1 of 1');
  await expect(dialog.getByRole('link', { name: 'Read it in the article' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\?rxMode=direct$/);
  await expect(page.locator('#mc-rxMode-select')).toHaveValue('direct');
});

test('the open presenter passes axe in light and dark', async ({ page }) => {
  await page.goto(ARTICLE);
  await openByKeyboard(page);
  const dialog = page.locator('dialog.presenter');
  await page.keyboard.press('n');
  for (const theme of ['light', 'dark']) {
    if ((await dialog.getAttribute('data-theme')) !== theme) await page.keyboard.press('d');
    await expect(dialog).toHaveAttribute('data-theme', theme);
    await expectAxeClean(page);
  }
});

test('"Read it in the article" closes the presenter on that step\'s sentence', async ({ page }) => {
  await page.goto(ARTICLE);
  const steps = await pageSteps(page);
  await openByKeyboard(page);
  await page.keyboard.press('ArrowRight');
  await page.locator('dialog.presenter').getByRole('link', { name: 'Read it in the article' }).click();
  await expect(page.locator('dialog.presenter')).toHaveCount(0);
  expect(await page.evaluate(() => getSelection()?.toString().replace(/\s+/g, ' '))).toBe(steps[1]!.sentence);
});

for (const reducedMotion of ['reduce', 'no-preference'] as const) {
  test(`presenter motion with prefers-reduced-motion: ${reducedMotion}`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion });
    await page.goto(ARTICLE);
    await openByKeyboard(page);
    const durations = await page.locator('dialog.presenter, dialog.presenter *').evaluateAll((els) =>
      els.flatMap((el) => {
        const s = getComputedStyle(el);
        return [...s.transitionDuration.split(', '), ...s.animationDuration.split(', ')];
      }),
    );
    const moving = durations.filter((d) => d !== '0s');
    if (reducedMotion === 'reduce') expect(moving).toEqual([]);
    else expect(moving.length).toBeGreaterThan(0);
  });
}

test('the slowest-side article presents its three cases: receive-bound, send-bound, window-bound', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto('articles/the-slowest-side/');
    const steps = await pageSteps(page);
    expect(steps).toHaveLength(3);
    await openByKeyboard(page);
    const dialog = page.locator('dialog.presenter');
    const chart = dialog.locator('.p-stage svg');
    const drawn: string[] = [];
    for (let i = 0; i < steps.length; i += 1) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      await expect(dialog.locator('.p-sentence')).toHaveText(steps[i]!.sentence);
      await expect(dialog.locator('.p-position')).toHaveText(`Step ${i + 1} of 3`);
      drawn.push(await chart.evaluate((s) => s.outerHTML));
    }
    // Each case draws a different chart.
    expect(new Set(drawn).size).toBe(3);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});

test('a step that names its figure shows that figure: the published measurements on zero-copy-twenty-years-later', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    const fig = 'model-figure#fig-receive-path';
    await page.goto('articles/zero-copy-twenty-years-later/');
    const steps = await pageSteps(page);
    expect(steps.map((s) => (s as PageStep & { figure: string }).figure)).toEqual(['', '', 'measurements', 'measurements']);
    await page.locator(fig).scrollIntoViewIfNeeded();
    await expect(page.locator(`${fig}[data-upgraded]`)).toHaveCount(1);
    await page.locator(`${fig} button[data-action="present"]`).focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.presenter');
    const title = dialog.locator('h2');
    const chart = dialog.locator('.p-stage svg');
    await expect(title).toHaveText('A received segment’s journey');
    await expect(chart).toHaveAttribute('aria-label', /^A received segment’s journey\./);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(dialog.locator('.p-position')).toHaveText('Step 3 of 4');
    await expect(dialog.locator('.p-sentence')).toHaveText(steps[2]!.sentence);
    await expect(title).toHaveText('Published measurements and the model');
    await expect(chart).toHaveAttribute('aria-label', /^Published measurements and the model\./);
    await page.keyboard.press('ArrowLeft');
    await expect(title).toHaveText('A received segment’s journey');
    await page.keyboard.press('Escape');
    await expect(page.locator(`${fig} button[data-action="present"]`)).toBeFocused();
  });
});
