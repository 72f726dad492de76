/**
 * The search box's query language: lore-style prefixes over plain words and "exact phrases".
 *
 * `f:` author, `s:` subject, `d:` date or range, `q:` quoted text only, `nq:` not quoted,
 * `t:` kind or tag. A prefix's value may be a quoted phrase (`f:"Andi Kleen"`). A leading `-`
 * excludes a word or phrase (`-sendfile`, `-"zero copy"`). Anything else is a word; an
 * unknown prefix (`foo:bar`) is read as its words. Pure: no DOM, no Pagefind.
 */

/** Longer input is cut here (characters), with a notice. */
export const MAX_QUERY_LENGTH = 256;

/** The prefixes the box understands, in the order the search page documents them. */
export const PREFIXES = ['f', 's', 'd', 'q', 'nq', 't'] as const;
export type Prefix = (typeof PREFIXES)[number];

/** An inclusive range of days (`YYYY-MM-DD`); null is an open end. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

/** One piece of the query as typed, kept so a suggestion can drop it again. */
export interface QueryPart {
  kind: 'word' | 'phrase' | 'not' | Prefix;
  /** The value without prefix or quote marks. */
  value: string;
  /** The text as typed (prefix and quotes included), for rebuilding the query without it. */
  raw: string;
}

export interface ParsedQuery {
  /** Plain words, as typed. */
  words: string[];
  /** Exact phrases (text between double quotes). */
  phrases: string[];
  /** `f:` values; a page matches any of them. */
  authors: string[];
  /** `s:` values; the title must contain every one. */
  subjects: string[];
  /** `t:` values, lower-cased: kinds (any) or tags (all). */
  types: string[];
  /** Every valid `d:` intersected; null when there is none. */
  dates: DateRange | null;
  /** `q:` terms: each must occur in quoted text. */
  quoted: string[];
  /** `nq:` terms: each must occur outside quotes. */
  unquoted: string[];
  /** `-word` and `-"phrase"`: no result may contain any of them. */
  excluded: string[];
  /** Everything that was understood, in order. */
  parts: QueryPart[];
  /** What was repaired or ignored, in words for the reader. */
  notices: string[];
  truncated: boolean;
}

const PREFIX_SET = new Set<string>(PREFIXES);
const EXAMPLES: Record<Prefix, string> = {
  f: 'f:kleen',
  s: 's:zero-copy',
  d: 'd:2002-06-27..2002-06-29',
  q: 'q:sendfile',
  nq: 'nq:sendfile',
  t: 't:note',
};

/** Days in a month of a year (Gregorian). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** One end of a date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as its first and last day; null if invalid. */
function period(text: string): DateRange | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (m[2] === undefined) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(daysIn(year, month))}` };
  const day = Number(m[3]);
  if (day < 1 || day > daysIn(year, month)) return null;
  const d = `${year}-${pad(month)}-${pad(day)}`;
  return { from: d, to: d };
}

/**
 * Reads a `d:` value: a day, month or year, or a range `a..b` with either end open.
 * Returns null when it is not a date; a backwards range is turned round.
 */
export function parseDate(value: string): DateRange | null {
  const v = value.trim();
  if (!v.includes('..')) return period(v);
  const [a = '', b = '', ...rest] = v.split('..');
  if (rest.length > 0 || (a === '' && b === '')) return null;
  const start = a === '' ? null : period(a);
  const end = b === '' ? null : period(b);
  if ((a !== '' && !start) || (b !== '' && !end)) return null;
  const from = start?.from ?? null;
  const to = end?.to ?? null;
  if (from !== null && to !== null && from > to) return { from: end?.from ?? null, to: start?.to ?? null };
  return { from, to };
}

/** The later of two lower bounds and the earlier of two upper bounds. */
function intersect(a: DateRange | null, b: DateRange): DateRange {
  if (!a) return b;
  const max = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : x > y ? x : y);
  const min = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : x < y ? x : y);
  return { from: max(a.from, b.from), to: min(a.to, b.to) };
}

/** Splits the input into raw tokens: words, "phrases", and prefix:values (a value may be quoted). */
function tokens(
  text: string,
  notices: string[],
): { prefix: string | null; value: string; quoted: boolean; raw: string; negated: boolean }[] {
  const out: { prefix: string | null; value: string; quoted: boolean; raw: string; negated: boolean }[] = [];
  let i = 0;
  const readQuoted = (start: number): { value: string; end: number } => {
    const close = text.indexOf('"', start + 1);
    if (close === -1) {
      notices.push('A quote mark was not closed: the phrase runs to the end of the query.');
      return { value: text.slice(start + 1), end: text.length };
    }
    return { value: text.slice(start + 1, close), end: close + 1 };
  };
  while (i < text.length) {
    if (/\s/.test(text[i] ?? '')) {
      i += 1;
      continue;
    }
    const start = i;
    // A leading minus before a word or a phrase excludes it ("zero-copy" keeps its hyphen).
    if (text[i] === '-' && i + 1 < text.length && !/[\s-]/.test(text[i + 1] ?? '')) {
      const quoted = text[i + 1] === '"';
      let value: string;
      let end: number;
      if (quoted) ({ value, end } = readQuoted(i + 1));
      else {
        end = i + 1;
        while (end < text.length && !/[\s"]/.test(text[end] ?? '')) end += 1;
        value = text.slice(i + 1, end);
      }
      out.push({ prefix: null, value, quoted, raw: text.slice(start, end), negated: true });
      i = end;
      continue;
    }
    if (text[i] === '"') {
      const { value, end } = readQuoted(i);
      out.push({ prefix: null, value, quoted: true, raw: text.slice(start, end), negated: false });
      i = end;
      continue;
    }
    const head = /^([A-Za-z]{1,2}):/.exec(text.slice(i, i + 3));
    const prefix = head?.[1]?.toLowerCase();
    if (head && prefix && PREFIX_SET.has(prefix)) {
      i += head[0].length;
      if (text[i] === '"') {
        const { value, end } = readQuoted(i);
        out.push({ prefix, value, quoted: true, raw: text.slice(start, end), negated: false });
        i = end;
        continue;
      }
      let end = i;
      while (end < text.length && !/[\s"]/.test(text[end] ?? '')) end += 1;
      out.push({ prefix, value: text.slice(i, end), quoted: false, raw: text.slice(start, end), negated: false });
      i = end;
      continue;
    }
    let end = i;
    while (end < text.length && !/[\s"]/.test(text[end] ?? '')) end += 1;
    out.push({ prefix: null, value: text.slice(i, end), quoted: false, raw: text.slice(start, end), negated: false });
    i = end;
  }
  return out;
}

/** Parses what was typed into the search box. Never throws; problems become notices. */
export function parseQuery(input: string): ParsedQuery {
  const notices: string[] = [];
  let text = input;
  let truncated = false;
  if (text.length > MAX_QUERY_LENGTH) {
    let cut = MAX_QUERY_LENGTH;
    // Never split a surrogate pair.
    if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut -= 1;
    text = text.slice(0, cut);
    truncated = true;
    notices.push(`The query was cut to its first ${MAX_QUERY_LENGTH} characters.`);
  }
  // Control characters (and a stray NUL) are read as spaces.
  text = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const q: ParsedQuery = {
    words: [],
    phrases: [],
    authors: [],
    subjects: [],
    types: [],
    dates: null,
    quoted: [],
    unquoted: [],
    excluded: [],
    parts: [],
    notices,
    truncated,
  };
  for (const t of tokens(text, notices)) {
    const value = t.value.replace(/\s+/g, ' ').trim();
    if (t.negated) {
      if (value === '') continue;
      q.excluded.push(value);
      q.parts.push({ kind: 'not', value, raw: t.raw });
      continue;
    }
    if (t.prefix === null) {
      if (value === '') continue;
      if (t.quoted) {
        q.phrases.push(value);
        q.parts.push({ kind: 'phrase', value, raw: t.raw });
      } else {
        // An unknown prefix (`foo:bar`) or a stray colon is plain text: keep its words.
        for (const w of value.split(':').filter((x) => x !== '')) {
          q.words.push(w);
          q.parts.push({ kind: 'word', value: w, raw: w });
        }
      }
      continue;
    }
    const prefix = t.prefix as Prefix;
    if (value === '') {
      notices.push(`${prefix}: needs a value, e.g. ${EXAMPLES[prefix]}; it was ignored.`);
      continue;
    }
    if (prefix === 'd') {
      const range = parseDate(value);
      if (!range) {
        notices.push(
          `“${value}” is not a date: write d:2002-06-27, d:2002-06, d:2002 or a range such as d:2002-06-27..2002-06-29; it was ignored.`,
        );
        continue;
      }
      q.dates = intersect(q.dates, range);
    } else if (prefix === 'f') q.authors.push(value);
    else if (prefix === 's') q.subjects.push(value);
    else if (prefix === 't') q.types.push(value.toLowerCase());
    else if (prefix === 'q') q.quoted.push(value);
    else q.unquoted.push(value);
    q.parts.push({ kind: prefix, value, raw: t.raw });
  }
  return q;
}

/** The query text without one of its parts (for "try without …" suggestions). */
export function withoutPart(q: ParsedQuery, index: number): string {
  return q.parts
    .filter((_, k) => k !== index)
    .map((p) => p.raw)
    .join(' ');
}
