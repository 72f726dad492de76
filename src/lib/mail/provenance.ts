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

/** All own-text paragraphs, in input order, with an index from word pair to paragraphs. */
function indexSources(messages: QuoteLinkInput[]): { sources: Source[]; pairs: Map<string, number[]> } {
  const sources: Source[] = [];
  const pairs = new Map<string, number[]>();
  for (const m of messages) {
    const time = timeOf(m.date);
    for (const p of paragraphs(m.segments)) {
      const key = matchKey(p.text);
      const id = sources.length;
      sources.push({ messageId: m.messageId, paragraph: p.index, key, time });
      const words = key.split(' ');
      for (let i = 0; i + 1 < words.length; i++) {
        const pair = `${words[i]} ${words[i + 1]}`;
        const list = pairs.get(pair);
        if (!list) pairs.set(pair, [id]);
        else if (list.at(-1) !== id) list.push(id);
      }
    }
  }
  return { sources, pairs };
}

/**
 * Paragraphs that may contain `key`: those holding its rarest inner word pair. Inner pairs
 * (first and last word left out, as a quote may start or end mid-word) must appear whole in
 * any paragraph that contains the quote. Quotes under four words fall back to all paragraphs.
 */
function candidates(key: string, sources: Source[], pairs: Map<string, number[]>): Iterable<number> {
  const words = key.split(' ');
  if (words.length < 4) return sources.keys();
  let best: number[] | undefined;
  for (let i = 1; i + 2 < words.length; i++) {
    const list = pairs.get(`${words[i]} ${words[i + 1]}`);
    if (!list) return [];
    if (!best || list.length < best.length) best = list;
  }
  return best ?? [];
}

/**
 * Links every quote segment to the own-text paragraph where its text first appears: among the
 * other messages whose own paragraphs contain it (whitespace-insensitive, case kept), the
 * earliest by date (undated last; ties go to input order). Never links a message to itself.
 * Quote segments with no source, or shorter than 20 characters, get no link.
 */
export function linkQuotes(messages: QuoteLinkInput[]): QuoteLink[] {
  const { sources, pairs } = indexSources(messages);
  const links: QuoteLink[] = [];
  for (const m of messages) {
    m.segments.forEach((s, index) => {
      if (s.kind !== 'quote') return;
      const key = matchKey(s.lines.join('\n'));
      if (key.length < MIN_MATCH) return;
      let best: Source | undefined;
      for (const id of candidates(key, sources, pairs)) {
        const source = sources[id];
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
