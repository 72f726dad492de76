/**
 * The page's one model state, shared by every control and figure on the page (each
 * `<script>` that imports this module gets the same instance: Vite bundles it once).
 *
 * Starting state: the page's base (a `data-model-base` query on any element, written by
 * Controls.astro when it is given `values`; defaults otherwise), then the URL.
 * Write through `update`, `applyPreset` and `reset` so the URL follows: a gesture on one
 * control (a drag, typing) is one history entry, replaced as it goes; presets and resets
 * push their own entry. Back and forward read the URL back into the store.
 */
import { defaults, presetById, presetValues, type Change, type ParamKey, type Preset, type Values } from '../lib/model/index.ts';
import { bandKeysFor, presetMatching, sameValues } from '../lib/model/compare.ts';
import { createStore } from '../lib/model/store.ts';
import { readSearch, writeSearch } from '../lib/model/url-state.ts';

/** A commit on the same control this soon after the last one extends the same history entry. */
const SAME_GESTURE_MS = 1000;

const baseQuery = document.querySelector<HTMLElement>('[data-model-base]')?.dataset['modelBase'];
/** The page's starting state (what Reset returns to). */
export const base: Readonly<Values> = baseQuery ? readSearch(baseQuery).values : defaults();

const initial = readSearch(location.search, base);

/** The page's store. Read and subscribe here; write with `update`, `applyPreset`, `reset`. */
export const store = createStore(initial.values);

/** What the URL asked for that the model could not take (out of range, not a number …). */
export const urlChanges: readonly Change[] = initial.changes;

let named: Preset | undefined = initial.preset;
/** The preset the reader started from (applied, linked or matched), kept after edits: its bands. */
let origin: Preset | undefined = initial.preset ?? presetMatching(initial.values);
/** The history entry that is open for more steps of one control's gesture. */
let open: { key: string; until: number } | null = null;

/** The preset the state equals: the one the URL or picker named, else the first that matches. */
export function currentPreset(): Preset | undefined {
  const values = store.get();
  if (named && sameValues(values, presetValues(named))) return named;
  return presetMatching(values);
}

/** The preset the reader started from (applied, linked or matched), kept after edits: where a talk step starts. */
export function originPreset(): Preset | undefined {
  return origin;
}

/** The unknown ranges figures draw as bands now (see `bandKeysFor`). */
export function bandKeys(): ParamKey[] {
  return bandKeysAt(store.get());
}

/** The bands figures would draw were the store at `values` (the reader's origin unchanged). */
export function bandKeysAt(values: Readonly<Values>): ParamKey[] {
  return bandKeysFor(values, origin, base);
}

/** A replace of the URL put off while a gesture goes on (see `update`). */
let deferred: ReturnType<typeof setTimeout> | undefined;
/** How long a gesture's URL may lag behind it: writing history costs 1–2 ms a step. */
const DEFER_MS = 150;

/** The last gesture's put-off write, done now: its entry ends with the value it ended at. */
function settle(): void {
  if (deferred !== undefined) writeUrl('replace');
}

function writeUrl(how: 'push' | 'replace'): void {
  clearTimeout(deferred);
  deferred = undefined;
  const search = writeSearch(location.search, store.get(), named, base);
  if (search === location.search) return;
  const url = `${location.pathname}${search}${location.hash}`;
  if (how === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/**
 * Sets some values from a control. `phase` 'input' while dragging or typing, 'commit' on the
 * control's `change` event or a key press. The first step of a gesture pushes a history
 * entry at once; the gesture's later steps (input steps, and commits within a second on the
 * same control, such as held or repeated arrow keys) replace it once they pause for DEFER_MS,
 * not on every step: a history write costs a millisecond or two, out of a step's frame.
 */
export function update(patch: Partial<Values>, phase: 'input' | 'commit', control: ParamKey | string): void {
  const now = performance.now();
  const same = open !== null && open.key === control && now <= open.until;
  if (!same) settle();
  store.set(patch);
  if (named && !sameValues(store.get(), presetValues(named))) named = undefined;
  if (same) {
    // Mid-gesture: the URL catches up once the steps pause.
    clearTimeout(deferred);
    deferred = setTimeout(() => writeUrl('replace'), DEFER_MS);
  } else writeUrl('push');
  open = { key: control, until: phase === 'input' ? Number.POSITIVE_INFINITY : now + SAME_GESTURE_MS };
}

/** Applies a preset by id (its values over the defaults); one history entry. */
export function applyPreset(id: string): void {
  const preset = presetById(id);
  if (!preset) return;
  settle();
  named = preset;
  origin = preset;
  store.replace(presetValues(preset));
  open = null;
  writeUrl('push');
}

/** Back to the page's starting state; one history entry. */
export function reset(): void {
  settle();
  named = undefined;
  origin = presetMatching(base);
  store.replace({ ...base });
  open = null;
  writeUrl('push');
}

// A URL write still put off when the reader leaves goes in first, so the page comes back as left.
addEventListener('pagehide', settle);

addEventListener('popstate', () => {
  clearTimeout(deferred);
  deferred = undefined;
  const state = readSearch(location.search, base);
  named = state.preset;
  origin = state.preset ?? presetMatching(state.values) ?? origin;
  open = null;
  store.replace(state.values);
});
