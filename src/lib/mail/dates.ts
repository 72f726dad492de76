/**
 * Mail dates → ISO 8601 that keeps the sender's own UTC offset.
 * postal-mime converts Date headers to UTC, which loses the offset, so the header is read
 * here. Pure functions; no Date objects are involved in the output.
 */
import { monthNumber } from '../calendar.ts';

/** Obsolete (RFC 822) and a few common zone names, as minutes east of UTC. */
const ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 60,
  CET: 60,
  MET: 60,
  WEST: 60,
  CEST: 120,
  MEST: 120,
  EET: 120,
  EEST: 180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  JST: 540,
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Minutes east of UTC for `+hhmm`, `-hhmm` or a known zone name; null when unknown. */
export function zoneOffset(zone: string): number | null {
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    if (Number(numeric[3]) > 59 || minutes > 14 * 60) return null;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONES[zone.toUpperCase()] ?? null;
}

/** `-360` → `-06:00`. */
export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Parts of a calendar time; validated and formatted by {@link isoDate}. */
interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offset: number;
}

/** Validated ISO 8601 (`YYYY-MM-DDThh:mm:ss±hh:mm`), or null when a field is out of range. */
function isoDate(p: DateParts): string | null {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > daysIn(p.year, p.month)) return null;
  if (p.hour > 23 || p.minute > 59 || p.second > 60) return null;
  const second = Math.min(p.second, 59); // a leap second is kept in the minute it ends
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(second)}${formatOffset(p.offset)}`;
}

/** 1–12 for a month name or its abbreviation (`Jun`, `June`, `Sept`), else 0. */
function monthOf(name: string): number {
  return name.length < 3 ? 0 : monthNumber(name);
}

/** RFC 5322 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx; three-digit years add 1900. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (text.length === 3) return 1900 + year;
  return year;
}

const RFC_DATE =
  /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?$/;

/**
 * Parses an RFC 5322 Date header value, keeping its offset:
 * `Thu, 27 Jun 2002 21:01:29 -0600` → `2002-06-27T21:01:29-06:00`.
 * Accepts obsolete zone names (EST, PDT, GMT, UT…), a zone only in a trailing comment
 * (`21:01:29 (PDT)`), two-digit years, and a missing weekday or seconds. A missing zone is
 * read as UTC. Returns null when the value is not a date.
 */
export function parseMailDate(value: string): string | null {
  let text = value.replace(/\s+/g, ' ').trim();
  let commentZone: string | undefined;
  // Strip trailing comments such as "(PDT)" or "(MDT)", remembering a zone-like one.
  for (let m = /\s*\(([^()]*)\)\s*$/.exec(text); m; m = /\s*\(([^()]*)\)\s*$/.exec(text)) {
    const inner = m[1]?.trim() ?? '';
    if (commentZone === undefined && /^[A-Za-z]{1,5}$/.test(inner)) commentZone = inner;
    text = text.slice(0, m.index);
  }
  const m = RFC_DATE.exec(text);
  if (!m) return null;
  const [, day, monthName, year, hour, minute, second, zone] = m;
  return fromFields({ day, monthName, year, hour, minute, second, zone: zone ?? commentZone });
}

/** The matched text fields of a date, turned into ISO form; null when any is out of range. */
function fromFields(f: Record<'day' | 'monthName' | 'year' | 'hour' | 'minute' | 'second' | 'zone', string | undefined>): string | null {
  const month = monthOf(f.monthName ?? '');
  if (month === 0 || !f.day || !f.year || !f.hour || !f.minute) return null;
  const offset = f.zone === undefined ? 0 : zoneOffset(f.zone);
  if (offset === null) return null;
  return isoDate({
    year: fullYear(f.year),
    month,
    day: Number(f.day),
    hour: Number(f.hour),
    minute: Number(f.minute),
    second: Number(f.second ?? 0),
    offset,
  });
}

const HYPERMAIL_DATE =
  /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\s+(\d{1,2}),?\s+(\d{4})\s+-\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?$/;

/**
 * Parses the date line of a hypermail page, which is in the archive's own zone:
 * `Thu Jun 27 2002 - 22:01:29 EST` → `2002-06-27T22:01:29-05:00`. Returns null otherwise.
 */
export function parseHypermailDate(value: string): string | null {
  const m = HYPERMAIL_DATE.exec(value.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const [, monthName, day, year, hour, minute, second, zone] = m;
  return fromFields({ day, monthName, year, hour, minute, second, zone });
}

const ASCTIME =
  /^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3,9})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})\s+)?(\d{4})(?:\s+([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}))?(?:\s+remote from \S+)?$/;

/**
 * The date of an mbox `From ` separator line, which mail programs write in asctime form,
 * usually without a zone: `From jane@example.org Sat Jun 29 10:00:06 2002` →
 * `2002-06-29T10:00:06+00:00` with `zoned: false` (read as UTC). A zone before or after the
 * year (`… 10:00:06 2002 +0200`) is kept. Returns null when the line carries no such date,
 * or only the epoch (public-inbox's placeholder).
 */
export function parseFromLineDate(line: string): { iso: string; zoned: boolean } | null {
  const stamp = /^From \S*\s+(.*)$/.exec(line.replace(/\s+$/, ''))?.[1] ?? '';
  const m = ASCTIME.exec(stamp.replace(/\s+/g, ' '));
  if (!m) return null;
  const [, monthName, day, hour, minute, second, zoneBefore, year, zoneAfter] = m;
  const zone = zoneBefore ?? zoneAfter;
  const iso = fromFields({ day, monthName, year, hour, minute, second, zone });
  // public-inbox (lore's t.mbox.gz) writes every separator as `From mboxrd@z Thu Jan  1
  // 00:00:00 1970`: a placeholder, not a date, like any other From line at the epoch.
  if (iso === null || Date.parse(iso) <= 0) return null;
  return { iso, zoned: zone !== undefined };
}
