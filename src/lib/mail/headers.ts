/**
 * Header normalisation for threading: subjects, personal names, mail dates, free-text
 * In-Reply-To values, junk tokens, and ids that a news gateway extended with a suffix
 * or rewrote under its own domain.
 * Pure functions; nothing here touches the DOM or the file system.
 */
import { parseMailDate as rfcDate } from './dates.ts';
import { isDerivedId, normalizeId } from './ids.ts';

/** One leading `[tag]`, `Re:`, `Re[2]:`, `Re^2:`, `Aw:`, `Sv:`, `Fw:` or `Fwd:`. */
const PREFIX = /^\s*(?:\[[^\]]*\]|(re|aw|sv|fwd?)(?:\[\d+\]|\^\d+)?\s*:)\s*/i;

/** Strips leading prefixes one at a time, reporting whether any was a reply prefix. */
function stripPrefixes(subject: string): { rest: string; reply: boolean } {
  let rest = subject;
  let reply = false;
  for (let m = PREFIX.exec(rest); m !== null && m[0] !== ''; m = PREFIX.exec(rest)) {
    const word = m[1]?.toLowerCase();
    if (word !== undefined && !word.startsWith('fw')) reply = true;
    rest = rest.slice(m[0].length);
  }
  return { rest, reply };
}

/**
 * Subject key for grouping: `Re:`/`Fwd:`/`[list]` prefixes stripped (repeatedly),
 * whitespace collapsed, lower case. `"Re: [LKML] Re:  Zero-Copy"` → `"zero-copy"`.
 */
export function normaliseSubject(subject: string): string {
  return stripPrefixes(subject).rest.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether the subject starts (after any `[list]` tags) with a reply prefix such as `Re:`. */
export function isReplySubject(subject: string): boolean {
  return stripPrefixes(subject).reply;
}

/**
 * Lower-case name words for comparison: addresses, comments and quotes dropped,
 * accents folded, `"Doe, Jane"` turned to `jane doe`, initials (`Q.`) left out.
 */
export function nameTokens(name: string): string[] {
  let s = name
    .replace(/<[^>]*>|\([^)]*\)/g, ' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/["'’]/g, '');
  const comma = s.indexOf(',');
  if (comma >= 0) s = `${s.slice(comma + 1)} ${s.slice(0, comma)}`;
  return s
    .toLowerCase()
    .split(/[\s.]+/)
    .filter((t) => t.length > 1);
}

/**
 * Key naming one person: first and last name word (`"Doe, Jane Q."` and `"Jane Doe"`
 * both give `jane doe`); `''` when the name has no words.
 */
export function personKey(name: string): string {
  const t = nameTokens(name);
  if (t.length === 0) return '';
  return t.length === 1 ? (t[0] ?? '') : `${t[0]} ${t[t.length - 1]}`;
}

/**
 * Whether an attribution's `credited` name (`"Bernd"`, `"Andi Kleen"`) can mean `author`:
 * every word of the credited name is a word of the author's name.
 */
export function credits(credited: string, author: string): boolean {
  const want = nameTokens(credited);
  if (want.length === 0) return false;
  const have = new Set(nameTokens(author));
  return want.every((t) => have.has(t));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** A zone at the end of an RFC 5322 date, with an optional `(PDT)`-style comment after it. */
const TRAILING_ZONE = /(?:[+-]\d{4}|\b[a-z]{1,5})\s*(?:\([^)]*\))?$/i;

/**
 * The instant (epoch ms) a mail date names: RFC 5322 style (`Fri, 28 Jun 2002 00:35:31 +0200`,
 * read by dates.ts) or ISO 8601 with an offset. Null when it names no instant: a date
 * without a zone (which dates.ts would read as UTC) is not one.
 */
export function parseMailDate(text: string | null | undefined): number | null {
  const t = (text ?? '').trim().replace(/^"|"$/g, '');
  const iso = ISO_DATE.test(t) ? t : TRAILING_ZONE.test(t) ? rfcDate(t) : null;
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** What an In-Reply-To header says: an id, a person and date named in prose, or both. */
export interface InReplyToParts {
  /** The bare id, when the header holds one (`<a@b> (prose)` → `a@b`). */
  id: string | null;
  /** Author and date from prose such as `Jane Doe's message of "28 Jun 2002 00:35:31 +0200"`. */
  named: { who: string; date: string } | null;
}

const NAMED = /^(.*?)['’]s\s+message\s+of\s+(.+)$/i;

/** The `Name's message of "date"` form (Gnus, VM, mh-e), inside optional parentheses. */
function namedReply(prose: string): InReplyToParts['named'] {
  const m = NAMED.exec(
    prose
      .trim()
      .replace(/^\(\s*/, '')
      .replace(/\s*\)$/, ''),
  );
  if (!m) return null;
  const who = (m[1] ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/["\s]+/g, ' ')
    .trim();
  const rest = (m[2] ?? '').trim();
  const date = (/^"([^"]*)"/.exec(rest)?.[1] ?? rest).trim();
  return who !== '' && date !== '' ? { who, date } : null;
}

/**
 * Parse an In-Reply-To value: `<a@b>`, `<a@b> (Jane's message of "…")`, bare `a@b`, or free
 * text naming the author and date of the parent. An address inside the prose
 * (`Jane <jane@x>'s message of …`) is not mistaken for an id.
 */
export function normaliseInReplyTo(raw: string | null | undefined): InReplyToParts {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  const lead = /^<([^<>\s]*)>/.exec(text);
  if (lead) return { id: idOrNull(lead[1]), named: namedReply(text.slice(lead[0].length)) };
  const named = namedReply(text);
  if (named) return { id: null, named };
  return { id: idOrNull(normalizeId(text)), named: null };
}

function idOrNull(token: string | null | undefined): string | null {
  return token !== null && token !== undefined && isThreadableId(token) ? token : null;
}

/**
 * Whether a token from In-Reply-To or References can name a message: `local@domain` with
 * both parts non-empty and no white space, angle brackets or control characters, or an id
 * the archive derives itself (`quoted.…`, `hypermail.…`, `nomsgid.…`; see ids.ts), which
 * has no `@`. Junk that mailers and gateways leave there (`yes`, `<>`, `@`, prose) is not.
 */
export function isThreadableId(token: string): boolean {
  if (/[\s<>\x00-\x1f\x7f]/.test(token)) return false;
  if (isDerivedId(token)) return true;
  const at = token.lastIndexOf('@');
  return at > 0 && at < token.length - 1;
}

const SEPARATORS = '.-$_%+=';
const MIN_LOCAL = 12;
const MIN_DIGITS = 4;

/**
 * The local part of `id` when it is distinctive enough that the same local part under
 * another domain can only be the same message under an id a gateway rewrote
 * (`20020628.1234.abc@host.example.org` and `20020628.1234.abc@news.gateway.example`):
 * at least 12 characters, at least 4 digits and at least one of `. - $ _ % + =`, as in the
 * ids mailers generate from a time, a counter and a process id, under a plain host name.
 * Null otherwise, so `1@a`/`1@b`, addresses such as `jane.doe@…`, word-like ids and
 * trackers' ids with a path after the host never match.
 */
export function rewritableLocalPart(id: string): string | null {
  const at = id.lastIndexOf('@');
  if (at <= 0) return null;
  if (at < MIN_LOCAL) return null;
  // Only a host name: web trackers write ids such as `bug-123456-4@host.example/bugzilla/`,
  // where the same local part under another tracker is another bug.
  if (!/^[A-Za-z0-9.-]+$/.test(id.slice(at + 1))) return null;
  let digits = 0;
  let separated = false;
  for (let i = 0; i < at; i++) {
    const c = id.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (SEPARATORS.includes(id.charAt(i))) separated = true;
  }
  return digits >= MIN_DIGITS && separated ? id.slice(0, at) : null;
}

/**
 * Ids a news gateway may have extended into `id` (`a.1@host.example.lists.linux.kernel` →
 * `a.1@host.example.lists.linux`, …, `a.1@host`), longest first. Only the domain part is cut,
 * always at a dot; an id without `@` gives none.
 */
export function gatewayPrefixes(id: string): string[] {
  const at = id.lastIndexOf('@');
  const out: string[] = [];
  if (at < 0) return out;
  for (let i = id.length - 1; i > at + 1; i--) if (id[i] === '.') out.push(id.slice(0, i));
  return out;
}
