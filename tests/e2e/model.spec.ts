import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { countHistoryWrites, expectAxeClean, historyWrites, openAllParameters, withoutConsoleErrors } from './helpers.ts';
import { paramFor } from '../../src/lib/model/index.ts';
import { stepParam } from '../../src/lib/model/knob.ts';

/** rxCopyMBps after `n` presses of ArrowRight from `from`, as the knob steps it. */
function stepsUp(from: number, n: number): number {
  let v = from;
  for (let i = 0; i < n; i += 1) v = Number(stepParam(paramFor('rxCopyMBps')!, v, 1));
  return v;
}

const LIVE = 'articles/copy-vs-zero-copy/';

/** Scrolls every figure into view so that each upgrades, then returns their SVG markup. */
async function liveFigures(page: Page): Promise<string[]> {
  const figures = page.locator('model-figure');
  const n = await figures.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i += 1) await figures.nth(i).scrollIntoViewIfNeeded();
  await expect(page.locator('model-figure[data-upgraded]')).toHaveCount(n);
  return figures.locator('.chart svg').evaluateAll((svgs) => svgs.map((s) => s.outerHTML));
}

test('moving a slider redraws every linked figure, its caption and the URL', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto(LIVE);
    const before = await liveFigures(page);
    expect(before).toHaveLength(5);
    const captions = await page.locator('model-figure .caption-text').allTextContents();
    await openAllParameters(page);
    const slider = page.locator('#mc-rxCopyMBps-range');
    await slider.focus();
    for (let i = 0; i < 10; i += 1) await slider.press('ArrowRight');
    await expect(page).toHaveURL(/[?&]rxCopyMBps=\d+/);
    await expect(page.locator('#mc-rxCopyMBps-number')).not.toHaveValue('250');
    // Figures on screen redraw at once; the others as soon as they scroll into view.
    const figures = page.locator('model-figure');
    for (let i = 0; i < before.length; i += 1) {
      await figures.nth(i).scrollIntoViewIfNeeded();
      await expect
        .poll(
          () =>
            figures
              .nth(i)
              .locator('.chart svg')
              .evaluate((x) => x.outerHTML),
          `figure ${i}`,
        )
        .not.toBe(before[i]);
      await expect(figures.nth(i).locator('.caption-text')).not.toHaveText(captions[i] ?? '');
    }
    await expect(page.locator('model-controls [data-role="summary"]')).not.toContainText('Receive 0.90');
  });
});

test('a copied link restores the state, and back and forward step through it', async ({ page, context }) => {
  await page.goto(LIVE);
  await openAllParameters(page);
  await page.locator('#mc-rxMode-select').selectOption('direct');
  await expect(page).toHaveURL(/rxMode=direct/);
  const link = page.url();
  const caption = await page.locator('#fig-slowest-side .caption-text').textContent();

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator('#mc-rxMode-select')).toHaveValue('direct');
  await other.locator('#fig-slowest-side').scrollIntoViewIfNeeded();
  await expect(other.locator('#fig-slowest-side .caption-text')).toHaveText(caption ?? '');

  await page.goBack();
  await expect(page).not.toHaveURL(/rxMode=direct/);
  await expect(page.locator('#mc-rxMode-select')).toHaveValue('copy');
  await page.goForward();
  await expect(page.locator('#mc-rxMode-select')).toHaveValue('direct');
});

test('a number in the thread opens the model in the state that reproduces it', async ({ page }) => {
  await page.goto('articles/the-seed-annotated/');
  await page.getByRole('link', { name: 'twice' }).first().click();
  await expect(page).toHaveURL(/copy-vs-zero-copy\/\?.*rxMode=direct.*#model$/);
  await expect(page.locator('#mc-preset')).toHaveValue('quadrics-zc-both');
  await expect(page.locator('model-controls [data-role="summary"]')).toContainText('1.60');
});

test('out-of-range and malformed values in the URL are clamped with a notice', async ({ page }) => {
  await page.goto(`${LIVE}?mss=99999999&rtt=abc&evil=%3Cscript%3E#model`);
  await expect(page.locator('#mc-mss-number')).toHaveValue('65536');
  await expect(page.locator('model-controls')).toContainText(/65,?536/);
  await expect(page.locator('script:not([src]):not([type])', { hasText: 'evil' })).toHaveCount(0);
});

test('without JavaScript every figure is there as SVG, with its caption and data table', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(LIVE);
  await expect(page.locator('model-figure .chart svg[role="img"]')).toHaveCount(5);
  await expect(page.locator('#fig-throughput-vs-segment .caption-text')).toContainText('0.90 Gbit/s');
  await expect(page.locator('model-figure details.data table')).toHaveCount(5);
  await expect(page.getByText('Controls need JavaScript')).toBeVisible();
  await context.close();
});

test('a slider step patches the chart on screen, and its name, caption and table follow', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto(`${LIVE}#model`);
    const figure = page.locator('#fig-throughput-vs-segment');
    await expect(figure).toHaveAttribute('data-upgraded', '');
    const read = () =>
      figure.evaluate((el) => ({
        label: el.querySelector('.chart svg')?.getAttribute('aria-label') ?? '',
        caption: el.querySelector('.caption-text')?.textContent ?? '',
        table: [...el.querySelectorAll('details.data tbody tr')].map((tr) => tr.textContent ?? ''),
        charts: el.querySelectorAll('.chart svg').length,
        kept: (el.querySelector('.chart svg') as (SVGSVGElement & { kept?: boolean }) | null)?.kept === true,
      }));
    // Mark the <svg> element on screen (a property: the patch resets attributes it does not draw).
    await figure.locator('.chart svg').evaluate((svg) => {
      (svg as SVGSVGElement & { kept?: boolean }).kept = true;
    });
    const before = await read();
    await openAllParameters(page);
    const slider = page.locator('#mc-rxCopyMBps-range');
    await slider.focus();
    for (let i = 0; i < 5; i += 1) await slider.press('ArrowRight');
    await expect.poll(async () => (await read()).caption).not.toBe(before.caption);
    // A closed data table catches up when opened.
    await figure.locator('details.data > summary').click();
    const after = await read();
    expect(after.charts).toBe(1);
    expect(after.kept).toBe(true);
    expect(after.label).toContain(after.caption);
    expect(after.table).toHaveLength(before.table.length);
    expect(after.table).not.toEqual(before.table);
  });
});

test('a drag writes the URL once it pauses, not on every step, and one history entry in all', async ({ page }) => {
  await countHistoryWrites(page);
  await page.goto(LIVE);
  const length = await page.evaluate(() => history.length);
  await openAllParameters(page);
  const slider = page.locator('#mc-rxCopyMBps-range');
  await slider.scrollIntoViewIfNeeded();
  const start = await historyWrites(page);
  // Twenty input steps in quick succession, as a drag sends them, then the release.
  await slider.evaluate((el: HTMLInputElement) => {
    for (let i = 0; i < 20; i += 1) {
      el.stepUp();
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  // The slider is a log scale; the number box shows the value the URL carries once the steps pause.
  const value = await page.locator('#mc-rxCopyMBps-number').inputValue();
  await expect(page).toHaveURL(new RegExp(`[?&]rxCopyMBps=${value}(&|$)`));
  // Counted after the pause and well past it, so writes put off (timers) are counted too: the
  // first step's entry and one write when the steps paused, not one per step.
  await page.waitForTimeout(500);
  const writes = (await historyWrites(page)) - start;
  expect(writes).toBeGreaterThanOrEqual(1);
  expect(writes).toBeLessThanOrEqual(2);
  await slider.evaluate((el: HTMLInputElement) => el.dispatchEvent(new Event('change', { bubbles: true })));
  await page.waitForTimeout(300);
  expect((await historyWrites(page)) - start).toBe(writes);
  expect(await page.evaluate(() => history.length)).toBe(length + 1);
});

test('key presses on an inline number are one gesture: one history entry, written when they pause, settled before the next control', async ({
  page,
}) => {
  await countHistoryWrites(page);
  await page.goto(LIVE);
  const knob = page.locator('model-knob[data-key="rxCopyMBps"]');
  await knob.scrollIntoViewIfNeeded();
  await expect(knob).toHaveAttribute('role', 'slider');
  const length = await page.evaluate(() => history.length);
  const start = await historyWrites(page);
  await knob.focus();
  // The knob shows a press in the next animation frame: read it two frames on.
  const frames = (): Promise<void> =>
    page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowRight');
  await frames();
  const value = await knob.getAttribute('aria-valuenow');
  expect(Number(value)).toBeGreaterThan(250);
  await expect(page).toHaveURL(new RegExp(`[?&]rxCopyMBps=${value}(&|$)`));
  await page.waitForTimeout(400);
  // The first press's entry, and one write when the presses paused: not one per press.
  const writes = (await historyWrites(page)) - start;
  expect(writes).toBeGreaterThanOrEqual(1);
  expect(writes).toBeLessThanOrEqual(2);
  expect(await page.evaluate(() => history.length)).toBe(length + 1);

  // Two more presses, and at once another control: the number's entry keeps the value it
  // ended at (the write put off is done before the next entry is pushed).
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await frames();
  const last = await knob.getAttribute('aria-valuenow');
  expect(Number(last)).toBeGreaterThan(Number(value));
  await page.locator('model-knob[data-key="mss"]').first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]mss=\d+/);
  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]mss=/);
  await expect(page).toHaveURL(new RegExp(`[?&]rxCopyMBps=${last}(&|$)`));
  await expect(knob).toHaveAttribute('aria-valuenow', String(last));
});

test('the receive-path diagram follows the receive mode: its rows, crossings and caption are the model’s', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto(LIVE);
    const fig = page.locator('model-figure[data-figure="receive-path"]');
    await fig.scrollIntoViewIfNeeded();
    await expect(fig).toHaveAttribute('data-upgraded', '');
    await expect(fig.locator('.caption-text')).toContainText('In all, 4 crossings of the memory bus per payload byte, 1 CPU pass');
    await openAllParameters(page);
    await page.locator('#mc-rxMode-select').selectOption('direct');
    await fig.scrollIntoViewIfNeeded();
    await expect(fig.locator('.caption-text')).toContainText('placed directly');
    await expect(fig.locator('.caption-text')).toContainText('In all, 1 crossing of the memory bus per payload byte, 0 CPU passes');
    await expect(fig.locator('table tbody tr')).toHaveCount(3);
    await page.locator('#mc-rxCsum-select').selectOption('separate');
    await expect(fig.locator('.caption-text')).toContainText('In all, 2 crossings of the memory bus per payload byte, 1 CPU pass');
  });
});

test('the receive path steps one row at a time, by button and by arrow key, saying what each row is', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto('articles/where-the-copy-happens/');
    const fig = page.locator('#fig-receive-path');
    await fig.scrollIntoViewIfNeeded();
    const rows = fig.locator('details.data tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThanOrEqual(4);
    const next = fig.getByRole('button', { name: 'Next step' });
    await next.click();
    await expect(fig).toHaveAttribute('data-step', '0');
    await expect(fig.locator('.step-text')).toContainText(`Step 1 of ${n}: DMA into a kernel buffer`);
    await next.press('ArrowRight');
    await next.press('ArrowRight');
    await expect(fig).toHaveAttribute('data-step', '2');
    const what = (await rows.nth(2).locator('td').first().textContent()) ?? '';
    await expect(fig.locator('.step-text')).toContainText(`Step 3 of ${n}: ${what}`);
    // The lit row is drawn at full strength, the others dimmed.
    const opacity = (sel: string) =>
      fig
        .locator(sel)
        .first()
        .evaluate((el) => getComputedStyle(el).opacity);
    await expect.poll(() => opacity('.step-row-2')).toBe('1');
    await expect.poll(async () => Number(await opacity('.step-row-0'))).toBeLessThan(0.5);
    await next.press('End');
    await expect(fig).toHaveAttribute('data-step', String(n - 1));
    await expect(next).toBeDisabled();
    await fig.getByRole('button', { name: 'All steps' }).click();
    await expect(fig).not.toHaveAttribute('data-step', /.*/);
    await expectAxeClean(page);
  });
});

test('a number in the sentence is a slider: keys and a drag move every linked figure, the panel and the URL', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.goto(LIVE);
    await page.locator('#model').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    const knob = page.locator('model-knob[data-key="rxCopyMBps"]');
    await expect(knob).toHaveAttribute('role', 'slider');
    await expect(knob).toHaveAttribute('aria-valuenow', '250');
    await expect(knob).toHaveAttribute('aria-valuetext', '250 megabytes per second');
    // Every figure on this tall screen is upgraded and on screen; all of them must follow.
    const figures = page.locator('model-figure');
    const n = await figures.count();
    await expect.poll(() => page.locator('model-figure[data-upgraded]').count()).toBeGreaterThanOrEqual(3);
    const onScreen = await figures.evaluateAll((els) =>
      els.filter((e) => e.hasAttribute('data-upgraded') && e.getBoundingClientRect().top < innerHeight).map((e) => e.id),
    );
    expect(onScreen).toContain('fig-receive-path');
    const captions = async (): Promise<Record<string, string>> =>
      Object.fromEntries(await figures.evaluateAll((els) => els.map((e) => [e.id, e.querySelector('.caption-text')?.textContent ?? ''])));
    const before = await captions();
    const output = page.locator('model-output[data-at="rx.gbps"]');
    const out = await output.textContent();
    // Leaving the page's preset swaps the panel's words in place: nothing below it moves.
    const doc = page.locator('.preset-doc');
    const docHeight = (): Promise<number> => doc.evaluate((e) => e.getBoundingClientRect().height);
    const height = await docHeight();
    await expect(page.locator('#mc-preset')).not.toHaveValue('');

    await knob.focus();
    for (let i = 0; i < 5; i += 1) await knob.press('ArrowRight');
    await expect(page.locator('#mc-preset')).toHaveValue('');
    await expect(doc.locator('[data-role="custom-doc"]')).toBeVisible();
    await expect(doc.locator('[data-role="preset-doc"]')).toBeHidden();
    expect(await docHeight()).toBe(height);
    // Repeated key presses are one gesture: the URL catches up with the last once they pause
    // (the knob shows a press in the next animation frame, so the value is read when it is still).
    await expect.poll(async () => Number(await knob.getAttribute('aria-valuenow'))).toBe(stepsUp(250, 5));
    const value = Number(await knob.getAttribute('aria-valuenow'));
    await expect(page).toHaveURL(new RegExp(`[?&]rxCopyMBps=${value}(&|$)`));
    expect(value).toBeGreaterThan(250);
    await expect(knob).toHaveAttribute('aria-valuenow', String(value));
    await expect(knob.locator('.knob-value')).toHaveText(String(value));
    await expect(output).not.toHaveText(out ?? '');
    for (const id of onScreen) await expect.poll(async () => (await captions())[id], id).not.toBe(before[id]);
    await openAllParameters(page);
    await expect(page.locator('#mc-rxCopyMBps-number')).toHaveValue(String(value));
    expect(n).toBeGreaterThan(onScreen.length - 1);

    // A drag to the left by 100 px steps it down; one more history entry for the gesture.
    const length = await page.evaluate(() => history.length);
    const box = await knob.locator('.knob-value').boundingBox();
    if (!box) throw new Error('knob has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let dx = 10; dx <= 100; dx += 10) await page.mouse.move(box.x + box.width / 2 - dx, box.y + box.height / 2);
    await page.mouse.up();
    await expect.poll(async () => Number(await knob.getAttribute('aria-valuenow'))).toBeLessThan(value);
    await expect(page).toHaveURL(new RegExp(`[?&]rxCopyMBps=${await knob.getAttribute('aria-valuenow')}(&|$)`));
    // A drag is one gesture: at most one new entry (none if it continues the key presses').
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(length + 1);

    // Home and End reach the ends; a choice steps through its options by name.
    await knob.press('Home');
    await expect(knob).toHaveAttribute('aria-valuenow', String((await page.locator('#mc-rxCopyMBps-number').getAttribute('min')) ?? ''));
    // The same parameter named in two sentences: both knobs follow either.
    const modes = page.locator('model-knob[data-key="rxMode"]');
    await expect(modes).toHaveCount(2);
    const mode = modes.first();
    await mode.focus();
    await mode.press('End');
    await expect(mode).toHaveAttribute('aria-valuetext', 'direct placement');
    await expect(modes.nth(1)).toHaveAttribute('aria-valuetext', 'direct placement');
    await expect(modes.nth(1).locator('.knob-value')).toHaveText('direct placement');
    await expect(page).toHaveURL(/rxMode=direct/);
    await expect(page.locator('#mc-rxMode-select')).toHaveValue('direct');
  });
});

/**
 * Lets the page's background tasks run `rounds` times over: the drawings made ahead are one
 * background task each, and a task posted here runs after the one queued before it.
 */
async function background(page: Page, rounds = 10): Promise<void> {
  await page.evaluate(async (n) => {
    const { scheduler } = globalThis as unknown as { scheduler: { postTask: (t: () => void, o: { priority: string }) => Promise<void> } };
    for (let i = 0; i < n; i += 1) await scheduler.postTask(() => {}, { priority: 'background' });
  }, rounds);
}

/** Collects the `model-figure:drawn` events from now on, read with `drawnSince`. */
async function recordDrawn(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { drawn: { figure: string; ahead: boolean }[] };
    w.drawn = [];
    document.addEventListener('model-figure:drawn', (e) => w.drawn.push((e as CustomEvent<{ figure: string; ahead: boolean }>).detail));
  });
}

/** How many drawn events were recorded since the last `drawnSince`. */
function drawnCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { drawn: unknown[] }).drawn.length);
}

/** The drawn events recorded since the last call, emptied. */
async function drawnSince(page: Page): Promise<{ figure: string; ahead: boolean }[]> {
  return page.evaluate(() => {
    const w = window as unknown as { drawn: { figure: string; ahead: boolean }[] };
    return w.drawn.splice(0);
  });
}

test('a focused knob or slider has its next steps drawn ahead: a step patches every figure on screen with a drawing equal to a fresh one', async ({
  browser,
}) => {
  const charts = (page: Page): Promise<string[]> =>
    page.locator('model-figure:not([data-fixed]) .chart').evaluateAll((els) => els.map((e) => e.innerHTML));
  const open = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
    await page.goto(LIVE);
    await page.locator('#model').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await expect.poll(() => page.locator('model-figure[data-upgraded]').count()).toBeGreaterThanOrEqual(3);
    await recordDrawn(page);
    return page;
  };
  const knobOf = (page: Page) => page.locator('model-knob[data-key="rxCopyMBps"]');

  // Focused: the states one step either side are drawn in background tasks, and the step uses them.
  const page = await open();
  await withoutConsoleErrors(page, async () => {
    await knobOf(page).focus();
    await background(page);
    await knobOf(page).press('ArrowRight');
    await expect.poll(async () => Number(await knobOf(page).getAttribute('aria-valuenow'))).toBe(stepsUp(250, 1));
    await expect.poll(() => drawnCount(page)).toBeGreaterThanOrEqual(3);
    const seen = await drawnSince(page);
    expect(seen.map((d) => d.figure)).toEqual(expect.arrayContaining(['throughput-vs-segment', 'time-breakdown', 'receive-path']));
    for (const d of seen) expect(d, d.figure).toMatchObject({ ahead: true });

    // Not focused (a key event sent to the knob without focus): drawn in the step's frame.
    const fresh = await open();
    await knobOf(fresh).dispatchEvent('keydown', { key: 'ArrowRight' });
    await expect.poll(async () => Number(await knobOf(fresh).getAttribute('aria-valuenow'))).toBe(stepsUp(250, 1));
    await expect.poll(() => drawnCount(fresh)).toBeGreaterThanOrEqual(seen.length);
    const freshDrawn = await drawnSince(fresh);
    for (const d of freshDrawn) expect(d, d.figure).toMatchObject({ ahead: false });
    // The same state drawn either way is the same markup, figure for figure.
    expect(await charts(page)).toEqual(await charts(fresh));
    await fresh.close();

    // Back down, then the panel's slider: focused, its next step is drawn ahead too.
    await knobOf(page).press('ArrowLeft');
    await expect.poll(async () => Number(await knobOf(page).getAttribute('aria-valuenow'))).toBe(250);
    await openAllParameters(page);
    const range = page.locator('#mc-rxCopyMBps-range');
    await range.focus();
    await page.locator('#model').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await background(page);
    await drawnSince(page);
    await range.press('ArrowRight');
    await expect(page.locator('#mc-rxCopyMBps-number')).not.toHaveValue('250');
    await expect.poll(() => drawnCount(page)).toBeGreaterThanOrEqual(1);
    const bySlider = await drawnSince(page);
    for (const d of bySlider) expect(d, d.figure).toMatchObject({ ahead: true });
  });
  await page.close();
});

test('inline numbers start at the page state, read as plain text without JavaScript, and the panel lists its values', async ({
  page,
  browser,
}) => {
  for (const path of [LIVE, 'articles/the-slowest-side/']) {
    const built = await (await page.request.get(path)).text();
    const texts = [...built.matchAll(/<model-(?:knob|output)\b[^>]*>(.*?)<\/model-(?:knob|output)>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, ''),
    );
    expect(texts.length, path).toBeGreaterThanOrEqual(path === LIVE ? 10 : 6);
    await page.goto(path);
    await page.locator('model-knob').first().scrollIntoViewIfNeeded();
    await expect(page.locator('model-knob[role="slider"]').first()).toBeVisible();
    // Upgraded at the page's starting state, the text is what the build wrote.
    const live = await page.locator('model-knob .knob-value, model-output').allTextContents();
    expect(live, path).toEqual(texts);
  }
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await noJs.goto(LIVE);
  await expect(noJs.locator('model-knob[role]')).toHaveCount(0);
  await expect(noJs.locator('model-knob').first()).toHaveText('4,096');
  await expect(noJs.locator('model-controls .value-list')).toBeVisible();
  await expect(noJs.locator('model-controls .value-list')).toContainText('Receive copy bandwidth');
  await expect(noJs.locator('details.all-params')).toBeHidden();
  // A stepped figure lists its steps as sentences, the stepper's own words.
  await noJs.goto('articles/where-the-copy-happens/');
  const steps = noJs.locator('#fig-receive-path ol.step-list li');
  await expect(steps).toHaveCount(4);
  await expect(steps.first()).toHaveText(/^Step 1 of 4: DMA into a kernel buffer/);
  await expect(noJs.locator('#fig-receive-path ol.step-list')).toBeVisible();
  await context.close();
});

test('the panel folds what the article has not discussed, and unfolds it when the state moves it', async ({ page }) => {
  await page.goto(`${LIVE}?rxCores=3#model`);
  await openAllParameters(page);
  const more = page.locator('details.more', { has: page.locator('.param[data-key="rxCores"]') });
  await expect(more).toHaveJSProperty('open', true);
  await page.goto(`${LIVE}#model`);
  await openAllParameters(page);
  await expect(more).toHaveJSProperty('open', false);
  await expect(page.locator('.param[data-key="rxCopyMBps"]')).toBeVisible();
  await expect(page.locator('.param[data-key="rxCores"]')).toBeHidden();
});

test('the panel keeps its figure in view while the reader works the controls: chart pinned on a phone, figure sticky on a wide screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(LIVE);
  await page.locator('#model').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  const knob = page.locator('model-knob[data-key="rxCopyMBps"]');
  await expect(knob).toHaveAttribute('role', 'slider');
  const chart = page.locator('#fig-throughput-vs-segment .chart');
  await expect(page.locator('#fig-throughput-vs-segment')).toHaveAttribute('data-pinned', '');
  // The live chart is drawn for the phone's width (taller than the built one): wait for it.
  await expect(page.locator('#fig-throughput-vs-segment')).toHaveAttribute('data-upgraded', '');
  // Scroll on until the knob sits just under the pinned chart (measured again once pinned).
  for (let i = 0; i < 2; i += 1) {
    const h = (await chart.boundingBox())?.height ?? 0;
    const top = ((await knob.boundingBox())?.y ?? 0) - h - 40;
    await page.evaluate((by) => window.scrollBy({ top: by, behavior: 'instant' }), top);
  }
  const box = await chart.boundingBox();
  expect(box?.y ?? -99).toBeGreaterThanOrEqual(-2);
  expect(box?.y ?? 999).toBeLessThan(2);
  const knobBox = await knob.boundingBox();
  expect(knobBox?.y ?? 0).toBeGreaterThan((box?.y ?? 0) + (box?.height ?? 0));
  expect(knobBox?.y ?? 999).toBeLessThan(740);
  // The reader works the knob; the pinned chart redraws where it is.
  const caption = await page.locator('#fig-throughput-vs-segment .caption-text').textContent();
  await knob.focus();
  await knob.press('PageUp');
  await expect(page.locator('#fig-throughput-vs-segment .caption-text')).not.toHaveText(caption ?? '');
  expect((await chart.boundingBox())?.y ?? 999).toBeLessThan(2);

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // On a wide screen the whole figure sticks beside the column while the reader works down the panel.
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAllParameters(page);
  const last = page.locator('#mc-copyDstCrossings-range');
  await last.evaluate((el) => el.scrollIntoView({ block: 'end', behavior: 'instant' }));
  const wide = await chart.boundingBox();
  expect(wide?.y ?? -99).toBeGreaterThanOrEqual(0);
  expect((wide?.y ?? 999) + (wide?.height ?? 0)).toBeLessThanOrEqual(800);
  const lastBox = await last.boundingBox();
  expect(lastBox?.y ?? 0).toBeGreaterThan(400);
});

test('axe finds nothing on the articles index and on every article with its figures upgraded, knobs and panel open, at 360 and 1280 px, light and dark', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto('articles/');
  await expectAxeClean(page);
  const links = await page.locator('main ol a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(links).toHaveLength(readdirSync('src/content/articles').filter((f) => f.endsWith('.mdx')).length);
  const modes = [
    [360, 'dark'],
    [1280, 'light'],
    [360, 'light'],
    [1280, 'dark'],
  ] as const;
  // Each article once, the modes taking turns; the live article at both widths, in both themes.
  const runs = links.map((href, i) => [href, ...modes[i % modes.length]!] as const);
  const live = runs.find(([href]) => href.endsWith(LIVE));
  if (!live) throw new Error('the live article is not in the index');
  runs.push([live[0], live[1] === 360 ? 1280 : 360, live[2] === 'dark' ? 'light' : 'dark']);
  for (const [path, width, scheme] of runs) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(path);
    // Every figure upgraded (live or fixed), and the knobs where the article has them.
    const figures = page.locator('model-figure');
    const n = await figures.count();
    expect(n, path).toBeGreaterThan(0);
    for (let i = 0; i < n; i += 1) await figures.nth(i).scrollIntoViewIfNeeded();
    await expect(page.locator('model-figure[data-upgraded]')).toHaveCount(n);
    if ((await page.locator('model-knob').count()) > 0) {
      await page.locator('model-knob').first().scrollIntoViewIfNeeded();
      await expect(page.locator('model-knob[role="slider"]').first()).toBeVisible();
    }
    if ((await page.locator('details.all-params').count()) > 0) await openAllParameters(page);
    await expectAxeClean(page);
  }
});

test('where-the-copy-happens shows the receive path stage by stage: each stage lights its step, in the words of the whole diagram', async ({
  page,
}) => {
  await page.goto('articles/where-the-copy-happens/');
  const whole = page.locator('#fig-receive-path');
  const rows = await whole
    .locator('details.data tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
  expect(rows.length).toBeGreaterThanOrEqual(4);
  const excerpts = page.locator('figure.figure-step');
  await expect(excerpts).toHaveCount(4);
  for (let i = 0; i < 4; i += 1) {
    const excerpt = excerpts.nth(i);
    await expect(excerpt).toHaveAttribute('data-lit', String(i));
    const [n, what, by] = rows[i] ?? [];
    await expect(excerpt.locator('.step-sentence')).toHaveText(
      new RegExp(`^Step ${n} of ${rows.length}: ${what?.replace(/[()]/g, '\\$&')}, by the ${by}`),
    );
    // Only the lit step is drawn at full strength.
    const opacities = await excerpt.locator('.step-row').evaluateAll((els) => els.map((e) => Number(getComputedStyle(e).opacity)));
    const lit = await excerpt.locator(`.step-row-${i}`).count();
    expect(opacities.filter((o) => o === 1)).toHaveLength(lit);
    await expect(excerpt.locator('a')).toHaveAttribute('href', '#fig-receive-path');
  }
});
