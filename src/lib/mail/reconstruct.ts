/**
 * Messages that survive only as quotes: rebuilds, from one quoting message, each message its
 * quotes come from (depth 1 = the message it answers, depth 2 = that one's parent, ...).
 * Pure; ids are stable (real ids when known, else derived with `quotedId`).
 */
import { quotedId } from './ids.ts';
import { segment, stripQuoteMarkers, type Segment } from './quotes.ts';

/** One message rebuilt from the quotes inside another. */
export interface Reconstruction {
  /** Real id when `ancestors[depth-1]` is known, else quotedId(quotingId, depth) from ids.ts. */
  messageId: string;
  /** From the attribution that introduces the quote, e.g. "Bernd"; null when unknown or only "you". */
  author: string | null;
  /** The message whose quotes this was rebuilt from. */
  quotedIn: string;
  depth: number;
  /** Id of the message this one replied to, when known: the next deeper reconstruction's id or ancestors[depth]. */
  inReplyTo: string | null;
  /** Subject of the quoting message with one leading "Re:" kept (the reply's subject), best effort. */
  subject: string;
  /** The quoted passages with `depth` levels of markers removed — deeper quotes stay quoted one level, attribution lines stay — passages separated by a line "[…]" where the quoting message left a gap. */
  body: string;
}

/** The line that marks text the quoting message left out. */
const GAP_LINE = '[…]';

/** Whether segment `s` is part of the depth-`depth` message. */
function partOf(s: Segment, depth: number): boolean {
  return (s.kind === 'quote' || s.kind === 'attribution') && s.depth >= depth;
}

/**
 * Body of the depth-`depth` message: its quoted lines with `depth` markers removed. Between
 * passages: "[…]" when anything shallower came between them, else one (quoted) blank line.
 */
function bodyAt(segments: Segment[], lines: string[], depth: number): string {
  const out: string[] = [];
  let end = -1;
  let gap = false;
  for (const s of segments) {
    if (!partOf(s, depth)) {
      gap ||= out.length > 0;
      continue;
    }
    if (gap) out.push(GAP_LINE);
    else if (out.length > 0 && s.start > end) {
      const between = stripQuoteMarkers(lines[end] ?? '', depth);
      out.push(between.trim() === '' ? '' : between.trimEnd());
    }
    for (const raw of s.raw) out.push(stripQuoteMarkers(raw, depth));
    end = s.start + s.raw.length;
    gap = false;
  }
  return out.join('\n');
}

/** Credits that name no one: "you wrote", and "I wrote" (a self-quote, author unknown here). */
const PRONOUN = /^(?:you|i|we)$/i;

/** First attribution written at `depth` that names someone, not just "you". */
function authorAt(segments: Segment[], depth: number): string | null {
  for (const s of segments) {
    if (s.kind === 'attribution' && s.depth === depth && s.who && !PRONOUN.test(s.who)) return s.who;
  }
  return null;
}

/** A Message-ID carried by an attribution written at `depth` (it names the depth+1 message). */
function attributedIdAt(segments: Segment[], depth: number): string | null {
  return segments.find((s) => s.kind === 'attribution' && s.depth === depth && s.messageId)?.messageId ?? null;
}

/** `subject` with its leading "Re:" prefixes removed. */
function baseSubject(subject: string): string {
  return subject.replace(/^(?:\s*re\s*(?:\[\d+\])?\s*:)+\s*/i, '').trim();
}

/**
 * Rebuild every message that survives only as quotes inside `message`, shallowest first.
 * `ancestors` = [parent id, grandparent id, ...] as far as known (may be empty). A message
 * with no quotes gives []. A depth-d id comes from ancestors[d-1], else from a Message-ID in
 * the attribution introducing the quote ("In article <id> ..."), else from `quotedId`.
 * The subject is "Re: <base>" for rebuilt replies and the bare base subject for a rebuilt
 * message with no known parent (most often the thread's first message).
 */
export function reconstruct(message: { messageId: string; subject: string; body: string }, ancestors: string[]): Reconstruction[] {
  const segments = segment(message.body);
  const deepest = segments.reduce((max, s) => (s.kind === 'quote' ? Math.max(max, s.depth) : max), 0);
  if (deepest === 0) return [];
  const lines = message.body.split(/\r?\n/);
  const idAt = (depth: number): string | null =>
    ancestors[depth - 1] ?? attributedIdAt(segments, depth - 1) ?? (depth <= deepest ? quotedId(message.messageId, depth) : null);
  const base = baseSubject(message.subject);
  const out: Reconstruction[] = [];
  for (let depth = 1; depth <= deepest; depth++) {
    const inReplyTo = idAt(depth + 1);
    out.push({
      messageId: idAt(depth) ?? quotedId(message.messageId, depth),
      author: authorAt(segments, depth - 1),
      quotedIn: message.messageId,
      depth,
      inReplyTo,
      subject: inReplyTo === null ? base : `Re: ${base}`,
      body: bodyAt(segments, lines, depth),
    });
  }
  return out;
}
