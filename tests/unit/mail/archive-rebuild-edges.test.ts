/**
 * rebuildQuoted on small archives written for these tests: what a rebuilt message holds,
 * which parent chain its id comes from, when a made-up id is matched to a held message by
 * its words, and the threading hints it returns.
 */
import { describe, expect, it } from 'vitest';
import { type ArchiveMessage, fromRecord } from '../../../src/lib/mail/archive-message.ts';
import { rebuildQuoted } from '../../../src/lib/mail/archive-rebuild.ts';
import { quotedId } from '../../../src/lib/mail/ids.ts';
import type { MessageRecord } from '../../../src/lib/mail/types.ts';
import { mail } from '../../support/records.ts';

function rebuild(records: MessageRecord[]): { byId: Map<string, ArchiveMessage>; hints: Map<string, string> } {
  const byId = new Map(records.map((r) => [r.messageId, fromRecord(r)]));
  const hints = rebuildQuoted(byId);
  return { byId, hints };
}
const rebuiltIds = (byId: Map<string, ArchiveMessage>) =>
  [...byId.values()].filter((m) => m.provenance === 'reconstructed').map((m) => m.messageId);

const P1 = 'The card raises one interrupt for every sixteen frames it receives.';
const P2 = 'Our driver rings the doorbell only after the whole batch is posted.';
const P3 = 'Nobody measured the cost of the extra cache misses on the reader side.';

describe('a message rebuilt from a reply without headers', () => {
  it('is a dated-before, quote-sourced record with the attribution as author, and the reply gets it as a hint', () => {
    const q = mail('q.10@example.org', {
      date: '2002-06-28T10:00:00Z',
      subject: 'Re: interrupts',
      body: `Jane Roe wrote:\n> ${P1}\n\nAgreed.\n`,
    });
    const { byId, hints } = rebuild([q]);
    const id = quotedId(q.messageId, 1);
    const m = byId.get(id);
    expect(m).toMatchObject({
      author: 'Jane Roe',
      date: null,
      before: '2002-06-28T10:00:00Z',
      provenance: 'reconstructed',
      sourceFormat: 'quotes',
      list: 'linux-kernel',
      body: P1,
      rebuiltFrom: [q.messageId],
      depth: 1,
      inReplyTo: null,
    });
    expect(m?.aliases).toEqual([]);
    expect(m?.references).toEqual([]);
    expect(hints).toEqual(new Map([[q.messageId, id]]));
  });

  it("is credited to 'unknown author' without an attribution", () => {
    const q = mail('q.11@example.org', { date: '2002-06-28T10:00:00Z', body: `> ${P1}\n\nAgreed.\n` });
    expect(rebuild([q]).byId.get(quotedId(q.messageId, 1))?.author).toBe('unknown author');
  });

  it('hints at the direct quote, not the deeper one', () => {
    const q = mail('q.12@example.org', { date: '2002-06-28T10:00:00Z', body: `> > ${P1}\n>\n> ${P2}\n\nAgreed.\n` });
    const { byId, hints } = rebuild([q]);
    expect(rebuiltIds(byId).sort()).toEqual([quotedId(q.messageId, 1), quotedId(q.messageId, 2)].sort());
    expect(hints.get(q.messageId)).toBe(quotedId(q.messageId, 1));
  });

  it('gives no hint to a reply whose headers name its parent', () => {
    const q = mail('q.13@example.org', {
      inReplyTo: 'gone.13@example.org',
      references: ['gone.13@example.org'],
      body: `> ${P1}\n\nAgreed.\n`,
    });
    const { byId, hints } = rebuild([q]);
    expect(rebuiltIds(byId)).toEqual(['gone.13@example.org']);
    expect(hints.size).toBe(0);
  });
});

describe('rebuilds of one missing message from two replies', () => {
  const GHOST = 'ghost.20@example.org';
  const reply = (id: string, date: string, quoted: string) =>
    mail(id, { date, inReplyTo: GHOST, references: [GHOST], body: `Jane wrote:\n${quoted}\n\nMine.\n` });

  it('keep the first text first when both are as long, joined by a gap line', () => {
    const A = 'The first passage has exactly this length.';
    const B = 'The other passage has exactly this length.';
    expect(A.length).toBe(B.length);
    const { byId } = rebuild([
      reply('a.21@example.org', '2002-06-28T10:00:00Z', `> ${A}`),
      reply('b.22@example.org', '2002-06-28T11:00:00Z', `> ${B}`),
    ]);
    expect(byId.get(GHOST)?.body).toBe(`${A}\n[…]\n${B}`);
  });

  it('add no passage again that differs only by trailing blanks', () => {
    const { byId } = rebuild([
      reply('a.23@example.org', '2002-06-28T10:00:00Z', `> ${P1}\n>\n> ${P2}`),
      reply('b.24@example.org', '2002-06-28T11:00:00Z', `> ${P1}   `),
    ]);
    expect(byId.get(GHOST)?.body).toBe(`${P1}\n\n${P2}`);
  });

  it('keep the first quoting date when a later reply has the same instant in another offset', () => {
    const { byId } = rebuild([
      reply('a.25@example.org', '2002-06-28T10:00:00Z', `> ${P1}`),
      reply('b.26@example.org', '2002-06-28T12:00:00+02:00', `> ${P2}`),
    ]);
    expect(byId.get(GHOST)?.before).toBe('2002-06-28T10:00:00Z');
    expect(byId.get(GHOST)?.rebuiltFrom).toEqual(['a.25@example.org', 'b.26@example.org']);
  });
});

describe('a summary replaced by a rebuild', () => {
  it('takes the rebuilt text and depth and keeps its own parent, or takes the rebuild’s', () => {
    const root = mail('root.30@example.org', { body: 'The root.\n' });
    const withParent = mail('sum.31@example.org', {
      provenance: 'summary',
      sourceFormat: 'summary',
      inReplyTo: 'elsewhere.39@example.org',
      references: ['root.30@example.org'],
      body: 'A summary in our words.\n',
    });
    const orphan = mail('sum.32@example.org', {
      provenance: 'summary',
      sourceFormat: 'summary',
      references: ['root.30@example.org'],
      body: 'Another summary.\n',
    });
    const q1 = mail('q.33@example.org', {
      inReplyTo: withParent.messageId,
      references: [root.messageId, withParent.messageId],
      body: `> ${P1}\n\nYes.\n`,
    });
    const q2 = mail('q.34@example.org', {
      inReplyTo: orphan.messageId,
      references: [root.messageId, orphan.messageId],
      body: `> ${P2}\n\nNo.\n`,
    });
    const { byId } = rebuild([root, withParent, orphan, q1, q2]);
    expect(byId.get(withParent.messageId)).toMatchObject({
      provenance: 'reconstructed',
      sourceFormat: 'quotes',
      body: P1,
      rebuiltFrom: [q1.messageId],
      inReplyTo: 'elsewhere.39@example.org',
      depth: 1,
    });
    expect(byId.get(withParent.messageId)?.segments.map((s) => s.kind)).toEqual(['text']);
    expect(byId.get(orphan.messageId)).toMatchObject({ body: P2, inReplyTo: root.messageId });
  });
});
