/**
 * The live half of `<model-figure>` (loaded on first view, see model-figure.ts): follows the
 * page store, the element's width and the colour scheme, and redraws at most once a frame.
 * Each redraw has Plot draw the chart afresh, then patches the chart on screen, the caption
 * text and the data table where they differ from the new drawing (see charts/morph.ts), and
 * reports its time as a `model-figure:drawn` event on document.
 *
 * While a knob or slider has focus, each figure on screen also draws, in background tasks, the
 * states the control's next step can reach (scripts/ahead.ts): when the step comes, its frame only
 * patches the chart with the drawing made ahead (charts/ahead.ts).
 */
import { Ahead, drawKey } from '../lib/charts/ahead.ts';
import { figures, parseBandKeys } from '../lib/charts/index.ts';
import { morph } from '../lib/charts/morph.ts';
import { figureCaption, renderFigure } from '../lib/charts/render.ts';
import type { FigureContext, FigureDef, FigureId, Table, Theme } from '../lib/charts/types.ts';
import { paramFor, presetById, presetValues, type ParamKey, type Values } from '../lib/model/index.ts';
import { bandKeysFor, presetMatching, sameValues } from '../lib/model/compare.ts';
import { schedule } from './frame.ts';
import { linkNotice } from '../lib/model/words.ts';
import { followExpected } from './ahead.ts';
import { bandKeys, bandKeysAt, base, store, urlChanges } from './state.ts';
import { onThemeChange, pageTheme } from './theme.ts';
import { readSearch } from '../lib/model/url-state.ts';

/** Detail of the `model-figure:drawn` event. */
export interface DrawnDetail {
  figure: FigureId;
  /** Time for spec, Plot and DOM update, in ms. */
  ms: number;
  /** Whether the drawing was made ahead, in a background task (then `ms` is the DOM update only). */
  ahead: boolean;
}

/** A drawing of a figure: the chart, and the caption written under it. */
interface Drawing {
  svg: SVGSVGElement;
  caption: string;
}

/** A connected live figure: its redraw, and the work of drawing a state ahead (none if drawn or fixed). */
interface LiveFigure {
  redraw: () => void;
  aheadFor: (values: Values) => (() => void) | undefined;
}

const theme = (): Theme => pageTheme();

/** Connected live figures. */
const live = new Map<HTMLElement, LiveFigure>();
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
      const figure = live.get(e.target as HTMLElement);
      if (figure && stale.delete(e.target)) schedule(figure.redraw);
    }
  },
  { rootMargin: '100px 0px' },
);
const redrawAll = (): void => {
  for (const [el, figure] of live) {
    if (onScreen.has(el)) schedule(figure.redraw);
    else stale.add(el);
  }
};
store.subscribe(redrawAll);
onThemeChange(redrawAll);
/** Drawings kept ahead per figure: two expected states, and room for the ones just passed. */
const AHEAD_KEPT = 4;
type Task = () => void;
const scheduler = (globalThis as { scheduler?: { postTask?: (task: Task, options: { priority: string }) => Promise<unknown> } }).scheduler;
/**
 * Runs `task` once the page has nothing more urgent to do: a background task where the browser
 * has a scheduler, else a timeout. Not `requestIdleCallback`: Chromium gives no idle time for a
 * while after an input event, so a held key (a step every 33 ms) never got its states drawn.
 */
const later: (task: Task) => void =
  typeof scheduler?.postTask === 'function'
    ? (task) => void scheduler.postTask?.(task, { priority: 'background' })
    : (task) => setTimeout(task, 0);
let expected: readonly Values[] = [];
let posted = false;

/**
 * Draws one expected state for one figure on screen, then yields and comes back for the next:
 * input and frames never wait for more than one figure's drawing (1–4 ms).
 */
function drawAhead(): void {
  posted = false;
  for (const values of expected) {
    for (const [el, figure] of live) {
      if (!onScreen.has(el)) continue;
      const work = figure.aheadFor(values);
      if (work === undefined) continue;
      work();
      postAhead();
      return;
    }
  }
}

function postAhead(): void {
  if (posted || expected.length === 0) return;
  posted = true;
  later(drawAhead);
}

followExpected((states) => {
  expected = states;
  postAhead();
});

/** The same functions by chart container, for the resize observer. */
const byChart = new Map<Element, () => void>();
/**
 * Each chart container's width, read when the resize observer reports it (layout is clean
 * then, so the read costs nothing). A redraw reading `clientWidth` itself would force a
 * layout whenever another figure had just changed the page in the same frame.
 */
const widths = new WeakMap<Element, number>();
const resized = new ResizeObserver((entries) => {
  for (const e of entries) {
    const redraw = byChart.get(e.target);
    if (!redraw) continue;
    const width = (e.target as HTMLElement).clientWidth;
    if (widths.get(e.target) === width) continue;
    widths.set(e.target, width);
    schedule(redraw);
  }
});

/** A table cell to show: its tag, scope and text. */
interface Cell {
  tag: 'th' | 'td';
  scope?: string;
  text: string;
}

/** `row` holding exactly `cells`, changed only where it differs. */
function syncRow(row: HTMLTableRowElement, cells: readonly Cell[]): void {
  const have = row.cells;
  const fits = have.length === cells.length && cells.every((c, i) => have[i]!.localName === c.tag);
  if (!fits) {
    row.replaceChildren(
      ...cells.map((c) => {
        const cell = document.createElement(c.tag);
        if (c.scope) cell.setAttribute('scope', c.scope);
        cell.textContent = c.text;
        return cell;
      }),
    );
    return;
  }
  cells.forEach((c, i) => {
    const cell = have[i]!;
    if (c.scope && cell.getAttribute('scope') !== c.scope) cell.setAttribute('scope', c.scope);
    if (cell.textContent !== c.text) cell.textContent = c.text;
  });
}

/** `section` holding one row per entry of `rows`, reusing the rows it has. */
function syncRows(section: HTMLTableSectionElement, rows: readonly (readonly Cell[])[]): void {
  while (section.rows.length > rows.length) section.rows[section.rows.length - 1]!.remove();
  rows.forEach((cells, i) => {
    syncRow(section.rows[i] ?? section.insertRow(), cells);
  });
}

/**
 * The data table: the same markup Figure.astro renders (the first column heads its row),
 * changing only the cells whose text changed, so a slider step rewrites a few numbers.
 */
function fillTable(table: HTMLTableElement, data: Table): void {
  const [first] = data.columns;
  syncRows(table.tHead ?? table.createTHead(), [data.columns.map((c): Cell => ({ tag: 'th', scope: 'col', text: c.label }))]);
  const cell = (row: Table['rows'][number], c: Table['columns'][number]): Cell => {
    const text = String(row[c.key] ?? '');
    return c === first ? { tag: 'th', scope: 'row', text } : { tag: 'td', text };
  };
  syncRows(
    table.tBodies[0] ?? table.createTBody(),
    data.rows.map((row) => data.columns.map((c) => cell(row, c))),
  );
}

/**
 * The state a figure was built with, when it says: `data-state` (a query), else `data-preset`.
 * A figure built for another state than the page's starts from is an illustration of that
 * state, not a view of the page's model: it keeps that state (see `bringToLife`).
 */
function builtState(el: HTMLElement): Values | undefined {
  const { state, preset } = el.dataset;
  if (state !== undefined) return readSearch(state).values;
  const p = presetById(preset ?? '');
  return p ? presetValues(p) : undefined;
}

/**
 * Upgrades one `<model-figure>` element. Left static: unknown figure ids and
 * `data-live="false"`. A stateless figure (published numbers) and a model figure built for
 * another state than the page's starting state are fixed (`data-fixed`): they redraw for
 * width and theme only, at their own state.
 */
export function bringToLife(el: HTMLElement): void {
  if (live.has(el) || el.dataset['live'] === 'false') return;
  const id = el.dataset['figure'] as FigureId | undefined;
  const def: FigureDef | undefined = id ? figures[id] : undefined;
  const chart = el.querySelector<HTMLElement>('.chart');
  if (!def || !chart) {
    console.warn(`model-figure: nothing to draw for "${id ?? ''}"`);
    return;
  }
  // A figure of published numbers, and a figure built to illustrate another state than the
  // page's, keep what they show: they follow only width and theme (a phone gets a drawing made
  // for its width, not a 720 px one scaled to half), at their own state and bands.
  const built = builtState(el);
  const fixed = def.stateless === true || (built !== undefined && !sameValues(built, base));
  const own = parseBandKeys(el.dataset['bandKeys']);
  const fixedValues: Values = built ?? base;
  const fixedBands =
    fixed && !def.stateless
      ? bandKeysFor(fixedValues, presetMatching(fixedValues), fixedValues).filter((k) => !own || own.includes(k))
      : [];
  if (fixed) el.dataset['fixed'] = '';
  const baseWidth = Number(el.dataset['width']) || 720;
  const baseHeight = Number(el.dataset['height']) || 400;
  const caption = el.querySelector<HTMLElement>('.caption-text');
  // Bands follow the page state; a figure's own list (data-band-keys) can only narrow them.
  const table = el.querySelector<HTMLTableElement>('details.data table');
  // A closed data table is filled when it opens: a knob step would otherwise rewrite numbers
  // nobody sees. A stepped figure's table stays filled, as its stepper reads the rows.
  const details = def.stepped || fixed ? null : (table?.closest('details') ?? null);
  let unfilled: { values: Values; context: FigureContext } | undefined;
  const fillNow = (): void => {
    if (unfilled && table) fillTable(table, def.table(unfilled.values, unfilled.context));
    unfilled = undefined;
  };
  // The summary's click comes before the table opens (keys on it click too), so it never shows
  // stale numbers for a frame; toggle catches an opening from a script.
  details?.querySelector(':scope > summary')?.addEventListener('click', fillNow);
  details?.addEventListener('toggle', fillNow);
  let last: { values: Values; width: number; theme: Theme; bands: string } | undefined;

  const chartWidth = (): number => {
    let measured = widths.get(chart);
    if (measured === undefined) {
      // Before the resize observer's first report: read it once (the first redraw only).
      measured = chart.clientWidth;
      widths.set(chart, measured);
    }
    return Math.round(measured || baseWidth);
  };
  const contextFor = (bands: readonly ParamKey[]): FigureContext => ({
    bandKeys: fixed ? fixedBands : bands.filter((k) => !own || own.includes(k)),
  });
  const draw = (values: Values, width: number, t: Theme, context: FigureContext): Drawing => {
    const height = Math.round(Math.max(baseHeight * 0.6, (baseHeight * width) / baseWidth));
    const svg = renderFigure(def, values, { width, height }, t, document, context);
    // A fixed figure's caption is the build's.
    return { svg, caption: fixed ? '' : figureCaption(def, values, context) };
  };
  const early = new Ahead<Drawing>(AHEAD_KEPT);

  const redraw = (): void => {
    if (!el.isConnected) {
      live.delete(el);
      byChart.delete(chart);
      resized.unobserve(chart);
      seen.unobserve(el);
      return;
    }
    // A fixed figure draws the same at every state: the page's state changes leave it alone.
    const values = fixed ? fixedValues : store.get();
    const width = chartWidth();
    const t = theme();
    const context = contextFor(bandKeys());
    const bands = context.bandKeys?.join() ?? '';
    if (last && last.values === values && last.width === width && last.theme === t && last.bands === bands) return;
    last = { values, width, theme: t, bands };
    const start = performance.now();
    const made = fixed ? undefined : early.take(drawKey(values, width, t, context.bandKeys ?? []));
    const drawing = made ?? draw(values, width, t, context);
    // Patch the chart on screen into the new drawing: only what moved is restyled and repainted.
    const drawn = chart.firstElementChild;
    if (drawn?.localName === 'svg' && chart.childNodes.length === 1) morph(drawn, drawing.svg);
    else chart.replaceChildren(drawing.svg);
    // A fixed figure's caption and table are the build's (a stateless one's table may hold links).
    if (caption && !fixed && caption.textContent !== drawing.caption) caption.textContent = drawing.caption;
    if (table && !fixed) {
      unfilled = { values, context };
      if (!details || details.open) fillNow();
    }
    if (el.dataset['upgraded'] === undefined) el.dataset['upgraded'] = '';
    const detail: DrawnDetail = { figure: def.id, ms: performance.now() - start, ahead: made !== undefined };
    document.dispatchEvent(new CustomEvent('model-figure:drawn', { detail }));
  };

  /** Drawing `values` ahead, unless this figure is fixed, not drawn yet, or has it already. */
  const aheadFor = (values: Values): (() => void) | undefined => {
    if (fixed || last === undefined || !el.isConnected) return undefined;
    const width = chartWidth();
    const t = theme();
    const context = contextFor(bandKeysAt(values));
    const key = drawKey(values, width, t, context.bandKeys ?? []);
    if (early.has(key)) return undefined;
    return () => early.put(key, draw(values, width, t, context));
  };

  // What the URL asked for and could not have is said once, on the page's first figure.
  const notice = el.querySelector<HTMLElement>('[data-role="figure-notice"]');
  const first = document.querySelector('model-figure');
  if (notice && el === first) {
    notice.textContent = linkNotice(urlChanges, paramFor);
    notice.hidden = notice.textContent === '';
  }

  live.set(el, { redraw, aheadFor });
  byChart.set(chart, redraw);
  resized.observe(chart);
  seen.observe(el);
  schedule(redraw);
}
