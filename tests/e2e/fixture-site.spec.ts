import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { FIXTURE_SITE } from '../../playwright.config.ts';
import { slugOf } from '../../src/lib/mail/ids.ts';
import { addressesIn, remnantsIn } from '../support/address-oracle.ts';
import { citedMessageIds, expectAxeClean, QUESTION, SEED } from './helpers.ts';

const at = (path: string): string => new URL(path, FIXTURE_SITE).href;

test('a message made mostly of quotes folds them, and one click unfolds them', async ({ page }) => {
  await page.goto(at('m/fixture-reader-1@example.invalid/'));
  const fold = page.locator('details.fold').first();
  await expect(fold).not.toHaveAttribute('open');
  await expect(page.getByText('You are very right in saying')).toBeHidden();
  await fold.locator('summary').click();
  await expect(page.getByText('You are very right in saying')).toBeVisible();
  await expectAxeClean(page);
});

test('hostile mail text is shown as text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(at('m/fixture-reader-1@example.invalid/'));
  await expect(page.locator('.mail')).toContainText("<script>document.title='owned'</script>");
  await expect(page).not.toHaveTitle('owned');
  // The count of links below is taken in the mail that is there, not in a page without one.
  await expect(page.locator('.mail')).toHaveCount(1);
  await expect(page.locator('.mail a[href^="javascript:"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('links that did not come from the headers say how they were made', async ({ page }) => {
  await page.goto(at('m/fixture-second-2@example.invalid/'));
  await expect(page.getByText(/inferred link: quotes its text/)).toBeVisible();
  await page.goto(at('m/fixture-third-3@example.invalid/'));
  await expect(page.getByRole('link', { name: /Test Reader/ }).first()).toBeVisible();
  await page.goto(at(`m/${SEED}/`));
  await expect(page.getByText('Quoted in:').first()).toBeVisible();
});

test('long listings come in pages, with a pager that says where you are', async ({ page }) => {
  await page.goto(at('date/'));
  const pager = page.getByRole('navigation', { name: 'Pages of messages by date' }).first();
  await expect(pager.locator('[aria-current="page"]')).toHaveText('Page 1');
  const rows = page.locator('table.index tbody tr');
  await expect(rows).toHaveCount(12);
  const last = Number((await pager.locator('a:not([rel])').last().textContent()) ?? '0');
  expect(last).toBeGreaterThan(2);
  await pager.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(at('date/2/'));
  await expect(page).toHaveTitle(new RegExp(`Messages by date, page 2 of ${last}`));
  await expect(page.locator('caption')).toContainText('Messages 13–24 of');
  // Every page but the last is full; the last holds the rest, and nothing repeats.
  await page.goto(at(`date/${last}/`));
  // The pager is there, on its last page, and offers no Next.
  await expect(pager.locator('[aria-current="page"]')).toHaveText(`Page ${last}`);
  await expect(pager.getByRole('link', { name: 'Next' })).toHaveCount(0);
  const total = Number(/of (\d+)/.exec((await page.locator('caption').textContent()) ?? '')?.[1]);
  await expect(rows).toHaveCount(total - 12 * (last - 1));
  // An author whose messages run over a page boundary says so on the next page.
  await page.goto(at('author/2/'));
  await expect(page.locator('h2').first()).toBeVisible();
  await expectAxeClean(page);
});

/** What the crawl saw on one URL: its links and the ids of its elements (none for files), and its text. */
interface Seen {
  hrefs: string[];
  ids: string[];
  body: string;
}

/** The kind of page a URL is, by its first path segment under the base (`m`, `threads`, `` for home). */
const kindOf = (url: string): string => new URL(url).pathname.slice('/sub/'.length).split('/')[0] ?? '';

/**
 * Every URL reachable from the home page, with the links and element ids found on each HTML
 * page. Each page's markup is read as served (linkedom); the first page of each kind is also
 * opened in the browser, and what its scripts add (links, ids) is checked with the rest, so
 * script-made links are covered kind by kind without loading 300 pages in a browser.
 */
async function crawl(page: Page, request: APIRequestContext): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>();
  const browsed = new Set<string>();
  const queue = [at('')];
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const body = await response.text();
    if (!(response.headers()['content-type'] ?? '').includes('text/html')) {
      seen.set(url, { hrefs: [], ids: [], body });
      continue;
    }
    const { document } = parseHTML(body);
    const hrefs = [...document.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href') ?? '', url).href);
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    const kind = kindOf(url);
    if (!browsed.has(kind)) {
      browsed.add(kind);
      await page.goto(url);
      hrefs.push(...(await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))));
      ids.push(...(await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id))).filter((id) => !ids.includes(id)));
    }
    seen.set(url, { hrefs, ids, body });
    for (const h of hrefs) {
      const u = new URL(h);
      u.hash = '';
      if (u.href.startsWith(FIXTURE_SITE) && !seen.has(u.href)) queue.push(u.href);
      else if (u.origin === new URL(FIXTURE_SITE).origin) expect(u.pathname, `link outside the base on ${url}`).toMatch(/^\/sub\//);
    }
  }
  expect(browsed.size, 'kinds of page opened in the browser').toBeGreaterThan(5);
  return seen;
}

test('under a base path every internal link and fragment resolves, and no page shows an address', async ({ page, request }) => {
  test.setTimeout(120_000);
  const pages = await crawl(page, request);
  expect(pages.size).toBeGreaterThan(30);
  // Message-IDs are ids, not addresses: the thread JSON files list every one the site knows.
  const known: string[] = [...citedMessageIds];
  for (const [url, { body }] of pages) {
    if (!url.endsWith('.json')) continue;
    const thread = JSON.parse(body) as { messages: { messageId: string }[]; missing: string[] };
    known.push(...thread.messages.map((m) => m.messageId), ...thread.missing);
  }
  expect(known).toContain(SEED);
  for (const [url, { hrefs, body }] of pages) {
    // Addresses as the test's own oracle sees them (tests/support/address-oracle.ts).
    for (const token of addressesIn(body)) {
      // A slug in a download link (`…@example.invalid.mbox`) is an id too, even when escaping
      // cut it; a URL path ending in an id is that id.
      const bare = token.replace(/\.(?:mbox|json|txt)$/, '');
      const isId = known.some((id) => id.endsWith(token) || token.startsWith(id) || bare.endsWith(id) || slugOf(id).endsWith(bare));
      expect(isId, `address ${token} on ${url}`).toBe(true);
    }
    expect(remnantsIn(body), url).toEqual([]);
    for (const h of hrefs) {
      const u = new URL(h);
      if (!u.hash || !u.href.startsWith(FIXTURE_SITE)) continue;
      const id = decodeURIComponent(u.hash.slice(1));
      u.hash = '';
      const target = pages.get(u.href);
      expect(target, `page of ${h} on ${url}`).toBeDefined();
      expect(
        target?.ids.filter((x) => x === id),
        `fragment of ${h} on ${url}`,
      ).toHaveLength(1);
    }
  }
});

test('a thread downloads as an mbox of the messages the site holds, and the feed is valid Atom', async ({ page, request }) => {
  await page.goto(at(`m/${SEED}/`));
  await page.getByRole('link', { name: 'zero-copy networking & a performance drop' }).click();
  const mboxUrl = await page.getByRole('link', { name: 'mbox' }).getAttribute('href');
  const mbox = await (await request.get(new URL(mboxUrl ?? '', page.url()).href)).text();
  const ids = [...mbox.matchAll(/^Message-ID: <(.+)>$/gm)].map((m) => m[1]);
  // The reader's shortened copy of the question (question-digest-copy.eml) is held too.
  expect(ids).toEqual([
    QUESTION,
    SEED,
    'fixture-reader-1@example.invalid',
    'fixture-second-2@example.invalid',
    'fixture-third-3@example.invalid',
  ]);
  expect(mbox.match(/^From /gm)).toHaveLength(5);
  expect(mbox).toContain('[address hidden]');

  const feed = await (await request.get(at('atom.xml'))).text();
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    return { error: doc.querySelector('parsererror') !== null, entries: doc.querySelectorAll('entry').length };
  }, feed);
  // The shipped archive and tests/fixtures/site give 21 dated messages and the hostile corpus
  // 38 more (each with a date, inferred where the mail had none); the feed keeps the newest 50.
  expect(parsed).toEqual({ error: false, entries: 50 });
});
