/**
 * Every link a figure hands out (permalink, embed, static files, snippets), as pure
 * functions of the figure, the state and the site's absolute base URL. Used at build time
 * (Figure.astro, embed pages, cite blocks) and in the browser (the share dialog), so both
 * write the same URLs.
 */
import type { FigureId } from '../charts/types.ts';
import { MODEL_VERSION, presetById, presetValues, toQuery, type Values } from '../model/index.ts';
import { sameValues } from '../model/compare.ts';
import { paths } from '../routes.ts';
import { escapeAttr } from '../xml-escape.ts';

/** The article each figure lives in (its permalink's page). */
export const FIGURE_HOME: Readonly<Record<FigureId, string>> = {
  'throughput-vs-segment': 'copy-vs-zero-copy',
  'time-breakdown': 'copy-vs-zero-copy',
  'memory-bus': 'copy-vs-zero-copy',
  'slowest-side': 'copy-vs-zero-copy',
  'receive-path': 'copy-vs-zero-copy',
  measurements: 'zero-copy-twenty-years-later',
  'thread-numbers': 'the-seed-annotated',
};

/** How an embed is drawn: `transparent` leaves the background to the host page. */
export type EmbedTheme = 'light' | 'dark' | 'transparent';

/** Options an embed URL carries besides the model state. */
export interface EmbedOptions {
  readonly theme?: EmbedTheme | undefined;
  /** Drawing size in CSS px (the iframe may be any size; the figure keeps this aspect). */
  readonly width?: number | undefined;
  readonly height?: number | undefined;
}

/** The preset id when `values` equal that preset exactly, else undefined. */
export function presetOf(values: Readonly<Values>, preset?: string): string | undefined {
  const p = preset === undefined ? undefined : presetById(preset);
  return p && sameValues(values, presetValues(p)) ? p.id : undefined;
}

/**
 * The model part of a query (no `?`): `preset=<id>` alone when the state is exactly that
 * preset, else every key that differs from the defaults.
 */
export function stateQuery(values: Readonly<Values>, preset?: string): string {
  const named = presetOf(values, preset);
  return named ? new URLSearchParams({ preset: named }).toString() : toQuery(values);
}

const join = (site: string, path: string, query: string, hash = ''): string => {
  const base = site.endsWith('/') ? site : `${site}/`;
  return `${base}${path}${query ? `?${query}` : ''}${hash}`;
};

/** The figure in its article at this state: `<site>articles/<slug>/?<state>#fig-<figure>`. */
export function permalink(site: string, figure: FigureId, values: Readonly<Values>, preset?: string): string {
  return join(site, paths.article(FIGURE_HOME[figure]), stateQuery(values, preset), `#fig-${figure}`);
}

/**
 * The chromeless embed page at this state. The path names the preset when the state is one
 * (that page is built at it, so it reads right without JS); the query always carries the
 * state, the model version (`v`), and the options given.
 */
export function embedUrl(site: string, figure: FigureId, values: Readonly<Values>, preset?: string, options: EmbedOptions = {}): string {
  const named = presetOf(values, preset);
  const q = new URLSearchParams(stateQuery(values, preset));
  q.set('v', MODEL_VERSION);
  if (options.theme !== undefined && options.theme !== 'light') q.set('theme', options.theme);
  if (options.width !== undefined && options.height !== undefined) q.set('size', `${options.width}x${options.height}`);
  return join(site, paths.embed(figure, named), q.toString());
}

/** The build-time file of a figure at a preset (`svg`, `dark.svg`, `csv`, `<size id>.png`). */
export function fileUrl(site: string, figure: FigureId, preset: string, kind: string): string {
  return join(site, paths.figureFile(figure, preset, kind), '');
}

/** An `<iframe>` snippet for an embed URL: full width, lazy, titled. */
export function iframeSnippet(src: string, title: string, height = 480): string {
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" height="${height}" loading="lazy" style="width:100%;border:0" allow="fullscreen; clipboard-write"></iframe>`;
}

/** An `<img>` snippet for a static SVG, with its text alternative. */
export function imgSnippet(src: string, alt: string): string {
  return `<img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}" width="720" height="400">`;
}
