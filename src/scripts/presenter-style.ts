/**
 * Presenter mode's look, injected once as a <style> when it first opens (the module loads on
 * demand, so its CSS does too). High contrast: pure white or black, text in the other; the
 * figure's own mark colours stay, their halos take the background. Motion only for readers
 * who have not asked for less.
 */
export const PRESENTER_CSS = `
dialog.presenter {
  --p-bg: #ffffff; --p-fg: #000000; --p-line: #000000; --p-pressed: #000000; --p-on-pressed: #ffffff;
  position: fixed; inset: 0; width: 100vw; height: 100vh; height: 100dvh; max-width: none; max-height: none;
  margin: 0; padding: 0; border: 0; box-sizing: border-box;
  background: var(--p-bg); color: var(--p-fg); color-scheme: light;
  font: 20px/1.4 var(--sans, system-ui, sans-serif);
}
dialog.presenter[data-theme='dark'] {
  --p-bg: #000000; --p-fg: #ffffff; --p-line: #ffffff; --p-pressed: #ffffff; --p-on-pressed: #000000;
  color-scheme: dark;
}
dialog.presenter::backdrop, dialog.presenter .p-frame::backdrop { background: #000000; }
dialog.presenter .p-frame {
  display: flex; flex-direction: column; width: 100%; height: 100%; background: var(--p-bg); color: var(--p-fg);
}
dialog.presenter .p-bar {
  display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .6rem 1.25rem;
  border-bottom: 2px solid var(--p-line);
}
dialog.presenter h2 { margin: 0 auto 0 0; font-size: 1.3rem; line-height: 1.2; }
dialog.presenter .p-tools { display: flex; flex-wrap: wrap; gap: .5rem; }
dialog.presenter button {
  font: inherit; font-size: 1rem; font-weight: 600; padding: .3rem .8rem; min-height: 2.4rem;
  color: var(--p-fg); background: var(--p-bg); border: 2px solid var(--p-line); border-radius: .35rem; cursor: pointer;
}
dialog.presenter button[aria-pressed='true'], dialog.presenter button[aria-expanded='true'] {
  background: var(--p-pressed); color: var(--p-on-pressed);
}
dialog.presenter button[aria-disabled='true'] { border-style: dashed; cursor: default; }
dialog.presenter :is(button, a):focus-visible { outline: 4px solid var(--p-fg); outline-offset: 3px; }
dialog.presenter a { color: var(--p-fg); text-decoration-thickness: 2px; text-underline-offset: 3px; }
dialog.presenter .p-body { flex: 1 1 auto; min-height: 0; display: flex; gap: 1rem; padding: .5rem 1.25rem 0; }
dialog.presenter .p-stage { flex: 1 1 auto; min-width: 0; min-height: 0; position: relative; color: var(--p-fg); }
dialog.presenter .p-stage svg {
  position: absolute; inset: 0; width: 100%; height: 100%; max-width: none; display: block;
  background: var(--p-bg); color: var(--p-fg);
}
dialog.presenter .p-stage [paint-order='stroke'] { stroke: var(--p-bg); }
dialog.presenter .p-side {
  flex: 0 0 min(34%, 26rem); overflow: auto; border-left: 2px solid var(--p-line); padding: 0 0 0 1rem; font-size: 1.1rem;
}
dialog.presenter .p-side[hidden] { display: none; }
dialog.presenter .p-side h3 { font-size: 1rem; margin: .25rem 0; text-transform: uppercase; letter-spacing: .04em; }
dialog.presenter .p-side p { margin: 0 0 1rem; }
dialog.presenter .p-ctl { margin: 0 0 1rem; }
dialog.presenter .p-ctl label { display: block; font-weight: 600; }
dialog.presenter .p-ctl output { display: block; font-variant-numeric: tabular-nums; }
dialog.presenter .p-ctl input[type='range'] { width: 100%; min-height: 2.4rem; margin: 0; accent-color: var(--p-fg); }
dialog.presenter .p-ctl select {
  font: inherit; font-size: 1rem; min-height: 2.4rem; max-width: 100%;
  color: var(--p-fg); background: var(--p-bg); border: 2px solid var(--p-line); border-radius: .35rem;
}
dialog.presenter :is(input, select):focus-visible { outline: 4px solid var(--p-fg); outline-offset: 3px; }
dialog.presenter .p-caption { padding: .5rem 1.25rem .8rem; border-top: 2px solid var(--p-line); }
dialog.presenter .p-sentence { margin: 0; font-size: clamp(1.3rem, 2.4vw, 2.4rem); line-height: 1.3; font-weight: 600; }
dialog.presenter .p-meta { margin: .35rem 0 0; font-size: 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; }
/* A phone held upright: notes and the live model go under the figure, which keeps the width. */
@media (max-width: 40rem) and (orientation: portrait) {
  dialog.presenter .p-body { flex-direction: column; }
  dialog.presenter .p-side { flex: 0 1 40%; border-left: 0; border-top: 2px solid var(--p-line); padding: .5rem 0 0; }
}
dialog.presenter .p-live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (prefers-reduced-motion: no-preference) {
  dialog.presenter button { transition: background-color 120ms ease-out, color 120ms ease-out; }
  dialog.presenter .p-stage svg { animation: p-fade 180ms ease-out; }
  dialog.presenter .p-sentence { animation: p-fade 180ms ease-out; }
  @keyframes p-fade { from { opacity: 0; } }
}
`;
