/**
 * mbox splitting (mboxo and mboxrd), on bytes so each message's raw bytes stay exact.
 * Pure: no file system; gzip is only detected here (node/importer.ts inflates it).
 */

import { concatBytes } from '../bytes.ts';

/** mboxo escapes `From ` as `>From `; mboxrd also escapes `>From ` as `>>From `. */
export type MboxVariant = 'mboxo' | 'mboxrd';

/** One message cut out of an mbox. */
export interface MboxMessage {
  /** 1-based position of the message in the file. */
  index: number;
  /** 1-based line of the message's `From ` line (or of its first line if it has none). */
  line: number;
  /** The `From ` separator line without its line ending, or null for a headless first part. */
  fromLine: string | null;
  /** The message bytes with `>From ` unescaped, separator line and trailing blank line removed. */
  raw: Uint8Array;
}

/** The result of {@link splitMbox}. */
export interface MboxSplit {
  variant: MboxVariant;
  messages: MboxMessage[];
}

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM_ = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "
const latin1 = new TextDecoder('latin1');

/** True when `bytes` starts with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function startsWithFrom(bytes: Uint8Array, at: number, end: number): boolean {
  if (end - at < FROM_.length) return false;
  return FROM_.every((b, i) => bytes[at + i] === b);
}

/**
 * Whether a line inside an mbox is a message separator. Beyond the `From ` prefix it must
 * carry a time (`hh:mm`), as every From_ line written by a mail program does, so prose
 * such as "From now on" after a blank line in a badly escaped mbox does not split a message.
 */
export function isFromLine(line: string): boolean {
  return /^From \S*\s.*\d{1,2}:\d{2}/.test(line);
}

/** True when the text or bytes look like an mbox: the first line is a `From ` line. */
export function looksLikeMbox(input: string | Uint8Array): boolean {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input.slice(0, 1024)) : input;
  return startsWithFrom(bytes, 0, bytes.length);
}

/** Start and end (exclusive, before `\n`) of every line. */
function lineSpans(bytes: Uint8Array): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, start)) {
    spans.push([start, i]);
    start = i + 1;
  }
  if (start < bytes.length) spans.push([start, bytes.length]);
  return spans;
}

function isBlank(bytes: Uint8Array, [start, end]: [number, number]): boolean {
  return end === start || (end === start + 1 && bytes[start] === CR);
}

/** Number of leading `>` when the line is an escaped From line (`>+From `), else 0. */
function escapeDepth(bytes: Uint8Array, [start, end]: [number, number]): number {
  let i = start;
  while (i < end && bytes[i] === GT) i++;
  return i > start && startsWithFrom(bytes, i, end) ? i - start : 0;
}

/** Copies lines `from..to` (span indexes), removing one `>` from escaped From lines. */
function unescapeLines(bytes: Uint8Array, spans: Array<[number, number]>, from: number, to: number): Uint8Array {
  const first = spans[from];
  const last = spans[to - 1];
  if (!first || !last) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let copyFrom = first[0];
  for (let i = from; i < to; i++) {
    const span = spans[i];
    if (span && escapeDepth(bytes, span) > 0) {
      chunks.push(bytes.subarray(copyFrom, span[0]));
      copyFrom = span[0] + 1;
    }
  }
  const end = Math.min(last[1] + 1, bytes.length); // include the last line's `\n`
  chunks.push(bytes.subarray(copyFrom, end));
  return concatBytes(chunks);
}

/**
 * Splits an mbox into messages. A message starts at a `From ` line at the start of the
 * file or after a blank line (see {@link isFromLine}). Escaped lines lose exactly one `>`,
 * which is the right unescape for both mboxo and mboxrd; the variant is reported as
 * mboxrd when some escaped line has more than one `>`. The blank line that separates
 * messages is not part of the message. Text before the first `From ` line (in a file
 * that does not start with one) becomes a message with `fromLine: null`.
 */
export function splitMbox(input: string | Uint8Array): MboxSplit {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const spans = lineSpans(bytes);
  const starts: number[] = [];
  let variant: MboxVariant = 'mboxo';
  spans.forEach((span, i) => {
    if (escapeDepth(bytes, span) > 1) variant = 'mboxrd';
    const prev = spans[i - 1];
    if (!startsWithFrom(bytes, span[0], span[1])) return;
    if (i === 0 || (prev && isBlank(bytes, prev) && isFromLine(latin1.decode(bytes.subarray(...span))))) {
      starts.push(i);
    }
  });
  const firstContent = spans.findIndex((span) => !isBlank(bytes, span));
  if (firstContent !== -1 && (starts.length === 0 || firstContent < (starts[0] ?? 0))) starts.unshift(-1);

  const messages: MboxMessage[] = [];
  starts.forEach((start, n) => {
    const next = starts[n + 1] ?? spans.length;
    const headless = start === -1;
    const bodyFrom = headless ? Math.max(firstContent, 0) : start + 1;
    let bodyTo = next;
    const lastSpan = spans[bodyTo - 1];
    if (bodyTo > bodyFrom && lastSpan && isBlank(bytes, lastSpan)) bodyTo--; // the separator
    const fromSpan = headless ? undefined : spans[start];
    messages.push({
      index: n + 1,
      line: (headless ? bodyFrom : start) + 1,
      fromLine: fromSpan ? latin1.decode(bytes.subarray(...fromSpan)).replace(/\r$/, '') : null,
      raw: bodyTo > bodyFrom ? unescapeLines(bytes, spans, bodyFrom, bodyTo) : new Uint8Array(0),
    });
  });
  return { variant, messages };
}
