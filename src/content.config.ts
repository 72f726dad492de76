import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { messagesDir, readEntries } from './lib/mail/entries.ts';
import { params as modelParams, type ParamKey } from './lib/model/params.ts';
import { noteStatusList, noteTagList } from './lib/notes.ts';

/** A link to another archive's copy of a message. */
const archiveLink = z.object({ label: z.string(), url: z.url() });

/**
 * One message of the archive: imported full text, or one of our summary entries.
 * Written by `npm run import` (src/lib/mail/store.ts) or by hand for summaries.
 */
const messages = defineCollection({
  // Read as plain files: mail bodies are shown verbatim, never run through Markdown.
  loader: () => readEntries(messagesDir()),
  schema: z.object({
    /** Message-ID without angle brackets (real, or a stable derived id). */
    messageId: z.string().min(1),
    /** Derived ids that map to this message (hypermail page ids). */
    aliases: z.array(z.string()).default([]),
    /** Author's display name; never an address. */
    author: z.string(),
    /** ISO 8601 with the sender's original offset. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/),
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
    /** Our own paraphrase. */
    summary: z.string().optional(),
    /** Our own statements of the message's technical claims. */
    claims: z.array(z.string()).optional(),
    archive: z.array(archiveLink).optional(),
    /** The message text, verbatim. */
    body: z.string(),
  }),
});

/** Annotated explainers (MDX), written by us. */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/articles' }),
  schema: z.object({
    title: z.string(),
    /** One sentence for listings and the page description. */
    description: z.string(),
    /** Reading order on the articles index (1 first). */
    order: z.number().int(),
    tags: z.array(z.string()).default([]),
  }),
});

/** Every model parameter key: a note citing any other key fails the build. */
const paramKeys = modelParams.map((p) => p.key) as [ParamKey, ...ParamKey[]];

/**
 * Notes on the constraints the NDA-covered driver put on the work (Markdown, written by us).
 * Message references are checked against the archive when the note pages are built.
 */
const notes = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/notes' }),
  schema: z.object({
    title: z.string().min(1),
    /** One sentence for listings and the page description. */
    description: z.string().min(1),
    /** From the small vocabulary in src/lib/notes.ts (`noteTags`); each tag has a page. */
    tags: z.array(z.enum(noteTagList)).min(1),
    /** Whether the question is answered: settled, open, or our own speculation. */
    status: z.enum(noteStatusList),
    /**
     * Passages the note rests on: `<Message-ID>#p<N>` (paragraph N of the message's own
     * text) or a bare `<Message-ID>` for messages the archive holds only as a summary.
     */
    messages: z.array(z.string().regex(/^[^\s<>#]+(#p[1-9]\d*)?$/)).default([]),
    /** Keys of src/lib/model/params.ts the note rests on; an unknown key fails the build. */
    params: z.array(z.enum(paramKeys)).default([]),
    /** Reading order on the notes index (1 first). */
    order: z.number().int(),
  }),
});

export const collections = { messages, articles, notes };
