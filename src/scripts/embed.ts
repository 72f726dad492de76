/**
 * The live embed (one figure filling an iframe, see EmbedFigure.astro). State comes from
 * the URL once and then only from the host page's messages: the embed never writes the URL
 * or history (a host's back button must not step through a chart's states), so it keeps
 * its own small state here instead of src/scripts/state.ts.
 * Redraws at most once a frame on a change of state, frame size or colour scheme.
 *
 * Inside a deck (reveal.js, Slidev) the embed never takes the keyboard: nothing here calls
 * focus() on load or on a message, and its keys are heard only while the frame has focus,
 * which the reader gives it by clicking or tabbing in. Then the deck's stepping keys step
 * the sequence a host sent (`slowest-side:steps`), and Escape hands the keyboard back to
 * the host page (and tells it so, for browsers that do not let a frame focus its parent).
 */
import { figures } from '../lib/charts/index.ts';
import { renderFigure } from '../lib/charts/render.ts';
import type { FigureDef, FigureId, Theme } from '../lib/charts/types.ts';
import { permalink, type EmbedTheme } from '../lib/embed/links.ts';
import { parseEmbedOptions, SIZE_MAX, versionNotice } from '../lib/embed/options.ts';
import { keyAction, stepAfter } from '../lib/embed/keys.ts';
import {
  applySet,
  applyStep,
  leaveMessage,
  MESSAGE,
  parseHostMessage,
  stateMessage,
  type SetResult,
  type StepPosition,
  type StepSpec,
} from '../lib/embed/protocol.ts';
import { defaults, presetById, presetValues, type Change, type ParamKey, type Preset, type Values } from '../lib/model/index.ts';
import { bandKeysFor, presetMatching, sameValues } from '../lib/model/compare.ts';
import { checkVersion } from '../lib/model/versions.ts';
import { withBase } from '../lib/routes.ts';
import { changeNotices, showNotices, type Notice } from './embed-notices.ts';
import { schedule } from './frame.ts';
import { readSearch } from '../lib/model/url-state.ts';

/** Smallest drawing when the frame is smaller still (the SVG then scales down): below this Plot's axes collide. */
const MIN_WIDTH = 240;
const MIN_HEIGHT = 160;

const dark = matchMedia('(prefers-color-scheme: dark)');

function start(root: HTMLElement, def: FigureDef): void {
  const chart = root.querySelector<HTMLElement>('.chart');
  const list = root.querySelector<HTMLElement>('.notices ul');
  const link = root.querySelector<HTMLAnchorElement>('a.open');
  const figure = root.querySelector<HTMLElement>('figure');
  const stepText = root.querySelector<HTMLElement>('[data-role="step"]');
  if (!chart || !list || !link || !figure || !stepText) return;
  const base = root.dataset['base'] ?? '/';
  const pagePreset = presetById(root.dataset['preset'] ?? '');
  const pageValues = pagePreset ? presetValues(pagePreset) : defaults();

  const options = parseEmbedOptions(location.search);
  const fromUrl = readSearch(location.search, pageValues);
  let values: Values = fromUrl.values;
  let changes: readonly Change[] = fromUrl.changes;
  let theme: EmbedTheme | undefined = options.theme;
  /** The preset the state was named as (URL, page, or a host's `set`); kept while the state equals it. */
  let named: Preset | undefined = fromUrl.preset ?? (pagePreset && sameValues(values, pageValues) ? pagePreset : undefined);
  /** The preset the state started from: its unknown ranges are the bands drawn. */
  let origin: Preset | undefined =
    presetById(new URLSearchParams(location.search).get('preset') ?? '') ?? pagePreset ?? presetMatching(values);
  /** The state as loaded, with its names: a step without a preset is applied over it. */
  const loaded = { values, named, origin };
  /** The sequence a host sent, and the step shown. */
  let sequence: { steps: readonly StepSpec[]; position: StepPosition } | undefined;

  const fixed: Notice[] = [...options.notices];
  const version = versionNotice(options.version, checkVersion(options.version));
  if (version) fixed.push({ text: version.text, link: version.link, href: withBase(base, version.path) });

  const presetId = (): string | undefined => (named && sameValues(values, presetValues(named)) ? named : presetMatching(values))?.id;
  const bandKeys = (): ParamKey[] => bandKeysFor(values, origin, pageValues);
  const palette = (): Theme => (theme === 'dark' || (theme !== 'light' && dark.matches) ? 'dark' : 'light');

  let last: { values: Values; key: string } | undefined;
  let drawn = 0;
  const redraw = (): void => {
    const [w, h] = [chart.clientWidth, chart.clientHeight];
    if (w === 0 || h === 0) return; // not laid out (a hidden frame); the resize observer calls again
    const size = options.size ?? {
      width: Math.min(SIZE_MAX, Math.max(MIN_WIDTH, w)),
      height: Math.min(SIZE_MAX, Math.max(MIN_HEIGHT, h)),
    };
    const context = { bandKeys: bandKeys() };
    const t = palette();
    const key = [w, h, size.width, size.height, t, context.bandKeys.join()].join('|');
    if (last && last.values === values && last.key === key) return;
    last = { values, key };
    const svg = renderFigure(def, values, size, t, document, context);
    if (options.size) {
      // A fixed drawing keeps its aspect: the largest box of that shape the frame holds. Its
      // height is its own, which a narrow layout may have grown past the size asked for.
      const drawnH = Number(svg.getAttribute('height')) || size.height;
      const k = Math.min(w / size.width, h / drawnH);
      svg.style.width = `${Math.floor(size.width * k)}px`;
      svg.style.height = `${Math.floor(drawnH * k)}px`;
    }
    chart.replaceChildren(svg);
    drawn += 1;
    root.dataset['drawn'] = String(drawn);
  };

  const showState = (): void => {
    showNotices(list, [...fixed, ...changeNotices(changes)]);
    stepText.hidden = sequence === undefined;
    if (sequence) stepText.textContent = `Step ${sequence.position.index + 1} of ${sequence.position.count}`;
    link.href = permalink(base, def.id, values, presetId());
    schedule(redraw);
  };
  const applyTheme = (): void => {
    if (theme) document.documentElement.dataset['theme'] = theme;
    else delete document.documentElement.dataset['theme'];
    schedule(redraw);
  };

  const host = window.parent !== window ? window.parent : undefined;
  const send = (kind: 'ready' | 'state'): void => {
    host?.postMessage(stateMessage(kind, def.id, values, presetId(), changes, sequence?.position), '*');
  };

  /** Takes a new state; a named preset also becomes the origin of the bands. */
  const adopt = (result: SetResult, preset: string | undefined): void => {
    if (preset !== undefined) {
      named = presetById(preset);
      origin = named;
    }
    values = result.values;
    changes = result.changes;
  };

  /** Shows step `index` of the sequence (clamped into it), from the state as loaded. */
  const showStep = (index: number): void => {
    if (!sequence) return;
    const result = applyStep(loaded.values, sequence.steps, index);
    sequence = { steps: sequence.steps, position: result.position };
    named = loaded.named;
    origin = loaded.origin;
    adopt(result, sequence.steps[result.position.index]?.preset);
    figure.setAttribute('aria-keyshortcuts', 'ArrowRight ArrowLeft Home End Escape');
    showState();
    send('state');
  };

  addEventListener('message', (event) => {
    // Only the page this frame sits in may drive it; anything not of the protocol is ignored.
    if (!host || event.source !== host) return;
    const message = parseHostMessage(event.data);
    if (!message) return;
    if (message.type === MESSAGE.get) {
      send('state');
      return;
    }
    if (message.type === MESSAGE.steps) {
      sequence = { steps: message.steps, position: { index: 0, count: message.steps.length } };
      showStep(message.index);
      return;
    }
    if (message.type === MESSAGE.step) {
      if (sequence) showStep(message.index);
      return;
    }
    adopt(applySet(values, message), message.preset);
    if (message.theme !== undefined) {
      theme = message.theme;
      applyTheme();
    }
    showState();
    send('state');
  });

  // Heard only while this frame has focus. Keys the embed has no use for are left alone.
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const action = keyAction(event);
    if (action === 'leave') {
      // Back to the host page: this frame's focus goes, and the host is told and focused.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      host?.postMessage(leaveMessage(def.id), '*');
      host?.focus();
    } else if (action !== undefined && sequence) {
      event.preventDefault();
      const next = stepAfter(action, sequence.position.index, sequence.position.count);
      if (next !== sequence.position.index) showStep(next);
    }
  });

  new ResizeObserver(() => schedule(redraw)).observe(chart);
  dark.addEventListener('change', () => schedule(redraw));
  applyTheme();
  showState();
  send('ready');
  send('state');
}

const root = document.querySelector<HTMLElement>('[data-embed]');
const def = root ? figures[root.dataset['embed'] as FigureId] : undefined;
if (root && def) start(root, def);
