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

describe('a made-up id matched to the held message that wrote the quoted words', () => {
  const BO = 'Bo thinks the batch size matters more than the timer.';
  /**
   * A reply at 10:00 to a missing message, quoting it and, two deep, `passages` of its
   * parent, which has no id yet: the headers name only the missing message.
   */
  const quoting = (passages: string[]) =>
    mail('q.40@example.org', {
      date: '2002-06-28T10:00:00Z',
      subject: 'Re: interrupts',
      inReplyTo: 'gone.40@example.org',
      references: ['gone.40@example.org'],
      body: `Bo wrote:\n> Jane wrote:\n${passages.map((p) => `> > ${p}`).join('\n> >\n')}\n>\n> ${BO}\n\nThat matches.\n`,
    });
  const source = (id: string, date: string, passages: string[]) =>
    mail(id, { date, subject: 'interrupts', body: `${passages.join('\n\n')}\n` });
  /** The parent the missing message got: the held message, or 'rebuilt' for a rebuild under a made-up id. */
  function parentOfQuote(records: MessageRecord[]): string | null | undefined {
    const { byId } = rebuild(records);
    const made = quotedId('q.40@example.org', 2);
    const up = byId.get('gone.40@example.org')?.inReplyTo;
    expect(byId.has(made)).toBe(up === made);
    return up === made ? 'rebuilt' : up;
  }

  it('is the message that holds half of the passages, written no later than the reply', () => {
    expect(parentOfQuote([source('s.41@example.org', '2002-06-28T09:00:00Z', [P1]), quoting([P1, P2])])).toBe('s.41@example.org');
    expect(parentOfQuote([source('s.41@example.org', '2002-06-28T10:00:00Z', [P1]), quoting([P1, P2])])).toBe('s.41@example.org');
    expect(parentOfQuote([source('s.41@example.org', '2002-06-28T10:00:01Z', [P1]), quoting([P1, P2])])).toBe('rebuilt');
    expect(parentOfQuote([source('s.41@example.org', '2002-06-28T09:00:00Z', [P1]), quoting([P1, P2, P3])])).toBe('rebuilt');
  });

  it('is the message with most passages, the first one read on a tie', () => {
    const s1 = source('s.42@example.org', '2002-06-28T08:00:00Z', [P1, P2]);
    const s2 = source('s.43@example.org', '2002-06-28T09:00:00Z', [P3]);
    expect(parentOfQuote([s1, s2, quoting([P1, P2, P3])])).toBe(s1.messageId);
    expect(parentOfQuote([s1, s2, quoting([P3, P1, P2])])).toBe(s1.messageId);
    expect(parentOfQuote([source('s.42@example.org', '2002-06-28T08:00:00Z', [P1]), s2, quoting([P3, P1])])).toBe(s2.messageId);
  });

  it('counts only passages of four words and twenty characters or more', () => {
    const s = source('s.44@example.org', '2002-06-28T09:00:00Z', [P1]);
    // Too short to count: the source holds one of two passages.
    expect(parentOfQuote([s, quoting([P1, 'Yes it is so.', P2])])).toBe(s.messageId);
    expect(parentOfQuote([s, quoting([P1, 'Coalescing interrupts everywhere', P2])])).toBe(s.messageId);
    // Long enough to count: one of three.
    const twenty = 'One two three fours.';
    expect(twenty).toHaveLength(20);
    expect(parentOfQuote([s, quoting([P1, twenty, P2])])).toBe('rebuilt');
    expect(parentOfQuote([s, quoting([P1, 'Interrupts coalesce differently everywhere', P2])])).toBe('rebuilt');
  });
});

describe('the quoted parent of a reply without headers', () => {
  it('is found from a depth-1 quote however it is wrapped, and then needs no hint', () => {
    const s = mail('s.45@example.org', { date: '2002-06-28T09:00:00Z', body: `${P1} ${P2}\n` });
    const q = mail('q.46@example.org', { date: '2002-06-28T10:00:00Z', body: `Jane wrote:\n> ${P1}\n> ${P2}\n\nThat matches.\n` });
    const { byId, hints } = rebuild([s, q]);
    expect(rebuiltIds(byId)).toEqual([]);
    expect(hints.size).toBe(0);
  });

  it('is not looked for in the reply’s own text', () => {
    const s = mail('s.47@example.org', { date: '2002-06-28T08:00:00Z', body: `${P3}\n` });
    const q = mail('q.49@example.org', { date: '2002-06-28T10:00:00Z', body: `${P3}\n\nJane wrote:\n> ${P2}\n` });
    expect(rebuild([s, q]).hints.get(q.messageId)).toBe(quotedId(q.messageId, 1));
  });
});

describe('the parent chain a rebuild takes its ids from', () => {
  const twoDeep = `> > ${P1}\n>\n> ${P2}\n\nMine.\n`;

  it('runs from the parent up the References until a held message, then on from its headers', () => {
    const root = mail('root.50@example.org', { body: 'The root.\n' });
    const r = mail('r.51@example.org', {
      inReplyTo: 'mid.52@example.org',
      references: [root.messageId, 'mid.52@example.org'],
      body: twoDeep,
    });
    const { byId } = rebuild([root, r]);
    expect(rebuiltIds(byId)).toEqual(['mid.52@example.org']);
    expect(byId.get('mid.52@example.org')?.inReplyTo).toBe(root.messageId);
  });

  it('leaves out References ids after the In-Reply-To', () => {
    const root = mail('root.53@example.org', { body: 'The root.\n' });
    const r = mail('r.54@example.org', {
      inReplyTo: 'mid.55@example.org',
      references: [root.messageId, 'mid.55@example.org', 'stray.56@example.org'],
      body: twoDeep,
    });
    const { byId } = rebuild([root, r]);
    expect(rebuiltIds(byId)).toEqual(['mid.55@example.org']);
    expect(byId.get('mid.55@example.org')?.inReplyTo).toBe(root.messageId);
  });

  it('goes on from the held parent’s own headers, not from the older References', () => {
    const p = mail('p.57@example.org', { inReplyTo: 'y.58@example.org', references: ['y.58@example.org'], body: 'Held.\n' });
    const r = mail('r.59@example.org', { inReplyTo: p.messageId, references: ['x.60@example.org', p.messageId], body: twoDeep });
    expect(rebuiltIds(rebuild([p, r]).byId)).toEqual(['y.58@example.org']);
  });

  it('stops at a loop in the headers', () => {
    const a = mail('a.61@example.org', { inReplyTo: 'b.62@example.org', body: twoDeep });
    const b = mail('b.62@example.org', { inReplyTo: 'a.61@example.org', body: 'Plain.\n' });
    expect(rebuiltIds(rebuild([a, b]).byId)).toEqual([quotedId(a.messageId, 2)]);
    const c = mail('c.63@example.org', { inReplyTo: 'd.64@example.org', body: `> > > ${P3}\n> >\n> > ${P1}\n>\n> ${P2}\n\nMine.\n` });
    const d = mail('d.64@example.org', { inReplyTo: 'e.65@example.org', body: 'Plain.\n' });
    const e = mail('e.65@example.org', { inReplyTo: 'd.64@example.org', body: 'Plain.\n' });
    expect(rebuiltIds(rebuild([c, d, e]).byId)).toEqual([quotedId(c.messageId, 3)]);
  });
});

describe('an id a gateway rewrote', () => {
  const twoDeep = `> > ${P1}\n>\n> ${P2}\n\nMine.\n`;

  it('is matched to the held id it extends, or that has its distinctive local part', () => {
    const held = mail('abc.70@host.example.org', { body: 'Held.\n' });
    const viaSuffix = mail('r.71@example.org', { inReplyTo: 'abc.70@host.example.org.lists.linux.kernel', body: `> ${P1}\n\nMine.\n` });
    expect(rebuiltIds(rebuild([held, viaSuffix]).byId)).toEqual([]);
    const local = mail('20020628.1234.abc@host.example.org', { body: 'Held.\n' });
    const viaLocal = mail('r.72@example.org', { inReplyTo: '20020628.1234.abc@news.example.net', body: `> ${P1}\n\nMine.\n` });
    expect(rebuiltIds(rebuild([local, viaLocal]).byId)).toEqual([]);
  });

  it('takes the first held message with that local part, and the chain above it from its headers', () => {
    const first = mail('20020628.5555.xyz@a.example.org', { inReplyTo: 'fp.73@example.org', body: 'Held.\n' });
    const second = mail('20020628.5555.xyz@b.example.org', { inReplyTo: 'gp.74@example.org', body: 'Held.\n' });
    const r = mail('r.75@example.org', {
      inReplyTo: '20020628.5555.xyz@c.example.net',
      references: ['other.76@example.org', '20020628.5555.xyz@c.example.net'],
      body: twoDeep,
    });
    expect(rebuiltIds(rebuild([first, second, r]).byId)).toEqual(['fp.73@example.org']);
  });

  it('is never matched to the quoting message itself', () => {
    const r = mail('20020628.7777.self@host.example.org', { inReplyTo: '20020628.7777.self@news.example.net', body: `> ${P1}\n\nMine.\n` });
    expect(rebuiltIds(rebuild([r]).byId)).toEqual(['20020628.7777.self@news.example.net']);
  });
});

describe('summaries', () => {
  it('are not quoting messages: their quotes rebuild nothing', () => {
    const s = mail('sum.80@example.org', { provenance: 'summary', sourceFormat: 'summary', body: `Jane wrote:\n> ${P1}\n\nOur note.\n` });
    const { byId, hints } = rebuild([s]);
    expect(rebuiltIds(byId)).toEqual([]);
    expect(hints.size).toBe(0);
  });
});
