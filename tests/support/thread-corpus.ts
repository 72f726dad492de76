/**
 * A small mail-shaped corpus for checking thread grouping the way one compares with notmuch:
 * 31 messages, several threads, missing parents, junk ids, ids a gateway rewrote, a reply
 * loop, a self-reference and replies that only a subject ties to their thread. `groups`
 * is the grouping worked out by hand; tests compare the same-thread pairs.
 */
import type { ThreadInput } from '../../src/lib/mail/thread-tree.ts';

/** One message: a short key for the groups, then its id and headers. */
interface Row {
  key: string;
  id: string;
  date: string;
  author: string;
  subject: string;
  inReplyTo?: string;
  references?: string[];
}

// Ids of messages the corpus refers to but does not hold.
const M1 = '20020627110000.GB2200@box.example.org';
const R2 = '200206262300.g5QN0Ab00001@old.example.net';
const X2 = '200206270830.g5R8UAb00002@old.example.net';
const Y2 = '20020627084500.GA0003@laptop.example.org';
const G4 = '20020628093000.A1234';
const [A10, B10, C10, D10] = ['a10@ghosts.example', 'b10@ghosts.example', 'c10@ghosts.example', 'd10@ghosts.example'];

const T1 = 'Pine.LNX.4.44.0206271000000.1111-100000@lab.example.gov';
const T1B = '20020627101500.GA2200@box.example.org';
const T1D = 'E17NhAB-0002xy-00@sites.example.de';
const T2A = '1025167200.3d1b1a60aa01@imap.example.com';
const T3A = '20020627120000.GA4400@box.example.org';
const T3B = '3D1B3E7F.1020304@cs.example.edu';
const T5A = '3D1C5F2B.7090001@cs.example.edu';
const L1 = 'loop.one.20020628@loop.example';
const L2 = 'loop.two.20020628@loop.example';
const S1 = 'self.20020628.0001@self.example';

const rows: Row[] = [
  // T1: a chain with a missing middle message and a reply whose References were trimmed.
  { key: 't1a', id: T1, date: '2002-06-27T10:00:00-06:00', author: 'Xavier Bestel', subject: 'Zero-copy receive path' },
  {
    key: 't1b',
    id: T1B,
    date: '2002-06-27T18:15:00+02:00',
    author: 'Alan Cox',
    subject: 'Re: Zero-copy receive path',
    inReplyTo: T1,
    references: [T1],
  },
  {
    key: 't1c',
    id: '3D1B2C3D.4050607@cs.example.edu',
    date: '2002-06-27T18:40:00+02:00',
    author: 'Ben Greear',
    subject: 'Re: Zero-copy receive path',
    inReplyTo: T1B,
    references: [T1, T1B],
  },
  {
    key: 't1d',
    id: T1D,
    date: '2002-06-27T21:00:00+02:00',
    author: 'Bernd Eckenfels',
    subject: 'Re: Zero-copy receive path',
    inReplyTo: M1,
    references: [T1, T1B, M1],
  },
  {
    key: 't1e',
    id: '200206271200.g5RC0Ab01234@mail.example.com',
    date: '2002-06-27T22:00:00+02:00',
    author: 'Andi Kleen',
    subject: 'Re: Zero-copy receive path',
    inReplyTo: T1D,
    references: [T1, T1D],
  },
  // T2: the first message is missing; one reply's In-Reply-To is not among its References.
  {
    key: 't2a',
    id: T2A,
    date: '2002-06-27T09:00:00+02:00',
    author: 'Ann Author',
    subject: 'Re: TCP segmentation offload',
    inReplyTo: R2,
    references: [R2],
  },
  {
    key: 't2b',
    id: '20020627093000.GC0005@laptop.example.org',
    date: '2002-06-27T09:30:00+02:00',
    author: 'Bo Example',
    subject: 'Re: TCP segmentation offload',
    inReplyTo: X2,
    references: [R2],
  },
  {
    key: 't2c',
    id: '20020627094500.GD0006@laptop.example.org',
    date: '2002-06-27T09:45:00+02:00',
    author: 'Bo Example',
    subject: 'Re: TCP segmentation offload',
    references: [R2, Y2],
  },
  {
    key: 't2d',
    id: '1025170000.3d1b2550bb02@imap.example.com',
    date: '2002-06-27T10:00:00+02:00',
    author: 'Cy Person',
    subject: 'Re: TCP segmentation offload',
    inReplyTo: T2A,
    references: [R2, T2A],
  },
  // T3: junk tokens; t3c is tied by its subject only, t3e merely shares the junk token.
  { key: 't3a', id: T3A, date: '2002-06-27T12:00:00+02:00', author: 'Dee Writer', subject: 'sendfile and TCP_CORK' },
  {
    key: 't3b',
    id: T3B,
    date: '2002-06-27T12:30:00+02:00',
    author: 'Ed Replier',
    subject: 'Re: sendfile and TCP_CORK',
    inReplyTo: 'yes',
    references: [T3A],
  },
  {
    key: 't3c',
    id: '20020627130000.GE0007@laptop.example.org',
    date: '2002-06-27T13:00:00+02:00',
    author: 'Bo Example',
    subject: 'Re: sendfile and TCP_CORK',
    references: ['yes'],
  },
  {
    key: 't3d',
    id: '1025175600.3d1b3b30cc03@imap.example.com',
    date: '2002-06-27T13:30:00+02:00',
    author: 'Cy Person',
    subject: 'Re: sendfile and TCP_CORK',
    inReplyTo: T3B,
    references: ['', '@', T3A, T3B],
  },
  {
    key: 't3e',
    id: '20020627140000.GF0008@laptop.example.org',
    date: '2002-06-27T14:00:00+02:00',
    author: 'Bo Example',
    subject: 'O_DIRECT and the page cache',
    inReplyTo: '<>',
    references: ['yes'],
  },
  // T4: a missing message referred to under three spellings (a gateway's domain, a gateway's suffix).
  {
    key: 't4a',
    id: '20020628100000.GA0009@laptop.example.org',
    date: '2002-06-28T10:00:00+02:00',
    author: 'Bo Example',
    subject: 'Re: skb_copy_bits',
    inReplyTo: `${G4}@mail.example.net`,
    references: [`${G4}@mail.example.net`],
  },
  {
    key: 't4b',
    id: '3D1C6A00.1010101@cs.example.edu',
    date: '2002-06-28T10:10:00+02:00',
    author: 'Ed Replier',
    subject: 'Re: skb_copy_bits',
    inReplyTo: `${G4}@news.gateway.example`,
    references: [`${G4}@news.gateway.example`],
  },
  {
    key: 't4c',
    id: '1025254200.3d1c6e38dd04@imap.example.com',
    date: '2002-06-28T10:20:00+02:00',
    author: 'Cy Person',
    subject: 'Re: skb_copy_bits',
    references: [`${G4}@mail.example.net.lists.linux.kernel`],
  },
  // T5: a held message referred to under a rewritten domain.
  { key: 't5a', id: T5A, date: '2002-06-28T11:00:00+02:00', author: 'Dee Writer', subject: '[PATCH] tcp_sendpage: fix the checksum' },
  {
    key: 't5b',
    id: '20020628111500.GB0010@laptop.example.org',
    date: '2002-06-28T11:15:00+02:00',
    author: 'Bo Example',
    subject: 'Re: [PATCH] tcp_sendpage: fix the checksum',
    inReplyTo: '3D1C5F2B.7090001@gw.example.com',
    references: ['3D1C5F2B.7090001@gw.example.com'],
  },
  // T6: short ids under two domains are two different missing messages.
  {
    key: 't6a',
    id: '20020628120000.GC0011@laptop.example.org',
    date: '2002-06-28T12:00:00+02:00',
    author: 'Bo Example',
    subject: 'Re: mmap and DMA',
    inReplyTo: '1@a.example',
  },
  {
    key: 't6b',
    id: '3D1C7800.2020202@cs.example.edu',
    date: '2002-06-28T12:05:00+02:00',
    author: 'Ed Replier',
    subject: 'Re: scatter-gather lists',
    inReplyTo: '1@b.example',
  },
  // T7: a reply loop.
  { key: 'l1', id: L1, date: '2002-06-28T13:00:00+02:00', author: 'Loop A', subject: 'checksum offload', inReplyTo: L2, references: [L2] },
  {
    key: 'l2',
    id: L2,
    date: '2002-06-28T13:05:00+02:00',
    author: 'Loop B',
    subject: 'Re: checksum offload',
    inReplyTo: L1,
    references: [L1],
  },
  // T8: a message that names itself, and a reply to it.
  {
    key: 's1',
    id: S1,
    date: '2002-06-28T14:00:00+02:00',
    author: 'Self Ref',
    subject: 'irq affinity',
    inReplyTo: S1,
    references: [S1, S1],
  },
  {
    key: 's2',
    id: 'self.20020628.0002@self.example',
    date: '2002-06-28T14:10:00+02:00',
    author: 'Ann Author',
    subject: 'Re: irq affinity',
    inReplyTo: S1,
    references: [S1],
  },
  // T9: replies whose headers were lost: one has a subject to go by, one has not.
  {
    key: 'u1',
    id: '20020628150000.GD0012@laptop.example.org',
    date: '2002-06-28T15:00:00+02:00',
    author: 'Bo Example',
    subject: 'O_DIRECT alignment',
  },
  {
    key: 'u2',
    id: '3D1C8A00.3030303@cs.example.edu',
    date: '2002-06-28T15:30:00+02:00',
    author: 'Ed Replier',
    subject: 'Re: O_DIRECT alignment',
  },
  {
    key: 'u3',
    id: '1025272800.3d1cb6e0ee05@imap.example.com',
    date: '2002-06-28T16:00:00+02:00',
    author: 'Cy Person',
    subject: 'Re: an unrelated question',
  },
  // T10: References that disagree about how missing messages hang together.
  {
    key: 'o1',
    id: 'o1.20020629.0001@order.example',
    date: '2002-06-29T09:00:00+02:00',
    author: 'Ann Author',
    subject: 'Re: NAPI polling',
    inReplyTo: B10,
    references: [A10, B10],
  },
  {
    key: 'o2',
    id: 'o2.20020629.0002@order.example',
    date: '2002-06-29T09:10:00+02:00',
    author: 'Bo Example',
    subject: 'Re: NAPI polling',
    references: [C10, B10],
  },
  {
    key: 'o3',
    id: 'o3.20020629.0003@order.example',
    date: '2002-06-29T09:20:00+02:00',
    author: 'Cy Person',
    subject: 'Re: NAPI polling',
    references: [C10, D10],
  },
];

/** The corpus as the threader takes it, in a shuffled order. */
export const corpus: ThreadInput[] = rows
  .map(
    (r): ThreadInput => ({
      messageId: r.id,
      inReplyTo: r.inReplyTo ?? null,
      references: r.references ?? [],
      subject: r.subject,
      date: r.date,
      author: r.author,
    }),
  )
  .sort((a, b) => (a.messageId.length % 3) - (b.messageId.length % 3) || (a.messageId < b.messageId ? 1 : -1));

/** Message id by key. */
export const idOf: ReadonlyMap<string, string> = new Map(rows.map((r) => [r.key, r.id]));

/** The threads as worked out by hand, by key. */
export const groups: string[][] = [
  ['t1a', 't1b', 't1c', 't1d', 't1e'],
  ['t2a', 't2b', 't2c', 't2d'],
  ['t3a', 't3b', 't3c', 't3d'],
  ['t3e'],
  ['t4a', 't4b', 't4c'],
  ['t5a', 't5b'],
  ['t6a'],
  ['t6b'],
  ['l1', 'l2'],
  ['s1', 's2'],
  ['u1', 'u2'],
  ['u3'],
  ['o1', 'o2', 'o3'],
];

/** The corpus rows, for writing it out as mail (e.g. to check `groups` with notmuch by hand). */
export const corpusRows: readonly Readonly<Row>[] = rows;
