/**
 * Where on a page a result's hits are: the page's id'd elements (message paragraphs and
 * quotes, article headings) cut its words into regions; each region with hits becomes a
 * passage with an excerpt and a link straight to it. The link carries a text fragment
 * (`#p4:~:text=wrong-,api,-for`), so the browser scrolls to the word and highlights it
 * without any script on the target page; where the words cannot be matched, the browser
 * falls back to the element id before `:~:`. Pure.
 */
import { isQuoted, normalize, wordsOf, type Anchor, type ResultData, type WeightedLocation } from './result.ts';

export interface ExcerptWord {
  text: string;
  /** A hit: shown in <mark>. */
  mark: boolean;
}

export interface Passage {
  /** Fragment id on the target page; null for the page itself. */
  anchor: string | null;
  /** Where the passage is, in words: a heading, "Paragraph 4", "Quoted text". */
  label: string;
  /** Every hit in it lies in quoted mail. */
  quoted: boolean;
  /** The excerpt, word by word. */
  words: ExcerptWord[];
  cutBefore: boolean;
  cutAfter: boolean;
  /** Link to the passage, with a text fragment for its best hit. */
  href: string;
}

interface Region {
  anchor: Anchor | null;
  start: number;
  end: number;
  hits: WeightedLocation[];
}

const EDGE = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;
const core = (word: string) => word.replace(EDGE, '');
/** Percent-encodes text for a text directive, where `-`, `,` and `&` are syntax. */
const enc = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D');

/** At most this many neighbouring words on each side pin the hit to its own occurrence. */
const CONTEXT = 4;
const ALNUM_START = /^[\p{L}\p{N}_]/u;
const ALNUM_END = /[\p{L}\p{N}_]$/u;

/**
 * Up to `n` words before and after the hit that the page shows exactly as the index has
 * them: the run stops at a word ending in punctuation (Pagefind ends every block with a full
 * stop the page may not have) or without letters (a quote marker), and only white space may
 * join it to the hit. The last word after the hit loses its trailing punctuation.
 */
function context(words: string[], at: number, start: number, end: number, n: number): { before: string[]; after: string[] } {
  const raw = words[at] ?? '';
  const word = core(raw);
  const before: string[] = [];
  if (raw.startsWith(word)) {
    for (let j = at - 1; j >= start && j >= at - n; j -= 1) {
      const w = words[j] ?? '';
      if (!ALNUM_END.test(w)) break;
      before.unshift(w);
    }
  }
  const after: string[] = [];
  if (raw.endsWith(word)) {
    for (let j = at + 1; j < end && j <= at + n; j += 1) {
      const w = words[j] ?? '';
      if (!ALNUM_START.test(w)) break;
      if (!ALNUM_END.test(w)) {
        after.push(w.replace(/[^\p{L}\p{N}_]+$/u, ''));
        break;
      }
      after.push(w);
    }
  }
  return { before, after };
}

/** The first place where `before`, then a word whose core is `word`, then `after` occur. */
function firstOccurrence(words: string[], before: string[], word: string, after: string[]): number {
  const low = (x: string) => x.toLocaleLowerCase('en');
  const w = low(word);
  for (let i = before.length; i < words.length - after.length; i += 1) {
    if (low(core(words[i] ?? '')) !== w) continue;
    if (!before.every((b, k) => low(words[i - before.length + k] ?? '') === low(b))) continue;
    if (!after.every((a, k) => low(words[i + 1 + k] ?? '').startsWith(low(a)))) continue;
    return i;
  }
  return -1;
}

/**
 * The text directive for the word at `at`, with the fewest neighbouring words (one to four
 * each side) that make this the first such place on the page, so the browser scrolls here
 * rather than to an earlier mention. Fewer words also matter because the page may break a
 * line of mail between two words the index joins with a space, and then nothing matches
 * (the browser then falls back to the element id).
 */
export function textDirective(words: string[], at: number, start: number, end: number): string | null {
  const word = core(words[at] ?? '');
  if (word === '') return null;
  let ctx = context(words, at, start, end, 1);
  for (let n = 1; n <= CONTEXT; n += 1) {
    ctx = context(words, at, start, end, n);
    if (firstOccurrence(words, ctx.before, word, ctx.after) === at) break;
    const wider = context(words, at, start, end, n + 1);
    if (wider.before.length === ctx.before.length && wider.after.length === ctx.after.length) break;
  }
  const prefix = ctx.before.length > 0 ? `${enc(ctx.before.join(' '))}-,` : '';
  const suffix = ctx.after.length > 0 ? `,-${enc(ctx.after.join(' '))}` : '';
  return `:~:text=${prefix}${enc(word)}${suffix}`;
}

const isHeading = (a: Anchor | null | undefined) => !!a && /^h[1-6]$/i.test(a.element);

/** Anchors that can cut the page into regions, in page order (not the indexed root itself). */
function regionAnchors(anchors: Anchor[]): Anchor[] {
  return anchors.filter((a) => a.element.toLowerCase() !== 'main' && a.id !== 'content').sort((a, b) => a.location - b.location);
}

function labelOf(region: Region, anchors: Anchor[], quoted: boolean): string {
  const a = region.anchor;
  if (a && isHeading(a)) return (a.text ?? '').trim();
  const para = a ? /^p(\d+)$/.exec(a.id) : null;
  if (para) return `Paragraph ${para[1]}`;
  if (quoted) return 'Quoted text';
  if (a && /^s\d+$/.test(a.id)) return 'Message text';
  const heading = [...anchors].reverse().find((h) => isHeading(h) && h.location <= region.start);
  return heading ? (heading.text ?? '').trim() : '';
}

/** A link to `url` at `anchor`, with an optional text directive. */
function linkTo(url: string, anchor: string | null, directive: string | null): string {
  const base = url.split('#')[0] ?? url;
  if (!anchor && !directive) return base;
  return `${base}#${anchor ? encodeURIComponent(anchor) : ''}${directive ?? ''}`;
}

/** The excerpt of `length` words around `center`, kept inside [start, end). */
function excerpt(words: string[], center: number, start: number, end: number, length: number, hits: Set<number>) {
  let from = Math.max(start, center - Math.floor(length / 3));
  const to = Math.min(end, from + length);
  from = Math.max(start, to - length);
  return {
    words: words.slice(from, to).map((text, k) => ({ text, mark: hits.has(from + k) })),
    cutBefore: from > 0,
    cutAfter: to < words.length,
  };
}

/**
 * Up to `max` passages of a result, best first: regions ranked by the summed weight of
 * their hits (so a paragraph the author wrote beats a quote of it). With no hits (a search
 * by filters alone) the one passage is the start of the page's own text.
 */
export function passagesOf(
  data: ResultData,
  { max = 3, length = 28, phrases = [] }: { max?: number; length?: number; phrases?: string[] } = {},
): Passage[] {
  const words = wordsOf(data.content);
  const anchors = regionAnchors(data.anchors);
  const regions: Region[] = [];
  const starts = [0, ...anchors.map((a) => a.location)];
  starts.forEach((start, k) => {
    regions.push({ anchor: k === 0 ? null : (anchors[k - 1] ?? null), start, end: starts[k + 1] ?? words.length, hits: [] });
  });
  for (const l of data.weighted_locations) {
    const r = [...regions].reverse().find((x) => x.start <= l.location);
    r?.hits.push(l);
  }
  const hit = regions.filter((r) => r.hits.length > 0);
  if (hit.length === 0) {
    const own = regions.find((r) => r.anchor && /^p\d+$/.test(r.anchor.id)) ?? regions.find((r) => r.end > r.start);
    const start = own?.start ?? 0;
    const e = excerpt(words, start, start, own?.end ?? words.length, length, new Set());
    return [{ anchor: null, label: '', quoted: false, ...e, href: linkTo(data.url, null, null) }];
  }
  // A region holding an exact phrase of the query comes first, whatever its weight.
  const wanted = phrases.map(normalize).filter((p) => p !== '');
  const holdsPhrase = (r: Region) => {
    const text = ` ${normalize(words.slice(r.start, r.end).join(' '))} `;
    return wanted.some((p) => text.includes(` ${p} `));
  };
  // Hits in the page's h1 (weight 7) count for nothing: the title is shown anyway.
  const score = (r: Region) =>
    (wanted.length > 0 && holdsPhrase(r) ? 1000 : 0) + r.hits.reduce((s, l) => s + (l.weight >= 7 ? 0 : l.weight), 0);
  hit.sort((a, b) => score(b) - score(a) || a.start - b.start);
  /** The hit in whose word a phrase of the query starts (`copy receive` in "zero-copy receive"), if any. */
  const phraseStart = (r: Region) =>
    [...r.hits]
      .sort((a, b) => a.location - b.location)
      .find((l) =>
        wanted.some((p) => {
          const text = ` ${normalize(words.slice(l.location, l.location + p.split(' ').length + 1).join(' '))} `;
          const at = text.indexOf(` ${p} `);
          return at >= 0 && at <= normalize(words[l.location] ?? '').length;
        }),
      );
  return hit.slice(0, max).map((r) => {
    const best = phraseStart(r) ?? r.hits.reduce((a, b) => (b.weight > a.weight ? b : a));
    const quoted = r.hits.every(isQuoted);
    const e = excerpt(words, best.location, r.start, r.end, length, new Set(r.hits.map((l) => l.location)));
    const directive = textDirective(words, best.location, r.start, r.end);
    return {
      anchor: r.anchor?.id ?? null,
      label: labelOf(r, anchors, quoted),
      quoted,
      ...e,
      href: linkTo(data.url, r.anchor?.id ?? null, directive),
    };
  });
}
