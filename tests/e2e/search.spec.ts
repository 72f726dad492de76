import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_SITE, SITE } from '../../playwright.config.ts';
import { expectAxeClean, SEED, withoutConsoleErrors } from './helpers.ts';

const KLEEN = 'p73n0tgm7l3.fsf@oldwotan.suse.de';
const READER = 'fixture-reader-1@example.invalid';

// Text fragments scroll at once, so the tests can look where the page landed.
test.use({ reducedMotion: 'reduce' });

/** Opens the search page of `site` with a query (and more URL parameters) and waits for the answer. */
async function search(page: Page, q: string, site = SITE, more = ''): Promise<void> {
  await page.goto(new URL(`search/?q=${encodeURIComponent(q)}${more}`, site).href);
  await settled(page);
}

/** Waits until the status line answers and the whole first page of results is drawn. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('#search-status')).toHaveText(/results? for|No results/);
  // The status speaks once the first results show; the rest of the page follows.
  await expect(page.locator('#search-results')).not.toHaveAttribute('aria-busy', 'true');
}

/** The title links of every result, after showing all of them. */
async function resultLinks(page: Page): Promise<string[]> {
  const more = page.locator('#search-more button');
  while ((await more.count()) > 0) {
    const before = await page.locator('.search-result').count();
    await more.click();
    await expect(page.locator('.search-result')).not.toHaveCount(before);
    await expect(page.locator('#search-results')).not.toHaveAttribute('aria-busy', 'true');
  }
  return page.locator('.search-result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** The facts line of every result shown: one per result, and at least one result (a loop over none proves nothing). */
async function facts(page: Page): Promise<string[]> {
  const all = await page.locator('.search-result .search-facts').allTextContents();
  expect(all.length, 'results with facts').toBeGreaterThan(0);
  expect(all).toHaveLength(await page.locator('.search-result').count());
  return all;
}

/** True when some text containing `term` lies inside the viewport. */
function termInView(page: Page, term: string): Promise<boolean> {
  return page.evaluate((t) => {
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const i = n.textContent?.indexOf(t) ?? -1;
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + t.length);
      const r = range.getBoundingClientRect();
      if (r.height > 0 && r.top >= 0 && r.bottom <= innerHeight) return true;
    }
    return false;
  }, term);
}

test('searching netif_rx finds the seed message and the receive-path article, and each link opens the passage', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await search(page, 'netif_rx');
    const links = await resultLinks(page);
    const seed = links.find((h) => h.startsWith(`/m/${SEED}/#`));
    const article = links.find((h) => h.startsWith('/articles/where-the-copy-happens/'));
    expect(seed, links.join('\n')).toMatch(/#s\d+:~:text=.*netif_rx/);
    expect(article, links.join('\n')).toMatch(/:~:text=.*netif_rx/);
    // The seed has the word only in a quote: its passage says so.
    const seedItem = page.locator('.search-result', { has: page.locator(`h2 a[href="${seed}"]`) });
    await expect(seedItem.locator('.search-passages li').first()).toContainText('(quoted)');
    await expect(seedItem.locator('mark').first()).toHaveText(/^netif_rx/);

    await seedItem.locator('h2 a').click();
    await expect(page).toHaveURL(new RegExp(`/m/${SEED.replace(/\./g, '\\.')}/#s\\d+`));
    const id = (seed ?? '').split('#')[1]?.split(':~:')[0] ?? '';
    await expect(page.locator(`[id="${id}"]`)).toContainText('netif_rx()');
    expect(await termInView(page, 'netif_rx')).toBe(true);
    // The message page itself runs nothing but the theme switch: the highlight is the browser's own.
    await expect(page.locator('script:not([src$="/theme.js"])')).toHaveCount(0);

    await page.goto(new URL(article ?? '', SITE).href);
    expect(await termInView(page, 'netif_rx')).toBe(true);
  });
});

test('f:kleen finds Andi Kleen’s message, known only from our summary', async ({ page }) => {
  await search(page, 'f:kleen');
  const links = await resultLinks(page);
  expect(links).toContain(`/m/${KLEEN}/`);
  for (const line of await facts(page)) expect(line).toContain('Andi Kleen');
});

test('t:note NDA returns notes only', async ({ page }) => {
  await search(page, 't:note NDA');
  const links = await resultLinks(page);
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) expect(href).toMatch(/^\/notes\//);
  for (const line of await facts(page)) expect(line).toMatch(/^Note/);
  await expect(page.locator('fieldset', { hasText: 'Kind' }).locator('label')).toHaveText([`Note (${links.length})`]);
});

test('-word leaves out every page that contains the word', async ({ page }) => {
  await search(page, 'copy');
  const all = await resultLinks(page);
  await search(page, 'copy -sendfile');
  const without = await resultLinks(page);
  expect(without.length).toBeGreaterThan(0);
  expect(without.length).toBeLessThan(all.length);
  for (const href of without) {
    expect(all).toContain(href);
    const text = await (await page.request.get(new URL(href, SITE).href)).text();
    // The page's indexed text never says it (markup aside, the word is not on the page).
    expect(text.replace(/<[^>]+>/g, ' ').toLowerCase(), href).not.toMatch(/\bsendfile\b/);
  }
});

test('a d: range narrows the results to messages of those days', async ({ page }) => {
  await search(page, 'zero-copy');
  const all = (await resultLinks(page)).length;
  await search(page, 'zero-copy d:2002-06-28..2002-06-29');
  const narrowed = await resultLinks(page);
  expect(narrowed.length).toBeGreaterThan(0);
  expect(narrowed.length).toBeLessThan(all);
  for (const line of await facts(page)) expect(line).toMatch(/· (28|29) Jun 2002/);
  await search(page, 'd:2002-06-27');
  for (const line of await facts(page)) expect(line).toMatch(/· 27 Jun 2002/);
  await search(page, 'copy d:2002-13-40');
  await expect(page.locator('#search-notices')).toContainText('is not a date');
});

test('a quoted phrase matches exactly, and its passage is the one that holds it', async ({ page }) => {
  await search(page, 'copy receive');
  const loose = (await resultLinks(page)).length;
  await search(page, '"copy receive"');
  const exact = await resultLinks(page);
  expect(exact.length).toBeGreaterThan(0);
  expect(exact.length).toBeLessThan(loose);
  const excerpts = await page.locator('.search-result .search-passages li:first-child .search-excerpt').allTextContents();
  expect(excerpts.length).toBeGreaterThan(0);
  for (const text of excerpts) {
    expect(text.toLowerCase().replace(/[^a-z0-9_]+/g, ' ')).toContain('copy receive');
  }
});

test('the message that said something ranks above the reply that quotes it', async ({ page }) => {
  await search(page, 'significantly better performance with MPI', FIXTURE_SITE);
  const links = await resultLinks(page);
  const seed = links.findIndex((h) => h.startsWith(`/sub/m/${SEED}/`));
  const reply = links.findIndex((h) => h.startsWith(`/sub/m/${READER}/`));
  expect(seed).toBeGreaterThanOrEqual(0);
  expect(reply).toBeGreaterThan(seed);
  await expect(page.locator('.search-result').nth(reply).locator('.search-passages li').first()).toContainText('(quoted)');
  // q: keeps only hits in quoted text; nq: only the author's own words.
  await search(page, 'q:"wrong api"', FIXTURE_SITE);
  expect((await resultLinks(page)).some((h) => h.startsWith(`/sub/m/${READER}/`))).toBe(true);
  await search(page, 'nq:MPI', FIXTURE_SITE);
  const own = await resultLinks(page);
  expect(own.some((h) => h.startsWith(`/sub/m/${SEED}/`))).toBe(true);
  expect(own.some((h) => h.startsWith(`/sub/m/${READER}/`))).toBe(false);
});

test('a shared ?q= URL restores the search, and back and forward step through searches', async ({ page }) => {
  await search(page, 'f:kleen', SITE, '&kind=message&sort=newest');
  await expect(page.locator('#search-q')).toHaveValue('f:kleen');
  await expect(page.locator('#search-sort')).toHaveValue('newest');
  await expect(page.locator('input[name="kind"][value="message"]')).toBeChecked();
  await expect(page.locator('.search-result h2 a')).toHaveAttribute('href', `/m/${KLEEN}/`);

  await page.locator('#search-q').fill('netif_rx');
  await page.locator('#search-q').press('Enter');
  await expect(page).toHaveURL(/\?q=netif_rx&kind=message&sort=newest$/);
  await expect(page.locator('#search-status')).toContainText('netif_rx');
  await page.goBack();
  await expect(page.locator('#search-q')).toHaveValue('f:kleen');
  await expect(page.locator('#search-status')).toContainText('f:kleen');
  await page.goForward();
  await expect(page.locator('#search-q')).toHaveValue('netif_rx');
  await expect(page.locator('#search-status')).toContainText('netif_rx');
});

test('sorting by date loads the date order only then, and lists messages newest or oldest first', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await withoutConsoleErrors(page, async () => {
    // Message pages carry no Pagefind sort key: it would ride in every first search.
    await page.goto(`m/${SEED}/`);
    await expect(page.locator('[data-pagefind-meta^="date:"]')).toHaveCount(1);
    await expect(page.locator('[data-pagefind-sort]')).toHaveCount(0);

    await search(page, 'copy');
    const best = await page.locator('.search-facts').allTextContents();
    expect(best.some((f) => !f.startsWith('Message'))).toBe(true);
    expect(requests).not.toContain('/pagefind/date-order.json');

    // The order is by instant (a page shows the sender's own day, which may differ from UTC's).
    const instant = async (href: string): Promise<number> => {
      const html = await (await page.request.get(href.split('#')[0] ?? href)).text();
      return Date.parse(/data-pagefind-meta="date:([^"]+)"/.exec(html)?.[1] ?? '');
    };
    const sorted = async (sort: string): Promise<string[]> => {
      await page.locator('#search-sort').selectOption(sort);
      await expect(page).toHaveURL(new RegExp(`sort=${sort}$`));
      await expect(page.locator('#search-notices')).toContainText('Sorted by date');
      await settled(page);
      for (const f of await facts(page)) expect(f).toMatch(/^Message/);
      const links = await resultLinks(page);
      expect(links.length).toBeGreaterThan(1);
      const times = await Promise.all(links.map(instant));
      expect(times.every((t) => Number.isFinite(t))).toBe(true);
      expect(times).toEqual([...times].sort((a, b) => (sort === 'newest' ? b - a : a - b)));
      return links;
    };
    const newest = await sorted('newest');
    expect(requests.filter((p) => p === '/pagefind/date-order.json')).toHaveLength(1);
    const oldest = await sorted('oldest');
    expect(oldest).toEqual([...newest].reverse());
    // Best match again: everything is back, in Pagefind's order.
    await page.locator('#search-sort').selectOption('');
    await expect(page.locator('#search-notices')).not.toContainText('Sorted by date');
    await settled(page);
    expect(await page.locator('.search-facts').allTextContents()).toEqual(best);
  });
});

test('the first results show, with the status line, before the rest of the page has loaded', async ({ page }) => {
  // Hold back the last fragment the first page asks for (they are asked for in result order).
  const held: (() => void)[] = [];
  let asked = 0;
  await page.context().route('**/pagefind/fragment/*', async (route) => {
    asked += 1;
    if (asked === 10) await new Promise<void>((release) => held.push(release));
    await route.continue();
  });
  await page.goto('search/?q=copy');
  await expect(page.locator('#search-status')).toHaveText(/^\d+ results for “copy”\.$/);
  await expect(page.locator('.search-result')).toHaveCount(9);
  await expect(page.locator('#search-results')).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('#search-more')).toBeEmpty();
  expect(held).toHaveLength(1);
  for (const release of held) release();
  await expect(page.locator('.search-result')).toHaveCount(10);
  await expect(page.locator('#search-results')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('#search-more button')).toHaveText(/^Show \d+ more$/);
});

test('the search box in a page header opens the search page under the base path, with no script', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(new URL(`m/${SEED}/`, FIXTURE_SITE).href);
  expect(requests.filter((u) => u.includes('/pagefind/') || u.endsWith('.js'))).toEqual([`${FIXTURE_SITE}theme.js`]);
  await page.getByRole('searchbox', { name: 'Search' }).fill('f:kleen');
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page).toHaveURL(`${FIXTURE_SITE}search/?q=f%3Akleen`);
  await expect(page.locator('.search-result h2 a')).toHaveAttribute('href', `/sub/m/${KLEEN}/`);
});

test('search loads on first use: nothing of Pagefind before the box is focused', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('search/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
  await page.locator('#search-q').focus();
  await expect.poll(() => requests.includes('/pagefind/pagefind.js')).toBe(true);
  // A first search costs no more than the index it needs: the filter index waits until the
  // filters are opened, and then they are there to browse by, with counts.
  await page.keyboard.type('netif_rx');
  await expect(page.locator('#search-status')).toContainText('results for');
  expect(requests.filter((p) => p.startsWith('/pagefind/filter/'))).toEqual([]);
  await page.getByText('Filters', { exact: true }).click();
  await expect(page.locator('fieldset legend').first()).toHaveText('Kind');
  await expect(page.locator('fieldset', { hasText: 'Kind' }).locator('label').first()).toHaveText(/\(\d+\)$/);
  expect(requests.filter((p) => p.startsWith('/pagefind/filter/')).length).toBeGreaterThan(0);
});

test('everything works from the keyboard, and ticking a filter keeps the focus on it', async ({ page }) => {
  await page.goto('search/');
  await page.locator('#search-q').focus();
  await page.keyboard.type('copy');
  await page.keyboard.press('Enter');
  await expect(page.locator('#search-status')).toHaveText(/\d+ results for “copy”/);
  await expect(page.locator('#search-status')).toHaveAttribute('role', 'status');
  // Search button, syntax link, order, then the filters' disclosure: Enter opens it, and the
  // first filter follows.
  for (let k = 0; k < 4; k += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('fieldset legend').first()).toHaveText('Kind');
  await page.keyboard.press('Tab');
  await expect(page.locator('input[name="kind"][value="message"]')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/kind=message/);
  await expect(page.locator('#search-status')).toHaveText(/results for “copy” with message/);
  await expect(page.locator('input[name="kind"][value="message"]')).toBeFocused();
  await expect(page.locator('input[name="kind"][value="message"]')).toBeChecked();
  for (const line of await facts(page)) expect(line).toMatch(/^Message/);
});

test('hostile queries and hostile mail are shown as text and run nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await withoutConsoleErrors(page, async () => {
    for (const q of [
      "<script>document.title='owned'</script>",
      '<img src=x onerror=alert(1)>',
      '.*+?^${}()|[]\\ (((',
      `${'a('.repeat(3000)}`,
    ]) {
      await search(page, q, FIXTURE_SITE);
      await expect(page.locator('#search-status')).toContainText(q.slice(0, 40));
      // Counted inside the search section that is there, not in one that failed to render.
      await expect(page.locator('#search #search-results')).toHaveCount(1);
      await expect(page.locator('#search script, #search img, #search-status *')).toHaveCount(0);
    }
    await expect(page.locator('#search-notices')).toContainText('cut to its first 256 characters');
    // The fixture mail holds markup as text; its excerpt shows it as text too.
    await search(page, 'fixture note', FIXTURE_SITE);
    await expect(page.locator('.search-results')).toContainText("<script>document.title='owned'</script>");
    await expect(page.locator('.search-results script, .search-results a[href^="javascript:"]')).toHaveCount(0);
    await expect(page).not.toHaveTitle(/owned/);
  });
  expect(dialogs).toEqual([]);
});

test('no results says so and suggests what to try', async ({ page }) => {
  await search(page, 'f:torvalds "zero copy"', SITE, '&kind=note');
  await expect(page.locator('#search-status')).toHaveText('No results for “f:torvalds "zero copy"” with note.');
  await expect(page.locator('#search-notices')).toContainText('No author’s name contains “torvalds”.');
  await expect(page.getByRole('link', { name: '"zero copy"', exact: true })).toHaveAttribute('href', '?q=%22zero+copy%22&kind=note');
  await expect(page.getByRole('link', { name: 'Clear the ticked filters' })).toBeVisible();
});

test('axe finds nothing on the search page: empty, with results, with no results, light and dark', async ({ page }) => {
  await page.goto('search/');
  await expectAxeClean(page);
  await search(page, 'netif_rx');
  await expectAxeClean(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAxeClean(page);
  await search(page, 'zzzzqqq');
  await expectAxeClean(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await expectAxeClean(page);
});
