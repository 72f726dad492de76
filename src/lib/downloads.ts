/**
 * The archive's download files: each message's raw mail (addresses redacted, encoded ones
 * too; Message-IDs kept) and each thread as JSON and as an mboxrd of the messages whose
 * full text the archive holds. They are plain files, not pages, so the post-build step
 * writes them straight to disk (src/integrations/downloads.ts) instead of sending some
 * 15,000 of them through Astro's page pipeline one by one.
 */
import { type Archive, rawRedactor, redactor, threadSlug } from './mail/archive.ts';
import { sortTime } from './mail/archive-message.ts';
import { toMboxrd } from './mail/export.ts';
import { walk } from './mail/thread-tree.ts';
import { threadJson } from './mail/threadjson.ts';
import { paths } from './routes.ts';

/** One file to write: its path relative to the site root, and its bytes. */
export interface Download {
  path: string;
  bytes: Uint8Array;
}

/**
 * The raw download of every message that has raw bytes. `readRaw` gives the stored bytes
 * by file name (beside the entry); they are read as Latin-1, which maps bytes to characters
 * one to one, so every byte but the redacted ones survives.
 */
export function* rawDownloads(archive: Archive, readRaw: (name: string) => Uint8Array): Generator<Download> {
  const redact = rawRedactor(archive);
  for (const m of archive.messages.values()) {
    if (!m.raw) continue;
    const text = Buffer.from(readRaw(m.raw)).toString('latin1');
    yield { path: paths.raw(m.slug), bytes: Buffer.from(redact(text), 'latin1') };
  }
}

/** Every thread as JSON (`messageUrl` makes a message's absolute address) and as mboxrd. */
export function* threadDownloads(archive: Archive, messageUrl: (slug: string) => string): Generator<Download> {
  const redact = redactor(archive);
  for (const thread of archive.threads) {
    const slug = threadSlug(thread);
    yield { path: paths.threadJson(slug), bytes: Buffer.from(JSON.stringify(threadJson(thread, archive, messageUrl), null, 2)) };
    const held = walk(thread)
      .flatMap(({ node }) => archive.messages.get(node.id) ?? [])
      .filter((m) => m.provenance === 'imported' && m.date !== null)
      .sort((a, b) => sortTime(a) - sortTime(b))
      .map((m) => ({ ...m, date: m.date ?? '', body: redact(m.body) }));
    yield { path: paths.threadMbox(slug), bytes: Buffer.from(toMboxrd(held)) };
  }
}
