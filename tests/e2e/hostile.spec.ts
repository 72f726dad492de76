/**
 * Hostile mail in the built fixture site (tests/fixtures/hostile, imported by
 * scripts/fixture-site.ts): every page of it shows mail as text and runs nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_SITE } from '../../playwright.config.ts';
import { readEntries } from '../../src/lib/mail/node/entries.ts';
import { slugOf } from '../../src/lib/mail/ids.ts';
import { importPaths } from '../../src/lib/mail/node/importer.ts';
import { addressesInRaw } from '../support/address-oracle.ts';
import { expectAxeClean, withoutConsoleErrors } from './helpers.ts';

const at = (path: string): string => new URL(path, FIXTURE_SITE).href;

interface Stored {
  messageId: string;
  author: string;
  subject: string;
}

/** The messages the hostile corpus becomes: imported here with the same importer the fixture build runs. */
async function hostileMessages(): Promise<Stored[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-e2e-'));
  const result = await importPaths(['tests/fixtures/hostile'], { dir });
  expect(result.rejected.length).toBeGreaterThan(0);
  return readEntries(dir) as unknown as Stored[];
}

/** Elements a mail body could smuggle in, anywhere on the page, and every `on…` attribute or script URL. */
async function smuggled(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('main *')) {
      const tag = el.localName;
      if (
        [
          'img',
          'iframe',
          'svg',
          'script',
          'style',
          'object',
          'embed',
          'video',
          'audio',
          'math',
          'textarea',
          'form',
          'input',
          'source',
        ].includes(tag)
      ) {
        found.push(tag);
      }
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        if (attr.startsWith('on') || attr === 'srcdoc' || /^\s*(?:javascript|data):/i.test(value)) found.push(`${tag}[${attr}]`);
      }
    }
    for (const s of document.querySelectorAll('script')) if (/alert\(/.test(s.textContent ?? '')) found.push('script with alert(');
    return found;
  });
}

test('every hostile message page shows its mail as text, creates no element from it and runs nothing', async ({ page }) => {
  test.setTimeout(120_000);
  const messages = await hostileMessages();
  expect(messages.length).toBe(38);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await withoutConsoleErrors(page, async () => {
    for (const m of messages) {
      const url = at(`m/${slugOf(m.messageId)}/`);
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      // Headers and subject are text: exactly what was stored, no markup made of them.
      await expect(page.locator('article h1'), url).toHaveText(m.subject);
      await expect(page.locator('dl.headers dd').first(), url).toHaveText(m.author);
      await expect(page.locator('dl.headers code').first(), url).toHaveText(`<${m.messageId}>`);
      expect(await smuggled(page), url).toEqual([]);
      // The thread page shows the same mail again, nested.
      await page
        .locator('dl.headers dt', { hasText: /^Thread$/ })
        .locator('xpath=following-sibling::dd[1]//a')
        .click();
      await expect(page.locator('h1')).toBeVisible();
      expect(await smuggled(page), `thread of ${url}`).toEqual([]);
    }
  });
  expect(dialogs).toEqual([]);
});

test('markup written in a text body is shown character for character', async ({ page }) => {
  await page.goto(at('m/hostile-01@example.invalid/'));
  const mail = page.locator('.mail');
  await expect(mail).toContainText(`<script>alert('body script')</script>`);
  await expect(mail).toContainText(`<img src=x onerror="alert('body img')">`);
  await expect(page).toHaveTitle(/^<script>alert\('subject'\)<\/script> a plain-text mail/);
  await expectAxeClean(page);
  await page.goto(at('m/hostile-03@example.invalid/'));
  await expect(page.locator('.mail')).toContainText('javascript link text and data link text.');
  await expect(page.locator('.mail a')).toHaveCount(0);
  // The detector above is not blind: markup that did reach the page would be reported.
  await page.evaluate(() =>
    document.querySelector('.mail')?.insertAdjacentHTML('beforeend', '<svg></svg><a href="javascript:void 0">x</a>'),
  );
  expect(await smuggled(page)).toEqual(['svg', 'a[href]']);
});

test('rejected mail has no page, and raw downloads show no address however it was encoded', async ({ request }) => {
  expect((await request.get(at('m/hostile-07@example.invalid/'))).status()).toBe(404);
  // Repaired, not rejected: a NUL in a header, a future or broken Date, neither From nor Date.
  for (const id of ['hostile-14', 'hostile-20', 'hostile-21', 'hostile-24']) {
    expect((await request.get(at(`m/${id}@example.invalid/`))).status(), id).toBe(200);
  }
  for (const id of ['25', '26', '33', '34', '35'].map((n) => `hostile-${n}@example.invalid`)) {
    const response = await request.get(at(`m/${id}/raw.txt`));
    expect(response.status(), id).toBe(200);
    const bytes = await response.body();
    const raw = bytes.toString('latin1');
    expect(raw, id).toContain('Message-ID: <hostile-');
    expect(raw, id).toContain('[address hidden]');
    // Read every way a mail reader might (tests/support/address-oracle.ts): quoted-printable with
    // LF or CRLF soft breaks, encoded words, base64, UTF-8 and Latin-1; Message-IDs (.invalid) stay.
    const decoded = addressesInRaw(bytes).map((f) => `${f.kind} ${f.text} (${f.reading})`);
    expect(
      decoded.filter((f) => f.startsWith('remnant') || !/^address \S+\.invalid /.test(f)),
      id,
    ).toEqual([]);
    expect(raw, id).not.toMatch(/=40example|ZXhhbXBsZS5vcmc|YWRkcmVzc0BleGFtcGxl/); // `@example` in QP, `example.org` in base64
  }
});

test('an inferred date says so and why, and repairs are listed, in text', async ({ page }) => {
  await page.goto(at('m/hostile-29@example.invalid/'));
  const date = page.locator('dl.headers dt', { hasText: /^Date$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(date).toContainText('Sat, 29 Jun 2002 10:00:06 +0000 (inferred)');
  await expect(date).toContainText(
    'Date header unparseable ("Saturday, in the morning"); date taken from the mbox From line, read as UTC (the line gives no zone).',
  );
  const repaired = page.locator('dl.headers dt', { hasText: /^Repaired$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(repaired.locator('li')).toHaveText(['date inferred from the mbox From line']);
  await expectAxeClean(page);
  await page.goto(at('m/hostile-01@example.invalid/'));
  // The headers are there (a negative check on a missing list would pass), without these two.
  await expect(page.locator('dl.headers dt', { hasText: /^Date$/ })).toHaveCount(1);
  await expect(page.locator('dl.headers')).not.toContainText('(inferred)');
  await expect(page.locator('dl.headers dt', { hasText: /^Repaired$/ })).toHaveCount(0);
});

test('a References header of 1000 ids leaves a thread tree the page can show', async ({ page }) => {
  await page.goto(at('threads/ref-0000@example.invalid/'));
  const depth = await page.locator('nav[aria-label="Reply tree"] > ol').evaluate((root) => {
    let d = 0;
    for (let ol: Element | null = root; ol; ol = ol.querySelector(':scope > li > ol')) d++;
    return d;
  });
  expect(depth).toBe(21); // the first id, the last 19 and the message itself
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
