/**
 * The archive's download files (src/lib/downloads.ts), written by the post-build step
 * (post-build.ts) into the built site: raw mail per message, JSON and mbox per thread.
 * Plain functions of their inputs; nothing here knows about Astro.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Download, rawDownloads, threadDownloads } from '../lib/downloads.ts';
import type { Archive } from '../lib/mail/archive.ts';
import { pool } from '../lib/pool.ts';
import { paths, withBase } from '../lib/routes.ts';

/**
 * Writes `files` under `root`, a few at a time; returns how many. Their folders nearly all
 * exist already (a message's raw file sits beside its page), so a folder is only made when
 * a write finds it missing.
 */
export async function writeAll(root: string, files: Iterable<Download>): Promise<number> {
  let count = 0;
  await pool(files, 16, async ({ path, bytes }) => {
    const file = join(root, path);
    try {
      await writeFile(file, bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, bytes);
    }
    count += 1;
  });
  return count;
}

/** What {@link writeDownloads} writes from, and where. */
export interface DownloadsInput {
  /** The built site's folder. */
  site: string;
  /** The archive the pages were built from. */
  archive: Archive;
  /** The entries folder the archive was read from: the raw bytes lie beside the entries. */
  entries: string;
  /** The site's URL and base path, for the absolute message URLs in the thread JSON. */
  siteUrl: string;
  base: string;
}

/** Writes every download file of `archive` into the built site; returns how many. */
export async function writeDownloads({ site, archive, entries, siteUrl, base }: DownloadsInput): Promise<number> {
  const messageUrl = (slug: string): string => new URL(withBase(base, paths.message(slug)), siteUrl).href;
  return (
    (await writeAll(
      site,
      rawDownloads(archive, (name) => readFileSync(join(entries, name))),
    )) + (await writeAll(site, threadDownloads(archive, messageUrl)))
  );
}
