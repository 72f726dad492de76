import { expect, test, type Frame, type Page } from '@playwright/test';
import { MODEL_VERSION } from '../../src/lib/model/index.ts';
import { countHistoryWrites, expectAxeClean, historyWrites, VERSION_RE, withoutConsoleErrors } from './helpers.ts';

const EMBED = 'embed/slowest-side/';
const EXAMPLE = 'embed/example/';

/** Posts a message from the example page to its embed, as a host page would. */
const post = (page: Page, message: unknown): Promise<void> =>
  page.evaluate((m) => {
    document.querySelector<HTMLIFrameElement>('iframe[data-embed-host]')!.contentWindow!.postMessage(m, location.origin);
  }, message);

/** What the embed shows of its state: the link to the article (it carries the state), the theme and the notices. */
interface Shown {
  link: string | null;
  theme: string | null;
  notices: string[];
}

/** The example page's embed frame, once it has drawn. */
async function embedFrame(page: Page): Promise<Frame> {
  await expect(page.frameLocator('iframe[data-embed-host]').locator('main[data-drawn]')).toBeAttached();
  const frame = page.frames().find((f) => /\/embed\/slowest-side\/$/.test(f.url()));
  if (!frame) throw new Error('no embed frame');
  return frame;
}

/**
 * Records, inside the embed, every message it is sent: whether it came from its parent, and
 * what it shows once its own handler has run (the handler is synchronous and was added first,
 * so a listener added now runs right after it).
 */
async function watchEmbed(
  frame: Frame,
): Promise<{ count: () => Promise<number>; last: () => Promise<{ fromParent: boolean; shown: Shown }> }> {
  await frame.evaluate(() => {
    const w = window as unknown as { seen: { fromParent: boolean; shown: unknown }[] };
    w.seen = [];
    addEventListener('message', (event) => {
      w.seen.push({
        fromParent: event.source === window.parent,
        shown: {
          link: document.querySelector('a.open')?.getAttribute('href') ?? null,
          theme: document.documentElement.getAttribute('data-theme'),
          notices: [...document.querySelectorAll('.notices li')].map((li) => li.textContent ?? ''),
        },
      });
    });
  });
  type Seen = { fromParent: boolean; shown: Shown };
  return {
    count: () => frame.evaluate(() => (window as unknown as { seen: unknown[] }).seen.length),
    last: () => frame.evaluate(() => (window as unknown as { seen: Seen[] }).seen.at(-1) as Seen),
  };
}

/** What the embed shows now. */
const shownIn = (frame: Frame): Promise<Shown> =>
  frame.evaluate(() => ({
    link: document.querySelector('a.open')?.getAttribute('href') ?? null,
    theme: document.documentElement.getAttribute('data-theme'),
    notices: [...document.querySelectorAll('.notices li')].map((li) => li.textContent ?? ''),
  }));

/** Starts recording, on the host page, every message its embed sends it; returns how many so far. */
async function recordReplies(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { replies: number };
    w.replies = 0;
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-embed-host]');
    addEventListener('message', (event) => {
      if (event.source === frame?.contentWindow) w.replies += 1;
    });
  });
  return () => page.evaluate(() => (window as unknown as { replies: number }).replies);
}

test('an embed on a host page follows the host’s messages and reports its state back', async ({ page }) => {
  await countHistoryWrites(page);
  await withoutConsoleErrors(page, async () => {
    await page.goto(EXAMPLE);
    const frame = page.frameLocator('iframe[data-embed-host]');
    const figure = frame.locator('.chart svg[role="img"]');
    const output = page.locator('[data-role="output"]');
    await expect(frame.locator('main[data-drawn]')).toBeAttached();
    await expect(output).toContainText('"preset": "quadrics-2002"');
    const before = await figure.getAttribute('aria-label');
    const entries = await page.evaluate(() => window.history.length);

    await page.getByRole('button', { name: 'Gigabit Ethernet host, 2002' }).click();
    await expect(figure).not.toHaveAttribute('aria-label', before ?? '');
    await expect(figure).toHaveAttribute('aria-label', /0\.94 Gbit\/s/);
    await expect(output).toContainText('"preset": "gige-2002"');
    await expect(output).toContainText('"query": "preset=gige-2002"');
    await expect(page.locator('[data-role="status"]')).toHaveText('Last message: slowest-side:state, preset gige-2002.');

    await page.getByRole('button', { name: 'Receive copy 500 MB/s' }).click();
    await expect(output).toContainText('"rxCopyMBps": 500');
    await expect(output).toContainText('"preset": null');
    await expect(frame.locator('a.open')).toHaveAttribute('href', /rxCopyMBps=500.*#fig-slowest-side$/);

    // Malformed messages do nothing, each of them: the embed's state is the same right after
    // its handler has run, and it sends no reply.
    const embed = await embedFrame(page);
    const watch = await watchEmbed(embed);
    const replies = await recordReplies(page);
    const unchanged = await shownIn(embed);
    expect(unchanged.link).toMatch(/rxCopyMBps=500/);
    const bad = [
      null,
      'slowest-side:set',
      [],
      { type: 'slowest-side:set', preset: 'nope' },
      { type: 'slowest-side:set', theme: '<b>' },
      { type: 'slowest-side:set', state: { rxCopyMBps: { valueOf: 1 } } },
      { type: 'slowest-side:unknown' },
      // A step with no sequence sent, and a sequence with no step in it.
      { type: 'slowest-side:step', index: 0 },
      { type: 'slowest-side:steps', steps: [] },
    ];
    for (const [i, message] of bad.entries()) {
      await post(page, message);
      await expect.poll(watch.count, JSON.stringify(message)).toBe(i + 1);
      expect(await watch.last(), JSON.stringify(message)).toEqual({ fromParent: true, shown: unchanged });
    }
    // A value out of range is clamped and reported; its reply is the first since the malformed
    // ones (replies arrive in order, so one sent for any of them would be counted by now).
    await post(page, { type: 'slowest-side:set', state: { mss: 99_999_999, evil: '<script>' } });
    await expect(output).toContainText('"reason": "above maximum"');
    await expect(output).toContainText('"rxCopyMBps": 500');
    await expect(frame.locator('.notices li')).toHaveText(['Segment payload: “99999999” is above the maximum; using 65,536 B.']);
    expect(await replies()).toBe(1);

    // Neither the embed nor the host page wrote history or changed its address, then or since.
    await page.getByRole('button', { name: 'Ask for the state' }).click();
    await expect.poll(replies).toBe(2);
    expect(await historyWrites(page)).toBe(0);
    expect(await historyWrites(embed)).toBe(0);
    expect(await page.evaluate(() => window.history.length)).toBe(entries);
    expect(embed.url()).toMatch(/\/embed\/slowest-side\/$/);
    expect(page.url()).toMatch(/\/embed\/example\/$/);
  });
});

test('the example page sends a sequence and steps it; the embed keeps out of the page’s focus, and says when Escape gives it back', async ({
  page,
}) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto(EXAMPLE);
    const frame = page.frameLocator('iframe[data-embed-host]');
    const status = page.locator('[data-role="status"]');
    const stepText = frame.locator('[data-role="step"]');
    await expect(frame.locator('main[data-drawn]')).toBeAttached();
    await expect(stepText).toBeHidden();

    await page.getByRole('button', { name: 'Send three steps' }).click();
    await expect(status).toHaveText('Last message: slowest-side:state, preset quadrics-2002, step 1 of 3.');
    await expect(stepText).toHaveText('Step 1 of 3');
    const step3 = page.getByRole('button', { name: 'Step 3', exact: true });
    await step3.click();
    await expect(status).toHaveText('Last message: slowest-side:state, preset gige-2002, step 3 of 3.');
    await expect(frame.locator('.chart svg[role="img"]')).toHaveAttribute('aria-label', /0\.94 Gbit\/s/);
    await expect(step3).toBeFocused();

    // In the figure its keys step it (and it reports so); Escape hands the keys back and says so.
    const figure = frame.locator('figure');
    await figure.click();
    await expect(figure).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(status).toHaveText('Last message: slowest-side:state, preset quadrics-zc-both, step 2 of 3.');
    await page.keyboard.press('Escape');
    await expect(status).toHaveText(/^Last message: slowest-side:leave: Escape was pressed/);
    await expect(figure).not.toBeFocused();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  });
});

test('an embed follows only the page it sits in: a sibling frame, a popup or the embed’s own window cannot drive it', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto(EXAMPLE);
    const embed = await embedFrame(page);
    await expect(page.locator('[data-role="output"]')).toContainText('"preset": "quadrics-2002"');
    const watch = await watchEmbed(embed);
    const replies = await recordReplies(page);
    const before = await shownIn(embed);
    const set = { type: 'slowest-side:set', preset: 'gige-2002', theme: 'dark' };

    // A second frame on the same page, same origin: its window is not the embed's parent.
    await page.evaluate(() => {
      const sibling = document.createElement('iframe');
      sibling.name = 'sibling';
      document.body.append(sibling);
    });
    const sibling = page.frame({ name: 'sibling' });
    if (!sibling) throw new Error('no sibling frame');
    await sibling.evaluate((m) => {
      parent.document.querySelector<HTMLIFrameElement>('iframe[data-embed-host]')?.contentWindow?.postMessage(m, '*');
    }, set);
    await expect.poll(watch.count).toBe(1);
    expect(await watch.last()).toEqual({ fromParent: false, shown: before });

    // A window the page opened.
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate(() => void window.open('', 'other'))]);
    await popup.evaluate((m) => {
      (window.opener as Window).document.querySelector<HTMLIFrameElement>('iframe[data-embed-host]')?.contentWindow?.postMessage(m, '*');
    }, set);
    await expect.poll(watch.count).toBe(2);
    expect(await watch.last()).toEqual({ fromParent: false, shown: before });
    await popup.close();

    // The embed's own window, posting to itself.
    await embed.evaluate((m) => window.postMessage(m, '*'), set);
    await expect.poll(watch.count).toBe(3);
    expect(await watch.last()).toEqual({ fromParent: false, shown: before });

    // None of them got a reply; the same message from the parent is followed, and answered.
    expect(await replies()).toBe(0);
    await post(page, set);
    await expect.poll(watch.count).toBe(4);
    const followed = await watch.last();
    expect(followed.fromParent).toBe(true);
    expect(followed.shown.theme).toBe('dark');
    expect(followed.shown.link).toMatch(/preset=gige-2002/);
    await expect.poll(replies).toBe(1);
  });
});

test('an embed opened on its own, not in a frame, follows no message', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto(EMBED);
    await expect(page.locator('main[data-drawn]')).toBeAttached();
    const watch = await watchEmbed(page.mainFrame());
    const before = await shownIn(page.mainFrame());
    await page.evaluate(() => window.postMessage({ type: 'slowest-side:set', preset: 'gige-2002', theme: 'dark' }, '*'));
    await expect.poll(watch.count).toBe(1);
    expect((await watch.last()).shown).toEqual(before);
  });
});

test('the example page shows only its own embed’s replies: not one from another window or another origin', async ({ browser, baseURL }) => {
  // The page's CSP (frame-src 'self') already keeps its frame from loading another origin;
  // bypassed here so that the page's own origin check is what is tested.
  const context = await browser.newContext({ bypassCSP: true, ...(baseURL ? { baseURL } : {}) });
  const page = await context.newPage();
  const forged = {
    type: 'slowest-side:state',
    figure: 'slowest-side',
    version: MODEL_VERSION,
    values: {},
    preset: 'zcrx-2024-zcrx',
    query: 'preset=zcrx-2024-zcrx',
    changes: [],
  };
  await context.route('http://other.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>other</title><script>parent.postMessage(${JSON.stringify(forged)}, '*');</script>`,
    }),
  );
  await page.goto(EXAMPLE);
  const status = page.locator('[data-role="status"]');
  const output = page.locator('[data-role="output"]');
  await expect(output).toContainText('"preset": "quadrics-2002"');
  const shown = [await status.textContent(), await output.textContent()];
  await page.evaluate(() => {
    const w = window as unknown as { arrived: { origin: string; fromFrame: boolean; type: unknown }[] };
    w.arrived = [];
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-embed-host]');
    addEventListener('message', (e) =>
      w.arrived.push({ origin: e.origin, fromFrame: e.source === frame?.contentWindow, type: (e.data as { type?: unknown })?.type }),
    );
  });
  const arrived = () => page.evaluate(() => (window as unknown as { arrived: unknown[] }).arrived);

  // The same origin, a well-formed reply, but from the page's own window, not the embed's.
  await page.evaluate((m) => window.postMessage(m, location.origin), forged);
  await expect.poll(arrived).toHaveLength(1);
  expect([await status.textContent(), await output.textContent()]).toEqual(shown);

  // The embed's own frame, navigated to another origin, sends the same: from the frame's window, not the origin.
  await page.evaluate(() => {
    document.querySelector<HTMLIFrameElement>('iframe[data-embed-host]')!.src = 'http://other.example/forged.html';
  });
  await expect.poll(arrived).toContainEqual({ origin: 'http://other.example', fromFrame: true, type: 'slowest-side:state' });
  expect([await status.textContent(), await output.textContent()]).toEqual(shown);
  await expect(output).not.toContainText('zcrx-2024-zcrx');
  await context.close();
});

test('theme=dark draws on the dark background with the dark palette; transparent draws on none', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${EMBED}?theme=dark`);
    await expect(page.locator('main[data-drawn]')).toBeAttached();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(21, 23, 26)');
    await expect(page.locator('.chart svg [fill="#56b4e9"]').first()).toBeAttached();
    await expectAxeClean(page);

    await page.goto(`${EMBED}?theme=transparent`);
    await expect(page.locator('main[data-drawn]')).toBeAttached();
    const backgrounds = await page.evaluate(() =>
      [document.documentElement, document.body].map((e) => getComputedStyle(e).backgroundColor),
    );
    expect(backgrounds).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    await expect(page.locator('.chart svg [fill="#0072b2"]').first()).toBeAttached();

    // A reader who prefers dark gets the dark palette, unless the URL pins light.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(EMBED);
    await expect(page.locator('.chart svg [fill="#56b4e9"]').first()).toBeAttached();
    await expectAxeClean(page);
    await page.goto(`${EMBED}?theme=light`);
    await expect(page.locator('.chart svg [fill="#0072b2"]').first()).toBeAttached();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(255, 253, 248)');
  });
});

test('the figure fills the frame, and size= keeps its shape', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 450 });
  await page.goto(EMBED);
  await expect(page.locator('main[data-drawn]')).toBeAttached();
  const filled = (await page.locator('.chart svg').boundingBox())!;
  expect(filled.width).toBe(800);
  expect(filled.height).toBeGreaterThan(380);

  await page.goto(`${EMBED}?size=480x480`);
  await expect(page.locator('main[data-drawn]')).toBeAttached();
  const svg = page.locator('.chart svg');
  await expect(svg).toHaveAttribute('viewBox', '0 0 480 480');
  const box = (await svg.boundingBox())!;
  expect(Math.abs(box.width / box.height - 1)).toBeLessThan(0.02);
  expect(box.height).toBeGreaterThan(380);

  // Resizing the frame redraws at the new size.
  await page.goto(EMBED);
  await expect(page.locator('main[data-drawn]')).toBeAttached();
  await page.setViewportSize({ width: 500, height: 400 });
  await expect(page.locator('.chart svg')).toHaveAttribute('viewBox', /^0 0 500 \d+$/);
});

test('a hostile address is clamped with notices and never becomes markup', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await withoutConsoleErrors(page, async () => {
    await page.goto(`${EMBED}?rxCopyMBps=999999&mss=abc&theme=<img src=x onerror=alert(1)>&x=<script>alert(2)</script>&size=huge`);
    await expect(page.locator('main[data-drawn]')).toBeAttached();
    const notices = page.locator('.notices li');
    await expect(notices).toHaveText([
      'Theme “<img src=x onerror=alert(1)>” is not light, dark or transparent; following the reader’s colour scheme.',
      'Size “huge” is not width×height in pixels; filling the frame.',
      'Segment payload: “abc” is not a number; using 4,096 B.',
      'Receive copy bandwidth: “999999” is above the maximum; using 100,000 MB/s.',
    ]);
    await expect(page.locator('img')).toHaveCount(0);
    expect(await page.locator('script').evaluateAll((s) => s.filter((x) => x.textContent?.includes('alert')).length)).toBe(0);
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    await expect(page.locator('a.open')).toHaveAttribute('href', /rxCopyMBps=100000/);
  });
  expect(dialogs).toBe(0);
});

test('an embed made with another model version says so and links to the version history', async ({ page }) => {
  await page.goto(`${EMBED}?v=0.9`);
  const notice = page.locator('.notices li');
  await expect(notice).toHaveText(new RegExp(`^Model version 0\\.9 is not one this site published; showing v${VERSION_RE}\\.`));
  const anchor = `v${MODEL_VERSION.replaceAll('.', '-')}`;
  const link = notice.getByRole('link', { name: /Model versions/ });
  await expect(link).toHaveAttribute('href', `/model/changes/#${anchor}`);
  await page.goto((await link.getAttribute('href'))!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Model versions');
  await expect(page.locator(`#${anchor}`)).toContainText('current');
  await expectAxeClean(page);
});

test('without JavaScript an embed shows the figure at its preset, with the source strip', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${EMBED}gige-2002/`);
  const svg = page.locator('.chart svg[role="img"]');
  await expect(svg).toBeVisible();
  await expect(svg).toHaveAttribute('aria-label', /0\.94 Gbit\/s/);
  const box = (await svg.boundingBox())!;
  expect(box.width).toBeGreaterThan(600);
  await expect(page.getByRole('link', { name: /Open in the article/ })).toHaveAttribute(
    'href',
    '/articles/copy-vs-zero-copy/?preset=gige-2002#fig-slowest-side',
  );
  await expect(page.locator('figcaption')).toContainText(`Slowest Side · The slowest side · model v${MODEL_VERSION}`);
  await expect(page.locator('header, nav, footer, [data-pagefind-body]')).toHaveCount(0);
  await context.close();
});

test('the embed pages and the example page pass axe, light and dark', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${EMBED}?v=0.9&mss=abc`);
      await expect(page.locator('main[data-drawn]')).toBeAttached();
      await expectAxeClean(page);
      await page.goto(EXAMPLE);
      await expect(page.locator('[data-role="output"]')).toContainText('slowest-side:state');
      await expectAxeClean(page);
    }
  });
});
