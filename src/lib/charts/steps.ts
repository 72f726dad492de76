/**
 * Presenter steps: the sequence of model states an article walks through in presenter mode,
 * each tied to a sentence of that article. Pure: components/PresenterSteps.astro validates
 * the steps at build time (a bad step fails the build) and writes them as JSON; the browser
 * (scripts/presenter.ts) reads them back with `parseSteps`.
 */
import { clamp, defaults, paramFor, presetById, presetValues, type ParamKey, type Values } from '../model/index.ts';
import { figures, isFigureId } from './index.ts';
import type { FigureId } from './types.ts';
import { scriptJson } from '../script-json.ts';

/** One step as an article writes it. */
export interface StepInput {
  /**
   * The figure the step shows, when not the one being presented (in a talk: the article's
   * `talk.figure`). A stateless figure (published numbers) takes no preset or values.
   */
  readonly figure?: string | undefined;
  /** A preset id: the state before `values`. Required unless the figure is stateless. */
  readonly preset?: string | undefined;
  /** Values over the preset's; each must be in range (clamping is an error, not a fix). */
  readonly values?: Readonly<Record<string, unknown>> | undefined;
  /** A sentence that stands word for word in the article: the step's caption. */
  readonly sentence: string;
  /** Speaker notes, shown on request. */
  readonly notes?: string | undefined;
}

/** A validated step, complete: what the page's JSON holds. */
export interface Step {
  /** The figure the step names; '' for the figure being presented. */
  readonly figure: FigureId | '';
  /** The preset ('' for a stateless figure's step). */
  readonly preset: string;
  /** The complete state: preset, then overrides. */
  readonly values: Values;
  /** The preset's unknown ranges, less the keys the step sets itself (a chosen value is not unknown). */
  readonly bandKeys: readonly ParamKey[];
  readonly sentence: string;
  readonly notes: string;
  /** A text fragment (`#:~:text=…`) that finds the sentence on the article's page. */
  readonly fragment: string;
}

/** Typographic quotes and apostrophes read as straight ones; every run of whitespace as one space. */
export function plainText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * From `i` at a `{`, the index just past its matching `}`: JavaScript inside, so strings
 * (with escapes) and nested braces are skipped as a whole.
 */
function skipExpression(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '"' || c === "'" || c === '`') {
      for (j++; j < src.length && src[j] !== c; j++) if (src[j] === '\\') j++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
  }
  return src.length;
}

/** From `i` at a JSX tag's `<`, the index just past its `>` (attribute strings and `{…}` skipped). */
function skipTag(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j];
    if (c === '"' || c === "'") j = src.indexOf(c, j + 1) < 0 ? src.length : src.indexOf(c, j + 1);
    else if (c === '{') j = skipExpression(src, j) - 1;
    else if (c === '>') return j + 1;
  }
  return src.length;
}

/**
 * The prose of an MDX article as a reader sees it, roughly: no frontmatter, ESM lines, code
 * blocks, JSX tags (their attributes, where step definitions themselves live, included) or
 * `{…}` expressions; link and emphasis syntax reduced to their words; `plainText` applied.
 * Good enough to tell whether a sentence is in the article, which is all it is for.
 */
export function articleText(source: string): string {
  const body = source
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/^(?:import|export)\s[^\n]*$/gm, ' ');
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    const code = c === '`' ? body.indexOf('`', i + 1) : -1;
    if (code > i) {
      // A code span is literal text: a `<b>` in it is no tag.
      out += body.slice(i + 1, code);
      i = code + 1;
    } else if (c === '<' && /[A-Za-z/!]/.test(body[i + 1] ?? '')) {
      const comment = body.startsWith('<!--', i) ? body.indexOf('-->', i) : -1;
      i = comment >= 0 ? comment + 3 : skipTag(body, i);
      out += ' ';
    } else if (c === '{') {
      i = skipExpression(body, i);
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  return plainText(
    out
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`+/g, '')
      .replace(/\*{1,3}/g, '')
      .replace(/^#{1,6}\s/gm, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!<>|"'])/g, '$1'),
  );
}

/** Percent-encodes a text directive term (its `-`, `,` and `&` have meanings there). */
const term = (s: string): string => encodeURIComponent(s).replace(/-/g, '%2D');

/**
 * `#:~:text=start,end` for a sentence: its first and last few words, clear of quotation marks
 * (the page may show them curly where the source has them straight).
 */
export function textFragment(sentence: string, words = 4): string {
  const all = plainText(sentence).split(' ');
  const clean = (w: string): boolean => !/["'\u2018-\u201F]/.test(w);
  const start: string[] = [];
  for (const w of all) {
    if (!clean(w) || start.length === words) break;
    start.push(w);
  }
  const end: string[] = [];
  for (const w of [...all].reverse()) {
    if (!clean(w) || end.length === words) break;
    end.unshift(w);
  }
  if (start.length + end.length >= all.length || end.length === 0) return `#:~:text=${term(start.join(' ') || all.join(' '))}`;
  return `#:~:text=${term(start.join(' '))},${term(end.join(' '))}`;
}

/**
 * A rate, time, share or ratio written as digits: what a caption must not type, because the
 * step's figure shows the model's own number and a typed one goes stale when the model moves.
 */
const TYPED_RESULT = /\d[\d,.]*\s*(?:Gbit\/s|Gb\/s|Gbps|Mbit\/s|MB\/s|GB\/s|µs|ns\b|%|×)|×\s*\d/;

const fail = (n: number, why: string): never => {
  throw new Error(`PresenterSteps step ${n}: ${why}`);
};

/**
 * A step's sentence, checked: present, in the article word for word, and (on a model figure)
 * typing no number the model computes. Its notes, checked for type.
 */
function checkSentence(s: Partial<Record<keyof StepInput, unknown>>, n: number, article: string, model: boolean): string {
  if (typeof s.sentence !== 'string' || plainText(s.sentence) === '') return fail(n, 'needs a sentence (a string)');
  const sentence = plainText(s.sentence);
  const typed = model ? TYPED_RESULT.exec(sentence) : null;
  if (typed)
    fail(n, `sentence types a number the model computes ("${typed[0]}"); the figure shows it, and the prose prints it with <ModelValue>`);
  if (!article.includes(sentence)) fail(n, `sentence not found word for word in the article: "${sentence}"`);
  if (s.notes !== undefined && typeof s.notes !== 'string') fail(n, 'notes must be a string');
  return sentence;
}

/** A step on a figure of published numbers: it draws the same at every state, so it takes none. */
function statelessStep(s: Partial<Record<keyof StepInput, unknown>>, n: number, figure: FigureId, article: string): Step {
  if (s.preset !== undefined || s.values !== undefined) fail(n, `figure ${figure} shows published numbers: no preset or values`);
  const sentence = checkSentence(s, n, article, false);
  return {
    figure,
    preset: '',
    values: defaults(),
    bandKeys: [],
    sentence,
    notes: plainText(typeof s.notes === 'string' ? s.notes : ''),
    fragment: textFragment(sentence),
  };
}

/** Checks one step and completes it. `n` is 1-based, for messages. */
function validateStep(raw: unknown, n: number, article: string): Step {
  if (typeof raw !== 'object' || raw === null) return fail(n, 'not an object');
  const s = raw as Partial<Record<keyof StepInput, unknown>>;
  if (s.figure !== undefined && (typeof s.figure !== 'string' || !isFigureId(s.figure))) {
    return fail(n, `unknown figure ${JSON.stringify(s.figure)}`);
  }
  const figure: FigureId | '' = s.figure ?? '';
  if (figure !== '' && figures[figure].stateless === true) return statelessStep(s, n, figure, article);
  if (typeof s.preset !== 'string') return fail(n, 'needs a preset id (a string)');
  const preset = presetById(s.preset) ?? fail(n, `unknown preset "${s.preset}"`);
  const given = s.values ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) return fail(n, 'values must be an object');
  const overrides = given as Record<string, unknown>;
  const unknown = Object.keys(overrides).filter((k) => paramFor(k) === undefined);
  if (unknown.length > 0) fail(n, `values.${unknown[0]} is not a model parameter`);
  const { values, changes } = clamp({ ...presetValues(preset), ...overrides });
  const [change] = changes;
  if (change) {
    const p = paramFor(change.key);
    const range =
      p?.kind === 'number' ? ` (${p.min} to ${p.max})` : p?.kind === 'choice' ? ` (${p.options.map((o) => o.value).join(', ')})` : '';
    fail(n, `values.${change.key} = ${JSON.stringify(change.from)} is ${change.reason}${range}`);
  }
  const sentence = checkSentence(s, n, article, true);
  const from = presetValues(preset);
  return {
    figure,
    preset: preset.id,
    values,
    bandKeys: preset.bandKeys.filter((k) => values[k] === from[k]),
    sentence,
    notes: plainText(typeof s.notes === 'string' ? s.notes : ''),
    fragment: textFragment(sentence),
  };
}

/**
 * Validates an article's steps against its prose (`articleText` of its source) and completes
 * them. Throws an error that names the step and what is wrong: an unknown preset or parameter,
 * a value out of range, a sentence the article does not contain.
 */
export function validateSteps(input: unknown, article: string): Step[] {
  if (!Array.isArray(input) || input.length === 0) throw new Error('PresenterSteps: steps must be a non-empty array');
  return input.map((raw, i) => validateStep(raw, i + 1, article));
}

/** Steps as JSON safe inside a `<script>` element (see `scriptJson`). */
export function stepsJson(steps: readonly Step[]): string {
  return scriptJson(steps);
}

/**
 * Steps back from a page's JSON. The page is our own build output, but a step is still
 * checked for shape and its values clamped; anything malformed gives no steps at all.
 */
export function parseSteps(json: string): Step[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const steps: Step[] = [];
  for (const d of data as unknown[]) {
    if (typeof d !== 'object' || d === null) return [];
    const s = d as Record<string, unknown>;
    if (typeof s['sentence'] !== 'string' || typeof s['values'] !== 'object' || s['values'] === null) return [];
    const keys = Array.isArray(s['bandKeys'])
      ? s['bandKeys'].filter((k): k is ParamKey => typeof k === 'string' && paramFor(k) !== undefined)
      : [];
    const figure = typeof s['figure'] === 'string' && isFigureId(s['figure']) ? s['figure'] : '';
    steps.push({
      figure,
      preset: typeof s['preset'] === 'string' ? s['preset'] : '',
      values: clamp(s['values'] as Record<string, unknown>).values,
      bandKeys: keys,
      sentence: s['sentence'],
      notes: typeof s['notes'] === 'string' ? s['notes'] : '',
      fragment: typeof s['fragment'] === 'string' && s['fragment'].startsWith('#:~:text=') ? s['fragment'] : '',
    });
  }
  return steps;
}
