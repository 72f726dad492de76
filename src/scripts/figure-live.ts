/**
 * The live half of `<model-figure>` (loaded on first view, see model-figure.ts): follows the
 * page store, the element's width and the colour scheme, and redraws at most once a frame.
 * Each redraw replaces the chart (Plot draws afresh; nothing is patched), the caption text
 * and the data table, then reports its time as a `model-figure:drawn` event on document.
 */
import { figures, parseBandKeys } from '../lib/charts/index.ts';
import { renderFigure } from '../lib/charts/render.ts';
import type { FigureContext, FigureDef, FigureId, Table, Theme } from '../lib/charts/types.ts';
import { paramFor, presetById, presetValues, type Values } from '../lib/model/index.ts';
import { sameValues } from '../lib/model/store.ts';
import { schedule } from './frame.ts';
import { linkNotice } from './param-text.ts';
import { bandKeys, base, store, urlChanges } from './state.ts';
import { onThemeChange, pageTheme } from './theme.ts';
import { readSearch } from './url-state.ts';

/** Detail of the `model-figure:drawn` event. */
export interface DrawnDetail {
  figure: FigureId;
  /** Time for spec, Plot and DOM replacement, in ms. */
  ms: number;
}

const theme = (): Theme => pageTheme();

/** Redraw functions of connected live figures. */
const live = new Map<HTMLElement, () => void>();
/**
 * Only figures on or near the screen redraw on a change; the others are marked stale and
 * catch up when they scroll back in, so a slider step costs what the reader can see.
 */
const onScreen = new Set<Element>();
const stale = new Set<Element>();
const seen = new IntersectionObserver(
  (entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) {
        onScreen.delete(e.target);
        continue;
      }
      onScreen.add(e.target);
      const redraw = live.get(e.target as HTMLElement);
      if (redraw && stale.delete(e.target)) schedule(redraw);
    }
  },
  { rootMargin: '100px 0px' },
);
const redrawAll = (): void => {
  for (const [el, redraw] of live) {
    if (onScreen.has(el)) schedule(redraw);
    else stale.add(el);
  }
};
store.subscribe(redrawAll);
onThemeChange(redrawAll);
/** The same functions by chart container, for the resize observer. */
const byChart = new Map<Element, () => void>();
const resized = new ResizeObserver((entries) => {
  for (const e of entries) {
    const redraw = byChart.get(e.target);
    if (redraw) schedule(redraw);
  }
});

function fillTable(table: HTMLTableElement, data: Table): void {
  const [first] = data.columns;
  const head = document.createElement('tr');
  for (const c of data.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c.label;
    head.append(th);
  }
  const rows = data.rows.map((row) => {
    const tr = document.createElement('tr');
    for (const c of data.columns) {
      // The first column heads its row, as Figure.astro renders it.
      const cell = document.createElement(c === first ? 'th' : 'td');
      if (c === first) cell.setAttribute('scope', 'row');
      cell.textContent = String(row[c.key] ?? '');
      tr.append(cell);
    }
    return tr;
  });
  (table.tHead ?? table.createTHead()).replaceChildren(head);
  const body = table.tBodies[0] ?? table.createTBody();
  body.replaceChildren(...rows);
}

/**
 * The state a figure was built with, when it says: `data-state` (a query), else `data-preset`.
 * A figure built for another state than the page's starts from is an illustration of that
 * state, not a view of the page's model, and stays as built.
 */
function builtState(el: HTMLElement): Values | undefined {
  const { state, preset } = el.dataset;
  if (state !== undefined) return readSearch(state).values;
  const p = presetById(preset ?? '');
  return p ? presetValues(p) : undefined;
}

/**
 * Upgrades one `<model-figure>` element. Left static: unknown figure ids, `data-live="false"`,
 * and figures built for a state other than the page's starting state.
 */
export function bringToLife(el: HTMLElement): void {
  if (live.has(el) || el.dataset['live'] === 'false') return;
  const built = builtState(el);
  if (built && !sameValues(built, base)) return;
  const id = el.dataset['figure'] as FigureId | undefined;
  const def: FigureDef | undefined = id ? figures[id] : undefined;
  const chart = el.querySelector<HTMLElement>('.chart');
  if (!def || !chart) {
    console.warn(`model-figure: nothing to draw for "${id ?? ''}"`);
    return;
  }
  const baseWidth = Number(el.dataset['width']) || 720;
  const baseHeight = Number(el.dataset['height']) || 400;
  const caption = el.querySelector<HTMLElement>('.caption-text');
  // Bands follow the page state; a figure's own list (data-band-keys) can only narrow them.
  const own = parseBandKeys(el.dataset['bandKeys']);
  const table = el.querySelector<HTMLTableElement>('details.data table');
  let last: { values: Values; width: number; theme: Theme; bands: string } | undefined;

  const redraw = (): void => {
    if (!el.isConnected) {
      live.delete(el);
      byChart.delete(chart);
      resized.unobserve(chart);
      seen.unobserve(el);
      return;
    }
    const values = store.get();
    const width = Math.round(chart.clientWidth || baseWidth);
    const t = theme();
    const context: FigureContext = { bandKeys: bandKeys().filter((k) => !own || own.includes(k)) };
    const bands = context.bandKeys?.join() ?? '';
    if (last && last.values === values && last.width === width && last.theme === t && last.bands === bands) return;
    last = { values, width, theme: t, bands };
    const start = performance.now();
    const height = Math.round(Math.max(baseHeight * 0.6, (baseHeight * width) / baseWidth));
    chart.replaceChildren(renderFigure(def, values, { width, height }, t, document, context));
    if (caption) caption.textContent = def.caption(values, context);
    if (table) fillTable(table, def.table(values, context));
    el.dataset['upgraded'] = '';
    const detail: DrawnDetail = { figure: def.id, ms: performance.now() - start };
    document.dispatchEvent(new CustomEvent('model-figure:drawn', { detail }));
  };

  // What the URL asked for and could not have is said once, on the page's first figure.
  const notice = el.querySelector<HTMLElement>('[data-role="figure-notice"]');
  const first = document.querySelector('model-figure');
  if (notice && el === first) {
    notice.textContent = linkNotice(urlChanges, paramFor);
    notice.hidden = notice.textContent === '';
  }

  live.set(el, redraw);
  byChart.set(chart, redraw);
  resized.observe(chart);
  seen.observe(el);
  schedule(redraw);
}
