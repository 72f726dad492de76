/**
 * Text for a PDF's standard fonts: Unicode to WinAnsiEncoding (Windows code page 1252, the
 * encoding every viewer maps back to Unicode for copying and search), and the advance widths
 * of Helvetica and Helvetica-Bold in it, from Adobe's Core 14 font metrics (AFM 4.1). No font
 * is embedded: every PDF viewer carries these two.
 *
 * A character outside WinAnsi is printed as a stand-in that shows it was changed (`~` for
 * `≈`, `?` where there is none) and reported, never dropped in silence; only spaces, hyphens
 * and invisible format characters map to their plain forms unreported.
 */

export type FontFace = 'regular' | 'bold';

/** Advance widths, 1/1000 em, of WinAnsi codes 32 to 255 (0 where the code is unassigned). */
const WIDTHS: Readonly<Record<FontFace, readonly number[]>> = {
  regular: [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
    278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
    667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
    556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, 556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333,
    1000, 0, 611, 0, 0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 260, 556,
    333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667,
    667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667,
    667, 611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 584, 611,
    556, 556, 556, 556, 500, 556, 500,
  ],
  bold: [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333,
    333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722,
    667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611,
    611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, 556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333,
    1000, 0, 611, 0, 0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 280, 556,
    333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722,
    722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667,
    667, 611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 584, 611,
    611, 611, 611, 611, 556, 611, 556,
  ],
};

/** The characters WinAnsi places at 0x80–0x9F (where Latin-1 has control codes). */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Unicode code point → WinAnsi byte. */
const CODES: ReadonlyMap<number, number> = (() => {
  const m = new Map<number, number>();
  for (let b = 0x20; b <= 0x7e; b++) m.set(b, b);
  for (let b = 0xa0; b <= 0xff; b++) m.set(b, b);
  [...HIGH].forEach((ch, i) => {
    const b = 0x80 + i;
    if (WIDTHS.regular[b - 32]! > 0) m.set(ch.codePointAt(0)!, b);
  });
  // The soft hyphen would print as a hyphen wherever it stands.
  m.delete(0xad);
  return m;
})();

/** Characters with a plain form of the same look: spaces, hyphens; '' for invisible ones. Not reported. */
const PLAIN: Readonly<Record<string, string>> = {
  '\t': ' ',
  '\n': ' ',
  '\r': ' ',
  '\u00ad': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u2007': '\u00a0',
  '\u202f': '\u00a0',
  '\u2010': '-',
  '\u2011': '-',
  ...Object.fromEntries(Array.from({ length: 11 }, (_, i) => [String.fromCharCode(0x2000 + i), ' '])),
  '\u205f': ' ',
  '\u3000': ' ',
};

/** Stand-ins for characters the font lacks, in characters it has. Reported. */
const STAND_INS: Readonly<Record<string, string>> = {
  '≈': '~',
  '∼': '~',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '−': '-',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '′': "'",
  '″': '"',
  '∞': 'infinity',
  '√': 'sqrt',
  '⋅': '·',
  '∙': '·',
  '⁄': '/',
  '∕': '/',
};

/** The mark for a character with no stand-in. */
export const MISSING = '?';

/** A character the font cannot print, and what was printed instead. */
export interface Unprintable {
  readonly char: string;
  /** `U+2248`. */
  readonly code: string;
  /** What was printed in its place: a stand-in, or `?`. */
  readonly printed: string;
  readonly count: number;
}

/** Text in WinAnsi bytes, with the characters that had to be changed. */
export interface Encoded {
  readonly bytes: Uint8Array;
  readonly unprintable: readonly Unprintable[];
}

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** `text` (normalised to NFC, so accents typed as two characters become Latin-1's one) in WinAnsi bytes. */
export function encodeWinAnsi(text: string): Encoded {
  const out: number[] = [];
  const changed = new Map<string, { printed: string; count: number }>();
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    const direct = CODES.get(cp);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const plain = PLAIN[ch];
    if (plain !== undefined) {
      for (const p of plain) out.push(CODES.get(p.codePointAt(0)!)!);
      continue;
    }
    // Other control characters carry nothing to print.
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    const printed = STAND_INS[ch] ?? MISSING;
    for (const p of printed) out.push(CODES.get(p.codePointAt(0)!)!);
    const seen = changed.get(ch);
    changed.set(ch, { printed, count: (seen?.count ?? 0) + 1 });
  }
  const unprintable = [...changed].map(([char, { printed, count }]) => ({ char, code: hex(char.codePointAt(0)!), printed, count }));
  return { bytes: Uint8Array.from(out), unprintable };
}

/** The advance width of WinAnsi `bytes` set in `face` at `size` pt, in pt. */
export function textWidth(bytes: Uint8Array, face: FontFace, size: number): number {
  const widths = WIDTHS[face];
  let em = 0;
  for (const b of bytes) em += b >= 32 ? (widths[b - 32] ?? 0) : 0;
  return (em * size) / 1000;
}
