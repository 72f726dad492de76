import { describe, expect, it } from 'vitest';
import { backlinks, linkQuotes, type QuoteLinkInput } from '../../../src/lib/mail/provenance.ts';
import { segment } from '../../../src/lib/mail/quotes.ts';

const msg = (messageId: string, date: string | null, body: string): QuoteLinkInput => ({
  messageId,
  date,
  segments: segment(body),
});

/** Index of the first quote segment of `m`. */
const firstQuote = (m: QuoteLinkInput): number => m.segments.findIndex((s) => s.kind === 'quote');

const ORIGINAL = [
  'Opening paragraph that nobody will quote in these tests at all.',
  '',
  'The receive path costs more than the send path because every byte is copied',
  'from the DMA buffer into user memory, and that copy runs on the CPU that took',
  'the interrupt, so it competes with protocol processing for the same cycles.',
  '',
  'A ratio of send to receive rate > 1.5 means the copy is the bottleneck.',
].join('\n');

describe('linkQuotes', () => {
  const a = msg('a@example.org', '2002-06-27T10:00:00-06:00', ORIGINAL);

  it('links a rewrapped quote to the paragraph it came from', () => {
    const b = msg(
      'b@example.org',
      '2002-06-27T12:00:00-06:00',
      [
        'Ulla Example wrote:',
        '> The receive path costs more than the send',
        '> path because every byte is copied from the',
        '> DMA buffer into user memory, and that copy',
        '> runs on the CPU that took the interrupt, so it',
        '> competes with protocol processing for the same cycles.',
        '',
        'Only for large packets.',
      ].join('\n'),
    );
    expect(linkQuotes([a, b])).toEqual([
      { messageId: 'b@example.org', segment: firstQuote(b), source: { messageId: 'a@example.org', paragraph: 2 } },
    ]);
  });

  it('links a quote of part of a paragraph, one line or several, and tolerates ">" in text', () => {
    const b = msg(
      'b@example.org',
      '2002-06-27T12:00:00-06:00',
      [
        '> from the DMA buffer into user memory, and that copy runs on the CPU that took',
        '',
        'Which CPU, though?',
        '',
        '> A ratio of send to receive rate > 1.5 means the copy',
        '> is the bottleneck.',
        '',
        'Not necessarily.',
        '',
        '> copied from the DMA buffer into user memory, and that copy runs on the CPU',
        '> that took the interrupt, so it > competes with protocol processing',
      ].join('\n'),
    );
    const links = linkQuotes([a, b]);
    expect(links.map((l) => [l.segment, l.source.paragraph])).toEqual([
      [0, 2],
      [2, 3],
      [4, 2],
    ]);
  });

  it('links a quote cut mid-word at either end, long or as short as four words', () => {
    const b = msg(
      'b@example.org',
      '2002-06-27T12:00:00-06:00',
      [
        '> ceive path costs more than the send path because every byte is cop',
        '',
        'Cut at both ends.',
        '',
        '> eceive path costs mo',
        '',
        'Four words, cut too.',
        '',
        '> ratio of send to receive rate > 1.5 means the copy is the bottlene',
      ].join('\n'),
    );
    const links = linkQuotes([a, b]);
    expect(links.map((l) => [l.segment, l.source])).toEqual([
      [0, { messageId: 'a@example.org', paragraph: 2 }],
      [2, { messageId: 'a@example.org', paragraph: 2 }],
      [4, { messageId: 'a@example.org', paragraph: 3 }],
    ]);
  });

  it('keeps case: a quote whose words differ from the source only in case is not linked to it', () => {
    const exact = msg('exact@example.org', '2002-06-27T12:00:00-06:00', '> The receive path costs more than the send path\n\nYes.');
    const lower = msg('lower@example.org', '2002-06-27T12:00:00-06:00', '> the receive path costs more than the send path\n\nYes.');
    const shouted = msg('shout@example.org', '2002-06-27T12:00:00-06:00', '> THE RECEIVE PATH COSTS MORE THAN THE SEND PATH\n\nNo.');
    const cased = msg('cased@example.org', '2002-06-27T12:00:00-06:00', '> The Receive Path costs more than the send path\n\nNo.');
    expect(linkQuotes([a, exact, lower, shouted, cased]).map((l) => l.messageId)).toEqual(['exact@example.org']);
  });

  it('chooses the earliest dated source, undated last, ties in input order', () => {
    const text = 'Page flipping only pays off when the payload fills whole pages.';
    const later = msg('later@example.org', '2002-06-28T09:00:00+02:00', `Repeated without quoting:\n\n${text}`);
    const earlier = msg('earlier@example.org', '2002-06-27T23:00:00-05:00', `First said here.\n\n${text}`);
    const undated = msg('undated@example.org', null, text);
    const twin = msg('twin@example.org', '2002-06-27T23:00:00-05:00', text);
    const quoting = msg('q@example.org', '2002-06-29T09:00:00Z', `> ${text}\n\nAgreed.`);
    const links = linkQuotes([undated, later, earlier, twin, quoting]);
    expect(links).toEqual([{ messageId: 'q@example.org', segment: 0, source: { messageId: 'earlier@example.org', paragraph: 2 } }]);
    const withoutDates = linkQuotes([undated, quoting]);
    expect(withoutDates[0]?.source.messageId).toBe('undated@example.org');
  });

  it('never links a message to itself', () => {
    const self = msg(
      'self@example.org',
      '2002-06-27T10:00:00Z',
      'Interrupt mitigation halves the per-packet cost here.\n\nAs I said:\n> Interrupt mitigation halves the per-packet cost here.',
    );
    expect(linkQuotes([self])).toEqual([]);
    const other = msg('other@example.org', '2002-06-28T10:00:00Z', 'Interrupt mitigation halves the per-packet cost here.');
    expect(linkQuotes([self, other])[0]?.source.messageId).toBe('other@example.org');
  });

  it('links only the quotes of the messages `quoting` accepts, with every message still a source', () => {
    const source = msg('src@example.org', '2002-06-27T10:00:00Z', 'The receive path copies each byte twice on this driver.');
    const a = msg('a@example.org', '2002-06-28T10:00:00Z', '> The receive path copies each byte twice on this driver.\n\nAgreed.');
    const b = msg('b@example.org', '2002-06-28T11:00:00Z', '> The receive path copies each byte twice on this driver.\n\nNo.');
    expect(linkQuotes([source, a, b]).map((l) => l.messageId)).toEqual(['a@example.org', 'b@example.org']);
    const only = linkQuotes([source, a, b], (m) => m.messageId === 'b@example.org');
    expect(only.map((l) => [l.messageId, l.source.messageId])).toEqual([['b@example.org', 'src@example.org']]);
  });

  it('ignores short quotes and text that is only quoted, never written, elsewhere', () => {
    const a2 = msg(
      'a2@example.org',
      '2002-06-27T10:00:00Z',
      'Yes, that works.\n\n> An unsourced sentence that nobody wrote in the archive.',
    );
    const b = msg(
      'b2@example.org',
      '2002-06-28T10:00:00Z',
      '> Yes, that works.\n\n> An unsourced sentence that nobody wrote in the archive.',
    );
    expect(linkQuotes([a2, b])).toEqual([]);
  });

  it('is reversed by backlinks: source paragraph → quoting places, in link order', () => {
    const b = msg('b@example.org', '2002-06-27T12:00:00Z', '> A ratio of send to receive rate > 1.5 means the copy is the bottleneck.');
    const c = msg(
      'c@example.org',
      '2002-06-27T13:00:00Z',
      'Vera wrote:\n> The receive path costs more than the send path because every byte is copied\n\nSee above.\n\n> A ratio of send to receive rate > 1.5 means',
    );
    const back = backlinks(linkQuotes([a, b, c]));
    expect([...back.keys()]).toEqual(['a@example.org']);
    const byPara = back.get('a@example.org');
    expect(byPara?.get(3)).toEqual([
      { messageId: 'b@example.org', segment: 0 },
      { messageId: 'c@example.org', segment: 3 },
    ]);
    expect(byPara?.get(2)).toEqual([{ messageId: 'c@example.org', segment: 1 }]);
    expect(byPara?.has(1)).toBe(false);
  });

  it('finds a quote that the source splits over two paragraphs and wraps differently', () => {
    const source = msg(
      'split@example.org',
      '2002-06-27T10:00:00Z',
      'A greeting nobody quotes.\n\nThe send side runs at line rate on this card.\n\nThe receive side stalls on a copy\nthat nobody has found yet.\n',
    );
    const quoting = msg(
      'joined@example.org',
      '2002-06-28T10:00:00Z',
      '> The send side runs at line rate on this card. The receive side stalls on a copy that\n> nobody has found yet.\n\nWhich copy?',
    );
    const links = linkQuotes([source, quoting]);
    expect(links).toEqual([
      { messageId: 'joined@example.org', segment: 0, source: { messageId: 'split@example.org', paragraph: 2, through: 3 } },
    ]);
    const back = backlinks(links).get('split@example.org');
    expect([...(back?.keys() ?? [])]).toEqual([2, 3]);
  });
});
