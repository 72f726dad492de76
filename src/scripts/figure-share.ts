/**
 * `<figure-share>` (markup: components/FigureShare.astro): shows the script-only buttons
 * (copy, Present), and when the share dialog opens, rewrites its links, snippets and
 * downloads for the state the figure shows now. This module loads with the live figure, when
 * the figure nears the screen (model-figure.ts); the model, the store and the exporters load
 * on first use.
 */
import type { FigureId } from '../lib/charts/types.ts';

/**
 * The site's base URL where the page is actually served (the build writes the configured
 * `site`; a copy served elsewhere should hand out its own links).
 */
const siteOf = (el: HTMLElement): string => new URL(new URL(el.dataset['site'] ?? '/', location.href).pathname, location.origin).href;

const field = <E extends HTMLElement>(root: ParentNode, name: string): E | null => root.querySelector<E>(`[data-field="${name}"]`);

class FigureShare extends HTMLElement {
  #wired = false;

  connectedCallback(): void {
    if (this.#wired) return;
    this.#wired = true;
    for (const b of this.querySelectorAll<HTMLButtonElement>(
      'button[data-copy], button[data-action="present"], button[data-action="add-to-talk"]',
    )) {
      b.hidden = false;
    }
    const dialog = this.querySelector('dialog');
    dialog?.addEventListener('toggle', (e) => {
      if ((e as ToggleEvent).newState === 'open') void this.#refresh();
    });
    // This module loads as the figure nears the screen: a dialog opened before that catches up now.
    if (dialog?.open) void this.#refresh();
    this.addEventListener('click', (e) => void this.#onClick(e));
    this.addEventListener('keydown', (e) => {
      // Download entries without a file behave as buttons.
      const a = (e.target as Element).closest?.('a[data-download][role="button"]');
      if (a && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        (a as HTMLElement).click();
      }
    });
  }

  get figureElement(): HTMLElement | null {
    return this.closest<HTMLElement>('model-figure');
  }

  #say(text: string): void {
    const status = field(this, 'status');
    if (status) status.textContent = text;
  }

  async #onClick(e: Event): Promise<void> {
    const target = (e.target as Element).closest<HTMLElement>(
      '[data-copy], [data-download], [data-action="present"], [data-action="add-to-talk"]',
    );
    if (!target) return;
    if (target.dataset['action'] === 'add-to-talk') {
      await this.#addToTalk();
      return;
    }
    if (target.dataset['action'] === 'present') {
      const fig = this.figureElement;
      if (!fig) return;
      const { openPresenter } = await import('./presenter.ts');
      openPresenter(fig);
      return;
    }
    if (target.dataset['copy'] !== undefined) {
      const source = document.getElementById(target.dataset['copy']);
      if (!source) return;
      const field = source instanceof HTMLInputElement || source instanceof HTMLTextAreaElement ? source : undefined;
      const label = field?.labels?.[0]?.textContent?.split('(')[0]?.trim() ?? 'BibTeX';
      try {
        await navigator.clipboard.writeText(field ? field.value : (source.textContent ?? ''));
        this.#say(`${label} copied.`);
      } catch {
        if (field) field.select();
        else getSelection()?.selectAllChildren(source);
        this.#say(`${label} selected; press Ctrl+C (⌘C) to copy.`);
      }
      return;
    }
    const kind = target.dataset['download'];
    if (kind === undefined) return;
    // Always build the file for the state on screen, in the page's colours.
    e.preventDefault();
    const state = await this.#state();
    if (!state) return;
    this.#say('Preparing the download…');
    try {
      const { downloadFigure } = await import('./download.ts');
      const { pageTheme } = await import('./theme.ts');
      await downloadFigure(state.figure, state.values, kind as Parameters<typeof downloadFigure>[2], {
        theme: pageTheme(),
        site: siteOf(this),
        ...(state.preset === undefined ? {} : { preset: state.preset }),
        context: { bandKeys: state.bandKeys },
      });
      this.#say(`Downloaded ${target.textContent?.trim() ?? kind}.`);
    } catch (error) {
      console.warn('figure-share: download failed', error);
      this.#say('The download failed; the files built for each preset are linked from the embed page.');
    }
  }

  /** Appends the state on screen to the speaker's talk, and says so with a link to it. */
  async #addToTalk(): Promise<void> {
    const state = await this.#state();
    const status = field(this, 'talk-status');
    if (!state || !status) return;
    const [{ makeStep }, { appendStep }] = await Promise.all([import('../lib/talk/talk.ts'), import('./talk/storage.ts')]);
    // Where it came from, relative to the site (the talk page links back to it).
    const base = new URL(siteOf(this)).pathname;
    const from = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
    const step = makeStep(state.figure, state.values, { origin: state.preset ?? state.origin ?? '', from });
    const { talk, kept, added } = appendStep(step);
    const talks = this.dataset['talks'] ?? '';
    const link = document.createElement('a');
    link.href = talks;
    link.textContent = 'Open my talk';
    const say = (text: string): void => status.replaceChildren(`${text} `, link);
    if (!added) say(`Your talk is full (${talk.steps.length} steps); nothing added.`);
    else if (!kept) say('This browser would not keep the talk (storage is off or full); nothing added.');
    else say(`Added as step ${talk.steps.length} of “${talk.title}”.`);
  }

  /** The figure's current state: the page store's when the figure is live, else the built one. */
  async #state() {
    const fig = this.figureElement;
    const figure = (this.dataset['figure'] ?? fig?.dataset['figure']) as FigureId | undefined;
    if (!fig || !figure) return undefined;
    const [{ store, currentPreset, originPreset, bandKeys }, { presetById, presetValues }, { readSearch }] = await Promise.all([
      import('./state.ts'),
      import('../lib/model/index.ts'),
      import('../lib/model/url-state.ts'),
    ]);
    // A live figure shows the page's state; a fixed one (figure-live.ts) the state it was built at.
    if (fig.dataset['upgraded'] !== undefined && fig.dataset['fixed'] === undefined) {
      return { figure, values: store.get(), preset: currentPreset()?.id, origin: originPreset()?.id, bandKeys: bandKeys() };
    }
    const built = fig.dataset['state'];
    const preset = presetById(this.dataset['preset'] ?? '');
    const values = built ? readSearch(built).values : preset ? presetValues(preset) : store.get();
    return { figure, values, preset: preset?.id, origin: preset?.id, bandKeys: preset ? [...preset.bandKeys] : bandKeys() };
  }

  async #refresh(): Promise<void> {
    const state = await this.#state();
    if (!state) return;
    const [links, model, { EXPORT_SIZES }, { citeFigure }] = await Promise.all([
      import('../lib/embed/links.ts'),
      import('../lib/model/index.ts'),
      import('../lib/charts/sizes.ts'),
      import('../lib/cite.ts'),
    ]);
    const site = siteOf(this);
    const { figure, values } = state;
    const preset = links.presetOf(values, state.preset);
    const title = this.querySelector('h2')?.textContent?.replace(/^Share “|”$/g, '') ?? figure;
    const set = (name: string, value: string): void => {
      const el = field<HTMLInputElement | HTMLTextAreaElement>(this, name);
      if (el) el.value = value;
    };
    const link = links.permalink(site, figure, values, preset);
    set('permalink', link);
    const named = preset === undefined ? undefined : model.presetById(preset);
    const citation = citeFigure({
      figure,
      title,
      url: link,
      version: model.MODEL_VERSION,
      preset: named && { id: named.id, title: named.title },
      query: links.stateQuery(values, preset),
    });
    const plain = field(this, 'cite-plain');
    const bibtex = field(this, 'cite-bibtex');
    if (plain) plain.textContent = citation.plain;
    if (bibtex) bibtex.textContent = citation.bibtex;
    const embed = links.embedUrl(site, figure, values, preset);
    set('iframe', links.iframeSnippet(embed, title));
    field<HTMLAnchorElement>(this, 'embed-link')?.setAttribute('href', embed);
    const words = field(this, 'state-words');
    if (words) words.textContent = preset ? `preset “${model.presetById(preset)?.title ?? preset}”` : 'a custom state';
    const imgField = field(this, 'img-field');
    const imgNone = field(this, 'img-none');
    if (imgField) imgField.hidden = preset === undefined;
    if (imgNone) imgNone.hidden = preset !== undefined;
    if (preset) {
      const caption = this.figureElement?.querySelector('.caption-text')?.textContent ?? '';
      set('img', links.imgSnippet(links.fileUrl(site, figure, preset, 'svg'), `${title}. ${caption}`));
    }
    const kinds = ['svg', 'csv', ...EXPORT_SIZES.map((s) => `${s.id}.png`)];
    for (const a of this.querySelectorAll<HTMLAnchorElement>('a[data-download]')) {
      const kind = a.dataset['download'] ?? '';
      if (!kinds.includes(kind)) continue;
      if (preset) {
        a.href = links.fileUrl(site, figure, preset, kind);
        a.removeAttribute('role');
        a.removeAttribute('tabindex');
      } else {
        a.removeAttribute('href');
        a.setAttribute('role', 'button');
        a.tabIndex = 0;
      }
    }
    this.dispatchEvent(new CustomEvent('figure-share:refreshed', { bubbles: true }));
  }
}

if (!customElements.get('figure-share')) customElements.define('figure-share', FigureShare);
