/**
 * A message's own text as one run of words, so a passage can be found whatever its
 * paragraph breaks and line wrapping: the original of a message may split or wrap what a
 * quote or a reconstruction held as one paragraph. Pure.
 */
import type { Paragraph } from './quotes.ts';

/**
 * Matching form of a passage: case kept, stray `>` markers at word starts dropped (rewrapped
 * quotes leave them mid-line), all whitespace runs collapsed to one space.
 */
export function matchKey(text: string): string {
  return text
    .replace(/(?:^|\s)>[\s>]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Own paragraphs in matching form, joined by one space, with where each starts. */
export interface OwnText {
  text: string;
  /** Offset in `text` of each paragraph, in body order. */
  starts: number[];
  /** Paragraph numbers (1-based, as `Paragraph.index`), parallel to `starts`. */
  numbers: number[];
}

export function ownText(paragraphs: readonly Paragraph[]): OwnText {
  const parts: string[] = [];
  const starts: number[] = [];
  const numbers: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    const key = matchKey(p.text);
    if (key === '') continue;
    starts.push(at);
    numbers.push(p.index);
    parts.push(key);
    at += key.length + 1;
  }
  return { text: parts.join(' '), starts, numbers };
}

/** Number of the paragraph holding offset `at` of `own.text` (the last one starting at or before it). */
export function paragraphAt(own: OwnText, at: number): number {
  let lo = 0;
  let hi = own.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((own.starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return own.numbers[lo] ?? 1;
}

/** First and last paragraph number that the span [from, to) of `own.text` touches. */
export function paragraphSpan(own: OwnText, from: number, to: number): { first: number; last: number } {
  return { first: paragraphAt(own, from), last: paragraphAt(own, Math.max(from, to - 1)) };
}
