/**
 * The parts of a Pagefind result's data (`await result.data()`) the search page uses,
 * and how its words are counted. Pure.
 */

/** A matched word: its index in `content` and the weight of the text it sits in. */
export interface WeightedLocation {
  /** 1 for body text, 7 for the h1 … 2 for h6, QUOTE_WEIGHT for quoted mail. */
  weight: number;
  balanced_score: number;
  location: number;
}

/** An element with an id inside the indexed region, at a word index of `content`. */
export interface Anchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

/** What `result.data()` returns, as far as the page reads it. */
export interface ResultData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: Anchor[];
  weighted_locations: WeightedLocation[];
}

/**
 * Weight of quoted mail in the index (data-pagefind-weight on quote segments). Pagefind
 * stores weights in 24ths, so 0.25 comes back exact; below 1 means quoted in this site.
 * Weighting is quadratic, so a quoted word counts about 1/16 of one written by the author.
 */
export const QUOTE_WEIGHT = 0.25;

/** True for a location inside quoted text. */
export function isQuoted(l: WeightedLocation): boolean {
  return l.weight < 0.5;
}

/** The words of `content` as Pagefind numbers them (split on white space). */
export function wordsOf(content: string): string[] {
  return content.split(/[^\S\uFEFF]+/);
}

/** A word or text for comparing: lower case, punctuation runs turned into single spaces. */
export function normalize(text: string): string {
  return text
    .toLocaleLowerCase('en')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}_]+/gu, ' ')
    .trim();
}

/**
 * True when an indexed word is a hit for a search term. Pagefind matches stems and
 * prefixes (`copy` finds `copies`, `netif` finds `netif_rx`), so compare the shared start.
 */
export function wordMatches(word: string, term: string): boolean {
  const w = normalize(word).replace(/ /g, '');
  const t = normalize(term).replace(/ /g, '');
  if (w === '' || t === '') return false;
  if (w.startsWith(t)) return true;
  let shared = 0;
  while (shared < w.length && shared < t.length && w[shared] === t[shared]) shared += 1;
  return shared >= Math.max(3, t.length - 3) && shared >= Math.min(t.length, 3);
}
