import { expect, test, type Page } from '@playwright/test';
import { BERND, expectAxeClean, SEED, withoutConsoleErrors } from './helpers.ts';

/** Nivedita Singhvi's first reply, which the archive holds only as our summary. */
const NIVEDITA = 'Pine.LNX.4.33.0206271248260.13115-100000@w-nivedita2.des.beaverton.ibm.com';

/** The "Cite this" block: its plain reference and its BibTeX, as the reader sees them. */
async function citeBlock(page: Page): Promise<{ plain: string; bibtex: string }> {
  const block = page.getByRole('region', { name: 'Cite this' });
  await expect(block).toBeVisible();
  const bibtex = block.getByRole('region', { name: 'BibTeX' });
  await expect(bibtex).toBeVisible();
  return {
    plain: (await block.locator('[data-cite-copy="plain"]').textContent()) ?? '',
    bibtex: (await bibtex.textContent()) ?? '',
  };
}

/** The value of one BibTeX field. */
const field = (bibtex: string, name: string): string | undefined => new RegExp(`^\\s*${name}\\s*=\\s*\\{(.*)\\},$`, 'm').exec(bibtex)?.[1];

test('an article ends with a citation of its title at its absolute permalink', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto('articles/');
    await page.locator('main a[href*="articles/"]').first().click();
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    const { plain, bibtex } = await citeBlock(page);
    expect(bibtex).toMatch(/^@misc\{slowestside-[a-z0-9-]+,/);
    expect(field(bibtex, 'title')).toBe(`{${title.replace(/[&%#_$]/g, (c) => `\\${c}`)}}`);
    expect(field(bibtex, 'author')).toBe('{Slowest Side}');
    const url = new URL(field(bibtex, 'url') ?? '');
    expect(url.pathname).toBe(new URL(page.url()).pathname);
    expect(plain).toContain(title);
    expect(plain.endsWith(url.href)).toBe(true);
    // The BibTeX box scrolls, so the keyboard can reach it.
    await page.getByRole('region', { name: 'BibTeX' }).focus();
    await expect(page.getByRole('region', { name: 'BibTeX' })).toBeFocused();
    await expectAxeClean(page);
  });
});

test('the seed message cites its Message-ID, date, author, list and archive copies, with no script of its own', async ({ page }) => {
  await page.goto(`m/${SEED}/`);
  const { plain, bibtex } = await citeBlock(page);
  for (const text of [plain, bibtex]) {
    expect(text).toContain(SEED);
    expect(text).toContain('linux-kernel mailing list');
    expect(text).toContain(`https://lore.kernel.org/lkml/${SEED}/`);
  }
  expect(field(bibtex, 'author')).toBe('{Hurwitz Justin W.}');
  expect(field(bibtex, 'date')).toBe('2002-06-27');
  expect(new URL(field(bibtex, 'url') ?? '').pathname).toBe(new URL(page.url()).pathname);
  expect(plain).toMatch(/^Hurwitz Justin W\. \(2002, June 27\)\. Re: zero-copy networking & a performance drop/);
  expect(plain).toContain(`Message-ID <${SEED}>`);
  // Archive pages run no script but the theme switch.
  await expect(page.locator('script:not([src$="/theme.js"])')).toHaveCount(0);
  await expectAxeClean(page);
});

test('a summary page cites the original message and says the page is a summary', async ({ page }) => {
  await page.goto(`m/${NIVEDITA}/`);
  await expect(page.locator('.badge.summary').first()).toBeVisible();
  const { plain, bibtex } = await citeBlock(page);
  const lore = `https://lore.kernel.org/lkml/${NIVEDITA}/`;
  expect(field(bibtex, 'url')).toBe(lore);
  expect(field(bibtex, 'author')).toBe('{Nivedita Singhvi}');
  expect(field(bibtex, 'note')).toContain(`Message-ID: ${NIVEDITA}.`);
  expect(field(bibtex, 'note')).toContain('holds only a summary of this message');
  expect(plain).toMatch(/^Nivedita Singhvi\. \(2002, June 27\)\./);
  expect(plain).toContain(`Message-ID <${NIVEDITA}>. ${lore}`);
  // Our page is named as the summary (by the site's configured URL, so compare paths).
  const ours = /holds only a summary of this message, in its own words: (\S+)\)$/.exec(plain)?.[1] ?? '';
  expect(new URL(ours).pathname).toBe(new URL(page.url()).pathname);
  // Archive pages run no script but the theme switch.
  await expect(page.locator('script:not([src$="/theme.js"])')).toHaveCount(0);
  await expectAxeClean(page);
});

test('a message rebuilt from quotes cites the original and says only part of it survives', async ({ page }) => {
  await page.goto(`m/${BERND}/`);
  const { plain, bibtex } = await citeBlock(page);
  expect(field(bibtex, 'url')).toBe(`https://lore.kernel.org/lkml/${BERND}/`);
  expect(plain).toMatch(/^Bernd Eckenfels\. \(2002, June 27\)\./);
  expect(plain).toContain('partial text of this message, rebuilt from quotes');
});
