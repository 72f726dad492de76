import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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

/** axe finds no violations on the current page. */
export async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The seed message, the message the project was created from. */
export const SEED = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';
/** Hurwitz's original question, which the archive knows from a summary and from quotes. */
export const QUESTION = 'Pine.LNX.4.44.0206271146280.9500-100000@alvie-mail.lanl.gov';
/** Bernd Eckenfels's reply, which survives in the archive only as quotes in the seed. */
export const BERND = 'E17NgVM-0001l3-00@sites.inka.de';
