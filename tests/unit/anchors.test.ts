import { describe, expect, it } from 'vitest';
import { contentAnchors, readLock } from '../../src/lib/node/anchor-files.ts';
import { AnchorBook, anchorsInMdx, quoteSelector, lockAnchors, lostWarning, resolveAnchor, versionOf } from '../../src/lib/anchors.ts';
import { buildArchive } from '../../src/lib/mail/archive.ts';
import { slugOf } from '../../src/lib/mail/ids.ts';
import type { MessageRecord } from '../../src/lib/mail/types.ts';
import { root, shippedArchive } from '../support/shipped.ts';

const SEED = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';
const ID = 'anchor-test-1@example.invalid';
const shipped = shippedArchive();

const record = (body: string, provenance: MessageRecord['provenance'] = 'imported'): MessageRecord => ({
  messageId: ID,
  slug: slugOf(ID),
  aliases: [],
  author: 'Test Writer',
  date: '2002-06-27T12:00:00-06:00',
  subject: 'anchors',
  inReplyTo: null,
  references: [],
  list: 'linux-kernel',
  sourceFormat: provenance === 'imported' ? 'eml' : 'summary',
  provenance,
  body,
});
const archiveOf = (body: string) => buildArchive([record(body)]);

/** Version 1: one paragraph. Version 2: a greeting first, the same words split over two paragraphs and rewrapped. */
const V1 = 'The copy to user space costs one pass over the payload.\nReceive also pays the checksum unless the card did it.\n';
const V2 = [
  'Hello all, a longer version this time.',
  '',
  'The copy to user space costs one',
  'pass over the payload.',
  '',
  'Receive also pays the checksum unless',
  'the card did it.',
  '',
  'Thanks.',
].join('\n');

describe('anchors', () => {
  it('resolve words in the named paragraph, and refuse what our writing gets wrong', () => {
    const r = resolveAnchor(shipped, { at: `${SEED}#p6`, quote: 'TCP only performs as well as the slowest side of the connection' });
    expect(r.status).toBe('found');
    expect(r.status === 'found' && r.paragraphs.map((p) => p.index)).toEqual([6]);
    expect(() => resolveAnchor(shipped, { at: `${SEED}#p1`, quote: 'TCP only performs as well' })).toThrow(/does not contain/);
    expect(() => resolveAnchor(shipped, { at: `${SEED}#p99` })).toThrow(/not 99/);
    expect(() => resolveAnchor(shipped, { at: 'nobody@example.invalid#p1' })).toThrow(/no message/);
    expect(() => resolveAnchor(shipped, { at: SEED, quote: 'anything' })).toThrow(/needs a paragraph/);
  });

  it('follow their words into a new version whose paragraphs are split differently', () => {
    const before = archiveOf(V1);
    const locked = lockAnchors(before, [{ at: `${ID}#p1` }, { at: `${ID}#p1`, quote: 'unless the card did it' }]);
    expect(locked).toHaveLength(2);
    const after = archiveOf(V2);
    const book = new AnchorBook(after, locked);
    expect(book.paragraphsOf({ at: `${ID}#p1` })).toEqual([2, 3]);
    expect(book.paragraphsOf({ at: `${ID}#p1`, quote: 'unless the card did it' })).toEqual([3]);
    expect(book.lost()).toEqual([]);
    // Without the recorded words, paragraph 1 of the new version is only a greeting.
    expect(() => resolveAnchor(after, { at: `${ID}#p1`, quote: 'unless the card did it' })).toThrow(/does not contain/);
  });

  it('tell repeated words apart by the text around them, over the paragraph hint', () => {
    const body = 'First: the copy is the cost here.\n\nSecond: the copy is the cost there.\n';
    const selector = quoteSelector(archiveOf(body).messages.get(ID)!, 2, 'the copy is the cost');
    expect(selector.prefix).toMatch(/Second: $/);
    const moved = archiveOf(`Second: the copy is the cost there.\n\nFirst: the copy is the cost here.\n`);
    const locked = [{ at: `${ID}#p2`, quote: 'the copy is the cost', ...selector, version: 'old' }];
    // The hint (#p2) points at the "First" paragraph now; the context wins.
    expect(new AnchorBook(moved, locked).paragraphsOf({ at: `${ID}#p2`, quote: 'the copy is the cost' })).toEqual([1]);
  });

  it('say when a reader’s version lacks the words, and fail when ours does', () => {
    const locked = lockAnchors(archiveOf(V1), [{ at: `${ID}#p1`, quote: 'unless the card did it' }]);
    const other = archiveOf('A different text altogether, with none of those words.\n');
    const book = new AnchorBook(other, locked);
    expect(book.resolve({ at: `${ID}#p1`, quote: 'unless the card did it' }).status).toBe('lost');
    expect(book.lost()).toEqual([{ at: `${ID}#p1`, quote: 'unless the card did it', messageId: ID, exact: 'unless the card did it' }]);
    expect(lostWarning(book.lost())).toMatch(/1 passage not found[^\n]*\n {2}anchor-test-1@example.invalid#p1: "unless the card did it"/);
    // The same version the words were taken from: an error in our writing, not a reader's import.
    const same = archiveOf(V1);
    const wrong = [{ ...locked[0]!, exact: 'words that were never there', version: versionOf(same.messages.get(ID)!) }];
    expect(() => new AnchorBook(same, wrong).resolve({ at: `${ID}#p1`, quote: 'unless the card did it' })).toThrow(/locked words/);
  });

  it('are read from articles as every Margin and Passage', () => {
    const mdx = `<Margin at="a@b#p2" quote="some words">x</Margin>\n<Passage at="c@d#p1" />\n<Margin at="e@f">y</Margin>`;
    expect(anchorsInMdx(mdx)).toEqual([{ at: 'a@b#p2', quote: 'some words' }, { at: 'c@d#p1' }, { at: 'e@f' }]);
  });

  it('of the shipped content all resolve, and the recorded words are current (npm run anchors)', () => {
    const refs = contentAnchors(root);
    expect(refs.length).toBeGreaterThan(40);
    const book = new AnchorBook(shipped, readLock(root));
    for (const ref of refs) expect(book.resolve(ref).status, ref.at).toBe('found');
    expect(readLock(root)).toEqual(lockAnchors(shipped, refs));
  });
});
