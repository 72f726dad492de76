/**
 * A talk as a PDF, for a backup deck and a handout: a title page, then one 16:9 page a step
 * (960 × 540 pt), each with the step's figure as an image, its caption and its source line as
 * real text (selectable, searchable: Helvetica in WinAnsiEncoding, see winansi.ts), the source
 * linked, and "n / N". Pure and deterministic: the same talk and images give the same bytes
 * (no dates, no random ids), in the browser and at build time alike.
 *
 * Images are Flate-compressed RGB pixels, made by the caller (`rgbPixels` here, compressed
 * by CompressionStream in the browser and zlib at build time): lossless, so the chart's thin
 * lines and small type stay sharp where JPEG rings around them, and no larger (a flat-colour
 * chart at 1824 × 776 px: 85 kB as Flate, 91 kB as JPEG at quality 90).
 *
 * The figure image is drawn without its own source line (the page prints it as text) and
 * without the step's caption (the page prints that too), so nothing is on a page twice.
 *
 * The PDF syntax (strings, content streams, the object table) is in pdf-objects.ts; the text
 * wrapping and fitting in pdf-text.ts.
 */
import { ascii, Content, literal, num, Objects, textString, uri } from './pdf-objects.ts';
import { fitBlock, wrapLines } from './pdf-text.ts';
import { encodeWinAnsi, type FontFace, textWidth, type Unprintable } from './winansi.ts';

/** Page size, pt: 16:9. */
export const PAGE = { width: 960, height: 540 } as const;
const MARGIN = 24;
/**
 * Where a step's figure is drawn, pt. Lay the figure out at this size in CSS px and
 * rasterise it at 2× (1888 × 776 px): its type then comes out as large as on a 1920 × 1080
 * slide. The box reaches FIGURE_INSET of the page's sides, so the figure's own padding (16 px)
 * lines its title up with the caption at the margin.
 */
const FIGURE_INSET = 8;
export const FIGURE_BOX = { width: PAGE.width - 2 * FIGURE_INSET, height: 388 } as const;
const FIGURE_TOP = 18;
/** The caption's room under the figure, pt: three lines at 20 pt, more lines at smaller sizes. */
const CAPTION_GAP = 12;
const CAPTION_HEIGHT = 72;
const CAPTION_SIZES = [20, 18, 16, 14, 12, 10];
const SOURCE_SIZE = 9;
const SOURCE_LEADING = 11;
/** Baseline of the page's last line (source line, page number), pt from the bottom. */
const FOOT = 18;

/** An image to place: `width` × `height` RGB pixels, 8 bits each, top row first, zlib-compressed (RFC 1950). */
export interface PdfImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** One step's page. */
export interface PdfSlide {
  readonly image: PdfImage;
  readonly caption: string;
  /** The source line, printed under the caption. */
  readonly source: string;
  /** Where the source line links to (an absolute URL), if anywhere. */
  readonly link?: string | undefined;
}

/** Page colours, `#rrggbb`. */
export interface PdfColours {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
}

export interface PdfTalk {
  /** The document's title: the Info dictionary's, and the title page's heading. */
  readonly title: string;
  /** Lines under the heading on the title page. */
  readonly cover: readonly string[];
  readonly slides: readonly PdfSlide[];
  readonly colours?: PdfColours | undefined;
}

/** A character of the text the font lacks, where it was. */
export interface PdfUnprintable extends Unprintable {
  /** `title`, `title page`, `step 3 caption`, `step 3 source`. */
  readonly where: string;
}

export interface PdfFile {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Characters printed as a stand-in or `?`. */
  readonly unprintable: readonly PdfUnprintable[];
  /** What a reader should be told: those characters, and any caption cut to fit, in sentences. */
  readonly problems: readonly string[];
}

const WHITE: PdfColours = { background: '#ffffff', text: '#000000', muted: '#555555' };

/** RGB pixels from canvas or decoder pixels (`channels` 4: RGBA, composited over white; 3: copied). */
export function rgbPixels(pixels: ArrayLike<number>, channels: 3 | 4): Uint8Array<ArrayBuffer> {
  const n = Math.floor(pixels.length / channels);
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const a = channels === 4 ? pixels[i * 4 + 3]! : 255;
    for (let c = 0; c < 3; c++) {
      const v = pixels[i * channels + c]!;
      out[i * 3 + c] = a === 255 ? v : Math.round((v * a + 255 * (255 - a)) / 255);
    }
  }
  return out;
}

const FONT: Readonly<Record<FontFace, string>> = { regular: 'F1', bold: 'F2' };

/** The talk as a PDF file (see the module comment for the layout). */
export function talkPdf(talk: PdfTalk): PdfFile {
  const colours = talk.colours ?? WHITE;
  const unprintable: PdfUnprintable[] = [];
  const problems: string[] = [];
  const encode = (text: string, where: string): Uint8Array => {
    const e = encodeWinAnsi(text);
    for (const u of e.unprintable) {
      unprintable.push({ ...u, where });
      const times = u.count > 1 ? ` (${u.count} times)` : '';
      problems.push(`The ${where} has “${u.char}” (${u.code}), which the PDF's font lacks: printed as “${u.printed}”${times}.`);
    }
    return e.bytes;
  };

  const objects = new Objects();
  const catalog = objects.reserve();
  const pages = objects.reserve();
  const info = objects.add(`<< /Title ${textString(talk.title)} /Producer (Slowest Side) >>`);
  const fonts = `<< /${FONT.regular} ${objects.add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')} 0 R /${FONT.bold} ${objects.add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')} 0 R >>`;
  const kids: number[] = [];
  const room = PAGE.width - 2 * MARGIN;

  const page = (content: Content, xobjects: string, annots: string): void => {
    const stream = objects.stream('', content.bytes());
    const resources = `<< /Font ${fonts}${xobjects ? ` /XObject << ${xobjects} >>` : ''} >>`;
    kids.push(
      objects.add(
        `<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources ${resources} /Contents ${stream} 0 R${annots ? ` /Annots [${annots}]` : ''} >>`,
      ),
    );
  };

  // The title page: the title, large, and the lines under it.
  {
    const c = new Content();
    c.fill(colours.background, 0, 0, PAGE.width, PAGE.height);
    const title = fitBlock(encode(talk.title, 'title'), 'bold', [40, 36, 32, 28, 24], room, 150);
    let y = 340 + ((title.lines.length - 1) * title.leading) / 2;
    for (const line of title.lines) {
      c.text(FONT.bold, title.size, colours.text, MARGIN, y, line);
      y -= title.leading;
    }
    y -= 12;
    for (const text of talk.cover) {
      for (const line of wrapLines(encode(text, 'title page'), 'regular', 18, room)) {
        c.text(FONT.regular, 18, colours.muted, MARGIN, y, line);
        y -= 24;
      }
    }
    page(c, '', '');
  }

  talk.slides.forEach((slide, i) => {
    const step = `step ${i + 1}`;
    const c = new Content();
    c.fill(colours.background, 0, 0, PAGE.width, PAGE.height);
    const { image } = slide;
    if (!(image.width > 0 && image.height > 0)) throw new Error(`pdf: ${step}: the image has no pixels`);
    // The image fills the box's width (or height), keeping its shape, from the box's top.
    const scale = Math.min(FIGURE_BOX.width / image.width, FIGURE_BOX.height / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    const top = PAGE.height - FIGURE_TOP;
    c.image('Im1', FIGURE_INSET + (FIGURE_BOX.width - w) / 2, top - h, w, h);
    const img = objects.stream(
      `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode`,
      image.data,
    );

    const caption = fitBlock(encode(slide.caption, `${step} caption`), 'regular', CAPTION_SIZES, room, CAPTION_HEIGHT);
    if (caption.cut)
      problems.push(`The ${step} caption is too long for its page: cut to ${caption.lines.length} lines at ${caption.size} pt.`);
    let y = top - FIGURE_BOX.height - CAPTION_GAP - caption.size;
    for (const line of caption.lines) {
      c.text(FONT.regular, caption.size, colours.text, MARGIN, y, line);
      y -= caption.leading;
    }

    const number = ascii(`${i + 1} / ${talk.slides.length}`);
    const numberWidth = textWidth(number, 'regular', SOURCE_SIZE);
    c.text(FONT.regular, SOURCE_SIZE, colours.muted, PAGE.width - MARGIN - numberWidth, FOOT, number);
    const source = wrapLines(encode(slide.source, `${step} source`), 'regular', SOURCE_SIZE, room - numberWidth - 16).slice(0, 3);
    const first = FOOT + (source.length - 1) * SOURCE_LEADING;
    source.forEach((line, j) => {
      c.text(FONT.regular, SOURCE_SIZE, colours.muted, MARGIN, first - j * SOURCE_LEADING, line);
    });
    let annots = '';
    if (slide.link && source.length > 0) {
      const right = MARGIN + Math.max(...source.map((l) => textWidth(l, 'regular', SOURCE_SIZE)));
      const rect = [MARGIN, FOOT - 3, right, first + SOURCE_SIZE].map(num).join(' ');
      annots = `<< /Type /Annot /Subtype /Link /Rect [${rect}] /Border [0 0 0] /A << /S /URI /URI ${literal(ascii(uri(slide.link)))} >> >>`;
    }
    page(c, `/Im1 ${img} 0 R`, annots);
  });

  objects.set(pages, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  // Page labels: the title page is "Title", the steps are numbered from 1 as on their pages.
  objects.set(
    catalog,
    `<< /Type /Catalog /Pages ${pages} 0 R /PageLabels << /Nums [0 << /P (Title) >> 1 << /S /D >>] >> /ViewerPreferences << /DisplayDocTitle true >> /Lang (en) >>`,
  );
  return { bytes: objects.file(catalog, info), unprintable, problems };
}
