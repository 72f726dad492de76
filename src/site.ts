/**
 * Site-level glue for pages: base-aware URLs and the archive, built once per build.
 * Pages import from here; src/lib stays free of astro:*.
 */
import { getCollection } from 'astro:content';
import { shareArchive } from './lib/downloads.ts';
import { buildArchive, type Archive } from './lib/mail/archive.ts';
import { slugOf } from './lib/mail/ids.ts';
import { pageSize } from './lib/paginate.ts';
import { withBase } from './lib/routes.ts';

/** A site-relative path joined with the configured base. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

let archive: Promise<Archive> | undefined;

/** The archive of every stored message entry, merged and threaded (memoised per build). */
export function loadArchive(): Promise<Archive> {
  archive ??= getCollection('messages').then((entries) =>
    buildArchive(
      entries.map(({ data }) => {
        const { body, ...rest } = data;
        return { ...rest, slug: slugOf(rest.messageId), body } as Parameters<typeof buildArchive>[0][number];
      }),
    ),
  );
  shareArchive(archive);
  return archive;
}

/** Items per page of the long listings (INDEX_PAGE_SIZE overrides; the fixture site uses a small one). */
export const INDEX_PAGE_SIZE = pageSize(process.env['INDEX_PAGE_SIZE']);
