/**
 * Reads stored message entries for the build (file system).
 * The entry format itself is entry-file.ts's; this only lists and loads the files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugOf } from '../ids.ts';
import { messageSchema } from '../schema.ts';
import { parseEntry } from '../entry-file.ts';
import type { MessageRecord } from '../types.ts';

/** Every entry in `dir` as `{ id, ...frontmatter, body }`, id being the file's slug. */
export function readEntries(dir: string): { id: string; body: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      try {
        const { data, body } = parseEntry(readFileSync(path, 'utf8'));
        return { ...data, id: f.slice(0, -3), body };
      } catch (error) {
        throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
}

/**
 * Every entry in `dir` as a message record, each checked against {@link messageSchema}
 * (defaults filled in); the first entry that fails stops the build with its file and why.
 */
export function readRecords(dir: string): MessageRecord[] {
  return readEntries(dir).map(({ id, ...entry }) => {
    const checked = messageSchema.safeParse(entry);
    if (!checked.success) {
      const why = checked.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ');
      throw new Error(`${join(dir, `${id}.md`)}: ${why}`);
    }
    return { ...checked.data, slug: slugOf(checked.data.messageId) };
  });
}
