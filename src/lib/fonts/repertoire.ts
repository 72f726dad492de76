/**
 * The characters exported figures can draw as outlines: the glyph table (assets/fonts/) holds
 * these and nothing else, so it stays small. Anything outside is drawn as the font's fallback
 * box and reported (charts/outline.ts). Pure.
 */

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

/** Characters that take no room and draw nothing: soft hyphen, zero-width spaces and joiners, word joiner, BOM. */
export const INVISIBLE: ReadonlySet<string> = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);

/**
 * Latin-1 and Latin Extended-A (names), basic Greek, the spaces, dashes, quotes and marks of
 * General Punctuation, super- and subscripts, and the few symbols labels use: €, ™, arrows,
 * −, ≤, ≥, ≈, ≠, ∞, √, ·, and the geometric shapes of markers.
 */
export const REPERTOIRE: readonly string[] = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0x17f),
  ...range(0x391, 0x3a1),
  ...range(0x3a3, 0x3a9),
  ...range(0x3b1, 0x3c9),
  ...range(0x2000, 0x200a),
  ...range(0x2010, 0x2027),
  ...range(0x202f, 0x203a),
  ...range(0x2070, 0x2071),
  ...range(0x2074, 0x208e),
  ...['€', '™', '←', '↑', '→', '↓', '↔', '↕', '⇐', '⇒', '⇔'],
  ...['∆', '−', '∕', '∙', '√', '∞', '∼', '≈', '≠', '≡', '≤', '≥', '⋅'],
  ...['■', '□', '▲', '△', '▼', '▽', '◆', '◇', '○', '●', '✓', '✗'],
].filter((ch) => !INVISIBLE.has(ch));
