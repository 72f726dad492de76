import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { type Download, rawDownloads, sharedArchive, threadDownloads } from '../lib/downloads.ts';
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

/** The downloads step: an integration that reads the site's config, and the work itself. */
export interface Downloads extends AstroIntegration {
  /** Writes every download file under the built site `dir`. */
  write(dir: URL, logger: AstroIntegrationLogger): Promise<void>;
}

/**
 * Writes the archive's download files (src/lib/downloads.ts) once the pages are built:
 * raw mail per message, JSON and mbox per thread. The raw bytes are read from the
 * entries folder `entries`; absolute message URLs use the configured site and base. The Pagefind
 * integration runs `write` while it indexes (astro.config.mjs), as the index is built in
 * Pagefind's own process and this thread would otherwise wait.
 */
export default function downloads({ entries }: { entries: string }): Downloads {
  let site: URL | undefined;
  let base = '/';
  return {
    name: 'slowest-side:downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        base = config.base;
      },
    },
    async write(dir, logger) {
      const started = performance.now();
      const archive = await sharedArchive();
      const root = fileURLToPath(dir);
      const messageUrl = (slug: string): string => new URL(withBase(base, paths.message(slug)), site).href;
      const count =
        (await writeAll(
          root,
          rawDownloads(archive, (name) => readFileSync(join(entries, name))),
        )) + (await writeAll(root, threadDownloads(archive, messageUrl)));
      logger.info(`wrote ${count} download files in ${Math.round(performance.now() - started)} ms`);
    },
  };
}
