/**
 * Presenter mode: any model figure full screen, large and high-contrast, stepping through the
 * article's sequence of states (components/PresenterSteps.astro) with each step's sentence as
 * the caption. Loaded on demand by a figure's Present button.
 *
 * While presenting, each step is put into the page store (so the article behind follows) but
 * never into the URL or history; closing puts back the state, scroll and focus from before.
 */
import { figures, isFigureId, parseBandKeys, renderFigure } from '../lib/charts/index.ts';
import { parseSteps } from '../lib/charts/steps.ts';
import type { FigureDef, Theme } from '../lib/charts/types.ts';
import { presetById, presetValues, type ParamKey, type Values } from '../lib/model/index.ts';
import { schedule } from './frame.ts';
import { showSentence } from './presenter-find.ts';
import { drawingSize } from '../lib/charts/presenter-size.ts';
import { buildView, ensureStyle, ownIds, type PresenterView } from './presenter-view.ts';
import { bandKeys, store } from './state.ts';
import { pageTheme } from './theme.ts';
import { readSearch } from '../lib/model/url-state.ts';

/** One state to show: an article step, or the figure's current state when the article has none. */
interface Shown {
  values: Values;
  bandKeys: readonly ParamKey[] | undefined;
  /** The caption: the article's sentence ('' for the current state, which shows the figure's own caption). */
  sentence: string;
  notes: string;
  fragment: string;
}

/** Whether a presenter is open: one at a time. */
let presenting = false;

/** The state a figure was built with, if it says (as figure-live.ts reads it). */
function builtState(el: HTMLElement): Values | undefined {
  const { state, preset } = el.dataset;
  if (state !== undefined) return readSearch(state).values;
  const p = presetById(preset ?? '');
  return p ? presetValues(p) : undefined;
}

/** The article's steps, else the one state the figure shows now. */
function sequence(el: HTMLElement): { shown: Shown[]; fromArticle: boolean } {
  const own = parseBandKeys(el.dataset['bandKeys']);
  const narrow = (keys: readonly ParamKey[]): ParamKey[] => keys.filter((k) => !own || own.includes(k));
  const json = document.querySelector('script#presenter-steps[type="application/json"]')?.textContent ?? '';
  const steps = json === '' ? [] : parseSteps(json);
  if (steps.length > 0) {
    return { shown: steps.map((s) => ({ ...s, bandKeys: narrow(s.bandKeys) })), fromArticle: true };
  }
  const built = builtState(el);
  const values = built ?? store.get();
  const keys = built ? own : narrow(bandKeys());
  return { shown: [{ values, bandKeys: keys, sentence: '', notes: '', fragment: '' }], fromArticle: false };
}

/** Presenter mode starts in the theme the page shows (the switch's choice, else the system's). */
const prefersDark = (): boolean => pageTheme() === 'dark';
const reducedMotion = (): boolean => !matchMedia('(prefers-reduced-motion: no-preference)').matches;

/** Fills the view for step `i`. */
function showStep(view: PresenterView, def: FigureDef, shown: Shown[], i: number, fromArticle: boolean): void {
  const step = shown[i]!;
  const n = `Step ${i + 1} of ${shown.length}`;
  const figureCaption = def.caption(step.values, { bandKeys: step.bandKeys });
  // A fresh element, so its entrance (motion allowed) plays for every step.
  const caption = view.caption.cloneNode(false) as HTMLElement;
  caption.textContent = step.sentence || figureCaption;
  view.caption.replaceWith(caption);
  view.caption = caption;
  view.position.textContent = n;
  view.notesText.textContent = step.notes || 'No notes for this step.';
  view.figureText.textContent = figureCaption;
  view.articleLink.hidden = !fromArticle || step.fragment === '';
  view.articleLink.href = `${location.pathname}${location.search}${step.fragment}`;
  view.prev.setAttribute('aria-disabled', String(i === 0));
  view.next.setAttribute('aria-disabled', String(i === shown.length - 1));
  view.live.textContent = `${n}. ${step.sentence || figureCaption}`;
}

/**
 * Opens presenter mode on a `<model-figure data-figure="…">` element: a full-screen modal
 * dialog (and the Fullscreen API where the browser allows it). Does nothing if one is open
 * or the element names no figure.
 */
export function openPresenter(figureEl: HTMLElement): void {
  if (presenting) return;
  const id = figureEl.dataset['figure'] ?? '';
  if (!isFigureId(id)) return;
  const def = figures[id];
  const opener =
    document.activeElement instanceof HTMLElement && document.activeElement !== document.body
      ? document.activeElement
      : figureEl.querySelector<HTMLElement>('[data-action="present"]');
  const before = { values: store.get(), x: scrollX, y: scrollY, overflow: document.documentElement.style.overflow };
  const { shown, fromArticle } = sequence(figureEl);

  ensureStyle();
  const view = buildView();
  const { dialog } = view;
  view.title.textContent = def.title;
  let index = 0;
  let theme: Theme = prefersDark() ? 'dark' : 'light';
  let drawn = '';

  const draw = (): void => {
    if (!dialog.open) return;
    const { width: w, height: h } = view.stage.getBoundingClientRect();
    if (w < 1 || h < 1) return;
    const step = shown[index]!;
    const size = drawingSize(w, h);
    const key = `${index}/${theme}/${size.width}x${size.height}`;
    if (key === drawn) return;
    drawn = key;
    const svg = renderFigure(def, step.values, size, theme, document, { bandKeys: step.bandKeys });
    ownIds(svg);
    view.stage.replaceChildren(svg);
  };
  const resized = new ResizeObserver(() => schedule(draw));

  const go = (to: number): void => {
    const next = Math.min(shown.length - 1, Math.max(0, to));
    if (next === index) return;
    index = next;
    if (fromArticle) store.replace(shown[index]!.values);
    showStep(view, def, shown, index, fromArticle);
    schedule(draw);
  };
  const setTheme = (t: Theme): void => {
    theme = t;
    dialog.dataset['theme'] = t;
    view.themeButton.setAttribute('aria-pressed', String(t === 'dark'));
    schedule(draw);
  };
  const toggleNotes = (): void => {
    const show = view.notes.hidden;
    view.notes.hidden = !show;
    view.notesButton.setAttribute('aria-expanded', String(show));
  };

  let restoreState = true;
  let fullscreen = false;
  const onFullscreen = (): void => {
    // Leaving full screen (Escape there is the browser's) leaves presenter mode too.
    if (fullscreen && !document.fullscreenElement && dialog.open) dialog.close();
  };
  const onPopState = (): void => {
    // Back or forward set the page's state from the URL; keep that one.
    restoreState = false;
    dialog.close();
  };

  const finish = (): void => {
    presenting = false;
    resized.disconnect();
    document.removeEventListener('fullscreenchange', onFullscreen);
    removeEventListener('popstate', onPopState);
    if (restoreState) store.replace(before.values);
    const exited = document.fullscreenElement === view.frame ? document.exitFullscreen().catch(() => undefined) : Promise.resolve();
    dialog.remove();
    document.documentElement.style.overflow = before.overflow;
    opener?.focus({ preventScroll: true });
    // The window changes size as full screen ends: put the scroll back once it has settled.
    const back = (): void => scrollTo(before.x, before.y);
    back();
    void exited.then(() => requestAnimationFrame(back));
  };

  dialog.addEventListener('close', finish, { once: true });
  dialog.addEventListener('click', (event) => {
    const act = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-act]')?.dataset['act'] : undefined;
    if (act === 'prev') go(index - 1);
    else if (act === 'next') go(index + 1);
    else if (act === 'notes') toggleNotes();
    else if (act === 'theme') setTheme(theme === 'dark' ? 'light' : 'dark');
    else if (act === 'close') dialog.close();
  });
  view.articleLink.addEventListener('click', (event) => {
    event.preventDefault();
    const sentence = shown[index]!.sentence;
    dialog.close();
    const article = figureEl.closest('article') ?? document.querySelector('main') ?? document.body;
    showSentence(article, sentence, !reducedMotion());
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Space and Enter on a button or link are that control's own.
    const onControl = event.target instanceof Element && event.target.closest('button, a') !== null;
    const actions: Record<string, (() => void) | undefined> = {
      ArrowRight: () => go(index + 1),
      PageDown: () => go(index + 1),
      ArrowLeft: () => go(index - 1),
      PageUp: () => go(index - 1),
      Home: () => go(0),
      End: () => go(shown.length - 1),
      ' ': onControl ? undefined : () => go(index + (event.shiftKey ? -1 : 1)),
      n: toggleNotes,
      N: toggleNotes,
      d: () => setTheme(theme === 'dark' ? 'light' : 'dark'),
      D: () => setTheme(theme === 'dark' ? 'light' : 'dark'),
      Escape: () => dialog.close(),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  document.body.append(dialog);
  setTheme(theme);
  if (fromArticle) store.replace(shown[0]!.values);
  showStep(view, def, shown, 0, fromArticle);
  document.documentElement.style.overflow = 'hidden';
  dialog.showModal();
  view.next.focus();
  presenting = true;
  resized.observe(view.stage);
  document.addEventListener('fullscreenchange', onFullscreen);
  addEventListener('popstate', onPopState);
  draw();
  if (document.fullscreenEnabled && !document.fullscreenElement) {
    // Refused without a user gesture or by policy: the dialog still fills the window.
    view.frame.requestFullscreen({ navigationUI: 'hide' }).then(
      () => {
        fullscreen = true;
      },
      () => undefined,
    );
  }
}
