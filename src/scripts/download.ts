/**
 * Downloads of a figure at the state on screen, made in the browser from the same exporters
 * the build uses (src/lib/charts/export.ts): the SVG as drawn, its text as outlines of the
 * export glyphs as the build draws it, the PNG by drawing that SVG into a canvas at DENSITY,
 * the CSV of the series. Loaded on first use by the share dialog; the glyph table loads on the
 * first SVG or PNG. Its drawing and saving also make a talk's files (scripts/talk/files.ts).
 */
import { downloadName, exportSvg, figureCsv, pngSize, SVG_LAYOUT, type DownloadKind } from '../lib/charts/export.ts';
import { figures } from '../lib/charts/index.ts';
import { DENSITY, layoutSize } from '../lib/charts/sizes.ts';
import type { FigureContext, FigureId } from '../lib/charts/types.ts';
import type { Values } from '../lib/model/index.ts';

/** How to draw a download. */
export interface DownloadOptions {
  theme: 'light' | 'dark';
  /** The site's absolute base URL, for the permalink in the source line. */
  site: string;
  /** The preset the state came from; named only when the values still equal it. */
  preset?: string | undefined;
  context?: FigureContext | undefined;
}

/** Saves a blob under a name through a temporary `<a download>`. */
export function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; revoking later leaves slow browsers time to start it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The SVG file drawn into a new canvas of `width` × `height` px. */
export async function drawSvg(svg: string, width: number, height: number): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('download: no 2D canvas');
    ctx.drawImage(img, 0, 0, width, height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The SVG file drawn into a canvas of `width` × `height` px, as a PNG. */
export async function rasterise(svg: string, width: number, height: number): Promise<Blob> {
  const canvas = await drawSvg(svg, width, height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('download: the canvas gave no PNG'))), 'image/png');
  });
}

/**
 * Builds the file of `figure` at `values` and downloads it: `svg` at the article size,
 * `csv`, or a PNG at one of the export sizes (laid out at half size, drawn at DENSITY).
 */
export async function downloadFigure(figure: FigureId, values: Values, kind: DownloadKind, opts: DownloadOptions): Promise<void> {
  const def = figures[figure];
  const name = downloadName(figure, values, kind, opts.preset, opts.theme);
  if (kind === 'csv') {
    save(new Blob([figureCsv(def, values, opts.context)], { type: 'text/csv;charset=utf-8' }), name);
    return;
  }
  const png = pngSize(kind);
  const { EXPORT_GLYPHS } = await import('../lib/fonts/export-font.ts');
  const base = {
    theme: opts.theme,
    site: opts.site,
    preset: opts.preset,
    context: opts.context,
    document,
    glyphs: EXPORT_GLYPHS,
    onFallback: (chars: readonly string[]) => console.warn(`download: no glyph for ${chars.join(' ')}; drawn as a box`),
  };
  if (png === undefined) {
    save(new Blob([exportSvg(def, values, { ...base, size: SVG_LAYOUT })], { type: 'image/svg+xml' }), name);
    return;
  }
  // Width and height at full pixels, viewBox at the layout size: the browser draws the vectors sharp.
  const svg = exportSvg(def, values, { ...base, size: layoutSize(png), scale: DENSITY });
  save(await rasterise(svg, png.width, png.height), name);
}
