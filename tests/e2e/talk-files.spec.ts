import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { build } from 'esbuild';
import sharp from 'sharp';
import { parse } from 'yaml';
import { articleText, validateSteps } from '../../src/lib/charts/steps.ts';
import { paths } from '../../src/lib/routes.ts';
import { type Talk, talkFromSteps } from '../../src/lib/talk/talk.ts';
import { isDict, type PdfDict, type ReadPdf, readPdf, streamData } from '../support/pdf-reader.ts';
import { pdfinfo, pdftotext } from '../support/poppler.ts';
import { removeTempFiles, tempFile } from '../support/temp-file.ts';

/** The site's own origin in built files (SITE unset: astro.config's default). */
const BUILT_SITE = 'http://localhost:4321/';
const ARTICLES = 'src/content/articles';

interface Sequence {
  slug: string;
  title: string;
  body: string;
  figure: string;
  steps: { sentence: string; figure?: string; preset?: string; values?: Record<string, unknown> }[];
}

/** Every article's own sequence, read from its frontmatter. */
const sequences: Sequence[] = readdirSync(ARTICLES)
  .filter((f) => /\.mdx?$/.test(f))
  .flatMap((f) => {
    const body = readFileSync(join(ARTICLES, f), 'utf8');
    const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(body)![1]!) as { title: string; talk?: Omit<Sequence, 'slug' | 'title' | 'body'> };
    return data.talk ? [{ slug: f.replace(/\.mdx?$/, ''), title: data.title, body, ...data.talk }] : [];
  });

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The image XObjects a page draws. */
function images(pdf: ReadPdf, page: number): PdfDict[] {
  const resources = pdf.get(pdf.pages[page]!.dict.dict.get('Resources'));
  const xobjects = isDict(resources) ? pdf.get(resources.dict.get('XObject')) : undefined;
  return isDict(xobjects) ? [...xobjects.dict.values()].map((v) => pdf.get(v)).filter(isDict) : [];
}

/** How many distinct colours an RGB image holds (a blank or broken image holds one or two). */
function colours(pixels: Uint8Array): number {
  const seen = new Set<number>();
  for (let i = 0; i < pixels.length; i += 3) seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
  return seen.size;
}

/** The mean brightness of each 16 × 16 block of an RGB image `width` px wide (height a multiple of 16). */
function blocks(pixels: Uint8Array, width: number): number[] {
  const size = 16;
  const height = pixels.length / 3 / width;
  const out: number[] = [];
  for (let by = 0; by + size <= height; by += size) {
    for (let bx = 0; bx + size <= width; bx += size) {
      let sum = 0;
      for (let y = by; y < by + size; y++)
        for (let x = bx; x < bx + size; x++)
          sum += pixels[(y * width + x) * 3]! + pixels[(y * width + x) * 3 + 1]! + pixels[(y * width + x) * 3 + 2]!;
      out.push(sum / (size * size * 3));
    }
  }
  return out;
}

/** A talk PDF read three ways: our reader, pdfinfo and pdftotext. Checks what every talk PDF must be. */
function checkTalkPdf(bytes: Uint8Array, title: string, captions: readonly string[]): ReadPdf {
  const pdf = readPdf(bytes);
  expect(pdf.pages.length).toBe(captions.length + 1);
  for (const p of pdf.pages) expect(p.mediaBox[2]! / p.mediaBox[3]!).toBeCloseTo(16 / 9, 10);
  const file = tempFile(bytes, 'talk.pdf');
  const info = pdfinfo(file);
  expect(info.stderr).toBe('');
  expect(info.fields['Pages']).toBe(String(captions.length + 1));
  expect(info.fields['Page size']).toBe('960 x 540 pts');
  expect(info.fields['Title']).toBe(title);
  const text = pdftotext(file);
  expect(flat(text[0]!)).toContain(title);
  captions.forEach((caption, i) => {
    expect(flat(text[i + 1]!)).toContain(flat(caption));
    expect(flat(text[i + 1]!)).toMatch(new RegExp(`${i + 1} ?/ ?${captions.length}$`));
    const [image, ...more] = images(pdf, i + 1);
    expect(more).toEqual([]);
    const pixels = streamData(image!);
    expect(pixels.length).toBe((image!.dict.get('Width') as number) * (image!.dict.get('Height') as number) * 3);
    // A drawn chart: many colours, and the light theme's background in its corner.
    expect(colours(pixels)).toBeGreaterThan(20);
    expect([...pixels.subarray(0, 3)]).toEqual([0xff, 0xfd, 0xf8]);
  });
  return pdf;
}

test.afterAll(removeTempFiles);

test.describe('talk PDFs in the build', () => {
  test('every article with a sequence has one: a title page, then a 16:9 page a step with its sentence and its figure', () => {
    expect(sequences.length).toBeGreaterThanOrEqual(5);
    const built = readdirSync('dist/talks').filter((f) => f.endsWith('.pdf'));
    expect(built.sort()).toEqual(sequences.map((s) => `${s.slug}.pdf`).sort());
    for (const s of sequences) {
      const bytes = readFileSync(join('dist', paths.talkFile(s.slug, 'pdf')));
      checkTalkPdf(
        bytes,
        s.title,
        s.steps.map((step) => step.sentence),
      );
      // A sane size: images of charts, not of noise (each step under 200 kB) and not empty.
      expect(bytes.length).toBeGreaterThan(20_000 * s.steps.length);
      expect(bytes.length).toBeLessThan(200_000 * s.steps.length);
      test.info().annotations.push({
        type: 'size',
        description: `${paths.talkFile(s.slug, 'pdf')}: ${bytes.length} bytes, ${s.steps.length} steps`,
      });
    }
  });

  test('Chromium’s PDF viewer opens one: as many pages as steps and a title page, each 16:9, under the talk’s title', async ({ page }) => {
    const s = sequences.find((x) => x.slug === 'copy-vs-zero-copy')!;
    const response = await page.goto(`/${paths.talkFile(s.slug, 'pdf')}`);
    expect(response?.headers()['content-type']).toBe('application/pdf');
    const viewer = await expect
      .poll(() => page.frames().find((f) => f.url().startsWith('chrome-extension://')), { timeout: 10_000 })
      .toBeTruthy()
      .then(() => page.frames().find((f) => f.url().startsWith('chrome-extension://'))!);
    // What the viewer shows in its toolbar, and the pages it laid out (documentDimensions, in CSS px with a border each).
    const read = () =>
      viewer.evaluate(() => {
        const v = document.querySelector('pdf-viewer') as
          | (Element & { documentDimensions?: { pageDimensions: { width: number; height: number }[] } })
          | null;
        const selector = v?.shadowRoot?.querySelector('viewer-toolbar')?.shadowRoot?.querySelector('viewer-page-selector');
        return {
          count: selector?.shadowRoot?.querySelector('#pagelength')?.textContent?.trim() ?? '',
          pages: v?.documentDimensions?.pageDimensions ?? [],
          title: v?.shadowRoot?.querySelector('viewer-toolbar')?.shadowRoot?.querySelector('#title')?.textContent?.trim() ?? '',
        };
      });
    await expect.poll(async () => (await read()).count, { timeout: 10_000 }).toBe(String(s.steps.length + 1));
    const shown = await read();
    expect(shown.title).toBe(s.title);
    expect(shown.pages.length).toBe(s.steps.length + 1);
    for (const p of shown.pages) expect(Math.abs(p.width / p.height - 16 / 9)).toBeLessThan(0.02);
  });
});

/** Bundles the talk page's file makers and serves them to `page` at /__talk-files.js (same origin: the page's CSP allows it). */
async function serveTalkFiles(page: Page): Promise<void> {
  const bundle = await build({
    stdin: {
      contents: "export { downloadTalkPdf, downloadTalkPngs } from './src/scripts/talk/files.ts';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]!.text;
  await page.route('**/__talk-files.js', (route) => route.fulfill({ contentType: 'text/javascript', body: code }));
}

/** Calls `downloadTalkPdf` or `downloadTalkPngs` in the page; the file it saved and what it returned. */
async function download(page: Page, fn: 'downloadTalkPdf' | 'downloadTalkPngs', talk: Talk, site: string) {
  const [file, report] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.evaluate(
      async ({ fn, talk, site }) => {
        const url = '/__talk-files.js';
        const files = (await import(url)) as Record<
          string,
          (t: unknown, s: string) => Promise<{ name: string; size: number; problems: string[] }>
        >;
        return files[fn]!(talk, site);
      },
      { fn, talk, site },
    ),
  ]);
  const bytes = new Uint8Array(readFileSync((await file.path())!));
  return { name: file.suggestedFilename(), bytes, report };
}

test.describe('talk files made in the browser', () => {
  const s = sequences.find((x) => x.slug === 'copy-vs-zero-copy')!;
  const talk = talkFromSteps(s.title, s.figure as never, validateSteps(s.steps as never, articleText(s.body)), paths.article(s.slug));

  test('downloadTalkPdf saves the same pages as the build’s PDF of the talk, text for text, with figures drawn by the browser', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await serveTalkFiles(page);
    await page.goto(`/${paths.article(s.slug)}`);
    const { name, bytes, report } = await download(page, 'downloadTalkPdf', talk, BUILT_SITE);
    expect(name).toBe('copy-versus-zero-copy-a-live-model.pdf');
    expect(report).toEqual({ name, size: bytes.length, problems: [] });
    const mine = checkTalkPdf(
      bytes,
      s.title,
      s.steps.map((step) => step.sentence),
    );
    const built = readPdf(readFileSync(join('dist', paths.talkFile(s.slug, 'pdf'))));
    expect(mine.pages.map((p) => p.runs)).toEqual(built.pages.map((p) => p.runs));
    // The browser's drawing of each figure is the build's: no 16 × 16 block's mean brightness is off by more than a tenth
    // (anti-aliasing and type differ less; the two closest steps of the talk differ in 2 % of blocks).
    for (let i = 1; i < mine.pages.length; i++) {
      const [a, b] = [images(mine, i)[0]!, images(built, i)[0]!];
      expect([a.dict.get('Width'), a.dict.get('Height')]).toEqual([b.dict.get('Width'), b.dict.get('Height')]);
      const [p, q] = [blocks(streamData(a), a.dict.get('Width') as number), blocks(streamData(b), b.dict.get('Width') as number)];
      expect(p.filter((v, j) => Math.abs(v - q[j]!) > 25).length / p.length, `step ${i}`).toBeLessThan(0.005);
    }
    test.info().annotations.push({ type: 'size', description: `browser PDF, ${talk.steps.length} steps: ${bytes.length} bytes` });
  });

  test('downloadTalkPngs saves a ZIP of 1920 × 1080 PNGs named in order, that unzip and Python’s zipfile read clean', async ({ page }) => {
    test.setTimeout(120_000);
    await serveTalkFiles(page);
    await page.goto(`/${paths.article(s.slug)}`);
    const { name, bytes, report } = await download(page, 'downloadTalkPngs', talk, BUILT_SITE);
    expect(name).toBe('copy-versus-zero-copy-a-live-model-1920x1080.zip');
    expect(report).toEqual({ name, size: bytes.length, problems: [] });
    const path = tempFile(bytes, name);
    const unzip = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
    expect(unzip.stdout).toMatch(/No errors detected/);
    const script = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(json.dumps({"bad": z.testzip(), "files": [[i.filename, list(z.read(i)[:24])] for i in z.infolist()]}))`;
    const py = spawnSync('python3', ['-c', script, path], { encoding: 'utf8' });
    const read = JSON.parse(py.stdout) as { bad: string | null; files: [string, number[]][] };
    // Each is the figure's PNG download for its step's state: a step at a preset matches the build's file of that preset.
    const unzipped = spawnSync('unzip', ['-p', path, read.files[0]![0]], { maxBuffer: 1 << 26 }).stdout;
    const rgb = async (png: Uint8Array) => (await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })).data;
    const [mine, built] = await Promise.all([
      rgb(unzipped),
      rgb(readFileSync(join('dist', paths.figureFile('slowest-side', s.steps[0]!.preset!, '1920x1080.png')))),
    ]);
    const [p, q] = [blocks(new Uint8Array(mine), 1920), blocks(new Uint8Array(built), 1920)];
    expect(p.filter((v, j) => Math.abs(v - q[j]!) > 25).length / p.length).toBeLessThan(0.005);
    expect(read.bad).toBeNull();
    expect(read.files.length).toBe(s.steps.length);
    read.files.forEach(([file, head], i) => {
      // 01-slowest-side-<the sentence's first words>.png, in the sequence's order.
      const words = s.steps[i]!.sentence.toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
      const m = /^(\d\d)-slowest-side-([a-z0-9-]+)\.png$/.exec(file);
      expect(m, file).not.toBeNull();
      expect(Number(m![1])).toBe(i + 1);
      expect(words.slice(0, m![2]!.split('-').length).join('-')).toBe(m![2]);
      // A PNG (signature, then IHDR) of 1920 × 1080.
      const bytesOf = Uint8Array.from(head);
      expect([...bytesOf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const view = new DataView(bytesOf.buffer);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([1920, 1080]);
    });
    test.info().annotations.push({ type: 'size', description: `PNG ZIP, ${talk.steps.length} steps: ${bytes.length} bytes` });
  });
});
