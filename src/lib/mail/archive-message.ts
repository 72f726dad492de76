/**
 * One message as the pages show it (ArchiveMessage): read from its stored entry, ranked
 * against other entries for its Message-ID, and placed in time (an undated reconstruction
 * just before the first message quoting it).
 */
import { anchorOf, slugOf } from './ids.ts';
import { paragraphs, quotedShare, segment, type Paragraph, type Segment } from './quotes.ts';
import type { ArchiveLink, MessageRecord, Provenance, SourceFormat } from './types.ts';

/** One message as the pages show it. */
export interface ArchiveMessage {
  messageId: string;
  slug: string;
  /** Fragment id of this message on its thread page. */
  anchor: string;
  author: string;
  /** ISO date with the sender's offset; null when only known as "before" a quoting message. */
  date: string | null;
  /** Why the date is not the message's own Date header, and where it came from (set by the importer). */
  dateInferred?: string;
  subject: string;
  provenance: Provenance;
  sourceFormat: SourceFormat | 'quotes';
  list: string;
  aliases: string[];
  inReplyTo: string | null;
  references: string[];
  body: string;
  segments: Segment[];
  paragraphs: Paragraph[];
  /** Share of quoted lines; pages fold quotes above one half. */
  quotedShare: number;
  summary?: string;
  claims?: string[];
  archive?: ArchiveLink[];
  /** File name of the raw bytes, when the archive has them. */
  raw?: string;
  /** What the importer put right in the mail, in our words. */
  repairs?: string[];
  /** For reconstructions: the messages whose quotes it was rebuilt from. */
  rebuiltFrom: string[];
  /** For undated reconstructions: the date of the earliest message quoting it. */
  before: string | null;
  /** Quote depth it was rebuilt from (0 for messages the archive holds). */
  depth: number;
}

/** Which of two entries for one Message-ID wins: a whole message over a rebuild over a summary. */
export const RANK: Record<Provenance, number> = { imported: 3, reconstructed: 2, summary: 1 };

/** A stored entry as the pages show it (no thread yet, not rebuilt). */
export function fromRecord(r: MessageRecord): ArchiveMessage {
  const segments = segment(r.body);
  return {
    messageId: r.messageId,
    slug: slugOf(r.messageId),
    anchor: anchorOf(r.messageId),
    author: r.author,
    date: r.date,
    ...(r.dateInferred === undefined ? {} : { dateInferred: r.dateInferred }),
    subject: r.subject,
    provenance: r.provenance,
    sourceFormat: r.sourceFormat,
    list: r.list,
    aliases: r.aliases,
    inReplyTo: r.inReplyTo,
    references: r.references,
    body: r.body,
    segments,
    paragraphs: paragraphs(segments),
    quotedShare: quotedShare(segments),
    ...(r.summary === undefined ? {} : { summary: r.summary }),
    ...(r.claims === undefined ? {} : { claims: r.claims }),
    ...(r.archive === undefined ? {} : { archive: r.archive }),
    ...(r.raw === undefined ? {} : { raw: r.raw }),
    ...(r.repairs === undefined ? {} : { repairs: r.repairs }),
    rebuiltFrom: [],
    before: null,
    depth: 0,
  };
}

/** Milliseconds of an ISO date; undated messages sort last. */
export function timeOf(date: string | null): number {
  if (!date) return Number.MAX_SAFE_INTEGER;
  const t = Date.parse(date);
  return Number.isNaN(t) ? Number.MAX_SAFE_INTEGER : t;
}

/** Sort key: the date, or for an undated reconstruction a moment before its first quoter. */
export function sortTime(m: ArchiveMessage | undefined): number {
  if (!m) return Number.MAX_SAFE_INTEGER;
  if (m.date) return timeOf(m.date);
  return m.before ? timeOf(m.before) - m.depth * 1000 : Number.MAX_SAFE_INTEGER;
}
