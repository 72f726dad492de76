/**
 * Dating a message whose own Date header cannot: the importer keeps every message, so a
 * missing, unparseable or future Date is replaced, in this order, by the date of the mbox
 * `From ` line, the latest dated Received header, the nearest dated message of the same
 * input file (the one before it, else the one after it), and last the input file's
 * modification time. The message then says that its date was inferred, why and from what.
 * Pure: the importer brings the clock and the file's modification time.
 */
import { formatOffset, parseFromLineDate, parseMailDate } from './dates.ts';
import { redactAddresses } from './redact.ts';
import type { ParsedMessage, ReadMessage } from './types.ts';

/** How far past the import's clock a date may lie (zones and skewed clocks), in ms. */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** Whether `iso` lies more than {@link FUTURE_SLACK_MS} after `now` (epoch ms). */
function inFuture(iso: string, now: number): boolean {
  return Date.parse(iso) > now + FUTURE_SLACK_MS;
}

/** What a message's own lines say about its date. */
export interface DateEvidence {
  /** What its date field is called: `Date header` (mail), `Date line` (hypermail page). */
  field: string;
  /** The field's value as written; undefined when the message has none. */
  value: string | undefined;
  /** The value read as ISO 8601, or null when it does not parse. */
  iso: string | null;
  /** The mbox `From ` line before the message, when it came from an mbox. */
  fromLine?: string | null | undefined;
  /** Received header values, newest (topmost) first. */
  received?: readonly string[];
}

/** Why a date is not the message's own (`reason`, stored with it) and the repair to list. */
export interface Inferred {
  reason: string;
  repair: string;
}

/** A date, inferred or not; or none, and why. */
export type Dating = { date: string; inferred?: Inferred } | { date: null; problem: string };

/** A message without its date, as the parsers build it before dating it. */
export type Undated = Omit<ParsedMessage, 'date' | 'dateInferred'>;

/** A header value fit to quote in a reason: one line, no control characters, no address, at most 80 characters. */
function quoted(value: string): string {
  const line = value
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
    .trim()
    .slice(0, 80);
  return JSON.stringify(redactAddresses(line));
}

/** The date after the last `;` of a Received header, or null. */
export function receivedDate(value: string): string | null {
  const semi = value.lastIndexOf(';');
  return semi === -1 ? null : parseMailDate(value.slice(semi + 1));
}

/**
 * The date a message gives itself: its date field when that parses and is not more than a
 * day in the future; else the mbox `From ` line's date (read as UTC when the line has no
 * zone, and said so); else the date of the newest Received header that carries one (the
 * topmost: the last server to handle the mail added it). Dates in the future are passed
 * over. Null, with the problem, when none of these dates it.
 */
export function ownDate(e: DateEvidence, now: number): Dating {
  if (e.value !== undefined && e.iso !== null && !inFuture(e.iso, now)) return { date: e.iso };
  const problem =
    e.value === undefined ? `no ${e.field}` : `${e.field} ${e.iso === null ? 'unparseable' : 'in the future'} (${quoted(e.value)})`;
  const from = e.fromLine ? parseFromLineDate(e.fromLine) : null;
  if (from && !inFuture(from.iso, now)) {
    const zone = from.zoned ? '' : ', read as UTC (the line gives no zone)';
    return {
      date: from.iso,
      inferred: { reason: `${problem}; date taken from the mbox From line${zone}`, repair: 'date inferred from the mbox From line' },
    };
  }
  for (const value of e.received ?? []) {
    const iso = receivedDate(value);
    if (iso !== null && !inFuture(iso, now)) {
      return {
        date: iso,
        inferred: {
          reason: `${problem}; date taken from the latest dated Received header`,
          repair: 'date inferred from a Received header',
        },
      };
    }
  }
  return { date: null, problem };
}

/** `message` with `date`; an inferred date adds its reason and its repair. */
function withDate(message: Undated, date: string, inferred?: Inferred): ParsedMessage {
  if (inferred === undefined) return { ...message, date };
  return { ...message, date, dateInferred: inferred.reason, repairs: [...(message.repairs ?? []), inferred.repair] };
}

/** `message` dated by `dating`, or undated with its problem. */
export function dated(message: Undated, dating: Dating): ReadMessage {
  return dating.date === null ? { ...message, date: null, dateProblem: dating.problem } : withDate(message, dating.date, dating.inferred);
}

/** The repair noted on a message dated by its file's modification time (the store keeps the first such date). */
export const FILE_TIME_REPAIR = "date inferred from the input file's modification time";

/** `ms` as ISO 8601 in UTC, whole seconds: `2026-12-03T15:36:22+00:00`. */
function utcIso(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}${formatOffset(0)}`;
}

/**
 * Dates the messages of one input file that nothing in themselves dates: from the nearest
 * message before it in the file that has a date of its own, else the nearest one after it,
 * else the file's modification time (`mtimeMs`; the mail is no newer than its file). A
 * neighbour never lends a date it borrowed, so the result does not depend on the order of
 * the work. The others are returned as they are.
 */
export function dateFromFile<T extends { index: number; message: ReadMessage }>(
  items: readonly T[],
  mtimeMs: number,
): (T & { message: ParsedMessage })[] {
  // The nearest dated item before and after each position, in two linear passes.
  const before: (T | undefined)[] = [];
  const after: (T | undefined)[] = [];
  for (let i = 0, last: T | undefined; i < items.length; i++) {
    before.push(last);
    if (items[i]?.message.date !== null) last = items[i];
  }
  for (let i = items.length - 1, next: T | undefined; i >= 0; i--) {
    after[i] = next;
    if (items[i]?.message.date !== null) next = items[i];
  }
  return items.map((item, i) => {
    const { message } = item;
    if (message.date !== null) return { ...item, message };
    const { date: _, dateProblem, ...rest } = message;
    const [side, near] = before[i] ? ['before', before[i]] : ['after', after[i]];
    const date = near?.message.date;
    const settled =
      near && date
        ? withDate(rest, date, {
            reason: `${dateProblem}; date taken from message ${near.index} of the same file, the nearest dated message ${side} it`,
            repair: `date inferred from the message ${side} it in the file`,
          })
        : withDate(rest, utcIso(mtimeMs), {
            reason: `${dateProblem}, and nothing else in the input dates it; the date is the input file's last modification time (the mail is no newer than that)`,
            repair: FILE_TIME_REPAIR,
          });
    return { ...item, message: settled };
  });
}
