import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE, type PdfImage, type PdfSlide, rgbPixels, talkPdf } from '../../../src/lib/talk/pdf.ts';
import { encodeWinAnsi, textWidth } from '../../../src/lib/talk/winansi.ts';
import { bytesOf, isDict, nameOf, readPdf, streamData, textString } from '../../support/pdf-reader.ts';
import { pdfinfo, pdftotext, words } from '../../support/poppler.ts';
import { removeTempFiles, tempFile as temp } from '../../support/temp-file.ts';

const tempFile = (bytes: Uint8Array): string => temp(bytes, 'talk.pdf');

/** `w` × `h` RGB pixels of a pattern that depends on `seed`, and the image of them. */
function picture(w: number, h: number, seed = 1): { pixels: Uint8Array; image: PdfImage } {
  const pixels = Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 31 + seed * 17 + ((i / 3) >> 4)) & 0xff);
  return { pixels, image: { width: w, height: h, data: new Uint8Array(deflateSync(pixels)) } };
}

const slide = (caption: string, extra: Partial<PdfSlide> = {}): PdfSlide => ({
  image: picture(32, 14).image,
  caption,
  source: 'Slowest Side · model v1.1.0 · http://localhost:4321/articles/copy-vs-zero-copy/?preset=quadrics-2002#fig-slowest-side',
  link: 'http://localhost:4321/articles/copy-vs-zero-copy/?preset=quadrics-2002#fig-slowest-side',
  ...extra,
});

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

afterAll(removeTempFiles);

describe('the talk PDF', () => {
  it('has a title page and one 16:9 page a step, every cross-reference offset on its object (our reader and poppler agree)', () => {
    for (const n of [0, 1, 3, 12]) {
      const pdf = talkPdf({
        title: `Talk of ${n}`,
        cover: ['a line'],
        slides: Array.from({ length: n }, (_, i) => slide(`Step ${i + 1}.`)),
      });
      const read = readPdf(pdf.bytes);
      expect(read.pages.length).toBe(n + 1);
      for (const p of read.pages) {
        expect(p.mediaBox).toEqual([0, 0, PAGE.width, PAGE.height]);
        expect(p.mediaBox[2]! / p.mediaBox[3]!).toBeCloseTo(16 / 9, 10);
      }
      const info = pdfinfo(tempFile(pdf.bytes));
      expect(info.stderr).toBe('');
      expect(info.fields['Pages']).toBe(String(n + 1));
      expect(info.fields['Page size']).toBe('960 x 540 pts');
      expect(info.fields['Title']).toBe(`Talk of ${n}`);
    }
  });

  it('prints each step’s caption, source line and “n / N” as text, typographic characters included, and titles the document', () => {
    const title = 'Copy vs zero-copy: “twice” ≈ 1.8 Gbit/s';
    const captions = [
      'The receiver’s copy — 10 µs × 2 segments – costs “twice”; café (typed as e + accent) €5 ½.',
      'Zero-copy send on its own would not have helped.',
      'Combine both ‘sides’… and the link binds.',
    ];
    const pdf = talkPdf({ title, cover: ['3 steps · Slowest Side'], slides: captions.map((c) => slide(c.replace('é', 'e\u0301'))) });
    expect(pdf.problems.filter((p) => !p.includes('title'))).toEqual([]);
    const read = readPdf(pdf.bytes);
    expect(
      textString(
        read.get(read.trailer.dict.get('Info')) &&
          (read.get(read.trailer.dict.get('Info')) as { dict: Map<string, never> }).dict.get('Title'),
      ),
    ).toBe(title);
    const file = tempFile(pdf.bytes);
    expect(pdfinfo(file).fields['Title']).toBe(title);
    const pages = pdftotext(file);
    expect(pages.length).toBe(4);
    // The title page: the title as printed (≈ has no glyph in Helvetica), and its lines.
    expect(flat(pages[0]!)).toContain('Copy vs zero-copy: “twice” ~ 1.8 Gbit/s');
    expect(flat(pages[0]!)).toContain('3 steps · Slowest Side');
    captions.forEach((caption, i) => {
      const text = flat(pages[i + 1]!);
      expect(text).toContain(caption);
      expect(text).toContain(slide('').source);
      // Poppler closes up the thin spaces of "1 / 3"; our reader sees them.
      expect(text).toMatch(new RegExp(`${i + 1} ?/ ?3$`));
      expect(read.pages[i + 1]!.texts).toContain(`${i + 1} / 3`);
      // Our reader finds the same through the content stream and windows-1252.
      expect(flat(read.pages[i + 1]!.texts.join(' '))).toContain(caption);
    });
  });

  it('prints a character Helvetica lacks as its stand-in or “?”, visibly, and reports each with where it was', () => {
    const pdf = talkPdf({ title: 'T', cover: [], slides: [slide('rx ≈ 0.9 ≈ 漢字 ok'), slide('fine')] });
    expect(flat(pdftotext(tempFile(pdf.bytes))[1]!)).toContain('rx ~ 0.9 ~ ?? ok');
    expect(pdf.unprintable).toEqual([
      { where: 'step 1 caption', char: '≈', code: 'U+2248', printed: '~', count: 2 },
      { where: 'step 1 caption', char: '漢', code: 'U+6F22', printed: '?', count: 1 },
      { where: 'step 1 caption', char: '字', code: 'U+5B57', printed: '?', count: 1 },
    ]);
    expect(pdf.problems[0]).toMatch(/step 1 caption.*“≈” \(U\+2248\).*“~” \(2 times\)/);
    expect(pdf.problems.length).toBe(3);
  });

  it('places each step’s image, pixels as given, in the figure box, and links the source line', () => {
    const { pixels, image } = picture(944 * 2, 388 * 2, 7);
    const pdf = talkPdf({ title: 'T', cover: [], slides: [slide('x', { image })] });
    const read = readPdf(pdf.bytes);
    const page = read.pages[1]!;
    const resources = read.get(page.dict.dict.get('Resources'));
    const xobjects = isDict(resources) ? read.get(resources.dict.get('XObject')) : undefined;
    const im = isDict(xobjects) ? read.get([...xobjects.dict.values()][0]) : undefined;
    expect(isDict(im) && nameOf(im.dict.get('Subtype'))).toBe('Image');
    if (!isDict(im)) return;
    expect([im.dict.get('Width'), im.dict.get('Height'), nameOf(im.dict.get('ColorSpace')), im.dict.get('BitsPerComponent')]).toEqual([
      1888,
      776,
      'DeviceRGB',
      8,
    ]);
    expect(Buffer.from(streamData(im)).equals(Buffer.from(pixels))).toBe(true);
    const annots = read.get(page.dict.dict.get('Annots')) as unknown[];
    const action = read.get((annots[0] as { dict: Map<string, never> }).dict.get('A'));
    expect(isDict(action) && new TextDecoder().decode(bytesOf(action.dict.get('URI')))).toBe(slide('').link);
  });

  it('wraps captions and source lines inside the margins and above one another, as poppler measures them with its own metrics', () => {
    const long = 'Bigger segments alone help less than their CPU savings suggest, because the memory bus takes over'.split(' ');
    const caption = Array.from({ length: 60 }, (_, i) => long[i % long.length])
      .join(' ')
      .slice(0, 400);
    const url = `http://localhost:4321/articles/copy-vs-zero-copy/?preset=quadrics-2002&${'mss=24576&'.repeat(14)}#fig-slowest-side`;
    const pdf = talkPdf({ title: 'T', cover: [], slides: [slide(caption, { source: `Slowest Side · model v1.1.0 · ${url}` })] });
    expect(pdf.problems).toEqual([]);
    const page = words(tempFile(pdf.bytes))[1]!;
    for (const w of page) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(24 - 0.01);
      expect(w.xMax, w.text).toBeLessThanOrEqual(PAGE.width - 24 + 0.01);
    }
    // The page number sits flush right at the margin: poppler's widths are ours.
    const number = page.find((w) => w.text === '1' && page.some((o) => o.text === '/' && o.xMin > w.xMax));
    expect(page.at(-1)!.xMax).toBeCloseTo(PAGE.width - 24, 1);
    expect(number).toBeDefined();
    const captionWords = page.filter((w) => w.yMax - w.yMin > 12);
    const small = page.filter((w) => w.yMax - w.yMin <= 12);
    expect(captionWords.map((w) => w.text).join(' ')).toBe(caption);
    expect(Math.max(...captionWords.map((w) => w.yMax))).toBeLessThan(Math.min(...small.map((w) => w.yMin)));
    expect(small.map((w) => w.text).join('')).toContain(url);
  });

  it('shrinks a caption to fit its room, and cuts one that cannot fit, saying so', () => {
    const fits = talkPdf({ title: 'T', cover: [], slides: [slide('word '.repeat(80).trim())] });
    expect(fits.problems).toEqual([]);
    const sizes = readPdf(fits.bytes).pages[1]!.runs.filter((r) => r.size > 9);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes[0]!.size).toBeLessThan(20);
    const cut = talkPdf({ title: 'T', cover: [], slides: [slide('W'.repeat(20).concat(' ').repeat(60))] });
    expect(cut.problems).toEqual([expect.stringMatching(/step 1 caption is too long for its page: cut to \d+ lines at 10 pt/)]);
    const runs = readPdf(cut.bytes).pages[1]!.runs.filter((r) => r.size > 9);
    expect(runs.at(-1)!.text.endsWith('…')).toBe(true);
  });

  it('loses and changes no word of a caption in wrapping it (any caption of WinAnsi characters)', () => {
    const chars = [...new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 224 }, (_, i) => i + 32))].filter(
      (c) => encodeWinAnsi(c).bytes.length === 1 && encodeWinAnsi(c).unprintable.length === 0 && c !== '\u00a0',
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars, ' ', ' ', ' ', ' '), { minLength: 1, maxLength: 300 }), (cs) => {
        const caption = cs.join('');
        const pdf = talkPdf({ title: 'T', cover: [], slides: [slide(caption)] });
        if (pdf.problems.length > 0) return; // cut to fit: the previous test
        const printed = readPdf(pdf.bytes).pages[1]!.runs.filter((r) => r.size > 9);
        expect(printed.map((r) => r.text.replace(/ /g, '')).join('')).toBe(caption.replace(/ /g, ''));
        for (const r of printed)
          expect(textWidth(encodeWinAnsi(r.text).bytes, 'regular', r.size)).toBeLessThanOrEqual(PAGE.width - 48 + 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('writes the same bytes for the same talk, with no date in them', () => {
    const make = () =>
      talkPdf({ title: 'Same', cover: ['x'], slides: [slide('a'), slide('b', { image: picture(10, 10, 3).image })] }).bytes;
    const a = make();
    expect(Buffer.from(a).equals(Buffer.from(make()))).toBe(true);
    expect(Buffer.from(a).toString('latin1')).not.toMatch(/CreationDate|ModDate|\/ID/);
  });
});

describe('the PDF’s text', () => {
  it('maps every WinAnsi character to its byte, as the platform’s windows-1252 decoder reads it back', () => {
    const decoder = new TextDecoder('windows-1252');
    for (let b = 0x21; b <= 0xff; b++) {
      const ch = decoder.decode(Uint8Array.of(b));
      const encoded = encodeWinAnsi(ch);
      // Unassigned codes (0x81, 0x8D …) decode to C1 controls, which print nothing; the soft hyphen prints nothing either.
      if ((b >= 0x7f && ch.codePointAt(0)! < 0xa0) || b === 0xad) {
        expect([...encoded.bytes], `0x${b.toString(16)}`).toEqual([]);
        continue;
      }
      expect([...encoded.bytes], `0x${b.toString(16)} ${ch}`).toEqual([b]);
      expect(encoded.unprintable).toEqual([]);
    }
  });

  it('gives each Helvetica and Helvetica-Bold glyph the width poppler measures it at', () => {
    const decoder = new TextDecoder('windows-1252');
    const glyphs = [...Array.from({ length: 0xdf }, (_, i) => i + 0x21)]
      .map((b) => decoder.decode(Uint8Array.of(b)))
      .filter((c) => encodeWinAnsi(c).bytes.length === 1 && c !== '\u00a0');
    // 94 ASCII, 27 at 0x80–0x9F, 94 at 0xA1–0xFF (no soft hyphen).
    expect(glyphs.length).toBe(215);
    // Words of five of a glyph: regular in 9 pt source lines, bold in the 40 pt title.
    const chunks = Array.from({ length: Math.ceil(glyphs.length / 10) }, (_, i) => glyphs.slice(i * 10, i * 10 + 10));
    const regular = talkPdf({
      title: 'T',
      cover: [],
      slides: chunks.map((c) => slide('x', { source: c.map((g) => g.repeat(5)).join(' ') })),
    });
    const measured = words(tempFile(regular.bytes)).slice(1);
    let checked = 0;
    chunks.forEach((chunk, i) => {
      for (const g of chunk) {
        const w = measured[i]!.find((x) => x.text === g.repeat(5));
        expect(w, `${g} in ${measured[i]!.map((x) => x.text).join(' ')}`).toBeDefined();
        expect(w!.xMax - w!.xMin, `regular ${g}`).toBeCloseTo(textWidth(encodeWinAnsi(g.repeat(5)).bytes, 'regular', 9), 2);
        checked += 1;
      }
      const bold = talkPdf({ title: chunk.map((g) => g.repeat(3)).join(' '), cover: [], slides: [] });
      const size = readPdf(bold.bytes).pages[0]!.runs[0]!.size;
      const title = words(tempFile(bold.bytes))[0]!;
      for (const g of chunk) {
        const w = title.find((x) => x.text === g.repeat(3));
        expect(w!.xMax - w!.xMin, `bold ${g}`).toBeCloseTo(textWidth(encodeWinAnsi(g.repeat(3)).bytes, 'bold', size), 2);
      }
    });
    expect(checked).toBe(215);
  });

  it('makes canvas pixels RGB, a see-through pixel over white', () => {
    expect([...rgbPixels(Uint8Array.of(10, 20, 30, 255, 0, 0, 0, 0, 200, 100, 0, 128), 4)]).toEqual([
      10, 20, 30, 255, 255, 255, 227, 177, 127,
    ]);
    expect([...rgbPixels(Uint8Array.of(1, 2, 3, 4, 5, 6), 3)]).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
