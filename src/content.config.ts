import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { params as modelParams, type ParamKey } from './lib/model/params.ts';
import { noteStatusList, noteTagList } from './lib/notes.ts';

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
    /**
     * The article's own sequence for presenter mode and the talk builder: states of its figures,
     * each captioned by a sentence of the article (checked word for word at build, see
     * src/lib/charts/steps.ts). `figure` is the figure a talk shows; a step may name another.
     */
    talk: z
      .object({
        figure: z.string(),
        steps: z
          .array(
            z.object({
              figure: z.string().optional(),
              preset: z.string().optional(),
              values: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
              sentence: z.string(),
              notes: z.string().optional(),
            }),
          )
          .min(1),
      })
      .optional(),
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

/**
 * Messages are not a collection: src/site.ts reads the entries itself and checks each against
 * `messageSchema` (src/lib/mail/schema.ts). Ten thousand mail bodies copied into Astro's
 * content store cost seconds a build and were only ever read back whole.
 */
export const collections = { articles, notes };
