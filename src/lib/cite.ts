/**
 * "Cite this": a BibTeX entry and a plain (APA-like) reference for an article, a message
 * or a figure state. Pure and DOM-free, so the build (Cite.astro) and the browser (the
 * figure share dialog) write the same text.
 *
 * One style throughout: `Author. (Date). Title [what it is]. Identifiers. URL`, and one
 * BibTeX shape: `@misc` (understood by classic BibTeX and biblatex alike) with `url`,
 * `howpublished`, `note` and, when an access date is given, `urldate`.
 */
import { hash64 } from './mail/ids.ts';
import { findAddresses, redactAddresses } from './mail/redact.ts';
import type { ArchiveLink, Provenance } from './mail/types.ts';
import { MODEL_VERSIONS } from './model/versions.ts';
import { monthAbbr, monthName } from './calendar.ts';

/** What every cite function returns. */
export interface Citation {
  /** BibTeX key: deterministic, ASCII letters, digits and `-` only. */
  readonly key: string;
  /** One `@misc` entry, fields one per line. */
  readonly bibtex: string;
  /** One-paragraph reference for prose. */
  readonly plain: string;
}

/** An article of ours. */
export interface ArticleCiteInput {
  readonly title: string;
  /** Article slug (its URL segment); becomes the key. */
  readonly slug: string;
  /** Absolute permalink. */
  readonly url: string;
  /** Publication date, ISO (`YYYY-MM-DD…`); omitted: "n.d.". */
  readonly date?: string | undefined;
  /** Date the reader looked at it, ISO; adds `urldate` and "Retrieved …". */
  readonly accessed?: string | undefined;
}

/** One message of the archive. */
export interface MessageCiteInput {
  /** Display name as the archive stores it; anything address-like is removed. */
  readonly author: string;
  readonly subject: string;
  /** ISO 8601 with the sender's offset; the sender's own calendar day is cited. Null: undated. */
  readonly date: string | null;
  /** For undated reconstructions: the date of the earliest message quoting it. */
  readonly before?: string | null | undefined;
  /** Message-ID without angle brackets. */
  readonly messageId: string;
  /** Mailing list name, e.g. `linux-kernel`. */
  readonly list: string;
  /** Absolute permalink of our page for the message. */
  readonly url: string;
  /** Other archives holding the original, first one preferred. */
  readonly archive?: readonly ArchiveLink[] | undefined;
  /** What our page holds; for a summary or reconstruction the original is cited. */
  readonly provenance: Provenance;
  readonly accessed?: string | undefined;
}

/** One figure at one model state. */
export interface FigureCiteInput {
  /** Figure id (e.g. `throughput-vs-segment`). */
  readonly figure: string;
  readonly title: string;
  /** Absolute permalink carrying the state. */
  readonly url: string;
  /** Model version the state was drawn with (MODEL_VERSION). */
  readonly version: string;
  /** The named preset, when the state is exactly one. */
  readonly preset?: { readonly id: string; readonly title: string } | undefined;
  /** The state as a query string without `?` (stateQuery); names the custom state. */
  readonly query: string;
  /** Publication date; default: the release date of `version` in MODEL_VERSIONS. */
  readonly date?: string | undefined;
  readonly accessed?: string | undefined;
}

const ORG = 'Slowest Side';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  $: '\\$',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Text for a BibTeX field: LaTeX specials escaped, whitespace collapsed to single spaces. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}%&#_$^~]/g, (ch) => SPECIAL[ch] ?? ch);
}

/**
 * A URL as it goes into a `url` field. That field is read verbatim (biblatex, and `\url`
 * in natbib styles), so LaTeX escapes would corrupt the link; only what could break the
 * entry's syntax (braces, backslash, whitespace, `^`, quotes, angle brackets) is
 * percent-encoded, which names the same resource.
 */
export function bibUrl(url: string): string {
  return url.replace(/[{}\\\s^"<>|`\u0000-\u001f\u007f]/g, (ch) =>
    [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** A URL inside a text field: `\url{…}`, with `%` and `#` escaped as hyperref's `\url` accepts in arguments. */
function noteUrl(url: string): string {
  return `\\url{${bibUrl(url).replace(/[%#]/g, (ch) => `\\${ch}`)}}`;
}

/**
 * A display name with anything address-like cut out (`Jane <j@x>` → `Jane`); an author is
 * never published as an address. Empty after that: "Unknown author".
 */
export function displayName(author: string): string {
  let out = '';
  let from = 0;
  for (const m of findAddresses(author)) {
    out += author.slice(from, m.start);
    from = m.end;
  }
  out += author.slice(from);
  const name = out
    .replace(/\(\s*\)|<\s*>|\[\s*\]/g, ' ')
    .replace(/^[\s"'(]+|[\s"',)]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name === '' ? 'Unknown author' : name;
}

/** Lower-case ASCII letters and digits of `text` (accents folded), `-` between words. */
function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The word of a display name a key starts with: the part before a comma ("Miller, David"),
 * the first word when the name ends in an initial ("Hurwitz Justin W."), else the last word.
 */
function keyName(name: string): string {
  const comma = name.split(',')[0] ?? '';
  const words = (name.includes(',') ? comma : name).split(/\s+/).filter((w) => asciiSlug(w) !== '');
  const last = words[words.length - 1] ?? '';
  const pick = name.includes(',') || /^\p{L}\.?$/u.test(last) ? words[0] : last;
  return asciiSlug(pick ?? '').replace(/-/g, '') || 'anon';
}

interface Day {
  year: string;
  month: number;
  day: number;
}

/** The calendar day written in an ISO date (the sender's own day, not UTC's). */
function dayOf(iso: string | null | undefined): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year: m[1] ?? '', month, day };
}

const isoDay = (d: Day): string => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const longDay = (d: Day): string => `${monthName(d.month)} ${d.day}, ${d.year}`;

/** Adds a full stop unless the text already ends a sentence. */
const stop = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * One field: `text` is escaped; `tex` is already LaTeX (built from escaped parts); `macro` is
 * written bare (`month = jun`); `name` and `title` are escaped and double-braced.
 */
type Field = readonly [name: string, value: string | undefined, kind?: 'text' | 'tex' | 'macro' | 'url' | 'name' | 'title'];

/** One `@misc` entry; fields whose value is undefined or empty are left out. */
function entry(key: string, fields: readonly Field[]): string {
  const rows = fields.flatMap(([name, value, kind = 'text']) => {
    if (value === undefined || value === '') return [];
    const body =
      kind === 'macro'
        ? value
        : kind === 'url'
          ? `{${bibUrl(value)}}`
          : kind === 'tex'
            ? `{${value}}`
            : // Double braces: a name BibTeX must not split, a title styles must not re-case.
              kind === 'name' || kind === 'title'
              ? `{{${escapeBibtex(value)}}}`
              : `{${escapeBibtex(value)}}`;
    return [`  ${name.padEnd(12)} = ${body},`];
  });
  return `@misc{${key},\n${rows.join('\n')}\n}`;
}

/** `year`, `month`, `date` fields of a day, or none. */
function dateFields(d: Day | undefined): Field[] {
  if (!d) return [];
  return [
    ['year', d.year],
    ['month', monthAbbr(d.month).toLowerCase(), 'macro'],
    ['date', isoDay(d)],
  ];
}

/** The closing URL of a plain reference, with the retrieval date when given. */
function plainUrl(url: string, accessed: Day | undefined): string {
  return accessed ? `Retrieved ${longDay(accessed)}, from ${url}` : url;
}

/** Citation of one of our articles. Key: `slowestside-<slug>`. */
export function citeArticle(input: ArticleCiteInput): Citation {
  const key = `slowestside-${asciiSlug(input.slug) || hash64(input.slug).slice(0, 8)}`;
  const published = dayOf(input.date);
  const accessed = dayOf(input.accessed);
  const bibtex = entry(key, [
    ['author', ORG, 'name'],
    ['title', input.title, 'title'],
    ['howpublished', 'Annotated article, Slowest Side'],
    ...dateFields(published),
    ['url', input.url, 'url'],
    ['urldate', accessed && isoDay(accessed)],
  ]);
  const plain = `${ORG}. (${published ? published.year : 'n.d.'}). ${stop(input.title)} ${plainUrl(input.url, accessed)}`;
  return { key, bibtex, plain };
}

/** What our page holds, said in a citation of a summary or reconstruction. */
const HOLDS: Record<Provenance, string> = {
  imported: 'full text',
  reconstructed: 'only a partial text of this message, rebuilt from quotes in later messages',
  summary: 'only a summary of this message, in its own words',
};

/**
 * Citation of one message. A message whose full text we hold is cited at our permalink,
 * with the other archives listed; a summary or reconstruction cites the original (at its
 * first archive link when there is one) and says what our page holds.
 * Key: `<name><year>-<8 hex of the Message-ID's hash>`, unique per Message-ID.
 */
export function citeMessage(input: MessageCiteInput): Citation {
  const author = displayName(input.author);
  // Subjects are untrusted mail text: hide addresses, but keep this message's own id.
  const subject = redactAddresses(input.subject.replace(/\s+/g, ' ').trim(), (t) => t === input.messageId) || '(no subject)';
  const day = dayOf(input.date);
  const before = day ? undefined : dayOf(input.before);
  const accessed = dayOf(input.accessed);
  const key = `${keyName(author)}${day ? day.year : 'nd'}-${hash64(input.messageId).slice(0, 8)}`;
  const links = input.archive ?? [];
  const cited = input.provenance === 'imported' ? undefined : links[0];
  const url = cited ? cited.url : input.url;
  const others = cited ? links.slice(1) : links;
  const list = `${input.list} mailing list`;

  const bibNote = [
    `Message-ID: ${escapeBibtex(input.messageId)}.`,
    before && `Undated; written before ${isoDay(before)}.`,
    input.provenance === 'imported'
      ? undefined
      : cited
        ? `Slowest Side holds ${HOLDS[input.provenance]}: ${noteUrl(input.url)}.`
        : `The page at this URL holds ${HOLDS[input.provenance]}; no other archive copy is known.`,
    others.length > 0 && `Also archived at ${others.map((a) => `${escapeBibtex(a.label)}: ${noteUrl(a.url)}`).join('; ')}.`,
  ].filter((s): s is string => typeof s === 'string' && s !== '');
  const bibtex = entry(key, [
    ['author', author, 'name'],
    ['title', subject, 'title'],
    ['howpublished', `Message to the ${list}`],
    ...dateFields(day),
    ['url', url, 'url'],
    ['urldate', accessed && isoDay(accessed)],
    ['note', bibNote.join(' '), 'tex'],
  ]);

  const when = day ? `${day.year}, ${monthName(day.month)} ${day.day}` : before ? `n.d., before ${longDay(before)}` : 'n.d.';
  const parts = [
    `${stop(author)} (${when}). ${subject} [Message to the ${list}]. Message-ID <${input.messageId}>. ${plainUrl(url, accessed)}`,
  ];
  if (input.provenance !== 'imported') {
    parts.push(
      cited
        ? `(Slowest Side holds ${HOLDS[input.provenance]}: ${input.url})`
        : `(This page holds ${HOLDS[input.provenance]}; no other archive copy is known.)`,
    );
  }
  if (others.length > 0) parts.push(`(also archived at ${others.map((a) => `${a.label}: ${a.url}`).join('; ')})`);
  return { key, bibtex, plain: parts.join(' ') };
}

/**
 * Citation of a figure at one state. Key: `slowestside-<figure>-<preset id | state-<hash>>-v<version>`,
 * so the same state cited at another model version gets another key.
 */
export function citeFigure(input: FigureCiteInput): Citation {
  const state = input.preset ? asciiSlug(input.preset.id) : `state-${hash64(input.query).slice(0, 8)}`;
  const key = `slowestside-${asciiSlug(input.figure)}-${state}-v${asciiSlug(input.version)}`;
  const published = dayOf(input.date ?? MODEL_VERSIONS.find((v) => v.version === input.version)?.date);
  const accessed = dayOf(input.accessed);
  const what = `interactive figure, model v${input.version}, ${input.preset ? `preset ${input.preset.title}` : 'custom state'}`;
  const bibtex = entry(key, [
    ['author', ORG, 'name'],
    ['title', input.title, 'title'],
    ['howpublished', `Interactive figure, Slowest Side, model v${input.version}`],
    ...(published ? [['year', published.year] as const] : []),
    ['version', input.version],
    ['url', input.url, 'url'],
    ['urldate', accessed && isoDay(accessed)],
    ['note', input.preset ? `Preset: ${input.preset.title}.` : `Custom state: ${input.query || 'defaults'}.`],
  ]);
  const plain = `${ORG}. (${published ? published.year : 'n.d.'}). ${input.title} [${what}]. ${plainUrl(input.url, accessed)}`;
  return { key, bibtex, plain };
}
