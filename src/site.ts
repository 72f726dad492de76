/**
 * Site-level glue for pages: base-aware URLs and the archive, built once per build.
 * Pages import from here; src/lib stays free of astro:*.
 */
import { getCollection } from 'astro:content';
import { config } from './config.ts';
import lock from './content/anchors.json' with { type: 'json' };
import { AnchorBook, anchorsInMdx, type LockedAnchor, lostWarning } from './lib/anchors.ts';
import { buildArchive, type Archive } from './lib/mail/archive.ts';
import { readRecords } from './lib/mail/node/entries.ts';
import { messageBacklinks } from './lib/notes.ts';
import { withBase } from './lib/routes.ts';

/** A site-relative path joined with the configured base. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

let archive: Promise<Archive> | undefined;

/** The archive of every stored message entry, checked, merged and threaded (memoised per build). */
export function loadArchive(): Promise<Archive> {
  archive ??= Promise.resolve().then(() => buildArchive(readRecords(config.messagesDir)));
  return archive;
}

let anchors: Promise<AnchorBook> | undefined;
const WARNED = Symbol.for('slowest-side.anchors-warned');

/**
 * Every anchor of the articles and notes, resolved once per build against the archive and
 * the recorded words (src/content/anchors.json). An error in our writing stops the build;
 * words missing from a message a reader imported are listed in one warning.
 */
export function loadAnchors(): Promise<AnchorBook> {
  anchors ??= (async () => {
    const book = new AnchorBook(await loadArchive(), lock as LockedAnchor[]);
    for (const article of await getCollection('articles')) for (const ref of anchorsInMdx(article.body ?? '')) book.resolve(ref);
    for (const note of await getCollection('notes')) for (const at of note.data.messages) book.resolve({ at });
    const warning = lostWarning(book.lost());
    // The build may load this module twice (prerender chunks); say it once.
    const said = globalThis as { [WARNED]?: string };
    if (warning !== '' && said[WARNED] !== warning) console.warn(`[anchors] ${warning}`);
    said[WARNED] = warning;
    return book;
  })();
  return anchors;
}

let backlinks: ReturnType<typeof loadNoteBacklinks> | undefined;
const loadNoteBacklinks = async () => {
  const book = await loadAnchors();
  return messageBacklinks(await getCollection('notes'), (at) => book.paragraphsOf({ at }));
};

/** Message-ID → the notes citing it (memoised per build: every message page asks). */
export function noteBacklinks(): ReturnType<typeof loadNoteBacklinks> {
  backlinks ??= loadNoteBacklinks();
  return backlinks;
}

/** Items per page of the long listings (INDEX_PAGE_SIZE overrides; the fixture site uses a small one). */
export const INDEX_PAGE_SIZE = config.indexPageSize;
