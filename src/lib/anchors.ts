/**
 * Anchors that survive a new version of a message. Margin notes, passages and note citations
 * point at words, not at paragraph numbers: the exact words plus a little text before and
 * after them (the W3C Web Annotation TextQuoteSelector, as Hypothesis stores it), with the
 * paragraph number kept only as a hint. When a summary or a reconstruction is replaced by
 * the original, or the original splits its paragraphs differently, the anchor finds the same
 * words again. Pure: no file system, no astro:*.
 *
 * Content names a passage as `<Message-ID>#p<N>` (optionally with `quote`, the exact words);
 * `src/content/anchors.json` records, for each, the selector taken from the shipped archive
 * (`npm run anchors` writes it; a unit test checks it is current).
 */
import type { Archive } from './mail/archive.ts';
import type { ArchiveMessage } from './mail/archive-message.ts';
import { hash64 } from './mail/ids.ts';
import { type OwnText, matchKey, ownText, paragraphSpan } from './mail/stream.ts';
import type { Paragraph } from './mail/quotes.ts';
import { parseRef } from './passages.ts';

/** How much text before and after the exact words a selector keeps (Hypothesis keeps 32). */
export const CONTEXT = 32;

/** The words an anchor points at, with some context either side (all in matching form). */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** An anchor as content writes it: `at` is `<Message-ID>#p<N>` or a bare Message-ID. */
export interface AnchorRef {
  at: string;
  quote?: string;
}

/** An anchor as the lock file records it: the reference, its selector and the version it was taken from. */
export interface LockedAnchor extends AnchorRef, TextQuoteSelector {
  /** Hash of the message's own text when the selector was taken. */
  version: string;
}

/** Where an anchor lands: the message and, for passages, the paragraphs holding the words. */
export interface Landing {
  message: ArchiveMessage;
  /** Paragraphs holding the words, in order (one, or several when the words cross a break); [] for the whole message. */
  paragraphs: Paragraph[];
  /** The words, in matching form (null for the whole message). */
  exact: string | null;
}

/** What resolving an anchor gave: a landing, or words this version of the message lacks. */
export type Resolution = ({ status: 'found' } & Landing) | { status: 'lost'; message: ArchiveMessage; exact: string; reason: string };

/** Key of an anchor in the lock file and in lookups. */
export function anchorKey(ref: AnchorRef): string {
  return ref.quote === undefined ? ref.at : `${ref.at}\n${matchKey(ref.quote)}`;
}

/** The version stamp of a message's own text (what a selector was taken from). */
export function versionOf(message: ArchiveMessage): string {
  return hash64(ownText(message.paragraphs).text);
}

/**
 * Takes the selector of `quote` (or of the whole paragraph) in paragraph `paragraph` of
 * `message`. Throws with the reason when the paragraph or the words are not there: content
 * written against this version of the message has an error.
 */
export function quoteSelector(message: ArchiveMessage, paragraph: number, quote?: string): TextQuoteSelector {
  const para = message.paragraphs.find((p) => p.index === paragraph);
  if (!para) throw new Error(`<${message.messageId}> has ${message.paragraphs.length} paragraphs of its own, not ${paragraph}`);
  const own = ownText(message.paragraphs);
  const i = own.numbers.indexOf(paragraph);
  const start = own.starts[i] ?? 0;
  const body = matchKey(para.text);
  const exact = quote === undefined ? body : matchKey(quote);
  const within = body.indexOf(exact);
  if (exact === '' || within < 0) throw new Error(`paragraph ${paragraph} does not contain "${quote ?? ''}"`);
  const from = start + within;
  const to = from + exact.length;
  return {
    exact,
    prefix: own.text.slice(Math.max(0, from - CONTEXT), from),
    suffix: own.text.slice(to, to + CONTEXT),
  };
}

/** Length of the common end of `a` and `b`. */
function commonEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common start of `a` and `b`. */
function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds the selector's words in `own`: of every place they stand, the one whose surrounding
 * text agrees most with the prefix and suffix, then the one nearest the hinted paragraph.
 * Null when the words are nowhere.
 */
export function locate(own: OwnText, selector: TextQuoteSelector, hint: number | null): { first: number; last: number } | null {
  const { exact, prefix, suffix } = selector;
  if (exact === '') return null;
  let best: { first: number; last: number; score: number; distance: number } | undefined;
  for (let at = own.text.indexOf(exact); at >= 0; at = own.text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const score =
      commonEnd(own.text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonStart(own.text.slice(end, end + suffix.length), suffix);
    const span = paragraphSpan(own, at, end);
    const distance = hint === null ? 0 : Math.abs(span.first - hint);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { ...span, score, distance };
  }
  return best ? { first: best.first, last: best.last } : null;
}

/** The paragraphs numbered `first` to `last` of `message`. */
function paragraphsBetween(message: ArchiveMessage, first: number, last: number): Paragraph[] {
  return message.paragraphs.filter((p) => p.index >= first && p.index <= last);
}

/**
 * Resolves an anchor against the archive. With a locked selector, the words are looked for
 * wherever they now stand. Without one (content not yet locked), the selector is taken from
 * the paragraph the reference names. Throws for errors in our writing: no such message, no
 * such paragraph, words not in it, or locked words gone from the very version they were
 * taken from. Words gone from a message that has changed since (a reader imported another
 * version) come back as `lost`, for the page to say so and the build to warn.
 */
export function resolveAnchor(archive: Archive, ref: AnchorRef, locked?: LockedAnchor): Resolution {
  const { messageId, paragraph } = parseRef(ref.at);
  const fail = (why: string): never => {
    throw new Error(`passage ${ref.at}${ref.quote === undefined ? '' : ` "${ref.quote}"`}: ${why}`);
  };
  const message = archive.messages.get(messageId);
  if (!message) return fail(`no message <${messageId}> in the archive`);
  if (paragraph === null) {
    if (ref.quote !== undefined) fail('a quote needs a paragraph (#pN)');
    return { status: 'found', message, paragraphs: [], exact: null };
  }
  const own = ownText(message.paragraphs);
  let selector: TextQuoteSelector;
  if (locked) selector = locked;
  else {
    try {
      selector = quoteSelector(message, paragraph, ref.quote);
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  }
  const span = locate(own, selector, paragraph);
  if (span) return { status: 'found', message, paragraphs: paragraphsBetween(message, span.first, span.last), exact: selector.exact };
  if (locked && locked.version === versionOf(message)) return fail('the locked words are not in the version they were taken from');
  return { status: 'lost', message, exact: selector.exact, reason: 'passage not found in this version' };
}

/** Records the selector of every anchor in `refs` against `archive` (what `npm run anchors` writes). */
export function lockAnchors(archive: Archive, refs: readonly AnchorRef[]): LockedAnchor[] {
  const out = new Map<string, LockedAnchor>();
  for (const ref of refs) {
    const { messageId, paragraph } = parseRef(ref.at);
    const message = archive.messages.get(messageId);
    if (paragraph === null || !message || out.has(anchorKey(ref))) continue;
    out.set(anchorKey(ref), { ...ref, ...quoteSelector(message, paragraph, ref.quote), version: versionOf(message) });
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, locked]) => locked);
}

const ATTRIBUTE = (name: string): RegExp => new RegExp(`\\b${name}="([^"]*)"`);

/** The anchors an article (MDX) names: every `<Margin>` and `<Passage>` with its `at` and `quote`. */
export function anchorsInMdx(source: string): AnchorRef[] {
  const out: AnchorRef[] = [];
  for (const tag of source.matchAll(/<(?:Margin|Passage)\b[^>]*>/g)) {
    const at = ATTRIBUTE('at').exec(tag[0])?.[1];
    const quote = ATTRIBUTE('quote').exec(tag[0])?.[1];
    if (at !== undefined) out.push(quote === undefined ? { at } : { at, quote });
  }
  return out;
}

/** A lost anchor, for the build's warning: the reference and the message it points at. */
export interface LostAnchor extends AnchorRef {
  messageId: string;
  exact: string;
}

/**
 * Every anchor of one build, resolved once against one archive and the lock: pages ask it,
 * and it remembers which anchors lost their words, for one warning listing them all.
 */
export class AnchorBook {
  readonly #archive: Archive;
  readonly #locked: Map<string, LockedAnchor>;
  readonly #resolved = new Map<string, { ref: AnchorRef; resolution: Resolution }>();

  constructor(archive: Archive, locked: readonly LockedAnchor[]) {
    this.#archive = archive;
    this.#locked = new Map(locked.map((l) => [anchorKey(l), l]));
  }

  /** The anchor's resolution (see {@link resolveAnchor}); throws for errors in our writing. */
  resolve(ref: AnchorRef): Resolution {
    const key = anchorKey(ref);
    let entry = this.#resolved.get(key);
    if (!entry) {
      entry = { ref, resolution: resolveAnchor(this.#archive, ref, this.#locked.get(key)) };
      this.#resolved.set(key, entry);
    }
    return entry.resolution;
  }

  /** Paragraph numbers an anchor lands on ([] for a whole message), or null when its words are lost. */
  paragraphsOf(ref: AnchorRef): number[] | null {
    const r = this.resolve(ref);
    return r.status === 'found' ? r.paragraphs.map((p) => p.index) : null;
  }

  /** Anchors resolved so far whose words this version of their message lacks. */
  lost(): LostAnchor[] {
    return [...this.#resolved.values()].flatMap(({ ref, resolution: r }) =>
      r.status === 'lost' ? [{ ...ref, messageId: r.message.messageId, exact: r.exact }] : [],
    );
  }
}

/** The build's warning for lost anchors: one line each, or '' when none. */
export function lostWarning(lost: readonly LostAnchor[]): string {
  if (lost.length === 0) return '';
  const lines = lost.map((l) => `  ${l.at}: "${l.exact.length > 80 ? `${l.exact.slice(0, 77)}...` : l.exact}"`);
  return [
    `${lost.length} passage${lost.length === 1 ? '' : 's'} not found in the imported version of their message (the notes point at the message instead):`,
    ...lines,
  ].join('\n');
}
