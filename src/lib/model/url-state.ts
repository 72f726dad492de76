/**
 * Model state in the page URL, both ways. Pure (strings in, strings out) so it is unit-tested
 * without a browser; state.ts applies it to `location` and `history`.
 *
 * Query keys are the parameter table's keys (as `toQuery` writes them), plus `preset=<id>`:
 * a named starting state that the other keys then override. Keys the model does not know
 * (an embed's options, say) are left alone.
 */
import { clamp, defaults, paramFor, params, presetById, presetValues, type ClampResult, type Preset, type Values } from './index.ts';
import { sameValues } from './compare.ts';

/** A state read from a URL. */
export interface UrlState extends ClampResult {
  /** The `preset` the URL names, when it exists and the state still equals it. */
  readonly preset: Preset | undefined;
}

/** First occurrence of each model key in a query (a repeated key counts once, as in fromQuery). */
function modelKeys(q: URLSearchParams): Record<string, string> {
  const given: Record<string, string> = {};
  for (const [k, x] of q) if (paramFor(k) !== undefined && !(k in given)) given[k] = x;
  return given;
}

/**
 * The state a query string describes, over a base state (the page's starting state,
 * defaults if none): base, then the named preset if it exists, then the model keys, clamped.
 * `changes` lists only what the URL asked for and could not have.
 */
export function readSearch(search: string, base: Readonly<Values> = defaults()): UrlState {
  const q = new URLSearchParams(search);
  const named = presetById(q.get('preset') ?? '');
  const start = named ? presetValues(named) : base;
  const clamped = clamp({ ...start, ...modelKeys(q) });
  // A value that is no number or option at all falls back to the starting state, not the default.
  const values: Record<string, unknown> = { ...clamped.values };
  const changes = clamped.changes.map((c) => {
    if (c.reason !== 'not a number' && c.reason !== 'not an option') return c;
    const to = (start as Record<string, number | string>)[c.key]!;
    values[c.key] = to;
    return { ...c, to };
  });
  const result = { values: values as Values, changes, ignored: clamped.ignored };
  const preset = named && sameValues(result.values, presetValues(named)) ? named : undefined;
  return { ...result, preset };
}

/**
 * The query string (with `?`, or '' when empty) that states `values`: non-model keys of
 * `search` kept in order, `preset=<id>` only while the state equals that preset, then every
 * key that differs from the defaults, plus any key the base sets away from its default
 * (so that a reload over the same base gives the same state).
 */
export function writeSearch(search: string, values: Readonly<Values>, preset?: Preset, base: Readonly<Values> = defaults()): string {
  const q = new URLSearchParams(search);
  for (const k of [...new Set(q.keys())]) if (k === 'preset' || paramFor(k) !== undefined) q.delete(k);
  if (preset && sameValues(values, presetValues(preset))) q.set('preset', preset.id);
  const v = clamp(values).values as Record<string, number | string>;
  const d = defaults() as Record<string, number | string>;
  const b = base as Record<string, number | string>;
  for (const p of params) {
    const x = v[p.key];
    if (x !== undefined && (x !== d[p.key] || b[p.key] !== d[p.key])) q.set(p.key, String(x));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
