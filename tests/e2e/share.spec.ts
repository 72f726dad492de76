import { expect, test, type Page } from '@playwright/test';
import { MODEL_VERSION } from '../../src/lib/model/index.ts';
import { expectAxeClean, openAllParameters, VERSION_RE, withoutConsoleErrors } from './helpers.ts';

const LIVE = 'articles/copy-vs-zero-copy/';
const FIG = '#fig-slowest-side';

async function openShare(page: Page): Promise<void> {
  const fig = page.locator(FIG);
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-upgraded', '');
  await fig.locator('button[data-action="share"]').focus();
  await page.keyboard.press('Enter');
  await expect(fig.locator('dialog')).toBeVisible();
  // The links are rewritten for where the page is served once the dialog has caught up.
  await expect(fig.locator('[data-field="permalink"]')).toHaveValue(new RegExp(`^${new URL(page.url()).origin}/`));
}

test('the share dialog opens by keyboard, shows the links for the state on screen, and Escape closes it', async ({ page }) => {
  await withoutConsoleErrors(page, async () => {
    await page.goto(LIVE);
    await openShare(page);
    const dialog = page.locator(`${FIG} dialog`);
    await expect(dialog.locator('[data-field="permalink"]')).toHaveValue(
      /articles\/copy-vs-zero-copy\/\?preset=quadrics-2002#fig-slowest-side$/,
    );
    await expect(dialog.locator('[data-field="iframe"]')).toHaveValue(
      new RegExp(`<iframe src="[^"]*/embed/slowest-side/quadrics-2002/\\?preset=quadrics-2002&amp;v=${VERSION_RE}"`),
    );
    await expect(dialog.locator('[data-field="img"]')).toHaveValue(/<img src="[^"]*\/embed\/slowest-side\/quadrics-2002\.svg"/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.locator(`${FIG} button[data-action="share"]`)).toBeFocused();

    // A custom state: the links follow it, and no static image is offered for it.
    await openAllParameters(page);
    await page.locator('#mc-rxCopyMBps-number').fill('500');
    await page.locator('#mc-rxCopyMBps-number').press('Enter');
    await expect(page).toHaveURL(/rxCopyMBps=500/);
    await openShare(page);
    await expect(dialog.locator('[data-field="state-words"]')).toHaveText('a custom state');
    await expect(dialog.locator('[data-field="permalink"]')).toHaveValue(/\?rxCopyMBps=500#fig-slowest-side$/);
    await expect(dialog.locator('[data-field="iframe"]')).toHaveValue(
      new RegExp(`/embed/slowest-side/\\?rxCopyMBps=500&amp;v=${VERSION_RE}"`),
    );
    await expect(dialog.locator('[data-field="img-field"]')).toBeHidden();
    await expect(dialog.locator('[data-field="img-none"]')).toBeVisible();
    // Its citation names the state and the model version, with the permalink.
    await expect(dialog.locator('[data-field="cite-plain"]')).toContainText(`model v${MODEL_VERSION}, custom state`);
    await expect(dialog.locator('[data-field="cite-plain"]')).toContainText('?rxCopyMBps=500#fig-slowest-side');
    await expect(dialog.locator('[data-field="cite-bibtex"]')).toContainText('note         = {Custom state: rxCopyMBps=500.}');
  });
});

test('copy puts the permalink on the clipboard, and the permalink opens the same state', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${LIVE}?rxMode=csum-copy`);
  await openShare(page);
  const dialog = page.locator(`${FIG} dialog`);
  await dialog.getByRole('button', { name: 'Copy' }).first().click();
  await expect(dialog.locator('[data-field="status"]')).toHaveText('Permalink copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await dialog.locator('[data-field="permalink"]').inputValue());
  const caption = await page.locator(`${FIG} .caption-text`).textContent();

  const other = await context.newPage();
  await other.goto(copied);
  await other.locator(FIG).scrollIntoViewIfNeeded();
  await expect(other.locator(FIG)).toHaveAttribute('data-upgraded', '');
  await expect(other.locator(`${FIG} .caption-text`)).toHaveText(caption ?? '');
  await expect(other.locator('#mc-rxMode-select')).toHaveValue('csum-copy');
});

test('without JavaScript the dialog still opens and links the files built for the preset', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, ...(baseURL ? { baseURL } : {}) });
  const page = await context.newPage();
  await page.goto(LIVE);
  await page.locator(`${FIG} button[data-action="share"]`).click();
  const dialog = page.locator(`${FIG} dialog`);
  await expect(dialog).toBeVisible();
  await expect(page.locator(`${FIG} button[data-action="present"]`)).toBeHidden();
  const hrefs = await dialog.locator('a[data-download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs).toHaveLength(5);
  for (const href of hrefs) {
    expect(href).toMatch(/\/embed\/slowest-side\/quadrics-2002(\.svg|\.csv|-\d+x\d+\.png)$/);
    // Built links are absolute on the configured site; fetch the same path from the test server.
    const res = await page.request.get(new URL(href).pathname.slice(1));
    expect(res.status(), href).toBe(200);
  }
  await context.close();
});

test('a link the model cannot take is clamped, and the first figure says what changed', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  const hostile = encodeURIComponent('<img src=x onerror=alert(1)>');
  await page.goto(`${LIVE}?rxCopyMBps=1e12&mss=${hostile}&evil=${hostile}`);
  const first = page.locator('model-figure').first();
  await first.scrollIntoViewIfNeeded();
  const notice = first.locator('[data-role="figure-notice"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('above the maximum');
  await expect(notice).toContainText('is not a number');
  await expect(notice).toContainText('<img src=x');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
  // Only the first figure carries it.
  await expect(page.locator('[data-role="figure-notice"]:visible')).toHaveCount(1);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the open share dialog (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(LIVE);
    await openShare(page);
    await expectAxeClean(page);
  });
}
