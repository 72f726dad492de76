import { describe, expect, it } from 'vitest';
import { EXPORT_GLYPHS } from '../../../src/lib/fonts/export-font.ts';
import { figures } from '../../../src/lib/charts/index.ts';
import { DENSITY } from '../../../src/lib/charts/sizes.ts';
import { permalink } from '../../../src/lib/embed/links.ts';
import { MODEL_VERSION, presetById, presetValues } from '../../../src/lib/model/index.ts';
import { FIGURE_BOX } from '../../../src/lib/talk/pdf.ts';
import { PDF_IMAGE, SLIDE_PNG, stepFiles, stepSvg, talkFileName, talkPdfInput } from '../../../src/lib/talk/step-files.ts';
import { makeStep, stepState, type Talk } from '../../../src/lib/talk/talk.ts';
import { blankDocument, xmlDocument } from '../../support/dom.ts';

const SITE = 'https://slowest.example/sub/';
const quadrics = presetValues(presetById('quadrics-2002')!);
const document = blankDocument() as unknown as Document;

const captions = [
  'LANL ran 2.4.3, before zero-copy transmit arrived in 2.4.4, so the historical fit has one CPU copy on each side.',
  'Zero-copy send on its own would not have helped: the sender speeds up.',
  '',
  'Café “crème” — 10 µs × 2',
];

function talkOf(n: number): Talk {
  const figuresCycle = ['slowest-side', 'receive-path', 'measurements', 'throughput-vs-segment'] as const;
  return {
    title: 'Copy vs zero-copy: “twice”',
    steps: Array.from({ length: n }, (_, i) =>
      makeStep(
        figuresCycle[i % 4]!,
        { ...quadrics, mss: 1000 + i },
        {
          origin: 'quadrics-2002',
          caption: captions[i % captions.length]!,
          from: 'articles/copy-vs-zero-copy/',
        },
      ),
    ),
  };
}

/** The caption's words as a file name has them: ASCII, lower case, accents dropped, µ as u. */
const nameWords = (s: string): string[] =>
  s
    .replace(/µ/g, 'u')
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

describe('a talk step’s files', () => {
  it('names the PNGs in order, numbered to sort (two digits, three past 99), with the figure and the caption’s first words', () => {
    for (const n of [1, 4, 12, 40]) {
      const files = stepFiles(talkOf(n), SITE);
      const names = files.map((f) => f.pngName);
      expect(new Set(names).size).toBe(n);
      expect([...names].sort()).toEqual(names);
      files.forEach((f, i) => {
        const m = /^(\d+)-([a-z-]+?)(?:-([a-z0-9-]+))?\.png$/.exec(f.pngName);
        expect(m, f.pngName).not.toBeNull();
        expect(m![1]).toBe(String(i + 1).padStart(2, '0'));
        expect(f.pngName.startsWith(`${m![1]}-${f.figure}`)).toBe(true);
        const slugWords = f.pngName.slice(`${m![1]}-${f.figure}-`.length, -'.png'.length).split('-');
        expect(slugWords.join('-').length).toBeLessThanOrEqual(40);
        expect(nameWords(f.caption).slice(0, slugWords.length)).toEqual(slugWords);
      });
    }
    expect(stepFiles(talkOf(4), SITE)[3]!.pngName).toBe('04-throughput-vs-segment-cafe-creme-10-us-2.png');
  });

  it('captions a step with its own words, or its figure’s caption for its state when it has none', () => {
    const talk = talkOf(3);
    const files = stepFiles(talk, SITE);
    expect(files[0]!.caption).toBe(captions[0]);
    const { values, bandKeys } = stepState(talk.steps[2]!);
    expect(files[2]!.caption).toBe(figures['measurements'].caption(values, { bandKeys }));
    expect(files[2]!.caption.length).toBeGreaterThan(20);
  });

  it('gives each step a source line with the model version and the permalink of its state', () => {
    const talk = talkOf(2);
    stepFiles(talk, SITE).forEach((f, i) => {
      const { values } = stepState(talk.steps[i]!);
      expect(f.link).toBe(permalink(SITE, f.figure, values, 'quadrics-2002'));
      expect(f.link.startsWith(SITE)).toBe(true);
      expect(f.source).toBe(`Slowest Side · model v${MODEL_VERSION} · ${f.link}`);
    });
  });

  it('draws a PDF page’s figure in the page’s box without a source line, and a ZIP slide at 1920 × 1080 with one', () => {
    const [file] = stepFiles(talkOf(1), SITE);
    const pdf = xmlDocument(stepSvg(file!, { site: SITE, kind: 'pdf', scale: DENSITY, document, glyphs: EXPORT_GLYPHS })).documentElement;
    expect([pdf.getAttribute('viewBox'), pdf.getAttribute('width'), pdf.getAttribute('height')]).toEqual([
      `0 0 ${FIGURE_BOX.width} ${FIGURE_BOX.height}`,
      String(PDF_IMAGE.width),
      String(PDF_IMAGE.height),
    ]);
    expect(pdf.querySelector('[data-part="source"]')).toBeNull();
    // Text is drawn as outlines, as in every exported figure: the words stay on each group.
    expect(pdf.querySelector('text')).toBeNull();
    const png = xmlDocument(stepSvg(file!, { site: SITE, kind: 'png', scale: DENSITY, document, glyphs: EXPORT_GLYPHS })).documentElement;
    expect([png.getAttribute('width'), png.getAttribute('height')]).toEqual([String(SLIDE_PNG.width), String(SLIDE_PNG.height)]);
    expect(png.querySelector('[data-part="source"]')?.getAttribute('data-text')).toBe(file!.source);
  });

  it('names the talk’s files after its title, and opens the PDF with the step count and where the steps came from', () => {
    const talk = talkOf(3);
    expect(talkFileName(talk, 'pdf')).toBe('copy-vs-zero-copy-twice.pdf');
    expect(talkFileName(talk, 'zip')).toBe('copy-vs-zero-copy-twice-1920x1080.zip');
    expect(talkFileName({ title: '漢字', steps: [] }, 'pdf')).toBe('talk.pdf');
    const files = stepFiles(talk, SITE);
    const images = files.map(() => ({ width: 1, height: 1, data: new Uint8Array() }));
    const input = talkPdfInput(talk, files, images, SITE);
    expect(input.title).toBe(talk.title);
    expect(input.cover.join('\n')).toMatch(/^3 steps · .*\nhttps:\/\/slowest\.example\/sub\/articles\/copy-vs-zero-copy\/$/);
    expect(input.slides.map((s) => s.caption)).toEqual(files.map((f) => f.caption));
    const mixed = { ...talk, steps: [talk.steps[0]!, { ...talk.steps[1]!, from: 'articles/the-slowest-side/' }] };
    expect(talkPdfInput(mixed, stepFiles(mixed, SITE), images, SITE).cover.at(-1)).toBe(SITE);
  });
});
