/**
 * Presenter mode for any sequence: a list of slides, each naming its figure and state, shown
 * full screen, large and high-contrast, one at a time, with its caption, notes, the step it is
 * on, the keyboard (arrows, Page keys, space, Home/End, N, D, M, Escape), light or dark, and
 * motion only for readers who allow it. Knows no page store and no article: presenter.ts
 * presents an article's steps through it (the page's store follows), presenter-talk.ts a talk
 * (with live controls), and the offline talk file the same.
 *
 * Closing puts back the page's scroll and the focus on what opened it.
 */
import { figures, renderFigure } from '../lib/charts/index.ts';
import { drawingSize } from '../lib/charts/presenter-size.ts';
import type { FigureId, Theme } from '../lib/charts/types.ts';
import { diff, sameValues } from '../lib/model/compare.ts';
import type { ParamKey, Values } from '../lib/model/index.ts';
import { liveParams } from '../lib/talk/live-params.ts';
import { schedule } from './frame.ts';
import { fillLive } from './presenter-live.ts';
import { buildView, ensureStyle, ownIds, type PresenterView } from './presenter-view.ts';
import { pageTheme } from './theme.ts';

/** One state to show. */
export interface Slide {
  readonly figure: FigureId;
  readonly values: Values;
  /** The unknown ranges drawn as bands (undefined: every one the figure knows). */
  readonly bandKeys: readonly ParamKey[] | undefined;
  /** The preset the state started from ('' for none): the live controls offer what the step changed from it. */
  readonly origin: string;
  /** The caption; '' shows the figure's own caption for the state. */
  readonly sentence: string;
  readonly notes: string;
  /** A text fragment (`#:~:text=…`) that finds the sentence in its article, or ''. */
  readonly fragment: string;
}

/** How a sequence is presented. */
export interface PresentOptions {
  /** Where focus returns on closing (default: what had focus when it opened). */
  readonly opener?: HTMLElement | null | undefined;
  /** The slide to start on (default the first). */
  readonly start?: number | undefined;
  /** Live controls for a few key parameters of the slide on screen (lib/talk/live-params.ts). */
  readonly live?: boolean | undefined;
  /** Each state as it comes on screen: the slide, and its values as drawn (changed live or not). */
  readonly onShow?: ((slide: Slide, values: Values) => void) | undefined;
  /** After closing; `byHistory` when Back or Forward closed it (the page then holds the URL's state). */
  readonly onClose?: ((byHistory: boolean) => void) | undefined;
  /** "Read it in the article": shown for a slide with a fragment; what following it does. */
  readonly readIt?: { readonly href: (slide: Slide) => string; readonly follow: (slide: Slide) => void } | undefined;
}

/** Whether a presenter is open: one at a time. */
let presenting = false;

/** Presenter mode starts in the theme the page shows (the switch's choice, else the system's). */
const prefersDark = (): boolean => pageTheme() === 'dark';

/** Typing keys belong to a focused form control (a live slider's arrows are its own). */
const inControl = (target: EventTarget | null): boolean => target instanceof Element && target.closest('input, select, textarea') !== null;

/**
 * Opens presenter mode on `slides`: a full-screen modal dialog (and the Fullscreen API where
 * the browser allows it). Returns false, doing nothing, if one is open or there is no slide.
 */
export function present(slides: readonly Slide[], options: PresentOptions = {}): boolean {
  if (presenting || slides.length === 0) return false;
  const active = document.activeElement;
  const opener = options.opener ?? (active instanceof HTMLElement && active !== document.body ? active : null);
  const before = { x: scrollX, y: scrollY, overflow: document.documentElement.style.overflow };
  // Each slide's state as shown now: its own, or what the live controls made of it.
  const current: Values[] = slides.map((s) => s.values);

  ensureStyle();
  const view: PresenterView = buildView(options.live === true);
  const { dialog } = view;
  let index = Math.min(slides.length - 1, Math.max(0, options.start ?? 0));
  let theme: Theme = prefersDark() ? 'dark' : 'light';
  let drawn = '';
  /** Counts live changes, so a changed state draws anew. */
  let revision = 0;
  let syncLive: (values: Values, edited: boolean) => void = () => undefined;

  const edited = (i: number): boolean => !sameValues(current[i]!, slides[i]!.values);
  /** The slide's bands, less any the live controls set (a chosen value is not unknown). */
  const bands = (i: number): readonly ParamKey[] | undefined => {
    const keys = slides[i]!.bandKeys;
    if (!edited(i) || keys === undefined) return keys;
    const set = diff(current[i]!, slides[i]!.values);
    return keys.filter((k) => !set.includes(k));
  };

  const draw = (): void => {
    if (!dialog.open) return;
    const { width: w, height: h } = view.stage.getBoundingClientRect();
    if (w < 1 || h < 1) return;
    const slide = slides[index]!;
    const size = drawingSize(w, h);
    const key = `${index}/${revision}/${theme}/${size.width}x${size.height}`;
    if (key === drawn) return;
    drawn = key;
    const svg = renderFigure(figures[slide.figure], current[index]!, size, theme, document, { bandKeys: bands(index) });
    ownIds(svg);
    view.stage.replaceChildren(svg);
  };
  const resized = new ResizeObserver(() => schedule(draw));

  /** The words for the slide on screen: caption, position, notes. `fresh`: a new step (its entrance plays). */
  const fillWords = (fresh: boolean): void => {
    const slide = slides[index]!;
    const def = figures[slide.figure];
    const values = current[index]!;
    const changed = edited(index);
    const figureCaption = def.caption(values, { bandKeys: bands(index) });
    // A sentence is about the step's own state; a state changed live gets the figure's words for it.
    const text = changed || slide.sentence === '' ? figureCaption : slide.sentence;
    const n = `Step ${index + 1} of ${slides.length}`;
    if (fresh) {
      // A fresh element, so its entrance (motion allowed) plays for every step.
      const caption = view.caption.cloneNode(false) as HTMLElement;
      view.caption.replaceWith(caption);
      view.caption = caption;
    }
    view.caption.textContent = text;
    view.title.textContent = def.title;
    view.position.textContent = changed ? `${n} · changed live` : n;
    view.notesText.textContent = slide.notes || 'No notes for this step.';
    view.figureText.textContent = figureCaption;
    view.articleLink.hidden = options.readIt === undefined || slide.fragment === '';
    view.articleLink.href = options.readIt?.href(slide) ?? '';
    view.prev.setAttribute('aria-disabled', String(index === 0));
    view.next.setAttribute('aria-disabled', String(index === slides.length - 1));
    if (fresh) view.live.textContent = `${n}. ${text}`;
    options.onShow?.(slide, values);
  };

  const liveChanged = (values: Values): void => {
    current[index] = values;
    revision += 1;
    syncLive(values, edited(index));
    fillWords(false);
    schedule(draw);
  };
  const showLive = (): void => {
    if (!view.model) return;
    const slide = slides[index]!;
    syncLive = fillLive(view.model, liveParams(slide.figure, slide.values, slide.origin), current[index]!, {
      set: (patch) => liveChanged({ ...current[index]!, ...patch }),
      reset: () => liveChanged(slide.values),
    });
    syncLive(current[index]!, edited(index));
  };

  const go = (to: number): void => {
    const next = Math.min(slides.length - 1, Math.max(0, to));
    if (next === index) return;
    index = next;
    fillWords(true);
    showLive();
    schedule(draw);
  };
  const setTheme = (t: Theme): void => {
    theme = t;
    dialog.dataset['theme'] = t;
    view.themeButton.setAttribute('aria-pressed', String(t === 'dark'));
    schedule(draw);
  };
  const toggle = (panel: HTMLElement | undefined, button: HTMLButtonElement | undefined): void => {
    if (!panel || !button) return;
    const show = panel.hidden;
    panel.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
  };
  const toggleNotes = (): void => toggle(view.notes, view.notesButton);
  const toggleModel = (): void => toggle(view.model, view.modelButton);

  let byHistory = false;
  let fullscreen = false;
  const onFullscreen = (): void => {
    // Leaving full screen (Escape there is the browser's) leaves presenter mode too.
    if (fullscreen && !document.fullscreenElement && dialog.open) dialog.close();
  };
  const onPopState = (): void => {
    // Back or forward set the page's state from the URL; keep that one.
    byHistory = true;
    dialog.close();
  };

  const finish = (): void => {
    presenting = false;
    resized.disconnect();
    document.removeEventListener('fullscreenchange', onFullscreen);
    removeEventListener('popstate', onPopState);
    options.onClose?.(byHistory);
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
    else if (act === 'model') toggleModel();
    else if (act === 'theme') setTheme(theme === 'dark' ? 'light' : 'dark');
    else if (act === 'close') dialog.close();
  });
  view.articleLink.addEventListener('click', (event) => {
    event.preventDefault();
    dialog.close();
    options.readIt?.follow(slides[index]!);
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (inControl(event.target)) return;
    // Space and Enter on a button or link are that control's own.
    const onControl = event.target instanceof Element && event.target.closest('button, a') !== null;
    const flip = (): void => setTheme(theme === 'dark' ? 'light' : 'dark');
    const actions: Record<string, (() => void) | undefined> = {
      ArrowRight: () => go(index + 1),
      PageDown: () => go(index + 1),
      ArrowLeft: () => go(index - 1),
      PageUp: () => go(index - 1),
      Home: () => go(0),
      End: () => go(slides.length - 1),
      ' ': onControl ? undefined : () => go(index + (event.shiftKey ? -1 : 1)),
      n: toggleNotes,
      N: toggleNotes,
      m: view.model ? toggleModel : undefined,
      M: view.model ? toggleModel : undefined,
      d: flip,
      D: flip,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  document.body.append(dialog);
  setTheme(theme);
  fillWords(true);
  showLive();
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
  return true;
}
