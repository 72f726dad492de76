/**
 * `<talk-editor>` (markup: pages/talks/index.astro): the speaker's talk, kept in this browser
 * (storage.ts) and in the page's address (`#talk=…`, so a bookmark or a sent link carries it).
 * Steps are listed with a small drawing of each, a caption to edit, and buttons to move and
 * remove them; a step can also be dragged to its place. A talk from a link replaces the one
 * in the browser only after keeping that one to restore.
 */
import { figures, renderFigure } from '../../lib/charts/index.ts';
import {
  addStep,
  decodeTalk,
  emptyTalk,
  encodeTalk,
  moveStep,
  parseTalk,
  recaption,
  removeStep,
  retitle,
  stepState,
  talkJson,
  type Talk,
  type TalkStep,
} from '../../lib/talk/talk.ts';
import { stepWhat } from '../../lib/talk/words.ts';
import { h, setText } from '../dom.ts';
import { pageTheme } from '../theme.ts';
import { forgetPrevious, loadPrevious, loadTalk, savePrevious, saveTalk } from './storage.ts';

const HASH = '#talk=';
/** The drawing beside each step, px (16:9). */
const THUMB = { width: 320, height: 180 };

const field = <E extends HTMLElement>(root: ParentNode, name: string): E => {
  const el = root.querySelector<E>(`[data-field="${name}"]`);
  if (!el) throw new Error(`talk-editor: no [data-field="${name}"]`);
  return el;
};

class TalkEditor extends HTMLElement {
  #talk: Talk = emptyTalk();
  #site = '';
  #dragging: number | undefined;

  connectedCallback(): void {
    if (this.dataset['ready'] !== undefined) return;
    this.dataset['ready'] = '';
    this.#site = this.dataset['site'] ?? '/';
    for (const el of this.querySelectorAll<HTMLElement>('.needs-js')) el.hidden = true;
    for (const el of this.querySelectorAll<HTMLElement>('.talk, .article-talk-actions')) el.hidden = false;
    this.#load();
    this.#render();

    field<HTMLInputElement>(this, 'title').addEventListener('input', (e) => {
      this.#talk = retitle(this.#talk, (e.target as HTMLInputElement).value);
      this.#keep();
    });
    const list = field<HTMLOListElement>(this, 'steps');
    list.addEventListener('input', (e) => {
      const area = e.target as HTMLTextAreaElement;
      const i = Number(area.closest<HTMLElement>('li')?.dataset['index']);
      if (area.localName !== 'textarea' || Number.isNaN(i)) return;
      this.#talk = recaption(this.#talk, i, area.value);
      this.#keep();
    });
    this.addEventListener('click', (e) => this.#onClick(e));
    this.#wireDrag(list);
    addEventListener('hashchange', () => {
      if (location.hash.startsWith(HASH) && location.hash.slice(HASH.length) !== encodeTalk(this.#talk)) {
        this.#load();
        this.#render();
      }
    });
  }

  /** The talk from the address if it carries one, else the browser's. */
  #load(): void {
    const stored = loadTalk();
    const notices: string[] = [...stored.problems];
    let talk = stored.talk;
    if (location.hash.startsWith(HASH)) {
      const linked = decodeTalk(location.hash.slice(HASH.length));
      notices.push(...linked.problems);
      if (talkJson(linked.talk) !== talkJson(stored.talk)) {
        if (stored.talk.steps.length > 0) {
          savePrevious(stored.talk);
          notices.unshift('Opened the talk from the link. The talk you had in this browser is kept: restore it below.');
        }
        talk = linked.talk;
      }
    }
    this.#talk = talk;
    this.#notice(notices.join(' '));
    this.#keep();
  }

  #notice(text: string): void {
    setText(field(this, 'notice'), text);
    const restore = this.querySelector<HTMLButtonElement>('[data-act="restore"]');
    if (restore) restore.hidden = loadPrevious() === undefined;
  }

  #say(text: string): void {
    setText(field(this, 'status'), text);
  }

  /** Stores the talk and writes it into the address (one history entry, replaced as it changes). */
  #keep(): void {
    const kept = saveTalk(this.#talk);
    const hash = this.#talk.steps.length === 0 && this.#talk.title === emptyTalk().title ? '' : `${HASH}${encodeTalk(this.#talk)}`;
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    if (!kept) this.#say('This browser would not keep the talk (storage is off or full); the address still carries it.');
  }

  #set(talk: Talk, announce: string, focus?: { index: number; selector: string }): void {
    this.#talk = talk;
    this.#keep();
    this.#render();
    this.#say(announce);
    if (focus) {
      const li = field(this, 'steps').children[focus.index];
      (li?.querySelector<HTMLElement>(focus.selector) ?? li?.querySelector<HTMLElement>('textarea'))?.focus();
    }
  }

  #onClick(e: Event): void {
    const el = (e.target as Element).closest<HTMLElement>('button');
    if (!el || !this.contains(el)) return;
    const li = el.closest<HTMLElement>('li[data-index]');
    const i = Number(li?.dataset['index']);
    const n = this.#talk.steps.length;
    if (el.dataset['move'] !== undefined && li) {
      const to = i + Number(el.dataset['move']);
      if (to < 0 || to >= n) return;
      // Focus stays on the same button of the moved step, so repeated presses keep moving it.
      this.#set(moveStep(this.#talk, i, to), `Moved step ${i + 1} to position ${to + 1} of ${n}.`, {
        index: to,
        selector: `[data-move="${el.dataset['move']}"]`,
      });
      return;
    }
    if (el.dataset['remove'] !== undefined && li) {
      const left = removeStep(this.#talk, i);
      this.#set(
        left,
        `Removed step ${i + 1}; ${left.steps.length} left.`,
        left.steps.length > 0 ? { index: Math.min(i, left.steps.length - 1), selector: '[data-remove]' } : undefined,
      );
      if (left.steps.length === 0) field<HTMLInputElement>(this, 'title').focus();
      return;
    }
    const open = el.dataset['open'] ?? el.dataset['append'];
    if (open !== undefined) {
      const json = this.querySelector(`script[data-article-talk="${CSS.escape(open)}"]`)?.textContent ?? '';
      const { talk } = parseTalk(json);
      if (el.dataset['open'] !== undefined) {
        if (this.#talk.steps.length > 0) savePrevious(this.#talk);
        this.#set(talk, `Opened “${talk.title}” as your talk, ${talk.steps.length} steps.`);
        this.#notice(this.#talk.steps.length > 0 && loadPrevious() ? 'The talk you had is kept: restore it below.' : '');
      } else {
        const before = this.#talk.steps.length;
        const next = talk.steps.reduce(addStep, this.#talk);
        const added = next.steps.length - before;
        this.#set(
          next,
          added < talk.steps.length ? `Added ${added} of its ${talk.steps.length} steps: the talk is full.` : `Added ${added} steps.`,
        );
      }
      field(this, 'steps').scrollIntoView({ block: 'nearest' });
      return;
    }
    switch (el.dataset['act']) {
      case 'present':
        void this.#present(el);
        return;
      case 'download-html':
        void this.#download(el, 'HTML', async () => {
          const { downloadTalkHtml } = await import('./offline.ts');
          await downloadTalkHtml(this.#talk, new URL(this.#site).pathname);
          return undefined;
        });
        return;
      case 'download-pdf':
      case 'download-pngs': {
        const pdf = el.dataset['act'] === 'download-pdf';
        void this.#download(el, pdf ? 'PDF' : 'PNG slides', async () => {
          const files = await import('./files.ts');
          const made = await (pdf ? files.downloadTalkPdf : files.downloadTalkPngs)(this.#talk, this.#site);
          return made.problems.join(' ');
        });
        return;
      }
      case 'copy-link':
        void navigator.clipboard.writeText(location.href).then(
          () => this.#say('Link copied.'),
          () => this.#say(`Copy this link: ${location.href}`),
        );
        return;
      case 'clear':
        if (n === 0) return;
        savePrevious(this.#talk);
        this.#set({ ...this.#talk, steps: [] }, `Removed all ${n} steps.`);
        this.#notice('The steps you removed are kept: restore them below.');
        return;
      case 'restore': {
        const previous = loadPrevious();
        if (!previous) return;
        if (this.#talk.steps.length > 0) savePrevious(this.#talk);
        else forgetPrevious();
        this.#set(previous, `Restored “${previous.title}”, ${previous.steps.length} steps.`);
        this.#notice(loadPrevious() ? 'The talk you replaced is kept in turn: restore it to swap back.' : '');
        return;
      }
    }
  }

  async #present(opener: HTMLElement): Promise<void> {
    if (this.#talk.steps.length === 0) return;
    const { presentTalk } = await import('../presenter-talk.ts');
    presentTalk(this.#talk, opener);
  }

  /** Runs a download, saying that it is being made, and whether it worked. */
  async #download(button: HTMLElement, what: string, make: () => Promise<string | undefined>): Promise<void> {
    if (this.#talk.steps.length === 0) return;
    button.setAttribute('aria-busy', 'true');
    this.#say(`Making the ${what} file…`);
    try {
      const problems = await make();
      this.#say(`Downloaded the talk as ${what}.${problems ? ` ${problems}` : ''}`);
    } catch (error) {
      this.#say(`The ${what} file could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      button.removeAttribute('aria-busy');
    }
  }

  /** Drag a step by its handle (or anywhere on it) onto another: it takes that one's place. */
  #wireDrag(list: HTMLOListElement): void {
    const indexOf = (e: Event): number | undefined => {
      const li = (e.target as Element).closest?.<HTMLElement>('li[data-index]');
      return li ? Number(li.dataset['index']) : undefined;
    };
    list.addEventListener('dragstart', (e) => {
      const i = indexOf(e);
      if (i === undefined || (e.target as Element).closest('textarea, button, a')) return;
      this.#dragging = i;
      e.dataTransfer?.setData('text/plain', String(i));
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    });
    list.addEventListener('dragover', (e) => {
      const i = indexOf(e);
      if (this.#dragging === undefined || i === undefined) return;
      e.preventDefault();
      for (const li of list.children) li.toggleAttribute('data-drop', Number((li as HTMLElement).dataset['index']) === i);
    });
    list.addEventListener('dragend', () => {
      this.#dragging = undefined;
      for (const li of list.children) li.removeAttribute('data-drop');
    });
    list.addEventListener('drop', (e) => {
      const to = indexOf(e);
      const from = this.#dragging;
      this.#dragging = undefined;
      if (from === undefined || to === undefined) return;
      e.preventDefault();
      if (from !== to) this.#set(moveStep(this.#talk, from, to), `Moved step ${from + 1} to position ${to + 1}.`);
    });
  }

  #render(): void {
    field<HTMLInputElement>(this, 'title').value = this.#talk.title;
    const steps = this.#talk.steps;
    field(this, 'empty').hidden = steps.length > 0;
    for (const act of ['present', 'download-html', 'download-pdf', 'download-pngs', 'clear']) {
      const b = this.querySelector<HTMLButtonElement>(`[data-act="${act}"]`);
      if (b) b.disabled = steps.length === 0;
    }
    field(this, 'steps').replaceChildren(...steps.map((s, i) => this.#item(s, i, steps.length)));
  }

  #item(step: TalkStep, i: number, n: number): HTMLLIElement {
    const what = stepWhat(step);
    const id = `talk-step-${i + 1}`;
    const caption = h('textarea', { id, rows: '2', maxlength: '400', placeholder: 'Blank: the figure’s own caption' });
    caption.value = step.caption;
    const thumb = h('div', { class: 'step-thumb', 'aria-hidden': 'true' });
    try {
      const { values, bandKeys } = stepState(step);
      thumb.append(renderFigure(figures[step.figure], values, THUMB, pageTheme(), document, { bandKeys }));
    } catch (error) {
      console.warn('talk-editor: could not draw step', i + 1, error);
    }
    const back = step.from ? h('a', { href: `${this.#site}${step.from}${step.state}` }, 'where it came from') : undefined;
    const move = (by: -1 | 1, label: string): HTMLButtonElement => {
      const b = h('button', { type: 'button', 'data-move': String(by), 'aria-label': `${label}: step ${i + 1}` }, label);
      b.disabled = by < 0 ? i === 0 : i === n - 1;
      return b;
    };
    return h(
      'li',
      { class: 'talk-step', 'data-index': String(i), draggable: 'true' },
      thumb,
      h(
        'div',
        { class: 'step-body' },
        h('p', { class: 'step-head' }, h('strong', {}, `Step ${i + 1}`), ` · ${what}`, ...(back ? [' · ', back] : [])),
        h('label', { for: id }, `Caption of step ${i + 1}`),
        caption,
        h(
          'div',
          { class: 'step-actions' },
          move(-1, 'Move up'),
          move(1, 'Move down'),
          h('button', { type: 'button', 'data-remove': '', 'aria-label': `Remove step ${i + 1}` }, 'Remove'),
        ),
      ),
    );
  }
}

if (!customElements.get('talk-editor')) customElements.define('talk-editor', TalkEditor);
