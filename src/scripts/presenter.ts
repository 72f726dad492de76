/**
 * Presenter mode on an article: a figure's Present button presents the article's sequence of
 * states (components/PresenterSteps.astro) through presenter-core.ts, each step on the figure
 * it names (else the figure whose button was pressed), captioned with its sentence from the
 * article. Loaded on demand by that button.
 *
 * While presenting, each step on a model figure is put into the page store (so the article
 * behind follows) but never into the URL or history; closing puts back the state from before.
 */
import { figures, isFigureId, parseBandKeys } from '../lib/charts/index.ts';
import { parseSteps } from '../lib/charts/steps.ts';
import { presetById, presetValues, type ParamKey, type Values } from '../lib/model/index.ts';
import { readSearch } from '../lib/model/url-state.ts';
import { present, type Slide } from './presenter-core.ts';
import { showSentence } from './presenter-find.ts';
import { bandKeys, store } from './state.ts';

export { presentTalk } from './presenter-talk.ts';

/** The state a figure was built with, if it says (as figure-live.ts reads it). */
function builtState(el: HTMLElement): Values | undefined {
  const { state, preset } = el.dataset;
  if (state !== undefined) return readSearch(state).values;
  const p = presetById(preset ?? '');
  return p ? presetValues(p) : undefined;
}

/** The article's steps, each on its own figure or `figure`; else the one state the figure shows now. */
function sequence(el: HTMLElement, figure: Slide['figure']): { slides: Slide[]; fromArticle: boolean } {
  const own = parseBandKeys(el.dataset['bandKeys']);
  const json = document.querySelector('script#presenter-steps[type="application/json"]')?.textContent ?? '';
  const steps = json === '' ? [] : parseSteps(json);
  if (steps.length > 0) {
    const slides = steps.map((s): Slide => {
      // The pressed figure's own band list narrows its steps' bands; another figure's steps keep theirs.
      const on = s.figure || figure;
      const keys: readonly ParamKey[] = on === figure ? s.bandKeys.filter((k) => !own || own.includes(k)) : s.bandKeys;
      return { figure: on, values: s.values, bandKeys: keys, origin: s.preset, sentence: s.sentence, notes: s.notes, fragment: s.fragment };
    });
    return { slides, fromArticle: true };
  }
  const built = builtState(el);
  const values = built ?? store.get();
  const keys = built ? own : bandKeys().filter((k) => !own || own.includes(k));
  return { slides: [{ figure, values, bandKeys: keys, origin: '', sentence: '', notes: '', fragment: '' }], fromArticle: false };
}

/**
 * Opens presenter mode on a `<model-figure data-figure="…">` element. Does nothing if one is
 * open or the element names no figure.
 */
export function openPresenter(figureEl: HTMLElement): void {
  const id = figureEl.dataset['figure'] ?? '';
  if (!isFigureId(id)) return;
  const opener =
    document.activeElement instanceof HTMLElement && document.activeElement !== document.body
      ? document.activeElement
      : figureEl.querySelector<HTMLElement>('[data-action="present"]');
  const before = store.get();
  const { slides, fromArticle } = sequence(figureEl, id);
  present(slides, {
    opener,
    // A figure of published numbers has no state for the page to follow.
    onShow: (slide, values) => {
      if (fromArticle && figures[slide.figure].stateless !== true) store.replace(values);
    },
    onClose: (byHistory) => {
      if (!byHistory) store.replace(before);
    },
    readIt: fromArticle
      ? {
          href: (slide) => `${location.pathname}${location.search}${slide.fragment}`,
          follow: (slide) => {
            const article = figureEl.closest('article') ?? document.querySelector('main') ?? document.body;
            showSentence(article, slide.sentence, matchMedia('(prefers-reduced-motion: no-preference)').matches);
          },
        }
      : undefined,
  });
}
