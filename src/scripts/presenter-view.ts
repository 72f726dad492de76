/**
 * The markup of presenter mode: one modal <dialog> built with DOM calls (all text set with
 * textContent), and the parts presenter.ts fills in. No behaviour here.
 */
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
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const button = (act: string, label: string, keys: string, extra: Record<string, string> = {}): HTMLButtonElement =>
  el('button', { type: 'button', 'data-act': act, 'aria-keyshortcuts': keys, ...extra }, label);

/** Adds the presenter's stylesheet to the document once. */
export function ensureStyle(): void {
  if (document.getElementById('presenter-style')) return;
  const style = el('style', { id: 'presenter-style' });
  style.textContent = PRESENTER_CSS;
  document.head.append(style);
}

/** Builds the (closed, detached) presenter dialog. */
export function buildView(): PresenterView {
  const dialog = el('dialog', { class: 'presenter', 'aria-labelledby': 'presenter-title' });
  const title = el('h2', { id: 'presenter-title' });
  const prev = button('prev', 'Previous', 'ArrowLeft PageUp');
  const next = button('next', 'Next', 'ArrowRight PageDown Space');
  const notesButton = button('notes', 'Notes', 'N', { 'aria-expanded': 'false', 'aria-controls': 'presenter-notes' });
  const themeButton = button('theme', 'Dark', 'D', { 'aria-pressed': 'false' });
  const close = button('close', 'Close', 'Escape');
  const tools = el('div', { class: 'p-tools', role: 'group', 'aria-label': 'Presenter controls' });
  tools.append(prev, next, notesButton, themeButton, close);
  const bar = el('div', { class: 'p-bar' });
  bar.append(title, tools);

  const stage = el('div', { class: 'p-stage' });
  const notes = el('div', { class: 'p-notes', id: 'presenter-notes', hidden: '' });
  const notesText = el('p');
  const figureText = el('p');
  notes.append(el('h3', {}, 'Speaker notes'), notesText, el('h3', {}, 'The figure shows'), figureText);
  const body = el('div', { class: 'p-body' });
  body.append(stage, notes);

  const caption = el('p', { class: 'p-sentence' });
  const position = el('span', { class: 'p-position' });
  const articleLink = el('a', { class: 'p-read' }, 'Read it in the article');
  const keys = el('span', { class: 'p-keys' }, 'Keys: ← → step · N notes · D dark or light · Esc close');
  const meta = el('p', { class: 'p-meta' });
  meta.append(position, articleLink, keys);
  const footer = el('div', { class: 'p-caption' });
  footer.append(caption, meta);

  const live = el('p', { class: 'p-live', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const frame = el('div', { class: 'p-frame' });
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
  };
}

/**
 * Gives every id in a drawn figure a `presenter-` prefix, with the references to them: the
 * article's copy of the same figure carries the same ids, and `url(#…)` would find its
 * clip paths (sized for the article column) first.
 */
export function ownIds(svg: Element): void {
  const ids = new Set<string>();
  for (const node of svg.querySelectorAll('[id]')) {
    ids.add(node.id);
    node.id = `presenter-${node.id}`;
  }
  if (ids.size === 0) return;
  for (const node of svg.querySelectorAll('*')) {
    for (const name of node.getAttributeNames()) {
      const value = node.getAttribute(name) ?? '';
      if (!value.includes('#')) continue;
      const fixed = value.replace(/url\(#([^)]+)\)|^#(.+)$/g, (m: string, a?: string, b?: string) => {
        const id = a ?? b ?? '';
        if (!ids.has(id)) return m;
        return a !== undefined ? `url(#presenter-${id})` : `#presenter-${id}`;
      });
      if (fixed !== value) node.setAttribute(name, fixed);
    }
  }
}
