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
  const out = Plot.plot({ ...def.options(values, size, theme, context), document: doc });
  const svg = (out.tagName.toLowerCase() === 'svg' ? out : out.querySelector('svg')) as SVGSVGElement | null;
  if (svg === null) throw new Error(`figure ${def.id}: Plot drew no <svg>`);
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${def.title}. ${def.caption(values, context)}`);
  for (const g of svg.querySelectorAll('g[aria-label]')) g.setAttribute('role', 'group');
  stableIds(svg, def.id);
  return svg;
}
