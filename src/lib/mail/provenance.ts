/**
 * Quote provenance: for each quoted passage, the message and own-text paragraph where its
 * words were first written, and the reverse view. Pure; an index of word pairs keeps the
 * search close to linear in the size of the archive.
 */
import { paragraphs, type Segment } from './quotes.ts';

/** One message as provenance needs it: its id, date (ISO or null) and segments. */
export interface QuoteLinkInput {
  messageId: string;
  date: string | null;
  segments: Segment[];
}

/** A quote segment (by its message and segment index) and the paragraph where its text was first written. */
export interface QuoteLink {
  messageId: string;
  segment: number;
  source: { messageId: string; paragraph: number };
}

/** Quotes shorter than this (after normalising) are too trivial to attribute. */
const MIN_MATCH = 20;

/**
 * Matching form of a passage: case kept, stray `>` markers at word starts dropped (rewrapped
 * quotes leave them mid-line), all whitespace runs collapsed to one space.
 */
function matchKey(text: string): string {
  return text
    .replace(/(?:^|\s)>[\s>]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Source {
  messageId: string;
  paragraph: number;
  key: string;
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

/** All own-text paragraphs, in input order, with an index from word pair to paragraphs. */
function indexSources(messages: QuoteLinkInput[]): { sources: Source[]; pairs: Map<number, number[]>; words: PairKeys } {
  const sources: Source[] = [];
  const pairs = new Map<number, number[]>();
  const words = new PairKeys();
  for (const m of messages) {
    const time = timeOf(m.date);
    for (const p of paragraphs(m.segments)) {
      const key = matchKey(p.text);
      const id = sources.length;
      sources.push({ messageId: m.messageId, paragraph: p.index, key, time });
      let prev = -1;
      for (const word of key.split(' ')) {
        const next = words.id(word, true);
        if (prev >= 0) {
          const pair = PairKeys.pair(prev, next);
          const list = pairs.get(pair);
          if (!list) pairs.set(pair, [id]);
          else if (list.at(-1) !== id) list.push(id);
        }
        prev = next;
      }
    }
  }
  return { sources, pairs, words };
}

/**
 * Paragraphs that may contain `key`: those holding its rarest inner word pair. Inner pairs
 * (first and last word left out, as a quote may start or end mid-word) must appear whole in
 * any paragraph that contains the quote. Quotes under four words fall back to all paragraphs.
 */
function candidates(key: string, index: ReturnType<typeof indexSources>): Iterable<number> {
  const { sources, pairs, words } = index;
  const parts = key.split(' ');
  if (parts.length < 4) return sources.keys();
  let best: number[] | undefined;
  for (let i = 1; i + 2 < parts.length; i++) {
    const a = words.id(parts[i] as string, false);
    const b = words.id(parts[i + 1] as string, false);
    const list = a < 0 || b < 0 ? undefined : pairs.get(PairKeys.pair(a, b));
    if (!list) return [];
    if (!best || list.length < best.length) best = list;
  }
  return best ?? [];
}

/**
 * Links every quote segment to the own-text paragraph where its text first appears: among the
 * other messages whose own paragraphs contain it (whitespace-insensitive, case kept), the
 * earliest by date (undated last; ties go to input order). Never links a message to itself.
 * Quote segments with no source, or shorter than 20 characters, get no link. With `quoting`,
 * only the quotes of the messages it accepts are linked (every message is still a source).
 */
export function linkQuotes(messages: QuoteLinkInput[], quoting?: (m: QuoteLinkInput) => boolean): QuoteLink[] {
  const found = indexSources(messages);
  const links: QuoteLink[] = [];
  for (const m of messages) {
    if (quoting && !quoting(m)) continue;
    m.segments.forEach((s, index) => {
      if (s.kind !== 'quote') return;
      const key = matchKey(s.lines.join('\n'));
      if (key.length < MIN_MATCH) return;
      let best: Source | undefined;
      for (const id of candidates(key, found)) {
        const source = found.sources[id];
        if (!source || source.messageId === m.messageId || !source.key.includes(key)) continue;
        if (!best || source.time < best.time) best = source;
      }
      if (best) {
        links.push({
          messageId: m.messageId,
          segment: index,
          source: { messageId: best.messageId, paragraph: best.paragraph },
        });
      }
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
    const places = byParagraph.get(link.source.paragraph);
    const place = { messageId: link.messageId, segment: link.segment };
    if (places) places.push(place);
    else byParagraph.set(link.source.paragraph, [place]);
  }
  return out;
}
