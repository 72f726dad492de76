/**
 * A talk's files, made in the browser for the talk page: the PDF (one 16:9 page a step,
 * src/lib/talk/pdf.ts) and a ZIP of 1920 × 1080 PNGs named in order (src/lib/talk/zip.ts).
 * Each step is drawn by the figure exporter and rasterised through download.ts's canvas, as
 * the figure downloads are, and laid out by the same code as the build's article PDFs
 * (src/lib/talk/step-files.ts). Steps are drawn one after another, so one canvas at a time.
 */
import { DENSITY } from '../../lib/charts/sizes.ts';
import { type PdfImage, rgbPixels, talkPdf } from '../../lib/talk/pdf.ts';
import { PDF_IMAGE, SLIDE_PNG, type StepFile, stepFiles, stepSvg, talkFileName, talkPdfInput } from '../../lib/talk/step-files.ts';
import type { Talk } from '../../lib/talk/talk.ts';
import { type ZipEntry, zipStore } from '../../lib/talk/zip.ts';
import { drawSvg, rasterise, save } from '../download.ts';
import type { GlyphTable } from '../../lib/fonts/glyph-table.ts';

/** A file that was saved. */
export interface TalkFile {
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  /** What the file could not hold as written (the PDF: characters its font lacks, captions cut to fit), in sentences. */
  readonly problems: readonly string[];
}

/** The glyphs every exported figure's text is outlined with (loaded on first use, as for the figure downloads). */
const exportGlyphs = async (): Promise<GlyphTable> => (await import('../../lib/fonts/export-font.ts')).EXPORT_GLYPHS;

/** zlib (RFC 1950) compression, as a PDF's FlateDecode reads it. */
async function zlib(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A step's figure for its PDF page: drawn without its source line, at DENSITY, as compressed RGB. */
async function pdfImage(file: StepFile, site: string, glyphs: GlyphTable): Promise<PdfImage> {
  const { width, height } = PDF_IMAGE;
  const canvas = await drawSvg(stepSvg(file, { site, kind: 'pdf', scale: DENSITY, document, glyphs }), width, height);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('talk files: no 2D canvas');
  return { width, height, data: await zlib(rgbPixels(ctx.getImageData(0, 0, width, height).data, 4)) };
}

/**
 * Saves `talk` as a PDF: a title page, then a page a step with its figure, caption, source
 * line (linked) and "n / N". `site` is the site's absolute base URL, for the permalinks.
 * Characters Helvetica lacks are printed as a stand-in or "?" and listed in `problems`.
 */
export async function downloadTalkPdf(talk: Talk, site: string): Promise<TalkFile> {
  const files = stepFiles(talk, site);
  const glyphs = await exportGlyphs();
  const images: PdfImage[] = [];
  for (const f of files) images.push(await pdfImage(f, site, glyphs));
  const pdf = talkPdf(talkPdfInput(talk, files, images, site));
  const name = talkFileName(talk, 'pdf');
  save(new Blob([pdf.bytes], { type: 'application/pdf' }), name);
  return { name, size: pdf.bytes.length, problems: pdf.problems };
}

/**
 * Saves `talk` as a ZIP of 1920 × 1080 PNGs, one a step, named in order
 * (`01-<figure>-<caption's first words>.png`), each the figure's PNG download for the step's
 * state: title, legend, chart and source line. The captions are in the names, not the images.
 */
export async function downloadTalkPngs(talk: Talk, site: string): Promise<TalkFile> {
  const entries: ZipEntry[] = [];
  const glyphs = await exportGlyphs();
  for (const f of stepFiles(talk, site)) {
    const png = await rasterise(stepSvg(f, { site, kind: 'png', scale: DENSITY, document, glyphs }), SLIDE_PNG.width, SLIDE_PNG.height);
    entries.push({ name: f.pngName, data: new Uint8Array(await png.arrayBuffer()) });
  }
  const zip = zipStore(entries);
  const name = talkFileName(talk, 'zip');
  save(new Blob([zip], { type: 'application/zip' }), name);
  return { name, size: zip.length, problems: [] };
}
