/**
 * `<model-figure>`: a build-time SVG figure that comes alive when it scrolls into view.
 * This module is all a page loads up front; the store, the chart specs and Plot arrive
 * with the first figure that nears the viewport (figure-live.ts, a separate chunk), and so
 * does the share dialog's element (figure-share.ts).
 */
class ModelFigure extends HTMLElement {
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    if (this.#observer) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#observer?.disconnect();
        // The share tools' element too: the dialog opens without it, and it catches up.
        import('./figure-share.ts').catch((error: unknown) => console.warn('model-figure: could not load the share tools', error));
        import('./figure-live.ts')
          .then(({ bringToLife }) => bringToLife(this))
          // The static figure stays readable; say why it does not follow the controls.
          .catch((error: unknown) => console.warn('model-figure: could not load the live chart', error));
      },
      { rootMargin: '200px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}

if (!customElements.get('model-figure')) customElements.define('model-figure', ModelFigure);
