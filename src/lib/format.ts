/** Display formatting shared by pages. Pure. */
import { dayAbbr, monthAbbr } from './calendar.ts';

/**
 * An ISO date shown in the sender's own offset, as a mail client would:
 * `2002-06-27T22:01:29-05:00` → `Thu, 27 Jun 2002 22:01:29 -0500`.
 */
export function mailDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, hh, mm, ss, off] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay();
  const zone = off === 'Z' ? '+0000' : (off ?? '').replace(':', '');
  return `${dayAbbr(day)}, ${Number(d)} ${monthAbbr(Number(mo))} ${y} ${hh}:${mm}:${ss} ${zone}`;
}

/** The calendar day of an ISO date as the sender wrote it (no time-zone shift): `28 Jun 2002`; '' if none. */
export function dayDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${Number(m[3])} ${monthAbbr(Number(m[2]))} ${m[1]}` : '';
}

/** Short form for lists: `27 Jun 2002 22:01`. */
export function shortDate(iso: string): string {
  const full = mailDate(iso);
  const m = /^\w{3}, (\d+ \w{3} \d{4} \d{2}:\d{2})/.exec(full);
  return m?.[1] ?? iso;
}

/** A phrase as a sentence: first letter capitalised, a full stop at the end. */
export function sentence(phrase: string): string {
  const text = phrase.trim();
  if (text === '') return text;
  return `${text[0]?.toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/** Plural helper: `count(3, 'message')` → `3 messages`. */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** Human words for what the archive holds of a message. */
export const provenanceWords = {
  imported: 'Full text, imported from the raw mail.',
  reconstructed: 'Partial text, rebuilt from quotes in later messages.',
  summary: 'Summary only, in our own words; the original is linked.',
} as const;
