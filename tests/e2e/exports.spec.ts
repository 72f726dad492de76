import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_SITE } from '../../playwright.config.ts';
import { figureIds } from '../../src/lib/charts/index.ts';
import type { FigureId } from '../../src/lib/charts/types.ts';
import { permalink } from '../../src/lib/embed/links.ts';
import { paths } from '../../src/lib/routes.ts';
import { fitAll } from '../../src/lib/model/fit.ts';
import { defaults, evaluate, MODEL_VERSION, presetById, presets, presetValues, type Values } from '../../src/lib/model/index.ts';
import { THREAD_NUMBERS } from '../../src/lib/thread-numbers.ts';
import { withoutConsoleErrors } from './helpers.ts';

const TITLES: Record<FigureId, string> = {
  'throughput-vs-segment': 'Throughput against segment size',
  'time-breakdown': 'CPU time per segment',
  'memory-bus': 'Memory and I/O bus traffic',
  'slowest-side': 'The slowest side',
  'receive-path': 'A received segment’s journey',
  measurements: 'Published measurements and the model',
  'thread-numbers': 'The gap, in the thread’s own numbers',
};
const SOURCE = new RegExp(`^Slowest Side · model v${MODEL_VERSION.replaceAll('.', '\\.')} · (\\S+)$`);

/**
 * What a browser makes of an SVG file: parse errors, root, title, the words of its top-level
 * texts (outlines: each a group labelled with its string) and their path data, source line.
 */
async function readSvg(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    const outlined = [...root.children].filter((c) => c.hasAttribute('data-text'));
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      name: root.localName,
      ns: root.namespaceURI,
      viewBox: root.getAttribute('viewBox'),
      title: root.querySelector('title')?.textContent ?? null,
      /** Text left as text: none, the file carries its glyphs. */
      textElements: root.querySelectorAll('text').length,
      texts: outlined.map((t) => t.getAttribute('data-text') ?? ''),
      outlines: Object.fromEntries(
        [...root.querySelectorAll('[data-text]')].map((t) => [
          t.getAttribute('data-text'),
          [...t.querySelectorAll('path')].map((p) => p.getAttribute('d')),
        ]),
      ),
      scripts: root.querySelectorAll('script, foreignObject').length,
      outside: [...root.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /href$/.test(a.name) && !a.value.startsWith('#')).map((a) => a.value),
      ),
    };
  }, text);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Records of an RFC 4180 CSV (no quoted line breaks in these files). */
function csvRows(text: string): Record<string, string>[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const split = (line: string): string[] =>
    [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"([\s\S]*)"$/, '$1').replaceAll('""', '"'));
  const [header, ...lines] = text.slice(0, -2).split('\r\n').map(split);
  return lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

/** A figure's CSV against the model at `values` (the published-number figures: against fitAll() and the thread's numbers). */
function expectModelNumbers(figure: FigureId, csv: string, values: Values): void {
  const rows = csvRows(csv);
  const r = evaluate(values);
  if (figure === 'slowest-side') {
    expect(rows.map((x) => Number(x['Rate (Gbit/s)']))).toEqual([r.tx.gbps, r.rx.gbps, (r.endToEnd.windowMBps * 8) / 1000]);
  } else if (figure === 'throughput-vs-segment') {
    expect(rows.length).toBeGreaterThan(60);
    const send = `Send, ${values.txMode} (Gbit/s)`;
    const receive = `Receive, ${values.rxMode} (Gbit/s)`;
    for (const row of rows) {
      const at = evaluate({ ...values, mss: Number(row['Segment payload (bytes)']) });
      expect(Number(row[send])).toBe(at.tx.gbps);
      if (row[receive] !== '') expect(Number(row[receive])).toBe(at.rx.gbps);
    }
    expect(rows.find((x) => Number(x['Segment payload (bytes)']) === values.mss)?.[send]).toBe(String(r.tx.gbps));
  } else if (figure === 'receive-path') {
    const sum = (key: string): number => rows.reduce((n, x) => n + Number(x[key]), 0);
    expect(sum('Memory-bus crossings per byte')).toBe(r.rx.busCrossings);
    expect(sum('CPU µs per segment')).toBeCloseTo(r.rx.segmentTotalUs, 9);
  } else if (figure === 'measurements') {
    const fits = fitAll().flatMap((f) => f.rows.map((x) => [f.preset.id, x.expectation.value, x.model]));
    expect(rows.map((x) => [x['Model state'], Number(x['Published']), Number(x['Model'])])).toEqual(fits);
  } else if (figure === 'thread-numbers') {
    expect(rows.map((x) => [x['Number'], Number(x['Value'])])).toEqual(THREAD_NUMBERS.map((n) => [n.id, n.value]));
  } else if (figure === 'time-breakdown') {
    expect(rows.map((x) => Number(x['Total (µs)']))).toEqual([r.tx.segmentTotalUs, r.rx.segmentTotalUs]);
  } else {
    expect(rows.map((x) => Number(x['Traffic (MB/s)']))).toEqual([r.tx.memTrafficMBps, r.tx.mbps, r.rx.memTrafficMBps, r.rx.mbps]);
  }
}

test.describe('files built for each figure and preset', () => {
  for (const id of ['quadrics-2002', 'zcrx-2024-zcrx']) {
    test(`every figure at ${id}: SVGs standalone with title and source line, PNGs at their size, CSV the model's numbers`, async ({
      page,
      request,
    }) => {
      const values = presetValues(presetById(id)!);
      for (const figure of figureIds) {
        for (const kind of ['svg', 'dark.svg']) {
          const res = await request.get(paths.figureFile(figure, id, kind));
          expect(res.status(), `${figure} ${kind}`).toBe(200);
          expect(res.headers()['content-type']).toContain('image/svg+xml');
          const svg = await readSvg(page, await res.text());
          expect(svg.error, `${figure} ${kind}`).toBeNull();
          expect([svg.name, svg.ns, svg.viewBox]).toEqual(['svg', 'http://www.w3.org/2000/svg', '0 0 720 400']);
          expect(svg.title).toBe(TITLES[figure]);
          expect(svg.textElements).toBe(0);
          expect(svg.texts).toContain(TITLES[figure]);
          expect([svg.scripts, svg.outside]).toEqual([0, []]);
          const url = svg.texts.map((t) => SOURCE.exec(t)?.[1]).find((u) => u !== undefined);
          expect(url, `${figure} ${kind} source line`).toBeDefined();
          const site = url!.slice(0, url!.indexOf('articles/'));
          expect(url).toBe(permalink(site, figure, values, id));
        }
        for (const [kind, width, height] of [
          ['1920x1080.png', 1920, 1080],
          ['1280x720.png', 1280, 720],
          ['1080x1080.png', 1080, 1080],
        ] as const) {
          const res = await request.get(paths.figureFile(figure, id, kind));
          expect(res.headers()['content-type']).toBe('image/png');
          expect(pngSize(await res.body()), `${figure} ${kind}`).toEqual({ width, height });
        }
        const csv = await request.get(paths.figureFile(figure, id, 'csv'));
        expect(csv.headers()['content-type']).toContain('text/csv');
        expectModelNumbers(figure, await csv.text(), values);
      }
    });
  }

  test('exist for every preset, and the site under a base path links its own pages', async ({ request }) => {
    for (const p of presets) {
      for (const kind of ['svg', 'dark.svg', 'csv', '1080x1080.png']) {
        expect((await request.get(paths.figureFile('memory-bus', p.id, kind))).status(), `${p.id} ${kind}`).toBe(200);
      }
    }
    const text = await (await request.get(new URL(paths.figureFile('slowest-side', 'gige-2002', 'svg'), FIXTURE_SITE).href)).text();
    expect(text).toMatch(/ · https?:\/\/[^/\s<]+\/sub\/articles\/copy-vs-zero-copy\/\?preset=gige-2002#fig-slowest-side</);
  });
});

test.describe('downloads from the page', () => {
  test('the share dialog downloads the slowest-side figure as SVG, PNG and CSV for the state shown', async ({ page }) => {
    await withoutConsoleErrors(page, async () => {
      const glyphLoads: string[] = [];
      page.on('request', (r) => {
        if (/\/export-font\.[^/]+\.js$/.test(r.url())) glyphLoads.push(r.url());
      });
      await page.goto('articles/copy-vs-zero-copy/');
      const figure = page.locator('model-figure#fig-slowest-side');
      await figure.scrollIntoViewIfNeeded();
      await figure.locator('button[data-action="share"]').click();
      const dialog = figure.locator('dialog');
      await expect(dialog).toBeVisible();
      const fetch = async (kind: string): Promise<{ name: string; bytes: Buffer }> => {
        const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator(`[data-download="${kind}"]`).click()]);
        return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
      };

      // The glyph table loads with the first download that draws text, not with the page.
      expect(glyphLoads).toEqual([]);
      const svg = await fetch('svg');
      expect(glyphLoads).toHaveLength(1);
      expect(svg.name).toMatch(/^slowest-side-slowest-side-[a-z0-9-]+\.svg$/);
      const parsed = await readSvg(page, svg.bytes.toString('utf8'));
      expect(parsed.error).toBeNull();
      expect(parsed.title).toBe('The slowest side');
      // Outlined as the build outlines: the title and legend, which no state moves, are the same paths as in the built file.
      expect(parsed.textElements).toBe(0);
      const built = await readSvg(page, await (await page.request.get(paths.figureFile('slowest-side', 'quadrics-2002', 'svg'))).text());
      for (const words of ['The slowest side', 'send', 'receive', 'window ÷ RTT']) {
        expect(parsed.outlines[words], words).toBeDefined();
        expect(parsed.outlines[words], words).toEqual(built.outlines[words]);
      }
      const url = parsed.texts.map((t) => SOURCE.exec(t)?.[1]).find((u) => u !== undefined);
      expect(url).toMatch(/\/articles\/copy-vs-zero-copy\/\?[^#]*#fig-slowest-side$/);
      expect(url!.startsWith(new URL('/', page.url()).href)).toBe(true);

      const png = await fetch('1920x1080.png');
      expect(png.name).toMatch(/-1920x1080\.png$/);
      expect(pngSize(png.bytes)).toEqual({ width: 1920, height: 1080 });

      const csv = await fetch('csv');
      expect(glyphLoads).toHaveLength(1);
      expect(csv.name).toMatch(/\.csv$/);
      // The article opens at the model's defaults.
      expectModelNumbers('slowest-side', csv.bytes.toString('utf8'), defaults());
    });
  });
});
