/**
 * Draws a figure to an <svg>: Plot with the given document (linkedom at build time, the
 * page's own in the browser), then the fixes every figure needs: a standalone namespace,
 * an accessible name, roles on labelled groups (axe's aria-prohibited-attr), and ids that
 * do not depend on how many charts were drawn before.
 */
import * as Plot from '@observablehq/plot';
import type { Values } from '../model/index.ts';
import type { FigureContext, FigureDef, FigureSize, Theme } from './types.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Renames every id in `svg` by `rename`, with the `url(#…)` and `#…` references to them. */
function renameIds(svg: Element, rename: (id: string, n: number) => string): void {
  const renamed = new Map<string, string>();
  for (const el of svg.querySelectorAll('[id]')) {
    const id = el.getAttribute('id')!;
    const next = rename(id, renamed.size + 1);
    renamed.set(id, next);
    el.setAttribute('id', next);
  }
  if (renamed.size === 0) return;
  const ref = /url\(#([^)]+)\)|^#(.+)$/g;
  for (const el of svg.querySelectorAll('*')) {
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name)!;
      if (!value.includes('#')) continue;
      const fixed = value.replace(ref, (m: string, a?: string, b?: string) => {
        const to = renamed.get((a ?? b)!);
        return to === undefined ? m : a !== undefined ? `url(#${to})` : `#${to}`;
      });
      if (fixed !== value) el.setAttribute(name, fixed);
    }
  }
}

/** Renumbers ids (Plot's clip and pattern ids count up across charts) as `<figure>-<n>`. */
const stableIds = (svg: Element, prefix: string): void => renameIds(svg, (_, n) => `${prefix}-${n}`);

/**
 * Puts `prefix` before every id in a drawn figure, and before the references to them: where
 * one page holds several drawings of the same figure (an article and presenter mode, the steps
 * of a talk file), each keeps its own clip paths; `url(#…)` would find the first.
 */
export const prefixIds = (svg: Element, prefix: string): void => renameIds(svg, (id) => `${prefix}${id}`);

export type Options = Plot.PlotOptions & Record<string, unknown>;

/** Each figure's last caption, by the state object and band keys it was written for. */
const captions = new WeakMap<FigureDef, { values: Values; bands: string; text: string }>();

/**
 * `def.caption(values, context)`, written once per state: a live redraw needs it for the
 * drawing's accessible name and again for the caption text under it. States are never changed
 * in place (the store replaces its object on every change), so the object names the state.
 */
export function figureCaption(def: FigureDef, values: Values, context?: FigureContext): string {
  const bands = context?.bandKeys?.join() ?? '-';
  const last = captions.get(def);
  if (last && last.values === values && last.bands === bands) return last.text;
  const text = def.caption(values, context);
  captions.set(def, { values, bands, text });
  return text;
}
const POSITION = ['x', 'y'] as const;

/**
 * What the axes of a drawing depend on: every option but the marks (functions by their source),
 * or undefined when the axes could also depend on the marks: a position scale without an
 * explicit domain, margins left to Plot (it sizes them by the axes), or facets.
 */
export function axisKey(options: Options): string | undefined {
  if (options.fx !== undefined || options.fy !== undefined || options.facet !== undefined) return undefined;
  const margins = ['marginTop', 'marginRight', 'marginBottom', 'marginLeft'] as const;
  if (options.margin === undefined && margins.some((m) => options[m] === undefined)) return undefined;
  for (const name of POSITION) {
    const scale = options[name] as { domain?: unknown; type?: unknown } | undefined;
    if (scale === undefined || !Array.isArray(scale.domain)) return undefined;
    // Without marks an ordinal scale would be a point scale where the bars made it a band.
    if (scale.type === undefined && !scale.domain.every((d) => typeof d === 'number')) return undefined;
  }
  const { marks: _, document: __, ...rest } = options;
  return JSON.stringify(rest, (_key, value: unknown) => (typeof value === 'function' ? String(value) : value));
}

/** The last axis layer drawn for each figure: the groups Plot drew for its axes and grids. */
const axisLayers = new Map<string, { key: string; doc: Document; groups: readonly Element[] }>();

/**
 * Plot's drawing of `options`, its axes reused from the figure's previous drawing when
 * nothing they depend on changed. A knob step moves marks along axes that hold still (axes
 * end at round numbers, see `settledMax`), and drawing the axes was a third of Plot's work.
 * The result is the same markup as one `Plot.plot(options)`: Plot draws the axes and grids
 * first, then the marks, so the cached groups go before the marks' groups.
 */
export function plotFigure(id: string, options: Options, doc: Document): SVGSVGElement | HTMLElement {
  const key = axisKey(options);
  if (key === undefined) return Plot.plot({ ...options, document: doc });
  let layer = axisLayers.get(id);
  if (layer?.key !== key || layer.doc !== doc) {
    const axes = Plot.plot({ ...options, marks: [], document: doc });
    const groups = [...axes.children].filter((c) => c.localName === 'g');
    layer = { key, doc, groups };
    axisLayers.set(id, layer);
  }
  const bare: Options = { ...options, document: doc };
  for (const name of POSITION) bare[name] = { ...(options[name] as object), axis: null, grid: false };
  const out = Plot.plot(bare);
  const first = [...out.children].find((c) => c.localName === 'g') ?? null;
  for (const g of layer.groups) out.insertBefore(g.cloneNode(true), first);
  return out;
}

/**
 * One figure as an <svg> element of `doc` (default: the global document), labelled with its
 * caption. Deterministic: the same arguments give the same markup.
 */
export function renderFigure(
  def: FigureDef,
  values: Values,
  size: FigureSize,
  theme: Theme,
  doc: Document = globalThis.document,
  context?: FigureContext,
): SVGSVGElement {
  const out = plotFigure(def.id, def.options(values, size, theme, context) as Options, doc);
  const svg = (out.tagName.toLowerCase() === 'svg' ? out : out.querySelector('svg')) as SVGSVGElement | null;
  if (svg === null) throw new Error(`figure ${def.id}: Plot drew no <svg>`);
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${def.title}. ${figureCaption(def, values, context)}`);
  for (const g of svg.querySelectorAll('g[aria-label]')) g.setAttribute('role', 'group');
  stableIds(svg, def.id);
  return svg;
}
