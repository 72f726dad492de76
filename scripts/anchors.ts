/**
 * `npm run anchors`: records the words every anchor of the articles and notes points at
 * (src/content/anchors.json), from the archive as it stands in src/content/messages. Run it
 * after writing or changing a `<Margin>`, a `<Passage>` or a note's `messages:`, against the
 * shipped archive (not one with your own imports). `--check` only says whether the file is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentAnchors, lockFile, readLock } from '../src/lib/node/anchor-files.ts';
import { lockAnchors } from '../src/lib/anchors.ts';
import { buildArchive } from '../src/lib/mail/archive.ts';
import { readRecords } from '../src/lib/mail/node/entries.ts';

const root = resolve(import.meta.dirname, '..');
const archive = buildArchive(readRecords(resolve(root, 'src/content/messages')));
const text = `${JSON.stringify(lockAnchors(archive, contentAnchors(root)), null, 2)}\n`;
const file = lockFile(root);
if (process.argv.includes('--check')) {
  const current = readFileSync(file, 'utf8') === text;
  console.log(current ? 'anchors.json is current' : 'anchors.json is out of date: run npm run anchors');
  process.exitCode = current ? 0 : 1;
} else {
  writeFileSync(file, text);
  console.log(`${readLock(root).length} anchors recorded in ${file}`);
}
