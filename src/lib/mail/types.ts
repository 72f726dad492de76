/**
 * Shared shapes of the mail pipeline. Everything in src/lib/mail speaks these types;
 * nothing here touches the DOM, the file system or astro:*. A stored entry's shape is
 * schema.ts's, inferred from its zod schema and re-exported here.
 */
import type { ArchiveLink, MessageData, Provenance, SourceFormat } from './schema.ts';

export type { ArchiveLink, MessageData, Provenance, SourceFormat };

/**
 * How a parent link was established: `header` from In-Reply-To/References (or the real
 * headers recorded in a summary), `inferred` from quotes, attribution, subject or date,
 * `reconstructed` when either end of the link only survives as quotes.
 */
export type LinkKind = 'header' | 'inferred' | 'reconstructed';

/** One message as read from raw input, before it is stored. */
export interface ParsedMessage {
  /** Message-ID without angle brackets: the real one, or a stable derived id (see ids.ts). */
  messageId: string;
  /** Derived ids this message is also known by (e.g. the id of its hypermail page). */
  aliases: string[];
  /** Display name only. Never an address: addresses are dropped at parse time. */
  author: string;
  /** ISO 8601 with the sender's original UTC offset, e.g. `2002-06-27T22:01:29-05:00`. */
  date: string;
  /** Why the date is not the message's own Date header and where it came from (see dating.ts). */
  dateInferred?: string;
  subject: string;
  /** Normalised parent id, or null. */
  inReplyTo: string | null;
  /** The In-Reply-To header as written, kept when it held free text or extra prose. */
  inReplyToRaw?: string;
  /** Normalised ids of References, oldest first. */
  references: string[];
  /** Mailing list name (e.g. `linux-kernel`), or null when unknown. */
  list: string | null;
  sourceFormat: SourceFormat;
  /**
   * Decoded text body, verbatim (HTML-only mail converted to text). Before it is stored the
   * importer replaces control characters and hides addresses (sanitize.ts).
   */
  body: string;
  /** The raw bytes of this one message exactly as read (mbox `From ` line excluded). */
  raw: Uint8Array;
  /** What was wrong with the mail and put right on import, in our words; absent when nothing was. */
  repairs?: string[];
}

/** A message that nothing in itself dates: `dateProblem` says why; the importer dates it from its file (dating.ts). */
export interface UndatedMessage extends Omit<ParsedMessage, 'date' | 'dateInferred'> {
  date: null;
  dateProblem: string;
}

/** A message as the parsers return it, before the importer has dated the undated ones. */
export type ReadMessage = ParsedMessage | UndatedMessage;

/** Where one message sits in an input file, for error reports. */
export interface InputPosition {
  file: string;
  /** 1-based index of the message within the file. */
  index: number;
  /** 1-based line where the message starts within the file. */
  line: number;
}

/** A message the importer refused, with a human-readable reason. */
export interface Rejection extends InputPosition {
  reason: string;
}

/** A stored entry with its body and URL slug. */
export interface MessageRecord extends MessageData {
  slug: string;
  body: string;
}
