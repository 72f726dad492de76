/**
 * The one definition of a stored message entry: its frontmatter keys, in the order the store
 * writes them (src/lib/mail/entry-file.ts reads the order from here), their types (MessageData
 * and the types beside it are inferred from here) and their defaults. Entries are written by
 * `npm run import` (src/lib/mail/node/store.ts) or by hand for summaries, and each is checked
 * against {@link messageSchema} when the site is built (src/lib/mail/node/entries.ts).
 */
import { z } from 'astro/zod';

/** List name written when neither the message nor the existing entry names one. */
export const DEFAULT_LIST = 'linux-kernel';

/** A link out to another archive's copy of a message. */
const archiveLink = z.object({
  /** Short name of the archive, e.g. "lore.kernel.org". */
  label: z.string(),
  url: z.url(),
});

/**
 * The frontmatter of one message of the archive: imported full text, or one of our summary
 * entries. A key added here is typed, checked and written in its place in this order with no
 * other change; whether an import takes it from the new copy or keeps the stored one is
 * entry-merge.ts's to say (its test fails until it does).
 */
export const messageDataSchema = z.object({
  /** Message-ID without angle brackets (real, or a stable derived id). */
  messageId: z.string().min(1),
  /** Derived ids that map to this message (hypermail page ids). */
  aliases: z.array(z.string()).default([]),
  /** Author's display name; never an address. */
  author: z.string(),
  /** ISO 8601 with the sender's original offset. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/),
  /** Set when the date is not the message's own Date header: why, and where the date came from. */
  dateInferred: z.string().min(1).optional(),
  subject: z.string(),
  inReplyTo: z.string().nullable().default(null),
  /** In-Reply-To as written, when it held free text. */
  inReplyToRaw: z.string().optional(),
  references: z.array(z.string()).default([]),
  /** For summary entries: parent from the real headers, or inferred by us. */
  parentBasis: z.enum(['header', 'inferred']).optional(),
  list: z.string().default(DEFAULT_LIST),
  /** The input format the entry was read from. */
  sourceFormat: z.enum(['mbox', 'eml', 'hypermail-text', 'hypermail-html', 'summary']),
  /** How much of the message the archive holds, from most to least complete. */
  provenance: z.enum(['imported', 'reconstructed', 'summary']),
  /** File name of the raw bytes beside this entry. */
  raw: z.string().optional(),
  /** What the importer put right in the mail, in our words (e.g. "date inferred from the mbox From line"). */
  repairs: z.array(z.string().min(1)).optional(),
  /** Our own paraphrase (summary entries; kept when full text arrives). */
  summary: z.string().optional(),
  /** Our own statements of the message's technical claims. */
  claims: z.array(z.string()).optional(),
  /** Other archives holding the original. */
  archive: z.array(archiveLink).optional(),
});

/** One message of the archive as the build reads it: the frontmatter, then the message text verbatim. */
export const messageSchema = messageDataSchema.extend({
  body: z.string(),
});

/** Frontmatter of a stored message entry (`src/content/messages/<slug>.md`). */
export type MessageData = z.infer<typeof messageDataSchema>;

/** A link out to another archive's copy of a message. */
export type ArchiveLink = z.infer<typeof archiveLink>;

/** How much of a message the archive holds. Ordered from most to least complete. */
export type Provenance = MessageData['provenance'];

/** The input format a message entry was read from. */
export type SourceFormat = MessageData['sourceFormat'];
