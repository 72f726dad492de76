/**
 * An embed inside a real reveal.js deck (tests/fixtures/decks/reveal.html, reveal.js from
 * node_modules), served by this test on its own 127.0.0.1 port: another origin than the
 * built site, as a speaker's deck would be. The deck's host script is the one the embedding
 * page documents (src/embed-hosts/reveal.js).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { SITE } from '../../playwright.config.ts';
import { withoutConsoleErrors } from './helpers.ts';

const REVEAL = 'node_modules/reveal.js/dist';
const STEPS = ['quadrics-2002', 'quadrics-zc-both', 'gige-2002'];

/** Serves the deck, reveal.js's files and the host script; anything else is a 404. */
function deckServer(): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (type: string, body: string | Buffer): void => {
      res.writeHead(200, { 'Content-Type': type }).end(body);
    };
    if (path === '/') {
      send('text/html; charset=utf-8', readFileSync('tests/fixtures/decks/reveal.html', 'utf8').replaceAll('{{SITE}}', SITE));
    } else if (path === '/slowest-side-reveal.js') {
      send('text/javascript', readFileSync('src/embed-hosts/reveal.js'));
    } else if (/^\/reveal\/[\w/.-]+\.(js|css)$/.test(path) && !normalize(path).includes('..')) {
      send(path.endsWith('.css') ? 'text/css' : 'text/javascript', readFileSync(join(REVEAL, path.slice('/reveal/'.length))));
    } else {
      res.writeHead(404).end();
    }
  });
}

let server: Server;
let deckUrl: string;

test.beforeAll(async () => {
  server = deckServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  deckUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise((done) => server.close(done));
});

/** What each step's preset shows, read from that preset's own embed page on the site. */
async function labelsOf(page: Page): Promise<string[]> {
  const labels: string[] = [];
  for (const preset of STEPS) {
    await page.goto(`embed/slowest-side/${preset}/`);
    await expect(page.locator('main[data-drawn]')).toBeAttached();
    labels.push((await page.locator('.chart svg[role="img"]').getAttribute('aria-label')) ?? '');
  }
  expect(new Set(labels).size).toBe(STEPS.length);
  return labels;
}

/** Where the deck is: slide and fragment (reveal.js's own indices). */
const indices = (page: Page): Promise<{ h: number; f: number | undefined }> =>
  page.evaluate(() => {
    const { h, f } = (window as unknown as { Reveal: { getIndices: () => { h: number; f?: number } } }).Reveal.getIndices();
    return { h, f };
  });

/** The deck page holds the keyboard: its body has focus, not the iframe. */
const deckHasKeys = (page: Page): Promise<boolean> => page.evaluate(() => document.hasFocus() && document.activeElement === document.body);

/** The figure shows step `i` (0-based): its drawing is that preset's, and its strip says so. */
async function showsStep(frame: FrameLocator, labels: readonly string[], i: number): Promise<void> {
  await expect(frame.locator('.chart svg[role="img"]')).toHaveAttribute('aria-label', labels[i]!);
  await expect(frame.locator('[data-role="step"]')).toHaveText(`Step ${i + 1} of ${labels.length}`);
}

test('in a reveal.js deck the embed steps with the fragments, never takes the keys unasked, and gives them back on Escape', async ({
  page,
}) => {
  const labels = await labelsOf(page);
  await withoutConsoleErrors(page, async () => {
    await page.goto(deckUrl);
    await page.waitForFunction(() => (window as unknown as { Reveal: { isReady: () => boolean } }).Reveal.isReady());
    const iframe = page.locator('iframe[data-slowest-side-steps]');
    await expect(iframe).toHaveAttribute('title', /\S/);
    const frame = page.frameLocator('iframe[data-slowest-side-steps]');
    // The embed loads when its slide opens, and gets its sequence then.
    await expect(iframe).not.toHaveAttribute('src', /./);
    expect(await deckHasKeys(page)).toBe(true);

    // The deck's arrow keys move on to the figure's slide (its embed loads, on screen, at step 0)
    // and through its fragments, each of which steps the figure; past the slide and back, the
    // deck shows every fragment again and the figure its last step. The frame on screen never
    // takes the focus.
    const moves: [key: string, at: { h: number; f: number | undefined }, step?: number][] = [
      ['ArrowRight', { h: 1, f: -1 }, 0],
      ['ArrowRight', { h: 1, f: 0 }, 1],
      ['ArrowRight', { h: 1, f: 1 }, 2],
      ['ArrowRight', { h: 2, f: undefined }],
      ['ArrowLeft', { h: 1, f: 1 }, 2],
      ['ArrowLeft', { h: 1, f: 0 }, 1],
    ];
    for (const [key, at, step] of moves) {
      await page.keyboard.press(key);
      expect(await indices(page), `${key} to ${JSON.stringify(at)}`).toEqual(at);
      if (step !== undefined) await showsStep(frame, labels, step);
      expect(await deckHasKeys(page)).toBe(true);
    }
    await expect(iframe).toBeInViewport();

    // The speaker clicks into the figure: it shows a focus ring, and the keys are the figure's
    // own (the deck stays where it was).
    const figure = frame.locator('figure');
    await figure.click();
    await expect(figure).toBeFocused();
    expect(await figure.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('ArrowRight');
    await showsStep(frame, labels, 2);
    await page.keyboard.press('Home');
    await showsStep(frame, labels, 0);
    await page.keyboard.press(' ');
    await showsStep(frame, labels, 1);
    expect(await indices(page)).toEqual({ h: 1, f: 0 });
    expect(await deckHasKeys(page)).toBe(false);

    // Escape gives the keys back: the ring goes, the next arrow moves the deck, and the deck's
    // next fragment puts the figure at the deck's step.
    await page.keyboard.press('Escape');
    await expect(figure).not.toBeFocused();
    await expect.poll(() => deckHasKeys(page)).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await indices(page)).toEqual({ h: 1, f: 1 });
    await showsStep(frame, labels, 2);

    // So does a click outside the figure, on the slide.
    await figure.click();
    await expect(figure).toBeFocused();
    await page.locator('#figure-slide').click();
    await expect(figure).not.toBeFocused();
    await page.keyboard.press('ArrowRight');
    expect((await indices(page)).h).toBe(2);
  });
});
