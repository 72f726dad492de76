/**
 * The postMessage protocol between an embed and the page hosting it. Pure validation and
 * state arithmetic, so both ends and the tests share it; the embed script and the example
 * host page only move messages.
 *
 * Host → embed:
 *   `{ type: 'slowest-side:set', state?, preset?, theme? }` applies a preset (if given), then
 *   the state's keys over it (over the current state without a preset), clamped; and a theme.
 *   `{ type: 'slowest-side:get' }` asks for the state.
 *   `{ type: 'slowest-side:steps', steps: [{ preset?, state? }, …], index? }` gives the embed a
 *   sequence of states (a deck's fragments) and shows step `index` (default 0); each step is
 *   a `set` without a theme, applied over the state the embed was loaded with.
 *   `{ type: 'slowest-side:step', index }` shows a step of that sequence (past the end: the last).
 * Embed → host (to `window.parent`, any origin: the state is not secret):
 *   `{ type: 'slowest-side:ready' | 'slowest-side:state', figure, version, values, preset, query, changes, step? }`,
 *   ready then state on load, state after every applied `set`, `steps` or `step`, after a
 *   step taken with the embed's own keys, and in reply to `get`; `step` is `{ index, count }`
 *   while the embed holds a sequence.
 *   `{ type: 'slowest-side:leave', figure }` when the reader pressed Escape in the embed,
 *   which gives the keyboard back to the host page (see src/scripts/embed.ts).
 * Anything else (not an object, an unknown type, a field of the wrong type, an unknown
 * preset or theme) is no message of this protocol and is ignored without a word.
 */
import type { FigureId } from '../charts/types.ts';
import { clamp, MODEL_VERSION, paramFor, presetById, presetValues, type Change, type Preset, type Values } from '../model/index.ts';
import { sameValues } from '../model/compare.ts';
import { FIGURE_HOME, stateQuery, type EmbedTheme } from './links.ts';

/** Message types, by role. */
export const MESSAGE = {
  set: 'slowest-side:set',
  get: 'slowest-side:get',
  steps: 'slowest-side:steps',
  step: 'slowest-side:step',
  ready: 'slowest-side:ready',
  state: 'slowest-side:state',
  leave: 'slowest-side:leave',
} as const;

/** Host → embed: change the state, the preset or the theme. */
export interface SetMessage {
  readonly type: typeof MESSAGE.set;
  /** Model keys → values (numbers, or strings as in a URL); unknown keys are dropped. */
  readonly state?: Readonly<Record<string, string | number>>;
  /** A preset id this site has. */
  readonly preset?: string;
  readonly theme?: EmbedTheme;
}

/** Host → embed: reply with the state. */
export interface GetMessage {
  readonly type: typeof MESSAGE.get;
}

/** One state of a sequence: a preset and/or model keys, as in a `set`. */
export type StepSpec = Pick<SetMessage, 'preset' | 'state'>;

/** Host → embed: a sequence of states to step through, and the one to show now. */
export interface StepsMessage {
  readonly type: typeof MESSAGE.steps;
  /** 1 to MAX_STEPS steps. */
  readonly steps: readonly StepSpec[];
  /** The step to show (0 when the message has none); past the end it is the last. */
  readonly index: number;
}

/** Host → embed: show one step of the sequence the embed holds. */
export interface StepMessage {
  readonly type: typeof MESSAGE.step;
  /** 0 is the first step; past the end it is the last. */
  readonly index: number;
}

/** A valid message from a host. */
export type HostMessage = SetMessage | GetMessage | StepsMessage | StepMessage;

/** Where an embed is in the sequence it holds. */
export interface StepPosition {
  /** 0-based, below `count`. */
  readonly index: number;
  readonly count: number;
}

/** One value the embed could not take, as sent to the host (`from` reduced to a string, number or null). */
export interface MessageChange {
  readonly key: string;
  readonly from: string | number | null;
  readonly to: number | string;
  readonly reason: Change['reason'];
}

/** Embed → host: what the embed shows. */
export interface StateMessage {
  readonly type: typeof MESSAGE.ready | typeof MESSAGE.state;
  readonly figure: FigureId;
  /** MODEL_VERSION of the embed. */
  readonly version: string;
  /** The complete state. */
  readonly values: Values;
  /** The preset the state equals, or null. */
  readonly preset: string | null;
  /** The state as a URL query (no `?`), as `stateQuery` writes it. */
  readonly query: string;
  /** What the last URL, `set` or step asked for and could not have. */
  readonly changes: readonly MessageChange[];
  /** The step shown, while the embed holds a sequence. */
  readonly step?: StepPosition;
}

/** Embed → host: the reader pressed Escape in the embed, to go back to the host page. */
export interface LeaveMessage {
  readonly type: typeof MESSAGE.leave;
  readonly figure: FigureId;
}

/** Longest string a message may carry in a field (preset ids and values are far shorter). */
export const MAX_STRING = 64;
/** Most keys a `state` object may have (the table has about twenty). */
export const MAX_KEYS = 100;
/** Most steps a sequence may have (as many as a talk: src/lib/talk/talk.ts). */
export const MAX_STEPS = 40;

const THEMES: readonly string[] = ['light', 'dark', 'transparent'];
const REASONS: readonly string[] = ['not a number', 'below minimum', 'above maximum', 'not a whole number', 'not an option'];
/** Figure ids without the chart code (a host page should not load Plot to read a message). */
const isFigure = (x: unknown): x is FigureId => typeof x === 'string' && Object.hasOwn(FIGURE_HOME, x);

/** A plain object: not null, not an array, made by `{}` or JSON (structured clone keeps that). */
function isRecord(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** An own property, never one inherited (so `__proto__` or `constructor` are never read through). */
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

const shortString = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_STRING;

/** The model keys of a `state` field, or undefined when it is malformed. */
function readState(x: unknown): Record<string, string | number> | undefined {
  if (!isRecord(x)) return undefined;
  const keys = Object.keys(x);
  if (keys.length > MAX_KEYS) return undefined;
  const state: Record<string, string | number> = {};
  for (const k of keys) {
    if (paramFor(k) === undefined) continue; // unknown keys, __proto__ among them, are ignored
    const v = x[k];
    if (typeof v === 'number' || shortString(v)) state[k] = v;
    else return undefined;
  }
  return state;
}

/** The `preset` and `state` fields of a set or a step, or undefined when one is malformed. */
function readStep(data: Record<string, unknown>): { state?: Record<string, string | number>; preset?: string } | undefined {
  const [state, preset] = [own(data, 'state'), own(data, 'preset')];
  const step: { state?: Record<string, string | number>; preset?: string } = {};
  if (state !== undefined) {
    const s = readState(state);
    if (s === undefined) return undefined;
    step.state = s;
  }
  if (preset !== undefined) {
    if (!shortString(preset) || presetById(preset) === undefined) return undefined;
    step.preset = preset;
  }
  return step;
}

/** A step index: a whole number from 0 (a host's deck may have more fragments than the embed has steps). */
const isIndex = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** The steps of a `steps` message, or undefined when the list or any step is malformed. */
function readSteps(x: unknown): StepSpec[] | undefined {
  if (!Array.isArray(x) || x.length === 0 || x.length > MAX_STEPS) return undefined;
  const steps: StepSpec[] = [];
  for (const item of x) {
    const step = isRecord(item) ? readStep(item) : undefined;
    if (step === undefined) return undefined;
    steps.push(step);
  }
  return steps;
}

/** The host message `data` holds, or undefined when it is none (then the embed does nothing). */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isRecord(data)) return undefined;
  const type = own(data, 'type');
  if (type === MESSAGE.get) return { type };
  if (type === MESSAGE.step) {
    const index = own(data, 'index');
    return isIndex(index) ? { type, index } : undefined;
  }
  if (type === MESSAGE.steps) {
    const [steps, index = 0] = [readSteps(own(data, 'steps')), own(data, 'index')];
    return steps !== undefined && isIndex(index) ? { type, steps, index } : undefined;
  }
  if (type !== MESSAGE.set) return undefined;
  const step = readStep(data);
  if (step === undefined) return undefined;
  const message: { type: typeof MESSAGE.set; state?: Record<string, string | number>; preset?: string; theme?: EmbedTheme } = {
    type,
    ...step,
  };
  const theme = own(data, 'theme');
  if (theme !== undefined) {
    if (typeof theme !== 'string' || !THEMES.includes(theme)) return undefined;
    message.theme = theme as EmbedTheme;
  }
  return message;
}

/** A state after a `set`, with what had to change and the preset it was given. */
export interface SetResult {
  readonly values: Values;
  readonly changes: readonly Change[];
  /** The message's preset, when the state still equals it after the message's keys. */
  readonly preset: Preset | undefined;
}

/**
 * Applies a `set` to the current state: the preset's values (if one is named) else the
 * current ones, then the message's keys, clamped. A value that is no number or option at
 * all keeps the starting value, as in a URL (readSearch).
 */
export function applySet(current: Readonly<Values>, message: SetMessage): SetResult {
  const named = message.preset === undefined ? undefined : presetById(message.preset);
  const start: Readonly<Values> = named ? presetValues(named) : current;
  const clamped = clamp({ ...start, ...message.state });
  const values: Record<string, number | string> = { ...clamped.values };
  const changes = clamped.changes.map((c) => {
    if (c.reason !== 'not a number' && c.reason !== 'not an option') return c;
    const to = (start as Record<string, number | string>)[c.key]!;
    values[c.key] = to;
    return { ...c, to };
  });
  const result = values as Values;
  return { values: result, changes, preset: named && sameValues(result, presetValues(named)) ? named : undefined };
}

/** The step a host's index shows in a sequence of `count`: past the end, the last. */
export const stepAt = (index: number, count: number): number => Math.max(0, Math.min(index, count - 1));

/**
 * Step `index` of `steps` (past the end: the last), applied like a `set` over `loaded`, the
 * state the embed was loaded with: a step without a preset changes that state, never the
 * one shown before it, so a sequence shows the same states whichever way it is stepped.
 */
export function applyStep(loaded: Readonly<Values>, steps: readonly StepSpec[], index: number): SetResult & { position: StepPosition } {
  const position = { index: stepAt(index, steps.length), count: steps.length };
  return { ...applySet(loaded, { type: MESSAGE.set, ...steps[position.index] }), position };
}

const primitive = (x: unknown): string | number | null =>
  typeof x === 'string' ? x.slice(0, MAX_STRING) : typeof x === 'number' ? x : null;

/** The message an embed of `figure` sends for a state (`preset`: the one it equals, if any). */
export function stateMessage(
  kind: 'ready' | 'state',
  figure: FigureId,
  values: Readonly<Values>,
  preset: string | undefined,
  changes: readonly Change[],
  step?: StepPosition,
): StateMessage {
  return {
    type: MESSAGE[kind],
    figure,
    version: MODEL_VERSION,
    values: { ...values },
    preset: preset ?? null,
    query: stateQuery(values, preset),
    changes: changes.map((c) => ({ key: c.key, from: primitive(c.from), to: c.to, reason: c.reason })),
    ...(step ? { step: { index: step.index, count: step.count } } : {}),
  };
}

/** The message an embed of `figure` sends when the reader presses Escape in it. */
export const leaveMessage = (figure: FigureId): LeaveMessage => ({ type: MESSAGE.leave, figure });

/** The leave message `data` holds, for a host page; undefined when it is none. */
export function parseLeaveMessage(data: unknown): LeaveMessage | undefined {
  if (!isRecord(data) || own(data, 'type') !== MESSAGE.leave) return undefined;
  const figure = own(data, 'figure');
  return isFigure(figure) ? leaveMessage(figure) : undefined;
}

/** A `step` field of a state message: undefined when absent, null when malformed. */
function readPosition(x: unknown): StepPosition | undefined | null {
  if (x === undefined) return undefined;
  if (!isRecord(x)) return null;
  const [index, count] = [own(x, 'index'), own(x, 'count')];
  return isIndex(index) && isIndex(count) && count <= MAX_STEPS && index < count ? { index, count } : null;
}

/**
 * The embed message `data` holds, for a host page: its shape checked, its values clamped
 * (a host should still show them as text only). Undefined when it is none.
 */
export function parseStateMessage(data: unknown): StateMessage | undefined {
  if (!isRecord(data)) return undefined;
  const type = own(data, 'type');
  if (type !== MESSAGE.ready && type !== MESSAGE.state) return undefined;
  const [figure, version, values, preset, query, changes] = ['figure', 'version', 'values', 'preset', 'query', 'changes'].map((k) =>
    own(data, k),
  );
  if (!isFigure(figure) || !shortString(version) || !isRecord(values)) return undefined;
  const named = preset === null ? null : shortString(preset) && presetById(preset) !== undefined ? preset : undefined;
  if (named === undefined || typeof query !== 'string' || query.length > 4096 || !Array.isArray(changes)) return undefined;
  const given = readState(values);
  const step = readPosition(own(data, 'step'));
  if (given === undefined || step === null) return undefined;
  const list: MessageChange[] = [];
  for (const c of changes.slice(0, MAX_KEYS)) {
    if (!isRecord(c)) return undefined;
    const [key, from, to, reason] = ['key', 'from', 'to', 'reason'].map((k) => own(c, k));
    if (typeof key !== 'string' || paramFor(key) === undefined || typeof reason !== 'string' || !REASONS.includes(reason)) return undefined;
    if (!(typeof to === 'number' || shortString(to))) return undefined;
    list.push({ key, from: primitive(from), to, reason: reason as Change['reason'] });
  }
  const message = { type, figure, version, values: clamp(given).values, preset: named, query, changes: list };
  return step ? { ...message, step } : message;
}
