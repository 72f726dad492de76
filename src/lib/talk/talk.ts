/**
 * A talk: the speaker's own sequence of figure states, each with a caption they can edit.
 * Pure: the talk page (scripts/talk/) keeps one in localStorage and in its URL, the offline
 * file carries one inline, and the build makes one from each article's presenter steps.
 *
 * A step names its figure and its state as a query (the page URL's own form, see
 * model/url-state.ts), and the preset it started from (its unknown ranges become the bands).
 * Everything read back (a URL, storage, a file) is untrusted: `decodeTalk` keeps what is
 * valid, clamps values, cuts text to length, and says what it dropped or changed.
 */
import { figures, isFigureId, type FigureId } from '../charts/index.ts';
import type { Step } from '../charts/steps.ts';
import { bandKeysFor, presetMatching } from '../model/compare.ts';
import { defaults, presetById, type ParamKey, type Values } from '../model/index.ts';
import { readSearch, writeSearch } from '../model/url-state.ts';

/** Format version of the encoded talk. */
export const TALK_VERSION = 1;
/** Limits on what a talk holds (a URL must stay shareable; a caption must fit a slide). */
export const MAX_STEPS = 40;
export const MAX_TITLE = 120;
export const MAX_CAPTION = 400;
export const MAX_NOTES = 2000;

/** One step of a talk. */
export interface TalkStep {
  readonly figure: FigureId;
  /** The model state as a query (`?preset=…&key=value`, or '' for the defaults). Ignored by stateless figures. */
  readonly state: string;
  /** The preset the state started from, for its bands ('' when none). */
  readonly origin: string;
  /** The slide's caption; '' shows the figure's own caption. */
  readonly caption: string;
  readonly notes: string;
  /** Where the step was taken from: a site-relative path (routes.ts) such as `articles/copy-vs-zero-copy/`, or ''. */
  readonly from: string;
}

export interface Talk {
  readonly title: string;
  readonly steps: readonly TalkStep[];
}

/** A step's drawing input: its figure's values and bands. */
export interface StepState {
  readonly values: Values;
  readonly bandKeys: readonly ParamKey[];
}

export const emptyTalk = (title = 'My talk'): Talk => ({ title, steps: [] });

/** Text cut to `max` characters, control characters dropped, whitespace runs kept as they are. */
function clean(s: string, max: number): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').slice(0, max);
}

/** A step for `figure` at `values`, started from preset `origin` (its id or ''). */
export function makeStep(
  figure: FigureId,
  values: Readonly<Values>,
  options: { origin?: string; caption?: string; notes?: string; from?: string } = {},
): TalkStep {
  const origin = presetById(options.origin ?? '');
  const stateless = figures[figure].stateless === true;
  return {
    figure,
    state: stateless ? '' : writeSearch('', values, origin ?? presetMatching(values)),
    origin: stateless ? '' : (origin?.id ?? ''),
    caption: clean(options.caption ?? '', MAX_CAPTION),
    notes: clean(options.notes ?? '', MAX_NOTES),
    from: options.from ?? '',
  };
}

/** The values and bands a step draws (a stateless figure's: the defaults, no bands). */
export function stepState(step: TalkStep): StepState {
  if (figures[step.figure].stateless === true) return { values: defaults(), bandKeys: [] };
  const { values, preset } = readSearch(step.state);
  const origin = presetById(step.origin) ?? preset ?? presetMatching(values);
  return { values, bandKeys: bandKeysFor(values, origin, defaults()) };
}

/** An article's presenter steps as a talk: on `figure`, except where a step names its own. */
export function talkFromSteps(title: string, figure: FigureId, steps: readonly Step[], from: string): Talk {
  return {
    title: clean(title, MAX_TITLE),
    steps: steps.map((s) => makeStep(s.figure || figure, s.values, { origin: s.preset, caption: s.sentence, notes: s.notes, from })),
  };
}

export const addStep = (t: Talk, step: TalkStep): Talk => (t.steps.length >= MAX_STEPS ? t : { ...t, steps: [...t.steps, step] });

/** The talk with step `from` moved to position `to` (both clamped to the list). */
export function moveStep(t: Talk, from: number, to: number): Talk {
  if (from < 0 || from >= t.steps.length) return t;
  const at = Math.max(0, Math.min(t.steps.length - 1, to));
  const steps = [...t.steps];
  const [step] = steps.splice(from, 1);
  steps.splice(at, 0, step!);
  return { ...t, steps };
}

export const removeStep = (t: Talk, i: number): Talk => ({ ...t, steps: t.steps.filter((_, j) => j !== i) });

export function recaption(t: Talk, i: number, caption: string): Talk {
  if (i < 0 || i >= t.steps.length) return t;
  return { ...t, steps: t.steps.map((s, j) => (j === i ? { ...s, caption: clean(caption, MAX_CAPTION) } : s)) };
}

export const retitle = (t: Talk, title: string): Talk => ({ ...t, title: clean(title, MAX_TITLE) });

/** The talk as compact data (short keys; empty fields left out): what `talkJson` writes. */
export function talkData(t: Talk): { v: number; t: string; s: Record<string, string>[] } {
  const steps = t.steps.map((s) => {
    const o: Record<string, string> = { f: s.figure };
    if (s.state) o['s'] = s.state;
    if (s.origin) o['o'] = s.origin;
    if (s.caption) o['c'] = s.caption;
    if (s.notes) o['n'] = s.notes;
    if (s.from) o['w'] = s.from;
    return o;
  });
  return { v: TALK_VERSION, t: t.title, s: steps };
}

/** The talk as compact JSON (see `talkData`); `parseTalk` reads it back. */
export const talkJson = (t: Talk): string => JSON.stringify(talkData(t));

/** UTF-8 bytes as base64url without padding (URL-safe, the same in the browser and Node). */
function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(s: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return undefined;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** The talk for a URL fragment or query value. */
export const encodeTalk = (t: Talk): string => base64url(talkJson(t));

/** A talk read back, with what could not be kept or was changed on the way. */
export interface DecodedTalk {
  readonly talk: Talk;
  readonly problems: readonly string[];
}

/** Whether `s` is a plain site-relative path (no scheme, no host, no way up). */
const sitePath = (s: string): boolean => /^[a-z0-9][\w\-./]*$/i.test(s) && !s.includes('..') && !s.includes('//');

/** A talk from its JSON (`talkJson`); never throws. */
export function parseTalk(json: string): DecodedTalk {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { talk: emptyTalk(), problems: ['The talk could not be read: it is not JSON.'] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { talk: emptyTalk(), problems: ['The talk could not be read: it is not a talk.'] };
  }
  const d = data as Record<string, unknown>;
  const problems: string[] = [];
  if (d['v'] !== TALK_VERSION) problems.push(`The talk is in format ${String(d['v'])}, read as format ${TALK_VERSION}.`);
  const title = typeof d['t'] === 'string' ? clean(d['t'], MAX_TITLE) : 'My talk';
  const raw = Array.isArray(d['s']) ? d['s'] : [];
  if (raw.length > MAX_STEPS) problems.push(`The talk has ${raw.length} steps; the first ${MAX_STEPS} are kept.`);
  const steps: TalkStep[] = [];
  raw.slice(0, MAX_STEPS).forEach((r: unknown, i) => {
    const s = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    const str = (k: string): string => (typeof s[k] === 'string' ? (s[k] as string) : '');
    const figure = str('f');
    if (!isFigureId(figure)) {
      problems.push(`Step ${i + 1} names no figure this site has ("${clean(figure, 40)}"); it is left out.`);
      return;
    }
    const read = readSearch(str('s'));
    for (const c of read.changes) problems.push(`Step ${i + 1}: ${c.key} ${c.reason}, set to ${String(c.to)}.`);
    const origin = presetById(str('o')) ? str('o') : '';
    const step = makeStep(figure, read.values, { origin, caption: str('c'), notes: str('n'), from: str('w') });
    steps.push({ ...step, from: sitePath(step.from) ? step.from : '' });
  });
  return { talk: { title, steps }, problems };
}

/** A talk from `encodeTalk`'s text; never throws. */
export function decodeTalk(s: string): DecodedTalk {
  const json = fromBase64url(s);
  if (json === undefined) return { talk: emptyTalk(), problems: ['The talk in the link is damaged: it does not decode.'] };
  return parseTalk(json);
}
