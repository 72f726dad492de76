/**
 * `<model-knob>` and `<model-output>`: numbers in sentences that are controls, and numbers
 * that follow them. This module is all a page loads up front; the binding code, the store and
 * the model arrive when the first of them nears the viewport (knob-live.ts, a separate chunk).
 * Until then, and without JavaScript, both are plain text.
 */
let loading: Promise<void> | undefined;
const seen = new IntersectionObserver(
  (entries) => {
    if (!entries.some((e) => e.isIntersecting) || loading) return;
    seen.disconnect();
    loading = import('./knob-live.ts')
      .then(({ bringKnobsToLife }) => bringKnobsToLife(document))
      // The numbers stay readable as text; say why they do not move.
      .catch((error: unknown) => console.warn('model-knob: could not load the live numbers', error));
  },
  { rootMargin: '200px 0px' },
);

class Watched extends HTMLElement {
  connectedCallback(): void {
    if (loading)
      void loading.then(() => import('./knob-live.ts')).then(({ bringKnobsToLife }) => bringKnobsToLife(this.parentElement ?? document));
    else seen.observe(this);
  }

  disconnectedCallback(): void {
    seen.unobserve(this);
  }
}

if (!customElements.get('model-knob')) customElements.define('model-knob', class extends Watched {});
if (!customElements.get('model-output')) customElements.define('model-output', class extends Watched {});
