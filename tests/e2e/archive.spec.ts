import { expect, test, type Page } from '@playwright/test';
import { BERND, expectAxeClean, QUESTION, SEED, withoutConsoleErrors } from './helpers.ts';

test('a reader goes from the home page into the thread and finds the messages in reply order', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto('./');
    await page.getByRole('link', { name: /^zero-copy networking & a performance drop/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('zero-copy networking & a performance drop');
    const tree = page.getByRole('navigation', { name: 'Reply tree' });
    // The question is the root; Bernd's reply sits under it; the seed answers Bernd.
    const root = tree.locator(':scope > ol > li').first();
    await expect(root.locator(':scope > a')).toHaveText('Hurwitz Justin W.');
    const bernd = root.locator(':scope > ol > li', { has: page.locator(':scope > a', { hasText: 'Bernd Eckenfels' }) });
    await expect(bernd.locator(':scope > ol > li > a').first()).toHaveText('Hurwitz Justin W.');
    // Every tree link lands on a message anchor of the same page.
    const links = await tree.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThanOrEqual(11);
    for (const href of links) await expect(page.locator(href ?? '#missing')).toHaveCount(1);
  });
});

test('the flat view lists the thread in the order the messages were sent', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: /^zero-copy networking & a performance drop/ }).click();
  await page.getByRole('link', { name: 'Flat, by date' }).click();
  await expect(page).toHaveURL(/\/flat\/$/);
  const times = await page
    .locator('article.thread-message header time')
    .evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
  expect(times.length).toBeGreaterThanOrEqual(11);
  expect(times).toEqual([...times].sort((a, b) => a - b));
});

test('a Message-ID permalink opens the message, with its headers, place in the thread and raw download', async ({ page, request }) => {
  await page.goto(`m/${SEED}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Re: zero-copy networking & a performance drop');
  await expect(page.getByText(`<${SEED}>`, { exact: true })).toBeVisible();
  await expect(page.locator('.badge.imported').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Bernd Eckenfels/ }).first()).toBeVisible();
  const raw = page.getByRole('link', { name: 'Raw message' });
  const response = await request.get(new URL((await raw.getAttribute('href')) ?? '', page.url()).href);
  expect(response.ok()).toBe(true);
  const text = await response.text();
  expect(text).toContain('TCP only');
  expect(text).toContain('performs as well as the slowest side of the connection');
});

test('a quote links to where it was first written, and the original links back', async ({ page }) => {
  await page.goto(`m/${SEED}/`);
  const quote = page.locator('.seg.quote', { hasText: 'Previous tests have show' });
  await quote.getByRole('link', { name: /First written by/ }).click();
  await expect(page).toHaveURL(new RegExp(`/m/${QUESTION.replace(/\./g, '\\.')}/#p1$`));
  await expect(page.locator('.badge.reconstructed').first()).toBeVisible();
  const para = page.locator('#p1');
  await expect(para).toContainText('Previous tests have show');
  await para.getByRole('link', { name: /Hurwitz Justin W\./ }).click();
  await expect(page).toHaveURL(new RegExp(`/m/${SEED.replace(/\./g, '\\.')}/#s\\d+$`));
});

test('a message known only from quotes and a summary is one entry, marked as reconstructed', async ({ page }) => {
  await page.goto(`m/${BERND}/`);
  await expect(page.locator('.badge.reconstructed').first()).toBeVisible();
  await expect(page.getByText('Summary (our words)')).toBeVisible();
  await expect(page.getByText('Rebuilt from the quotes in')).toBeVisible();
  await expect(page.locator('.mail')).toContainText('You have to sign a NDA');
  await page.goto('author/');
  await expect(page.getByRole('link', { name: /Bernd Eckenfels/ })).toHaveCount(1);
});

/** The scripts a page loads: the theme switch is the only one archive pages may have. */
const scripts = (page: Page): Promise<string[]> =>
  page.locator('script').evaluateAll((s) => s.map((x) => x.getAttribute('src') ?? 'inline'));

test('message, thread and index pages run no script but the theme switch', async ({ page }) => {
  for (const path of ['./', `m/${SEED}/`, 'threads/', 'date/', 'author/', 'subject/']) {
    await page.goto(path);
    expect(await scripts(page), path).toEqual(['/theme.js']);
  }
  await page.goto('./');
  await page.getByRole('link', { name: /^zero-copy networking & a performance drop/ }).click();
  expect(await scripts(page)).toEqual(['/theme.js']);
});

test('axe finds no violations and the console stays clean on home, thread, message and index pages', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto('./');
    await expectAxeClean(page);
    await page.getByRole('link', { name: /^zero-copy networking & a performance drop/ }).click();
    await expectAxeClean(page);
    await page.getByRole('link', { name: 'Flat, by date' }).click();
    await expectAxeClean(page);
    for (const path of [`m/${SEED}/`, `m/${BERND}/`, 'threads/', 'date/', 'author/', 'subject/']) {
      await page.goto(path);
      await expectAxeClean(page);
    }
  });
  const missing = await page.goto('no-such-page/');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectAxeClean(page);
});
