/**
 * The originals of the June and July 2002 threads imported over the shipped archive (and
 * into an empty one), from look-alike mail written for the tests (tests/fixtures/originals).
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentAnchors, readLock } from '../../../src/lib/node/anchor-files.ts';
import { AnchorBook } from '../../../src/lib/anchors.ts';
import { type Archive, buildArchive } from '../../../src/lib/mail/archive.ts';
import { readRecords } from '../../../src/lib/mail/node/entries.ts';
import { isDerivedId } from '../../../src/lib/mail/ids.ts';
import { importPaths } from '../../../src/lib/mail/node/importer.ts';
import { matchKey } from '../../../src/lib/mail/stream.ts';
import { root, shippedArchive } from '../../support/shipped.ts';

const QUESTION = 'Pine.LNX.4.44.0206271146280.9500-100000@alvie-mail.lanl.gov';
const JULY = 'Pine.LNX.4.44.0207091625460.2905-100000@alvie-mail.lanl.gov';
const BERND = 'E17NgVM-0001l3-00@sites.inka.de';
const SEED = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';
const FIXTURES = join(root, 'tests/fixtures/originals');

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'originals-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Imports the look-alike originals into `dir` (made from the shipped entries when `over`). */
async function imported(name: string, over: boolean): Promise<Archive> {
  const dir = join(work, name);
  if (over) cpSync(join(root, 'src/content/messages'), dir, { recursive: true });
  const result = await importPaths([FIXTURES], { dir, aliasesFile: join(work, `${name}.json`) });
  expect(result.rejected).toEqual([]);
  return buildArchive(readRecords(dir));
}

const shape = (archive: Archive) => archive.threads.map((t) => ({ id: t.id, size: t.size })).sort((a, b) => (a.id < b.id ? -1 : 1));

describe('the originals of the thread, imported', () => {
  it('over the shipped archive: every entry upgraded in place, one per message, same threads', async () => {
    const archive = await imported('over', true);
    expect(readdirSync(join(work, 'over')).filter((f) => f.endsWith('.md'))).toHaveLength(18);
    expect(archive.messages.size).toBe(18);
    expect([...archive.messages.values()].every((m) => m.provenance === 'imported')).toBe(true);
    expect(shape(archive)).toEqual(shape(shippedArchive()));
    expect(shape(archive)).toEqual([
      { id: QUESTION, size: 11 },
      { id: JULY, size: 7 },
    ]);
  });

  it('into an empty archive: the seed’s rebuilt quotes merge into the real messages, no thread splits', async () => {
    const archive = await imported('fresh', false);
    expect([...archive.messages.keys()].filter(isDerivedId)).toEqual([]);
    expect(archive.messages.size).toBe(18);
    expect(shape(archive)).toEqual([
      { id: QUESTION, size: 11 },
      { id: JULY, size: 7 },
    ]);
    expect(archive.placement.get(SEED)?.parent?.id).toBe(BERND);
    expect(archive.placement.get(BERND)?.parent?.id).toBe(QUESTION);
  });

  it('links a quote to the paragraphs it spans when the original splits it', async () => {
    const archive = await imported('links', true);
    const seed = archive.messages.get(SEED);
    const deep = seed?.segments.findIndex((s) => s.kind === 'quote' && s.depth === 2) ?? -1;
    // Bernd quoted the question's two paragraphs (3 and 4 of the original) as one block.
    expect(archive.quoteSources.get(`${SEED}#${deep}`)).toEqual({ messageId: QUESTION, paragraph: 3, through: 4 });
    expect(
      archive.quotedBy
        .get(QUESTION)
        ?.get(4)
        ?.map((q) => q.messageId),
    ).toContain(SEED);
  });

  it('every anchor of the articles and notes lands on the same words', async () => {
    const archive = await imported('anchors', true);
    const refs = contentAnchors(root);
    const before = new AnchorBook(shippedArchive(), readLock(root));
    const after = new AnchorBook(archive, readLock(root));
    let moved = 0;
    for (const ref of refs) {
      const a = before.resolve(ref);
      const b = after.resolve(ref);
      expect(b.status, ref.at).toBe('found');
      if (a.status !== 'found' || b.status !== 'found') continue;
      expect(b.message.messageId).toBe(a.message.messageId);
      // The words the note stands on in the shipped archive stand in the paragraphs it lands on now.
      const words = a.exact === null ? null : matchKey(a.paragraphs.map((p) => p.text).join(' '));
      if (a.exact !== null) expect(words).toContain(a.exact);
      if (a.exact !== null) expect(matchKey(b.paragraphs.map((p) => p.text).join(' '))).toContain(a.exact);
      if (a.paragraphs.map((p) => p.index).join() !== b.paragraphs.map((p) => p.index).join()) moved++;
    }
    expect(after.lost()).toEqual([]);
    // The question's and Bernd's passages stand in other paragraphs of the originals.
    expect(moved).toBeGreaterThanOrEqual(10);
  });
});
