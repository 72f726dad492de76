/**
 * What a stored message entry must hold (src/lib/mail/node/store.ts writes them; summaries are
 * written by hand). Checked for every entry when the site is built (src/site.ts).
 */
import { z } from 'astro/zod';

/** A link to another archive's copy of a message. */
const archiveLink = z.object({ label: z.string(), url: z.url() });

/**
 * One message of the archive: imported full text, or one of our summary entries.
 * Written by `npm run import` (src/lib/mail/node/store.ts) or by hand for summaries.
 */
export const messageSchema = z.object({
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
  list: z.string().default('linux-kernel'),
  sourceFormat: z.enum(['mbox', 'eml', 'hypermail-text', 'hypermail-html', 'summary']),
  provenance: z.enum(['imported', 'reconstructed', 'summary']),
  /** File name of the raw bytes beside this entry. */
  raw: z.string().optional(),
  /** What the importer put right in the mail, in our words (e.g. "date inferred from the mbox From line"). */
  repairs: z.array(z.string().min(1)).optional(),
  /** Our own paraphrase. */
  summary: z.string().optional(),
  /** Our own statements of the message's technical claims. */
  claims: z.array(z.string()).optional(),
  archive: z.array(archiveLink).optional(),
  /** The message text, verbatim. */
  body: z.string(),
});
