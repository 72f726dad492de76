import AxeBuilder from '@axe-core/playwright';
import { expect, type Frame, type Page } from '@playwright/test';
import { MODEL_VERSION } from '../../src/lib/model/index.ts';
import * as sources from '../../src/lib/model/sources.ts';
import { timeline } from '../../src/lib/timeline.ts';

/** MODEL_VERSION as it appears in a regular expression. */
export const VERSION_RE = MODEL_VERSION.replaceAll('.', '\\.');

/** Message-IDs the model and the timeline cite as sources, from their lore.kernel.org permalinks: ids, not addresses. */
export const citedMessageIds: readonly string[] = [
  ...Object.values(sources),
  ...timeline.flatMap((e) => [e.source, ...e.more].map((x) => x.url)),
]
  .flatMap((url) => (typeof url === 'string' ? [/^https:\/\/lore\.kernel\.org\/[^/]+\/(.+)\/$/.exec(url)?.[1]] : []))
  .filter((id): id is string => id !== undefined);

/** Fails the test on any console error or uncaught exception while `run` executes. */
export async function withoutConsoleErrors(page: Page, run: () => Promise<void>): Promise<void> {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await run();
  expect(errors).toEqual([]);
}

/** axe finds no violations on the current page: of every rule, or of the rules named. */
export async function expectAxeClean(page: Page, rules?: readonly string[]): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (rules ? builder.withRules([...rules]) : builder).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The seed message, the message the project was created from. */
export const SEED = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';
/** Hurwitz's original question, which the archive knows from a summary and from quotes. */
export const QUESTION = 'Pine.LNX.4.44.0206271146280.9500-100000@alvie-mail.lanl.gov';
/** Bernd Eckenfels's reply, which survives in the archive only as quotes in the seed. */
export const BERND = 'E17NgVM-0001l3-00@sites.inka.de';

/** Opens the model panel's "All parameters" (closed at first: the article's knobs come first). */
export async function openAllParameters(page: Page): Promise<void> {
  const details = page.locator('details.all-params');
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator(':scope > summary').click();
  await expect(details.locator('fieldset.group').first()).toBeVisible();
}

/** Counts pushState and replaceState calls in every frame of the page, from before its scripts run (read with historyWrites). */
export async function countHistoryWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { historyWrites: number };
    w.historyWrites = 0;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name].bind(history);
      history[name] = (...args: Parameters<History['pushState']>) => {
        w.historyWrites += 1;
        original(...args);
      };
    }
  });
}

/** pushState and replaceState calls so far in a page or frame (see countHistoryWrites). */
export const historyWrites = (frame: Page | Frame): Promise<number> =>
  frame.evaluate(() => (window as unknown as { historyWrites: number }).historyWrites);
