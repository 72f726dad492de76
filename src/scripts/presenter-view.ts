/**
 * The markup of presenter mode: one modal <dialog> built with DOM calls (all text set with
 * textContent), and the parts presenter.ts fills in. No behaviour here.
 */
import { prefixIds } from '../lib/charts/render.ts';
import { h } from './dom.ts';
import { PRESENTER_CSS } from './presenter-style.ts';

/** The parts of the presenter dialog that change. */
export interface PresenterView {
  dialog: HTMLDialogElement;
  /** Everything the dialog shows; what goes full screen (a <dialog> itself may not). */
  frame: HTMLElement;
  title: HTMLHeadingElement;
  stage: HTMLElement;
  prev: HTMLButtonElement;
  next: HTMLButtonElement;
  notesButton: HTMLButtonElement;
  themeButton: HTMLButtonElement;
  close: HTMLButtonElement;
  notes: HTMLElement;
  notesText: HTMLElement;
  figureText: HTMLElement;
  caption: HTMLElement;
  position: HTMLElement;
  articleLink: HTMLAnchorElement;
  live: HTMLElement;
  /** The live controls' toggle and panel (only when asked for: see `buildView`). */
  modelButton: HTMLButtonElement | undefined;
  model: HTMLElement | undefined;
}

const button = (act: string, label: string, keys: string, extra: Record<string, string> = {}): HTMLButtonElement =>
  h('button', { type: 'button', 'data-act': act, 'aria-keyshortcuts': keys, ...extra }, label);

/** Adds the presenter's stylesheet to the document once. */
export function ensureStyle(): void {
  if (document.getElementById('presenter-style')) return;
  const style = h('style', { id: 'presenter-style' });
  style.textContent = PRESENTER_CSS;
  document.head.append(style);
}

/** Builds the (closed, detached) presenter dialog; `withModel`: with a panel for live controls. */
export function buildView(withModel = false): PresenterView {
  const dialog = h('dialog', { class: 'presenter', 'aria-labelledby': 'presenter-title' });
  const title = h('h2', { id: 'presenter-title' });
  const prev = button('prev', 'Previous', 'ArrowLeft PageUp');
  const next = button('next', 'Next', 'ArrowRight PageDown Space');
  const notesButton = button('notes', 'Notes', 'N', { 'aria-expanded': 'false', 'aria-controls': 'presenter-notes' });
  const themeButton = button('theme', 'Dark', 'D', { 'aria-pressed': 'false' });
  const modelButton = withModel
    ? button('model', 'Model', 'M', { 'aria-expanded': 'false', 'aria-controls': 'presenter-model' })
    : undefined;
  const close = button('close', 'Close', 'Escape');
  const tools = h('div', { class: 'p-tools', role: 'group', 'aria-label': 'Presenter controls' });
  tools.append(prev, next, notesButton, ...(modelButton ? [modelButton] : []), themeButton, close);
  const bar = h('div', { class: 'p-bar' });
  bar.append(title, tools);

  const stage = h('div', { class: 'p-stage' });
  const notes = h('div', { class: 'p-side p-notes', id: 'presenter-notes', hidden: '' });
  const notesText = h('p');
  const figureText = h('p');
  notes.append(h('h3', {}, 'Speaker notes'), notesText, h('h3', {}, 'The figure shows'), figureText);
  const model = withModel
    ? h('section', { class: 'p-side p-model', id: 'presenter-model', 'aria-label': 'Live model', hidden: '' })
    : undefined;
  const body = h('div', { class: 'p-body' });
  body.append(stage, notes, ...(model ? [model] : []));

  const caption = h('p', { class: 'p-sentence' });
  const position = h('span', { class: 'p-position' });
  const articleLink = h('a', { class: 'p-read' }, 'Read it in the article');
  const keys = h('span', { class: 'p-keys' }, `Keys: ← → step · N notes${withModel ? ' · M model' : ''} · D dark or light · Esc close`);
  const meta = h('p', { class: 'p-meta' });
  meta.append(position, articleLink, keys);
  const footer = h('div', { class: 'p-caption' });
  footer.append(caption, meta);

  const live = h('p', { class: 'p-live', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const frame = h('div', { class: 'p-frame' });
  frame.append(bar, body, footer, live);
  dialog.append(frame);
  return {
    dialog,
    frame,
    title,
    stage,
    prev,
    next,
    notesButton,
    themeButton,
    close,
    notes,
    notesText,
    figureText,
    caption,
    position,
    articleLink,
    live,
    modelButton,
    model,
  };
}

/**
 * Gives every id in a drawn figure a `presenter-` prefix, with the references to them: the
 * article's copy of the same figure carries the same ids, and `url(#…)` would find its
 * clip paths (sized for the article column) first.
 */
export const ownIds = (svg: Element): void => prefixIds(svg, 'presenter-');
