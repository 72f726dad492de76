/**
 * Figures as files for slides and papers: a standalone SVG (title, chart, legend, source
 * line), the CSV of what is drawn, and the names downloads get. Pure apart from the DOM it is
 * handed (linkedom at build time, the page's document in the browser), so the build-time
 * files and the share dialog's downloads are the same drawing.
 */
import { permalink, presetOf, type EmbedTheme } from '../embed/links.ts';
import { MODEL_VERSION, presetById, type Values } from '../model/index.ts';
import type { GlyphTable } from '../fonts/glyph-table.ts';
import { outlineText } from './outline.ts';
import { renderFigure } from './render.ts';
import { EXPORT_SIZES, type ExportSize } from './sizes.ts';
import { BACKGROUND } from './theme.ts';
import type { FigureContext, FigureDef, FigureId, FigureSize, LegendEntry, Theme } from './types.ts';
import { toXml } from './xml.ts';

export { csvField, figureCsv, toCsv } from './csv.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Type for exported files: a generic family last, so any renderer finds a sans face. */
export const EXPORT_FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
/** Text colours of the site (site.css `--fg`, `--muted`); a file has no page CSS to inherit them from. */
export const FOREGROUND: Readonly<Record<Theme, string>> = { light: '#1b1b1b', dark: '#e8e6e1' };
export const MUTED: Readonly<Record<Theme, string>> = { light: '#555555', dark: '#b3b0a8' };

/** Layout size of the `svg` and `dark.svg` files, CSS px (the size figures are drawn at in articles). */
export const SVG_LAYOUT: Readonly<FigureSize> = { width: 720, height: 400 };

/** What a reader can download from a figure. */
export type DownloadKind = 'svg' | 'csv' | '1920x1080.png' | '1280x720.png' | '1080x1080.png';
/** The build-time files of a figure at a preset (`paths.figureFile` kinds). */
export type FileKind = DownloadKind | 'dark.svg';
/** Every build-time file kind, in the order the share dialog lists them. */
export const FILE_KINDS: readonly FileKind[] = ['svg', 'dark.svg', 'csv', '1920x1080.png', '1280x720.png', '1080x1080.png'];

/** The export size a PNG kind names (`1920x1080.png`), or undefined for other kinds. */
export function pngSize(kind: string): ExportSize | undefined {
  return kind.endsWith('.png') ? EXPORT_SIZES.find((s) => `${s.id}.png` === kind) : undefined;
}

/** Options of `exportSvg`. */
export interface ExportOptions {
  /** `transparent`: no background, no text halos; drawn with the light palette. */
  readonly theme: EmbedTheme;
  /** Layout size, CSS px: title, legend and source line take their share, the chart the rest. */
  readonly size: FigureSize;
  /** The site's absolute base URL, for the permalink. */
  readonly site: string;
  /** The preset the state came from; named in the permalink and subtitle only when the values equal it. */
  readonly preset?: string | undefined;
  readonly context?: FigureContext | undefined;
  /** The file's width and height attributes are `size × scale` (the viewBox stays `size`), for rasterising sharply. Default 1. */
  readonly scale?: number | undefined;
  /** The DOM to draw with; default the global document. */
  readonly document?: Document | undefined;
  /**
   * The glyphs to draw the text with, as outlines (`EXPORT_GLYPHS`, src/lib/fonts/export-font.ts),
   * so the file looks the same without the font; undefined: text in the system fonts.
   */
  readonly glyphs: GlyphTable | undefined;
  /** Told the characters the glyph table lacked (drawn as its fallback box), once a file. */
  readonly onFallback?: ((chars: readonly string[]) => void) | undefined;
  /** Whether to draw the source line (default true): false for a page that prints it as text (the talk PDF); the chart takes its room. */
  readonly source?: boolean | undefined;
}

const PAD = 16;
const TITLE = 18;
const SUBTITLE = 13;
const LEGEND = 12;
const SOURCE = 11;
/**
 * Estimated advance of a character, em: DejaVu Sans's widths by class (the widest face the
 * fallback list is likely to land on, so estimates err towards room to spare).
 */
function advance(ch: string): number {
  if (" il.,:;'!|jI·".includes(ch)) return 0.3;
  if ('()[]/-ftr'.includes(ch)) return 0.38;
  if ('mw'.includes(ch)) return 0.9;
  if ('MW÷%'.includes(ch)) return 0.9;
  if (ch >= 'A' && ch <= 'Z') return 0.7;
  if (ch >= '0' && ch <= '9') return 0.64;
  return 0.6;
}

/** Estimated width of `s` in px at `size` px. */
export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of s) em += advance(ch);
  return em * size * (bold ? 1.1 : 1);
}
const width = textWidth;
/** The font size (at most `max`, at least 9) at which `s` fits in `room` px. */
const fit = (s: string, max: number, room: number, bold = false): number =>
  Math.max(9, Math.min(max, (room / Math.max(1, width(s, max, bold))) * max));

/** Splits `s` into lines that fit `room` px: after a `/`, or before `? & #`, where it can. */
function wrap(s: string, size: number, room: number): string[] {
  const lines: string[] = [];
  let rest = s;
  while (width(rest, size) > room) {
    let n = 1;
    while (n < rest.length && width(rest.slice(0, n + 1), size) <= room) n += 1;
    let cut = n;
    for (let i = n; i > n / 2; i--) {
      if (rest[i - 1] === '/' || '?&#'.includes(rest[i] ?? '')) {
        cut = i;
        break;
      }
    }
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...lines, rest];
}

/** "Slowest Side · model v1.0.0 · <permalink>": where a file's numbers come from. */
export function sourceLine(site: string, figure: FigureId, values: Readonly<Values>, preset?: string): string {
  return `Slowest Side · model v${MODEL_VERSION} · ${permalink(site, figure, values, preset)}`;
}

type Attrs = Record<string, string | number>;

function make(doc: Document, name: string, attrs: Attrs, text?: string): Element {
  const el = doc.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function swatch(doc: Document, e: LegendEntry, x: number, mid: number): Element {
  const line = (extra: Attrs): Element =>
    make(doc, 'line', { x1: x, x2: x + 18, y1: mid, y2: mid, stroke: e.colour, 'stroke-width': 2.5, ...extra });
  switch (e.swatch) {
    case 'bar':
      return make(doc, 'rect', { x: x + 3, y: mid - 6, width: 12, height: 12, fill: e.colour });
    case 'band':
      return make(doc, 'rect', { x, y: mid - 6, width: 18, height: 12, fill: e.colour, 'fill-opacity': 0.25 });
    case 'dashed':
      return line({ 'stroke-dasharray': '5 3' });
    case 'line':
      return line({});
  }
}

/** The legend, flowed into rows across `room` px; returns the group and its height. */
function legendRows(doc: Document, entries: readonly LegendEntry[], room: number, top: number): { g: Element; height: number } {
  const g = make(doc, 'g', { 'data-part': 'legend', 'font-size': LEGEND });
  const row = LEGEND + 8;
  let x = PAD;
  let y = top;
  for (const e of entries) {
    const w = 18 + 6 + width(e.label, LEGEND) + 16;
    if (x > PAD && x + w - 16 > PAD + room) {
      x = PAD;
      y += row;
    }
    g.append(swatch(doc, e, x, y + row / 2), make(doc, 'text', { x: x + 24, y: y + row / 2, dy: '0.35em' }, e.label));
    x = Math.round(x + w);
  }
  return { g, height: entries.length === 0 ? 0 : y - top + row };
}

/**
 * One figure as a standalone SVG file: background (none when transparent), title (and the
 * preset's name when the state is one and the figure draws it), legend, the chart, and the source line with the
 * model version and the permalink. Styling is all inline, `currentColor` resolves from the
 * root's `color`; no scripts, no outside references. Text is drawn as outlines when given a
 * glyph table (charts/outline.ts: the words stay as each group's label), else in system fonts
 * that fall back to a generic family.
 */
export function exportSvg(def: FigureDef, values: Values, opts: ExportOptions): string {
  const doc = opts.document ?? globalThis.document;
  const { width: w, height: h } = opts.size;
  const scale = opts.scale ?? 1;
  const theme: Theme = opts.theme === 'dark' ? 'dark' : 'light';
  const room = w - 2 * PAD;
  const named = presetOf(values, opts.preset);
  const root = make(doc, 'svg', {
    xmlns: SVG_NS,
    width: w * scale,
    height: h * scale,
    viewBox: `0 0 ${w} ${h}`,
    role: 'img',
    'aria-label': def.title,
    color: FOREGROUND[theme],
    style: `color:${FOREGROUND[theme]}`,
    fill: 'currentColor',
    'font-family': EXPORT_FONT,
    'font-size': 12,
  });
  const source = sourceLine(opts.site, def.id, values, named);
  root.append(make(doc, 'title', {}, def.title), make(doc, 'desc', {}, `${def.caption(values, opts.context)} ${source}`));
  if (opts.theme !== 'transparent') root.append(make(doc, 'rect', { width: w, height: h, fill: BACKGROUND[theme] }));

  const titleSize = fit(def.title, TITLE, room, true);
  let y = 12 + titleSize;
  root.append(make(doc, 'text', { x: PAD, y, 'font-size': titleSize.toFixed(1), 'font-weight': 700 }, def.title));
  // A figure of published numbers draws the same at every state: naming a preset would mislead.
  const subtitle = named === undefined || def.stateless ? undefined : presetById(named)?.title;
  if (subtitle !== undefined) {
    const size = fit(subtitle, SUBTITLE, room);
    y += size + 5;
    root.append(make(doc, 'text', { x: PAD, y, 'font-size': size.toFixed(1), fill: MUTED[theme] }, subtitle));
  }
  const legend = legendRows(doc, def.legend?.(values, theme, opts.context) ?? [], room, y + 6);
  if (legend.height > 0) root.append(legend.g);
  const chartTop = Math.ceil(y + 6 + legend.height + 4);

  // The source line, wrapped to the width; split so that its text content is still the whole line.
  const head = `Slowest Side · model v${MODEL_VERSION} · `;
  const lines =
    opts.source === false ? [] : width(source, SOURCE) <= room ? [source] : [head, ...wrap(source.slice(head.length), SOURCE, room)];
  const lineH = SOURCE + 3;
  const sourceTop = h - 8 - lines.length * lineH;
  const text = make(doc, 'text', { 'font-size': SOURCE, fill: MUTED[theme], 'data-part': 'source' });
  lines.forEach((l, i) => {
    text.append(make(doc, 'tspan', { x: PAD, y: sourceTop + (i + 1) * lineH - 3 }, l));
  });

  const chartH = Math.max(80, Math.floor(sourceTop - 4 - chartTop));
  // A right gutter as wide as the text padding, and overflow shown, so a tick label at the
  // axis end (Plot centres it on the frame's edge) is not cut off.
  const chart = renderFigure(def, values, { width: w - PAD, height: chartH }, theme, doc, opts.context);
  // A chart that took more height than it was given (a narrow layout's extra lines) is scaled
  // into the room it has, above the source line.
  const drawnH = Number(chart.getAttribute('height'));
  if (drawnH > chartH) {
    chart.setAttribute('width', String(((w - PAD) * chartH) / drawnH));
    chart.setAttribute('height', String(chartH));
  }
  // Plot's <style> keys off a class and sizes the chart for a page; the file styles inline.
  for (const style of chart.querySelectorAll('style')) style.remove();
  for (const a of ['class', 'role', 'aria-label', 'style']) chart.removeAttribute(a);
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(chartTop));
  chart.setAttribute('overflow', 'visible');
  chart.setAttribute('font-family', EXPORT_FONT);
  chart.setAttribute('font-size', '12');
  // Halos are drawn in the page background; on an unknown background they would show as boxes.
  if (opts.theme === 'transparent') for (const el of chart.querySelectorAll('[paint-order="stroke"]')) el.setAttribute('stroke', 'none');
  root.append(chart);
  if (lines.length > 0) root.append(text);
  if (opts.glyphs !== undefined) {
    const missing = outlineText(root, opts.glyphs);
    if (missing.length > 0) opts.onFallback?.(missing);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${toXml(root)}\n`;
}

/**
 * The file name of a download: `slowest-side-<figure>-<preset or "custom">[-dark]` plus
 * `.svg` / `.csv`, or `-<size>.png`. The preset is named only when the values equal it.
 */
export function downloadName(
  figure: FigureId,
  values: Readonly<Values>,
  kind: DownloadKind,
  preset?: string,
  theme: Theme = 'light',
): string {
  const state = presetOf(values, preset) ?? 'custom';
  const dark = theme === 'dark' && kind !== 'csv' ? '-dark' : '';
  const tail = kind === 'svg' || kind === 'csv' ? `.${kind}` : `-${kind}`;
  return `slowest-side-${figure}-${state}${dark}${tail}`;
}
