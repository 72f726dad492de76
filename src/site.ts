/**
 * Site-level glue for pages: base-aware URLs and the archive, built once per build.
 * Pages import from here; src/lib stays free of astro:*.
 */
import { getCollection } from 'astro:content';
import { shareArchive } from './lib/downloads.ts';
import { buildArchive, type Archive } from './lib/mail/archive.ts';
import { messagesDir, readRecords } from './lib/mail/entries.ts';
import { messageBacklinks } from './lib/notes.ts';
import { pageSize } from './lib/paginate.ts';
import { withBase } from './lib/routes.ts';

/** A site-relative path joined with the configured base. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

let archive: Promise<Archive> | undefined;

/** The archive of every stored message entry, checked, merged and threaded (memoised per build). */
export function loadArchive(): Promise<Archive> {
  archive ??= Promise.resolve().then(() => buildArchive(readRecords(messagesDir())));
  shareArchive(archive);
  return archive;
}

let backlinks: ReturnType<typeof loadNoteBacklinks> | undefined;
const loadNoteBacklinks = async () => messageBacklinks(await getCollection('notes'));

/** Message-ID → the notes citing it (memoised per build: every message page asks). */
export function noteBacklinks(): ReturnType<typeof loadNoteBacklinks> {
  backlinks ??= loadNoteBacklinks();
  return backlinks;
}

/** Items per page of the long listings (INDEX_PAGE_SIZE overrides; the fixture site uses a small one). */
export const INDEX_PAGE_SIZE = pageSize(process.env['INDEX_PAGE_SIZE']);
