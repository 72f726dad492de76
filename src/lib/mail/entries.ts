/**
 * Reads stored message entries for the content collection (build time, file system).
 * The entry format itself is store.ts's; this only lists and loads the files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEntry } from './store.ts';

/** Where entries live: `MESSAGES_DIR` (used by the test fixture site) or src/content/messages. */
export function messagesDir(): string {
  return process.env['MESSAGES_DIR'] ?? 'src/content/messages';
}

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
