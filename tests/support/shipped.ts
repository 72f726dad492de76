/** The project's shipped message entries, as the site builds them, for unit tests. */
import { fileURLToPath } from 'node:url';
import { buildArchive, type Archive } from '../../src/lib/mail/archive.ts';
import { readEntries } from '../../src/lib/mail/node/entries.ts';
import { slugOf } from '../../src/lib/mail/ids.ts';
import type { MessageRecord } from '../../src/lib/mail/types.ts';

/** The repository root, with a trailing slash. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every entry in src/content/messages as a record. */
export function shippedRecords(): MessageRecord[] {
  return readEntries(`${root}src/content/messages`).map((e) => {
    const r = e as unknown as MessageRecord;
    return { ...r, slug: slugOf(r.messageId) };
  });
}

/** The archive the site builds from the shipped entries. */
export function shippedArchive(): Archive {
  return buildArchive(shippedRecords());
}
