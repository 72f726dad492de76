import { expect, test } from '@playwright/test';
import { expectAxeClean, SEED, withoutConsoleErrors } from './helpers.ts';

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the notes index lists every note, and a tag page lists only the notes with that tag', async ({ page }) => {
  await page.goto('notes/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notes on the NDA driver');
  const items = page.locator('.note-list > li');
  expect(await items.count()).toBeGreaterThanOrEqual(10);
  const all = await items.count();
  await page.getByRole('navigation', { name: 'Filter by tag' }).getByRole('link', { name: '#measurement' }).click();
  await expect(page).toHaveURL(/\/notes\/tags\/measurement\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notes tagged #measurement');
  const listed = page.locator('.note-list > li');
  const n = await listed.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(all);
  for (let i = 0; i < n; i += 1) await expect(listed.nth(i).locator('.note-tag', { hasText: '#measurement' })).toHaveCount(1);
});

test('a note\'s "Rests on" link opens the exact passage it cites', async ({ page }) => {
  await page.goto('notes/what-the-nda-covered/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What the NDA covered, and what it did not');
  const restsOn = page.getByRole('region', { name: 'Rests on' });
  await restsOn.getByRole('link', { name: /Hurwitz Justin W\., 27 Jun 2002 21:01, paragraph 3/ }).click();
  await expect(page).toHaveURL(new RegExp(`/m/${esc(SEED)}/#p3$`));
  await expect(page.locator('#p3')).toContainText('trivial part');
  await expect(page.locator('#p3')).toBeInViewport();
});

test('the seed message lists the notes resting on it, and each leads back to it', async ({ page }) => {
  await page.goto(`m/${SEED}/`);
  const notes = page.getByRole('region', { name: 'Notes on this message' });
  expect(await notes.locator('li > a:first-child').count()).toBeGreaterThanOrEqual(3);
  await notes.getByRole('link', { name: 'paragraph 3, for What the NDA covered, and what it did not' }).click();
  await expect(page).toHaveURL(new RegExp(`/m/${esc(SEED)}/#p3$`));
  await notes.getByRole('link', { name: 'What the NDA covered, and what it did not', exact: true }).click();
  await expect(page).toHaveURL(/\/notes\/what-the-nda-covered\/$/);
  await expect(page.getByRole('region', { name: 'Rests on' }).locator(`a[href*="${SEED}"]`).first()).toBeVisible();
});

test('the parameter reference lists the notes that rest on a parameter, and a note links to it', async ({ page }) => {
  await page.goto('notes/unknowable-parameters/');
  await page.getByRole('region', { name: 'Rests on' }).getByRole('link', { name: 'Receive checksum' }).click();
  await expect(page).toHaveURL(/\/model\/params\/#param-rxCsum$/);
  const entry = page.locator('#param-rxCsum');
  await expect(entry.getByRole('heading', { level: 2 })).toContainText('Receive checksum');
  await expect(entry).toContainText('Unknown in 2002');
  await expect(entry.getByRole('link', { name: 'Which model parameters the NDA leaves unknowable' })).toBeVisible();
  // A parameter no note rests on says so.
  await expect(page.locator('#param-window')).toContainText('No note rests on this parameter.');
});

test('note pages are indexed as notes with their tags; lists are not indexed', async ({ page }) => {
  await page.goto('notes/licensing-binary-and-nda-drivers/');
  await expect(page.locator('[data-pagefind-body]')).toHaveCount(1);
  await expect(page.locator('[data-pagefind-filter="kind:note"]')).toHaveCount(1);
  await expect(page.locator('[data-pagefind-filter="tag:licensing"]')).toHaveCount(1);
  for (const path of ['notes/', 'notes/tags/nda/', 'model/params/']) {
    const response = await page.goto(path);
    // The list itself, not a page that failed to load: a missing page has no index body either.
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
    await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);
  }
});

test('axe finds no violations on the notes index, a note, a tag page and the parameter reference', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    for (const path of ['notes/', 'notes/what-the-nda-covered/', 'notes/tags/nda/', 'model/params/']) {
      await page.goto(path);
      await expectAxeClean(page);
    }
  });
});
