/**
 * Anchors on sites built from other versions of the messages (scripts/fixture-site.ts):
 * the look-alike originals (.tmp/originals-site), where every margin note must land on the
 * same words as on the shipped site, and a reader's shortened copy of the opening question
 * (.tmp/fixture-site), where the notes whose words it lacks say so and the build warns.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { htmlDocument } from '../support/dom.ts';
import { FIXTURE_SITE } from '../../playwright.config.ts';
import { expectAxeClean, QUESTION } from './helpers.ts';

const ORIGINALS = '.tmp/originals-site/dist';
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface Note {
  href: string;
  label: string;
  quote: string;
}

/** Every margin note with a quote on the articles of the site in `dir`. */
function marginNotes(dir: string): Map<string, Note[]> {
  const out = new Map<string, Note[]>();
  for (const slug of readdirSync(join(dir, 'articles')).filter((f) => existsSync(join(dir, 'articles', f, 'index.html')))) {
    const document = htmlDocument(readFileSync(join(dir, 'articles', slug, 'index.html'), 'utf8'));
    const notes = [...document.querySelectorAll('.margin-note')].flatMap((n) => {
      const a = n.querySelector('.margin-ref');
      const q = n.querySelector('.margin-quote');
      return a && q ? [{ href: a.getAttribute('href') ?? '', label: squash(a.textContent ?? ''), quote: squash(q.textContent ?? '') }] : [];
    });
    out.set(slug, notes);
  }
  return out;
}

/** The text of paragraph `id` of the message page at `href` and of the one after it. */
function paragraphText(dir: string, href: string): string {
  const [path = '', fragment = ''] = href.split('#');
  const document = htmlDocument(readFileSync(join(dir, decodeURIComponent(path), 'index.html'), 'utf8'));
  const n = Number(fragment.replace(/^p/, ''));
  return [n, n + 1].map((k) => document.getElementById(`p${k}`)?.textContent ?? '').join(' ');
}

test('with the originals imported, there is one page per message and every margin note lands on its words', () => {
  expect(readdirSync(join(ORIGINALS, 'm')).filter((f) => existsSync(join(ORIGINALS, 'm', f, 'index.html')))).toHaveLength(18);
  expect(readdirSync(join(ORIGINALS, 'threads')).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  const shipped = marginNotes('dist');
  const originals = marginNotes(ORIGINALS);
  expect([...originals.keys()]).toEqual([...shipped.keys()]);
  let moved = 0;
  for (const [slug, notes] of originals) {
    const before = shipped.get(slug) ?? [];
    expect(
      notes.map((n) => n.quote),
      slug,
    ).toEqual(before.map((n) => n.quote));
    notes.forEach((note, i) => {
      expect(note.href, `${slug}: ${note.quote}`).toMatch(/#p\d+$/);
      expect(squash(paragraphText(ORIGINALS, note.href)), `${slug}: ${note.quote}`).toContain(note.quote);
      if (note.href !== before[i]?.href) moved++;
    });
  }
  // The opening question's passages stand in paragraphs 3 and 4 of its original, not 1.
  expect(moved).toBeGreaterThan(0);
  expect(readFileSync('.tmp/originals-site/build.log', 'utf8')).not.toContain('[anchors]');
});

test('a reader’s copy that lacks the words: the note points at the message and says so, the build warns', async ({ page }) => {
  const log = readFileSync('.tmp/fixture-site/build.log', 'utf8');
  expect(log).toContain('[anchors] 2 passages not found');
  expect(log).toContain(`${QUESTION}#p1: "or in the IP stack after netif_rx() is called"`);

  await page.goto(new URL('articles/where-the-copy-happens/', FIXTURE_SITE).href);
  const lost = page.locator('.margin-note').filter({ hasText: 'or in the IP stack after netif_rx() is called' });
  await expect(lost).toContainText('passage not found in this version');
  await expect(lost.locator('.margin-ref')).toHaveAttribute('href', new RegExp(`/m/${QUESTION.replace(/\./g, '\\.')}/$`));
  // Words the shortened copy still has are found in it.
  await page.goto(new URL('articles/copy-vs-zero-copy/', FIXTURE_SITE).href);
  const found = page.locator('.margin-note').filter({ hasText: 'we can transmit IP packets easily' });
  await expect(found.locator('.margin-ref')).toHaveAttribute('href', /#p2$/);
  await expect(found).not.toContainText('not found');
  await expectAxeClean(page);

  await page.goto(new URL('notes/the-70-percent-ratio/', FIXTURE_SITE).href);
  await expect(page.locator('.rests-on li').filter({ hasText: 'passage not found in this version' })).toHaveCount(1);
  await expectAxeClean(page);
});
