/**
 * Quote provenance: for each quoted passage, the message and own-text paragraph where its
 * words were first written, and the reverse view. Pure; an index of word pairs keeps the
 * search close to linear in the size of the archive.
 */
import { paragraphs, type Segment } from './quotes.ts';
import { matchKey, type OwnText, ownText, paragraphSpan } from './stream.ts';

/** One message as provenance needs it: its id, date (ISO or null) and segments. */
export interface QuoteLinkInput {
  messageId: string;
  date: string | null;
  segments: Segment[];
}

/** Where a passage's words were first written: a message and the paragraph they start in. */
export interface PassageSource {
  messageId: string;
  paragraph: number;
  /** The last paragraph the words run into, when they cross a paragraph break there. */
  through?: number;
}

/** A quote segment (by its message and segment index) and where its text was first written. */
export interface QuoteLink {
  messageId: string;
  segment: number;
  source: PassageSource;
}

/** Quotes shorter than this (after normalising) are too trivial to attribute. */
const MIN_MATCH = 20;

interface Source {
  messageId: string;
  own: OwnText;
  /** Sort time; undated messages sort last. */
  time: number;
}

function timeOf(date: string | null): number {
  if (date === null) return Number.POSITIVE_INFINITY;
  const t = Date.parse(date);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** Word pairs as numbers: each distinct word gets an id, a pair is `first · 2^26 + second`. */
class PairKeys {
  readonly #ids = new Map<string, number>();
  /** The id of `word`, or -1 for a word never seen (when `add` is false). */
  id(word: string, add: boolean): number {
    let id = this.#ids.get(word);
    if (id === undefined) {
      if (!add) return -1;
      id = this.#ids.size;
      this.#ids.set(word, id);
    }
    return id;
  }
  static pair(a: number, b: number): number {
    return a * 2 ** 26 + b;
  }
}

/**
 * Finds where passages were first written, among the own text of a set of messages. Each
 * message's own paragraphs are searched as one run of words, so a passage still matches when
 * the message splits or wraps it differently from the quote.
 */
export class SourceIndex {
  readonly #sources: Source[] = [];
  readonly #pairs = new Map<number, number[]>();
  readonly #words = new PairKeys();

  constructor(messages: readonly QuoteLinkInput[] = []) {
    for (const m of messages) this.add(m);
  }

  /** Adds one more message's own text to the sources. */
  add(m: QuoteLinkInput): void {
    const own = ownText(paragraphs(m.segments));
    if (own.text === '') return;
    const id = this.#sources.length;
    this.#sources.push({ messageId: m.messageId, own, time: timeOf(m.date) });
    let prev = -1;
    for (const word of own.text.split(' ')) {
      const next = this.#words.id(word, true);
      if (prev >= 0) {
        const pair = PairKeys.pair(prev, next);
        const list = this.#pairs.get(pair);
        if (!list) this.#pairs.set(pair, [id]);
        else if (list.at(-1) !== id) list.push(id);
      }
      prev = next;
    }
  }

  /**
   * Sources that may contain `key`: those holding its rarest inner word pair. Inner pairs
   * (first and last word left out, as a quote may start or end mid-word) must appear whole in
   * any text that contains the quote. Quotes under four words fall back to every source.
   */
  #candidates(key: string): Iterable<number> {
    const parts = key.split(' ');
    if (parts.length < 4) return this.#sources.keys();
    let best: number[] | undefined;
    for (let i = 1; i + 2 < parts.length; i++) {
      const a = this.#words.id(parts[i] as string, false);
      const b = this.#words.id(parts[i + 1] as string, false);
      const list = a < 0 || b < 0 ? undefined : this.#pairs.get(PairKeys.pair(a, b));
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  }

  /**
   * The earliest message (undated last; ties in input order) whose own text holds `text`
   * (whitespace-insensitive, case kept) and that `accept` allows; undefined when none does
   * or the passage is shorter than 20 characters.
   */
  find(text: string, accept: (messageId: string, time: number) => boolean = () => true): PassageSource | undefined {
    const key = matchKey(text);
    if (key.length < MIN_MATCH) return undefined;
    let best: { source: Source; at: number } | undefined;
    for (const id of this.#candidates(key)) {
      const source = this.#sources[id];
      if (!source || (best && source.time >= best.source.time) || !accept(source.messageId, source.time)) continue;
      const at = source.own.text.indexOf(key);
      if (at >= 0) best = { source, at };
    }
    if (!best) return undefined;
    const { first, last } = paragraphSpan(best.source.own, best.at, best.at + key.length);
    return { messageId: best.source.messageId, paragraph: first, ...(last === first ? {} : { through: last }) };
  }
}

/**
 * Links every quote segment to the own-text paragraph where its text first appears: among the
 * other messages whose own text contains it (whitespace- and paragraph-break-insensitive,
 * case kept), the earliest by date (undated last; ties go to input order). Never links a
 * message to itself. Quote segments with no source, or shorter than 20 characters, get no
 * link. With `quoting`, only the quotes of the messages it accepts are linked (every
 * message is still a source).
 */
export function linkQuotes(messages: QuoteLinkInput[], quoting?: (m: QuoteLinkInput) => boolean): QuoteLink[] {
  const index = new SourceIndex(messages);
  const links: QuoteLink[] = [];
  for (const m of messages) {
    if (quoting && !quoting(m)) continue;
    const other = (id: string): boolean => id !== m.messageId;
    m.segments.forEach((s, segment) => {
      if (s.kind !== 'quote') return;
      const source = index.find(s.lines.join('\n'), other);
      if (source) links.push({ messageId: m.messageId, segment, source });
    });
  }
  return links;
}

/** Reverse view: for each source message, its paragraph number → the quoting places. */
export function backlinks(links: QuoteLink[]): Map<string, Map<number, { messageId: string; segment: number }[]>> {
  const out = new Map<string, Map<number, { messageId: string; segment: number }[]>>();
  for (const link of links) {
    let byParagraph = out.get(link.source.messageId);
    if (!byParagraph) {
      byParagraph = new Map();
      out.set(link.source.messageId, byParagraph);
    }
    const place = { messageId: link.messageId, segment: link.segment };
    for (let p = link.source.paragraph; p <= (link.source.through ?? link.source.paragraph); p++) {
      const places = byParagraph.get(p);
      if (places) places.push(place);
      else byParagraph.set(p, [place]);
    }
  }
  return out;
}
