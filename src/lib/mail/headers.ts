/**
 * Header normalisation for threading: subjects, personal names, mail dates, free-text
 * In-Reply-To values and ids that a news gateway extended with a suffix.
 * Pure functions; nothing here touches the DOM or the file system.
 */
import { normalizeId } from './ids.ts';

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
  return s.toLowerCase().split(/[\s.]+/).filter((t) => t.length > 1);
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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 822 zone names, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300,
  mst: -420, mdt: -360, pst: -480, pdt: -420,
};
const RFC_DATE =
  /^(?:[a-z]{3,9},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,5})?\b/i;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;

/** Minutes east of UTC for `+0200`, `-05:00`, `Z` or an RFC 822 zone name; null if unknown. */
function zoneMinutes(zone: string): number | null {
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONES[zone.toLowerCase()] ?? null;
}

/** Epoch milliseconds from wall-clock fields and a UTC offset; null when a field is out of range. */
function instant(y: number, mon: number, d: number, h: number, mi: number, s: number, zone: number): number | null {
  if (mon < 0 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return Date.UTC(y, mon, d, h, mi, s) - zone * 60_000;
}

/**
 * The instant (epoch ms) a mail date names: RFC 5322 style (`Fri, 28 Jun 2002 00:35:31 +0200`,
 * weekday, seconds and zone name optional; two-digit years are 19xx/20xx) or ISO 8601 with
 * an offset. Null when the text has no time of day or no known zone, as it cannot be an instant.
 */
export function parseMailDate(text: string | null | undefined): number | null {
  const t = (text ?? '').trim().replace(/^"|"$/g, '');
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const zone = zoneMinutes(iso[7] ?? '');
    const [y, mo, d, h, mi, s] = iso.slice(1, 7).map((v) => Number(v ?? 0));
    return zone === null ? null : instant(y ?? 0, (mo ?? 0) - 1, d ?? 0, h ?? 0, mi ?? 0, s ?? 0, zone);
  }
  const rfc = RFC_DATE.exec(t);
  if (!rfc || rfc[7] === undefined) return null;
  const zone = zoneMinutes(rfc[7]);
  let year = Number(rfc[3]);
  if (year < 50) year += 2000;
  else if (year < 1000) year += 1900;
  const month = MONTHS.indexOf((rfc[2] ?? '').toLowerCase());
  if (zone === null) return null;
  return instant(year, month, Number(rfc[1]), Number(rfc[4]), Number(rfc[5]), Number(rfc[6] ?? 0), zone);
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
  const m = NAMED.exec(prose.trim().replace(/^\(\s*/, '').replace(/\s*\)$/, ''));
  if (!m) return null;
  const who = (m[1] ?? '').replace(/<[^>]*>/g, ' ').replace(/["\s]+/g, ' ').trim();
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
  const lead = /^<([^<>\s]+)>/.exec(text);
  if (lead) return { id: lead[1] ?? null, named: namedReply(text.slice(lead[0].length)) };
  const named = namedReply(text);
  if (named) return { id: null, named };
  const id = normalizeId(text);
  return { id: id !== null && (text.includes('<') || id.includes('@')) ? id : null, named: null };
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
