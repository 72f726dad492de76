/**
 * Text set in the talk PDF's Helvetica (WinAnsi bytes, widths from winansi.ts): wrapped into
 * lines of a width, at spaces and, for a word too long alone (a URL), at its seams; and fitted
 * to a box, at the largest of some sizes that fits, else cut with "…" at the smallest.
 */
import { concatBytes as concat } from '../bytes.ts';
import { type FontFace, textWidth } from './winansi.ts';

const SPACE = 0x20;
/** Where an over-long word (a URL) may break: after these… */
const BREAK_AFTER = new Set([0x2f, 0x2d]); // / -
/** …or before these. */
const BREAK_BEFORE = new Set([0x3f, 0x26, 0x23, 0x3d]); // ? & # =

/** A word too long for a line, cut into pieces that fit: at a URL's seams where it can. */
function breakWord(word: Uint8Array, face: FontFace, size: number, room: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let rest = word;
  while (rest.length > 0 && textWidth(rest, face, size) > room) {
    let n = 1;
    while (n < rest.length && textWidth(rest.subarray(0, n + 1), face, size) <= room) n += 1;
    let cut = n;
    for (let i = n; i > n / 2; i--) {
      if (BREAK_AFTER.has(rest[i - 1]!) || BREAK_BEFORE.has(rest[i]!)) {
        cut = i;
        break;
      }
    }
    pieces.push(rest.subarray(0, cut));
    rest = rest.subarray(cut);
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/** WinAnsi text wrapped into lines of at most `room` pt: at spaces, and inside words only when a word alone is too long. */
export function wrapLines(bytes: Uint8Array, face: FontFace, size: number, room: number): Uint8Array[] {
  const words: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === SPACE) {
      if (i > start) words.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  const lines: Uint8Array[] = [];
  let line: Uint8Array | undefined;
  for (const word of words) {
    const joined: Uint8Array | undefined = line && concat([line, Uint8Array.of(SPACE), word]);
    if (joined && textWidth(joined, face, size) <= room) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    const pieces = breakWord(word, face, size, room);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1);
  }
  if (line) lines.push(line);
  return lines;
}

/** Text laid out in a block: lines, size and leading. */
export interface Block {
  readonly lines: readonly Uint8Array[];
  readonly size: number;
  readonly leading: number;
  /** Whether the text was cut to fit. */
  readonly cut: boolean;
}

/** The largest of `sizes` at which the text fits `room` × `height`; at the smallest, the lines that fit, the last ending in "…". */
export function fitBlock(bytes: Uint8Array, face: FontFace, sizes: readonly number[], room: number, height: number): Block {
  for (const size of sizes) {
    const leading = size * 1.2;
    const lines = wrapLines(bytes, face, size, room);
    if ((lines.length - 1) * leading + size <= height) return { lines, size, leading, cut: false };
  }
  const size = sizes.at(-1)!;
  const leading = size * 1.2;
  const lines = wrapLines(bytes, face, size, room);
  const keep = Math.max(1, Math.floor((height - size) / leading) + 1);
  const kept = lines.slice(0, keep);
  const ellipsis = Uint8Array.of(0x85);
  let last = kept[keep - 1]!;
  while (last.length > 0 && textWidth(concat([last, ellipsis]), face, size) > room) last = last.subarray(0, -1);
  kept[keep - 1] = concat([last, ellipsis]);
  return { lines: kept, size, leading, cut: true };
}
