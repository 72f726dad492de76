import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { paths } from '../../src/lib/routes.ts';
import { isDict, type PdfDict, type ReadPdf, readPdf, streamData } from '../support/pdf-reader.ts';
import { pdfinfo, pdftotext } from '../support/poppler.ts';
import { tempFile } from '../support/temp-file.ts';

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
