/**
 * What each step of a talk puts in the talk's files (the PDF's pages, the ZIP's PNGs): its
 * figure's drawing, caption, source line and link, and the files' names. The build and the
 * browser both go through here, so a talk's files are the same wherever they are made.
 */
import { exportSvg, FOREGROUND, MUTED, sourceLine } from '../charts/export.ts';
import { figures } from '../charts/index.ts';
import { DENSITY, EXPORT_SIZES, layoutSize } from '../charts/sizes.ts';
import { BACKGROUND } from '../charts/theme.ts';
import type { FigureId, FigureSize } from '../charts/types.ts';
import { permalink } from '../embed/links.ts';
import { MODEL_VERSION, type ParamKey, type Values } from '../model/index.ts';
import { withBase } from '../routes.ts';
import { FIGURE_BOX, type PdfImage, type PdfTalk } from './pdf.ts';
import { stepState, type Talk } from './talk.ts';
import { slug } from './words.ts';
import type { GlyphTable } from '../fonts/glyph-table.ts';

/** One step, resolved for drawing and captioning. */
export interface StepFile {
  readonly figure: FigureId;
  readonly values: Values;
  readonly bandKeys: readonly ParamKey[];
  /** The preset the step started from (named in the figure when the values still equal it). */
  readonly preset: string | undefined;
  /** The step's caption, or its figure's own for the state when the step has none. */
  readonly caption: string;
  /** "Slowest Side · model v… · <permalink>". */
  readonly source: string;
  /** The permalink: the figure in its article at the step's state. */
  readonly link: string;
  /** Its PNG in the ZIP: `01-<figure>-<caption's first words>.png`, numbered in order. */
  readonly pngName: string;
}

/** The PNG size of the ZIP's images: 1920 × 1080. */
export const SLIDE_PNG = EXPORT_SIZES.find((s) => s.id === '1920x1080')!;
/** Pixels of a PDF page's figure image: its box at DENSITY (1888 × 776). */
export const PDF_IMAGE: Readonly<FigureSize> = { width: FIGURE_BOX.width * DENSITY, height: FIGURE_BOX.height * DENSITY };

/** Every step of `talk`, resolved; `site` is the site's absolute base URL, for the permalinks. */
export function stepFiles(talk: Talk, site: string): StepFile[] {
  const digits = Math.max(2, String(talk.steps.length).length);
  return talk.steps.map((step, i) => {
    const { values, bandKeys } = stepState(step);
    const preset = step.origin || undefined;
    const caption = step.caption.trim() || figures[step.figure].caption(values, { bandKeys });
    const words = slug(caption, 40);
    return {
      figure: step.figure,
      values,
      bandKeys,
      preset,
      caption,
      source: sourceLine(site, step.figure, values, preset),
      link: permalink(site, step.figure, values, preset),
      pngName: `${String(i + 1).padStart(digits, '0')}-${step.figure}${words ? `-${words}` : ''}.png`,
    };
  });
}

/** How to draw a step. */
export interface StepDrawing {
  /** The site's absolute base URL, for the permalink in the source line. */
  readonly site: string;
  /** `pdf`: the PDF page's figure (its box, no source line: the page prints it); `png`: the ZIP's 1920 × 1080 slide. */
  readonly kind: 'pdf' | 'png';
  /** Width and height attributes at this multiple of the layout size (the browser rasterises at them); default 1. */
  readonly scale?: number | undefined;
  /** The DOM to draw with; default the global document. */
  readonly document?: Document | undefined;
  /** The glyphs to outline the text with (as every exported figure is, see export.ts); undefined: system fonts. */
  readonly glyphs: GlyphTable | undefined;
}

/** The step's figure as a standalone light SVG, laid out for its file (rasterise it at DENSITY). */
export function stepSvg(file: StepFile, d: StepDrawing): string {
  return exportSvg(figures[file.figure], file.values, {
    theme: 'light',
    size: d.kind === 'pdf' ? FIGURE_BOX : layoutSize(SLIDE_PNG),
    site: d.site,
    preset: file.preset,
    context: { bandKeys: file.bandKeys },
    scale: d.scale,
    document: d.document,
    glyphs: d.glyphs,
    source: d.kind === 'png',
  });
}

/** The file name of a talk's PDF or PNG ZIP: its title's words. */
export function talkFileName(talk: Talk, kind: 'pdf' | 'zip'): string {
  const name = slug(talk.title, 60) || 'talk';
  return kind === 'pdf' ? `${name}.pdf` : `${name}-${SLIDE_PNG.id}.zip`;
}

/** The PDF of a talk, given its steps (`stepFiles`) and each step's image, drawn by `stepSvg` at DENSITY. */
export function talkPdfInput(talk: Talk, files: readonly StepFile[], images: readonly PdfImage[], site: string): PdfTalk {
  const froms = new Set(talk.steps.map((s) => s.from));
  const from = froms.size === 1 ? [...froms][0]! : '';
  const n = files.length;
  return {
    title: talk.title,
    cover: [
      `${n} ${n === 1 ? 'step' : 'steps'} · figures drawn by Slowest Side, model v${MODEL_VERSION}`,
      from ? withBase(site, from) : site,
    ],
    slides: files.map((f, i) => ({ image: images[i]!, caption: f.caption, source: f.source, link: f.link })),
    colours: { background: BACKGROUND.light, text: FOREGROUND.light, muted: MUTED.light },
  };
}
