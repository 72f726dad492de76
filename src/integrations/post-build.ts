/**
 * The one post-build step: once Astro has written the pages, the Pagefind index
 * (pagefind.ts) and the download files (downloads.ts) are made side by side, each a plain
 * function of its inputs. Pagefind indexes in its own process, so this thread is free
 * meanwhile to write the downloads.
 *
 * The downloads need the archive the pages were built from. Pages build theirs inside
 * Astro's bundle, a module graph of its own, from which only a global could hand it over;
 * this step builds its own from the same entries instead (the output is byte-identical).
 * Measured at 10,000 messages on two shared cores: `buildArchive(readRecords(dir))` takes
 * 2.6–5.4 s, well over the second that rebuilding it here was allowed, and run while
 * Pagefind indexes it lengthened this step from 14.5 s to 18.9 s (medians of six), as
 * Pagefind keeps about one and a half cores busy. So the archive is built in a worker thread
 * from the start of the build, beside bundling and page rendering (one thread), and taken
 * when the pages are done (0.4 s to copy it in). It is ready 10–12 s into a build whose
 * pages are done at about 27 s. Over three builds before and four after, this step took
 * 17.1–18.3 s before and 16.0–18.3 s after, whole builds 47–56 s before and 43–58 s after
 * (`BENCH_N=10000 npm run bench`, build incl. index: 50.4 s before, 48.0 s after): what the
 * extra thread costs (it competes with bundling and rendering for the second core) is lost
 * in the noise here, and is nothing where a core is to spare.
 */
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Archive } from '../lib/mail/archive.ts';
import { writeDownloads } from './downloads.ts';
import { indexSite } from './pagefind.ts';

/** What the post-build step works from. */
export interface PostBuildInput {
  /** The built site's folder. */
  site: string;
  /** The archive the site was built from (see the top of this file). */
  archive: Archive | Promise<Archive>;
  /** The entries folder it was read from, which holds the raw mail. */
  entries: string;
  /** The site's URL and base path, for absolute links in the downloads. */
  siteUrl: string;
  base: string;
  logger: Pick<AstroIntegrationLogger, 'info'>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Indexes the built site and writes its download files, side by side, and waits for both.
 * One failing does not cut the other short; a failure is thrown as it came, two as one
 * error that gives both messages.
 */
export async function postBuild({ site, archive, entries, siteUrl, base, logger }: PostBuildInput): Promise<void> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const downloads = async (): Promise<void> => {
    const count = await writeDownloads({ site, archive: await archive, entries, siteUrl, base });
    logger.info(`wrote ${count} download files in ${elapsed()} ms`);
  };
  const [indexed, written] = await Promise.allSettled([indexSite(site), downloads()]);
  const failures = [indexed, written].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new Error(`the post-build step failed:\n${failures.map(message).join('\n')}`);
  // `npm run bench` reads this line for the index time.
  if (indexed.status === 'fulfilled') logger.info(`Pagefind indexed ${indexed.value} pages in ${elapsed()} ms`);
}

/**
 * Starts building the archive of the entries in `entries` in a worker thread
 * (archive-thread.ts); the function it returns waits for the thread and takes the archive.
 * The copy into this thread is made only then (about half a second at 10,000 messages), so
 * it does not land on this thread while it renders pages.
 */
export function archiveOffThread(entries: string): () => Promise<Archive> {
  const { port1, port2 } = new MessageChannel();
  // The thread ends by itself once it has posted the archive; a build that fails meanwhile
  // waits for it (a few seconds) rather than risk ending while the archive is awaited.
  const worker = new Worker(new URL('./archive-thread.ts', import.meta.url), {
    workerData: { entries, port: port2 },
    transferList: [port2],
  });
  const ended = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', () => resolve());
  });
  // Taken when the pages are done; a failed build may never ask for it.
  ended.catch(() => {});
  return async () => {
    await ended;
    const posted = receiveMessageOnPort(port1);
    port1.close();
    if (!posted) throw new Error('the archive thread ended without an archive');
    return posted.message as Archive;
  };
}

/**
 * The post-build step as an Astro integration. `entries` is the folder the pages read
 * (src/config.ts); the site's URL and base are Astro's, as configured.
 */
export default function postBuildIntegration({ entries }: { entries: string }): AstroIntegration {
  let siteUrl: string | undefined;
  let base = '/';
  let takeArchive: (() => Promise<Archive>) | undefined;
  return {
    name: 'slowest-side:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = config.site;
        base = config.base;
      },
      'astro:build:start': () => {
        takeArchive = archiveOffThread(entries);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!siteUrl) throw new Error('the downloads link to the site: set `site` in astro.config.mjs');
        const archive = (takeArchive ?? archiveOffThread(entries))();
        await postBuild({ site: fileURLToPath(dir), archive, entries, siteUrl, base, logger });
      },
    },
  };
}
